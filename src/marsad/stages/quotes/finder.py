"""Find quotations: reporting verbs, relays, "according to" phrases and participles.

Each rule reads the words around a cue: the speaker phrase after it (or, with no subject, the
last speaker), adjuncts that may name a relaying outlet, then the opening of the content (a
complementiser, a colon or a quotation mark).  Content runs to the end of the sentence, or
to the closing mark of a quotation that carries on past it, and is cut where the next
attribution in the same sentence starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.core.document import Actor, Document, Quote, QuoteKind, Span
from marsad.stages.quotes.lexicon import Cues, cues
from marsad.stages.quotes.marks import OPENERS, inside, pair_marks
from marsad.stages.quotes.phrases import (
    MIN_OBJECT_FREQUENCY,
    Word,
    actor,
    common_word,
    has_form,
    is_title,
    name_in,
    outlet_at,
    phrase_span,
    speaker_end,
    words_of,
)
from marsad.stages.quotes.speakers import Discourse, is_group, is_pronoun, refer_back

#: Words allowed between the speaker and the content opener (adjuncts: place, time, addressee).
MAX_ADJUNCT_WORDS = 12
#: Fewest words in a quotation that follows its speaker with no colon: shorter ones are names
#: ("أعلنت الحكومة «سد النهضة»"), longer ones speech.
MIN_BARE_QUOTE_WORDS = 3
#: Longest name in quotation marks taken as a source ("بحسب «الفرنسية»"), in words.
MAX_QUOTED_NAME = 4
#: Words allowed between "كان" and "قد" for a subject placed before the verb.
MAX_FRONTED_SUBJECT = 6
#: Entity types that a sentence can be about, for a later dropped subject ("وأضاف أن").
TOPIC_TYPES = ("PER", "ORG")
#: What is trimmed from the ends of a content span.
_TRIM = " \t\n.!?؟،,؛;:-–—"


@dataclass
class Draft:
    """A quotation being built; ``region`` is where its attribution starts."""

    kind: QuoteKind
    content: Span
    speaker: Actor
    cue: Span | None
    via: Actor | None
    region: int
    sentence: int


@dataclass
class Context:
    doc: Document
    cues: Cues
    words: list[Word]
    pairs: list[tuple[int, int]]
    sent_of: list[int]  # sentence index of each word
    sent_first: list[int]  # first word index of each sentence
    sent_limit: list[int]  # word index just past each sentence
    discourse: Discourse = field(default_factory=Discourse)
    phrases: dict[Span, Span] = field(default_factory=dict)  # speaker span -> its whole phrase
    names: dict[int, int] = field(default_factory=dict)  # start -> end of each person mention
    place_ends: frozenset[int] = frozenset()  # end offsets of place and body mentions

    @property
    def text(self) -> str:
        return self.doc.text


def _context(doc: Document) -> Context:
    c = cues()
    words = words_of(doc, c)
    n_sent = len(doc.sentences)
    sent_of: list[int] = []
    first = [len(words)] * n_sent
    limit = [0] * n_sent
    s = 0
    for idx, w in enumerate(words):
        while s < n_sent - 1 and w.token.start >= doc.sentences[s].end:
            s += 1
        sent_of.append(s)
        first[s] = min(first[s], idx)
        limit[s] = idx + 1
    names = {m.start: m.end for e in doc.entities if e.type == "PER" for m in e.mentions}
    place_ends = frozenset(m.end for e in doc.entities if e.type != "PER" for m in e.mentions)
    return Context(doc, c, words, pair_marks(doc.text), sent_of, first, limit, names=names,
                   place_ends=place_ends)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _inner(ctx: Context, pair: tuple[int, int]) -> Span:
    """The words between a pair of marks, without the spaces just inside them."""
    a, b = pair[0] + 1, pair[1]
    while a < b and ctx.text[a].isspace():
        a += 1
    while b > a and ctx.text[b - 1].isspace():
        b -= 1
    return Span(a, b)


def _pair_at(ctx: Context, offset: int) -> tuple[int, int] | None:
    for a, b in ctx.pairs:
        if a == offset:
            return (a, b)
        if a > offset:
            break
    return None


def _char(ctx: Context, idx: int) -> str:
    """The mark of a punctuation token; a space for a word, which no mark test accepts."""
    w = ctx.words[idx]
    return ctx.text[w.token.start:w.token.end] if w.token.kind in ("punct", "symbol") else " "


def _content_from(ctx: Context, first: int, sentence: int) -> tuple[QuoteKind, Span] | None:
    """Content that starts at word ``first`` and runs to the end of the sentence (or quotation)."""
    if first >= len(ctx.words) or ctx.sent_of[first] != sentence:
        return None
    if _char(ctx, first) in OPENERS and _pair_at(ctx, ctx.words[first].token.start) is None:
        return _content_from(ctx, first + 1, sentence)  # a mark that never closes is dropped
    start = ctx.words[first].token.start
    end = ctx.doc.sentences[sentence].end
    pair = _pair_at(ctx, start) if _char(ctx, first) in OPENERS else None
    if pair is not None:
        after = ctx.text[pair[1] + 1:max(end, pair[1] + 1)]
        if not after.strip(_TRIM):
            return "direct", _inner(ctx, pair)
    for a, b in ctx.pairs:
        if start <= a < end < b + 1:
            end = b + 1  # a quotation that opens here carries on past the full stop
    start, end = _trim(ctx.text, start, end)
    if end <= start:
        return None
    has_marks = any(start <= a and b < end for a, b in ctx.pairs)
    return ("mixed" if has_marks else "indirect"), Span(start, end)


def _direct_after(ctx: Context, idx: int) -> tuple[QuoteKind, Span] | None:
    """Content opened by a colon or a quotation mark at word ``idx``."""
    sentence = ctx.sent_of[idx]
    ch = _char(ctx, idx)
    if ch == ":":
        nxt = idx + 1
        if nxt < len(ctx.words) and _char(ctx, nxt) in OPENERS:
            pair = _pair_at(ctx, ctx.words[nxt].token.start)
            if pair is not None:
                return "direct", _inner(ctx, pair)
        if nxt < len(ctx.words) and "\n" not in ctx.text[ctx.words[idx].token.end:ctx.words[nxt].token.start]:
            sentence = ctx.sent_of[nxt]  # the segmenter may end a sentence at the colon
        found = _content_from(ctx, nxt, sentence)
        return ("direct", found[1]) if found and found[0] == "indirect" else found
    pair = _pair_at(ctx, ctx.words[idx].token.start)
    if pair is not None:
        return "direct", _inner(ctx, pair)
    return None


def _speech_sized(ctx: Context, pair: tuple[int, int]) -> bool:
    """Whether a quotation opened with no colon is long enough to be speech, not a name."""
    return len(ctx.text[pair[0] + 1:pair[1]].split()) >= MIN_BARE_QUOTE_WORDS


def _adverbial(ctx: Context, k: int, start: int) -> bool:
    """"قبل أن يبدأ زيارة": أن after a preposition of time or manner opens no speech."""
    heads = ctx.cues.words("adverbial_an_heads")
    return k > start and (ctx.words[k - 1].key in heads or ctx.words[k - 1].bare in heads)


def _relay_to(ctx: Context, k: int, start: int) -> bool:
    """"في حديثه إلى": إلى after a statement noun leads to the outlet spoken to."""
    return (k > start and ctx.words[k].key in ctx.cues.words("relay_to")
            and has_form(ctx.words[k - 1], ctx.cues.statement_nouns))


def _seek_content(ctx: Context, k: int, limit: int) -> tuple[int, Actor | None, tuple[int, int] | None]:
    """Scan adjuncts from ``k`` for the content opener; returns (opener index or -1, via, source).

    ``source`` is a speaker phrase met in "نقلا عن X" (the subject is then only the relay).
    """
    c, words = ctx.cues, ctx.words
    via: Actor | None = None
    source: tuple[int, int] | None = None
    start = k
    seen = 0  # words read, punctuation aside
    while k < limit and seen <= MAX_ADJUNCT_WORDS:
        w = words[k]
        seen += w.is_word
        ch = _char(ctx, k)
        pair = _pair_at(ctx, w.token.start) if ch in OPENERS else None
        if pair is not None and via is None and k > start and (
                words[k - 1].key == "ل" or (words[k - 1].prep and words[k - 1].token.end == w.token.start)
                or _relay_to(ctx, k - 1, start)):
            # لـ"العربية", في حديثه إلى "الوطن": a name in quotation marks after a preposition
            # is the outlet.
            via = actor(ctx.doc, _inner(ctx, pair))
            while k < limit and words[k].token.start <= pair[1]:
                k += 1
            continue
        if pair is not None and k > start and has_form(words[k - 1], c.outlet_heads):
            # لصحيفة "ذا غانا سبورتس تايمز": a quotation after an outlet noun is its name,
            # however long, and never the speech.
            via = actor(ctx.doc, Span(words[k - 1].body_start, pair[1] + 1))
            while k < limit and words[k].token.start <= pair[1]:
                k += 1
            continue
        if ((c.is_complementiser(w.key) and not _adverbial(ctx, k, start)) or ch == ":"
                or (pair is not None and _speech_sized(ctx, pair))):
            return k, via, source
        if w.key in c.verbs or w.key in c.relay_verbs or w.key in c.participles or w.key in c.according:
            if (w.key in c.words("relay_adverbs") and k + 1 < limit
                    and words[k + 1].key in c.words("relay_from")):
                end = _speaker_end(ctx, k + 2, limit)
                if end > k + 2:
                    source = (k + 2, end)
                    k = end
                    continue
            return -1, via, source
        if via is None and (w.prep or (k > start and has_form(words[k - 1], c.statement_nouns))
                            or w.key in c.words("relay_with") or _relay_to(ctx, k, start)):
            # "مع", "إلى" after a statement noun and a detached "لـ" stand before the outlet.
            first = k + 1 if (w.key == "ل" or w.key in c.words("relay_with")
                              or _relay_to(ctx, k, start)) else k
            if first < limit:
                end = outlet_at(words, first, limit, c)
                if end > first:
                    via = actor(ctx.doc, phrase_span(words, first, end))
                    k = end
                    continue
        k += 1
    return -1, via, source


def _object_after_name(ctx: Context, k: int) -> bool:
    """Whether word ``k``, right after a place or body name, starts the verb's object: an
    indefinite common noun that is no title and starts no person's name."""
    w = ctx.words[k]
    if not w.is_word or w.key.startswith("ال") or w.prep or w.token.start in ctx.names:
        return False
    if is_title(w, ctx.cues) or has_form(w, ctx.cues.title_complements):
        return False
    return common_word(w, MIN_OBJECT_FREQUENCY)


def _speaker_end(ctx: Context, i: int, limit: int) -> int:
    """End of the speaker phrase at ``i``, stretched over a person's name that word shapes cut
    ("وزير الصحة توفيق الربيعة": توفيق is also a common noun)."""
    end = speaker_end(ctx.words, i, limit, ctx.cues)
    if end == i:
        return end
    for k in range(i + 1, end):
        if ctx.words[k - 1].token.end in ctx.place_ends and _object_after_name(ctx, k):
            return k  # "وتفقد محافظ جدة موقع السيول": the object after a place name
    stop = max((ctx.names.get(ctx.words[k].token.start, 0) for k in range(i, min(end + 1, limit))),
               default=0)
    while end < limit and ctx.words[end].token.end <= stop:
        end += 1
    return end


def _speaker_actor(ctx: Context, begin: int, end: int) -> Actor:
    """The speaker named by words ``begin..end``: the name in it, or the person it refers to."""
    a, b = name_in(ctx.words, begin, end, ctx.cues)
    whole = phrase_span(ctx.words, begin, end)
    found = actor(ctx.doc, phrase_span(ctx.words, a, b), whole)
    name = _person_name(ctx, found, whole)
    if name is not None:
        found = Actor(name, found.entity)
    found = refer_back(ctx.doc, ctx.cues, found, ctx.words[begin:end], ctx.discourse)
    ctx.phrases[found.span] = whole
    return found


def _person_name(ctx: Context, found: Actor, whole: Span) -> Span | None:
    """The mention of the person ``found`` links to, when it lies inside the speaker phrase: the
    entities stage knows where a name ends ("عادل الجبير") better than word shapes do."""
    if found.entity is None or ctx.doc.entities[found.entity].type != "PER":
        return None
    inner = [m for m in ctx.doc.entities[found.entity].mentions
             if whole.start <= m.start and m.end <= whole.end]
    best = next((m for m in inner if m.overlaps(found.span)), inner[0] if inner else None)
    return Span(best.start, best.end) if best is not None else None


def _note(ctx: Context, who: Actor) -> None:
    """Remember ``who`` as the last actor named, with the whole phrase that named it."""
    whole = ctx.phrases.get(who.span, who.span)
    ctx.discourse.note(who, [w for w in ctx.words if whole.start <= w.token.start < whole.end])


def _cue_span(ctx: Context, idx: int) -> Span:
    w = ctx.words[idx]
    return Span(w.conj_end, w.token.end)


def _fronted_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """"وكان الوزير قد قال": the subject between كان and قد."""
    words, first = ctx.words, ctx.sent_first[ctx.sent_of[i]]
    if i - 1 <= first or words[i - 1].key not in ctx.cues.words("perfect_particle"):
        return None
    k = i - 2
    while k >= first and i - 2 - k < MAX_FRONTED_SUBJECT:
        if words[k].key in ctx.cues.words("fronting_verbs"):
            return (k + 1, i - 1) if k + 1 < i - 1 else None
        if not words[k].is_word:
            return None
        k -= 1
    return None


def _opening_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """"الرئيس الأمريكي قال إن" / "لكن الوزير يرى أن": a subject that opens its clause.

    The phrase must run from the start of the sentence, a comma or a particle such as لكن up
    to the verb, and the verb must lead straight into its content.
    """
    words, c = ctx.words, ctx.cues
    first = ctx.sent_first[ctx.sent_of[i]]
    nxt = i + 1
    if i == first or words[i].conj_end > words[i].token.start or nxt >= len(words):
        return None
    if not (c.is_complementiser(words[nxt].key) or _char(ctx, nxt) == ":" or words[nxt].prep):
        return None
    k = i
    while k > first and i - k < MAX_FRONTED_SUBJECT and words[k - 1].is_word \
            and not has_form(words[k - 1], c.lead_particles):
        k -= 1
    if k == i or speaker_end(words, k, i, c) != i:
        return None
    opens = k == first or not words[k - 1].is_word or has_form(words[k - 1], c.lead_particles)
    return (k, i) if opens else None


def _main_subject(ctx: Context, i: int) -> Actor | None:
    """"أعلن الجيش مقتل ثلاثة قال إنهم مسلحون": a bare verb inside a clause shares its subject."""
    first = ctx.sent_first[ctx.sent_of[i]]
    w = ctx.words[i]
    if i <= first + 1 or w.conj_end > w.token.start or not ctx.words[i - 1].is_word:
        return None
    lead = ctx.words[first]
    if not (lead.key in ctx.cues.verbs or lead.key in ctx.cues.relay_verbs):
        return None  # only a clause opened by a verb of saying has a subject we can name
    return _clause_subject(ctx, ctx.sent_of[i])


def _preceding_quote(ctx: Context, i: int) -> Span | None:
    """«...»، قال الوزير: the quotation just before the cue."""
    k = i - 1
    while k >= 0 and (_char(ctx, k) in ("،", ",", "-", "–", "—")
                      or ctx.words[k].key in ctx.cues.words("quote_pointers")):
        k -= 1  # «...»، هكذا قال الوزير
    if k < 0:
        return None
    end = ctx.words[k].token.start
    first = ctx.words[ctx.sent_first[ctx.sent_of[i]]].token.start
    for a, b in ctx.pairs:
        # With no comma between, the quotation must open the sentence («...» قال الوزير).
        if b == end and (k < i - 1 or a == first):
            return _inner(ctx, (a, b))
    return None


def _may_be_implicit(ctx: Context, i: int) -> bool:
    """A verb without subject continues the last speaker unless it is plural or relative."""
    w = ctx.words[i]
    if w.key.endswith(ctx.cues.words("plural_verb_endings")):
        return False  # "قالوا": a group, not the last speaker
    if i == 0:
        return True
    first = ctx.sent_first[ctx.sent_of[i]]
    if (i > first and w.conj_end == w.token.start and w.key[:1] in ctx.cues.words("imperfect_prefixes")
            and ctx.words[i - 1].is_word):
        return False  # "بلاغا من شخص يفيد بأن": an imperfect verb describing the noun before it
    return ctx.words[i - 1].key not in ctx.cues.words("relatives")


def _plural(ctx: Context, i: int) -> bool:
    """A cue with a plural subject: قالوا، يقولون، مؤكدين."""
    key, c = ctx.words[i].key, ctx.cues
    return key.endswith(c.words("plural_verb_endings")) or (
        key in c.participles and key.endswith(c.words("plural_noun_endings")))


def _names_group(ctx: Context, who: Actor) -> bool:
    whole = ctx.phrases.get(who.span, who.span)
    return is_group([w for w in ctx.words if whole.start <= w.token.start < whole.end], ctx.cues)


def _group_speaker(ctx: Context, i: int, last: Actor | None) -> Actor | None:
    """The group a plural cue at ``i`` speaks for: the last group of people named in its
    sentence or the one before ("واستقبل الأمير أسر الشهداء ..., مؤكدين"), else the last
    speaker if it is a group."""
    s = ctx.sent_of[i]
    for k in range(i - 1, ctx.sent_first[max(0, s - 1)] - 1, -1):
        w = ctx.words[k]
        if w.is_word and is_group([w], ctx.cues):
            end = _speaker_end(ctx, k, ctx.sent_limit[ctx.sent_of[k]])
            if end > k:
                return _speaker_actor(ctx, k, end)
    return last if last is not None and _names_group(ctx, last) else None


def verb_quote(ctx: Context, i: int, last: Actor | None) -> Draft | None:
    """قال/أكد/أضاف ... إن/أن/: — with a named, fronted or implicit speaker."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    j = i + 1
    # A subject never starts with a preposition or a conjunction ("وهي تبكي", "والدموع ...").
    opens = j < limit and (words[j].prep or words[j].conj_end > words[j].token.start)
    end = j if opens else _speaker_end(ctx, j, limit)
    subject: tuple[int, int] | None = (j, end) if end > j else (
        _fronted_subject(ctx, i) or _opening_subject(ctx, i))
    group: Actor | None = None
    if subject is None and not _may_be_implicit(ctx, i):
        if not (_plural(ctx, i) and i > 0 and words[i - 1].key not in c.words("relatives")):
            return None
        group = _group_speaker(ctx, i, last)  # "وقالوا إن": the group named last
        if group is None:
            return None
    opener, via, source = _seek_content(ctx, end, limit)
    found: tuple[QuoteKind, Span] | None = None
    if opener >= 0:
        if c.is_complementiser(words[opener].key):
            found = _content_from(ctx, opener + 1, s)
        else:
            found = _direct_after(ctx, opener)
    elif subject is not None:
        before = _preceding_quote(ctx, i)
        found = ("direct", before) if before is not None else None
    if found is None:
        return None
    if source is not None:
        if subject is not None:
            via = _speaker_actor(ctx, *subject)
        subject = source
    speaker = _speaker_actor(ctx, *subject) if subject else (group or _main_subject(ctx, i) or last)
    if speaker is None:
        return None
    region = words[subject[0]].token.start if subject and subject[0] < i else words[i].token.start
    return Draft(found[0], found[1], speaker, _cue_span(ctx, i), via, region, s)


def relay_quote(ctx: Context, i: int, last: Actor | None) -> Draft | None:
    """نقلت وكالة X عن Y قوله: «...» / نقلت X عن Y أن ..."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    end = _speaker_end(ctx, i + 1, limit)
    if end == i + 1:
        return None
    via: Actor | None = _speaker_actor(ctx, i + 1, end)
    subject = (i + 1, end)
    k = end
    if k < limit and words[k].key in c.words("relay_from"):
        s_end = _speaker_end(ctx, k + 1, limit)
        if s_end == k + 1:
            return None
        subject = (k + 1, s_end)
        k = s_end
    else:
        return None  # without "عن" the verb is the noun "نقل" (transfer), not a relay
    if k < limit and words[k].key in c.speech_nouns:
        k += 1
    opener, extra_via, _ = _seek_content(ctx, k, limit)
    if opener < 0:
        return None
    if c.is_complementiser(words[opener].key):
        found = _content_from(ctx, opener + 1, s)
    else:
        found = _direct_after(ctx, opener)
    if found is None:
        return None
    return Draft(found[0], found[1], _speaker_actor(ctx, *subject), _cue_span(ctx, i),
                 via or extra_via, words[i].token.start, s)


def participle_quote(ctx: Context, i: int, drafts: list[Draft], last: Actor | None) -> Draft | None:
    """"...، مؤكدا أن ...": the speaker is the subject of the clause it continues."""
    words = ctx.words
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    opener, via, _ = _seek_content(ctx, i + 1, min(limit, i + 4))
    if opener < 0:
        return None
    if ctx.cues.is_complementiser(words[opener].key):
        found = _content_from(ctx, opener + 1, s)
    else:
        found = _direct_after(ctx, opener)
    if found is None:
        return None
    same = [d for d in drafts if d.sentence == s]
    speaker = same[-1].speaker if same else _clause_subject(ctx, s) or last
    if _plural(ctx, i) and (speaker is None or not _names_group(ctx, speaker)):
        speaker = _group_speaker(ctx, i, last) or speaker  # "..., مؤكدين": a group speaks
    if speaker is None:
        return None
    region = words[i].token.start
    return Draft(found[0], found[1], speaker, _cue_span(ctx, i), via, region, s)


def _opens_with_verb(ctx: Context, first: int) -> bool:
    """Whether the sentence opens "وأشاد ..." / "قال ...": a conjoined verb, or a verb of saying.

    A word with و glued on that is no noun (no article), particle or cue is taken as the verb.
    """
    w, c = ctx.words[first], ctx.cues
    if w.key in c.verbs or w.key in c.relay_verbs:
        return True
    if w.conj_end == w.token.start:
        return False
    return _verb_like(ctx, w)


def _verb_like(ctx: Context, w: Word, any_prefix: bool = False) -> bool:
    """A word that may be a past-tense verb: no article, preposition, particle, title or cue.

    ``any_prefix``: also one starting like an imperfect (تفقد، ترأس are past tense too), when
    the subject after it is checked to name an actor.
    """
    c = ctx.cues
    if not w.is_word or w.key.startswith("ال") or w.prep:
        return False
    return not (has_form(w, c.speaker_stops) or has_form(w, c.lead_particles)
                or w.key in c.participles or w.key in c.according
                or (not any_prefix and w.key[:1] in c.words("imperfect_prefixes")))


def _opens_with_bare_verb(ctx: Context, first: int) -> bool:
    """"أدى الأمير فيصل ...": an unconjoined verb, told from a noun by the titled or named
    subject that follows it and by lying outside any entity name."""
    w = ctx.words[first]
    if first + 1 >= len(ctx.words) or not _verb_like(ctx, w, True) or is_title(w, ctx.cues):
        return False
    if any(m.start <= w.token.start < m.end for e in ctx.doc.entities for m in e.mentions):
        return False
    nxt = ctx.words[first + 1]
    return (nxt.key.startswith("ال") and is_title(nxt, ctx.cues)) or any(
        m.start == nxt.token.start for e in ctx.doc.entities if e.type == "PER" for m in e.mentions)


def _clause_subject(ctx: Context, s: int) -> Actor | None:
    """The subject after the verb that opens sentence ``s`` ("وأشاد الرئيس بـ...")."""
    first, limit = ctx.sent_first[s], ctx.sent_limit[s]
    if first + 1 >= limit or not _opens_with_verb(ctx, first):
        return None
    end = _speaker_end(ctx, first + 1, limit)
    return _speaker_actor(ctx, first + 1, end) if end > first + 1 else None


def _topic(ctx: Context, s: int) -> Actor | None:
    """The actor a sentence that opens with a verb is about ("وأدى الأمير فيصل الصلاة").

    Only a person or body counts, named, titled or by honorific pronoun: "وشهدت المدينة" or
    "ونقل التعازي" (an object after a dropped subject) leave the last actor in place.
    """
    first, limit = ctx.sent_first[s], ctx.sent_limit[s]
    w = ctx.words[first]
    conjoined = w.conj_end > w.token.start and _verb_like(ctx, w, True) and not is_title(w, ctx.cues)
    if first + 1 >= limit or not (conjoined or _opens_with_verb(ctx, first)
                                  or _opens_with_bare_verb(ctx, first)):
        return None
    end = _speaker_end(ctx, first + 1, limit)
    if end == first + 1:
        return None
    phrase = ctx.words[first + 1:end]
    who = _speaker_actor(ctx, first + 1, end)
    if who.entity is not None and ctx.doc.entities[who.entity].type in TOPIC_TYPES:
        return who
    return who if is_title(phrase[0], ctx.cues) or is_pronoun(phrase, ctx.cues) else None


def _is_source(ctx: Context, j: int, i: int, end: int) -> bool:
    """Whether the phrase at ``j`` after "بحسب" at ``i`` reports something (not "وفقا للقانون")."""
    w = ctx.words[j]
    if has_form(w, ctx.cues.according_not_sources):
        return False
    if any(role == "pron" for _, _, role in w.token.pieces) and not has_form(w, ctx.cues.speech_nouns):
        return False  # "بحسب إمكاناتهم": a measure, not a source
    first = ctx.sent_first[ctx.sent_of[i]]
    # A source is set off by a comma, opens or closes the sentence, or is named after a verb
    # (حسبما ذكرت); in mid-clause "وفق" is "in line with".
    limit = ctx.sent_limit[ctx.sent_of[i]]
    closes = all(not ctx.words[k].is_word for k in range(end, limit))
    return (i == first or closes or _char(ctx, i - 1) in ("،", ",") or (j > i + 1
            and has_form(ctx.words[i + 1], ctx.cues.verbs | ctx.cues.relay_verbs)))


def _quoted_source(ctx: Context, j: int, limit: int) -> tuple[int, Span] | None:
    """"بحسب «الفرنسية»": a short name in quotation marks; (index past it, the name)."""
    if j >= limit or _char(ctx, j) not in OPENERS:
        return None
    pair = _pair_at(ctx, ctx.words[j].token.start)
    if pair is None or len(ctx.text[pair[0] + 1:pair[1]].split()) > MAX_QUOTED_NAME:
        return None
    k = j + 1
    while k < limit and ctx.words[k].token.start <= pair[1]:
        k += 1
    return k, _inner(ctx, pair)


def according_quote(ctx: Context, i: int, drafts: list[Draft]) -> Draft | None:
    """"...، بحسب مصادر أمنية" / "وبحسب الوزارة، فإن ..." / "حسبما ذكرت الوكالة"."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    first, limit = ctx.sent_first[s], ctx.sent_limit[s]
    j = i + 1
    while j < limit and words[j].key in c.according_connectors:
        j += 1  # وفقا لـ، نقلا عن، وفق ما
    if j < limit and (has_form(words[j], c.verbs) or has_form(words[j], c.relay_verbs)):
        j += 1  # حسبما ذكرت الوكالة، وفقا لما ذكره الموقع
    while j < limit and words[j].key in c.according_connectors:
        j += 1  # حسبما نقلت عنه الوكالة
    quoted = _quoted_source(ctx, j, limit)
    end = quoted[0] if quoted else _speaker_end(ctx, j, limit)
    if end == j or not _is_source(ctx, j, i, end):
        return None
    source = actor(ctx.doc, quoted[1]) if quoted else _speaker_actor(ctx, j, end)
    relay: Actor | None = None
    if end + 1 < limit and words[end].key in c.words("relay_from"):
        # "بحسب ما نقلته قناة الجزيرة عن مصادر محلية": the outlet relays the sources.
        s_end = _speaker_end(ctx, end + 1, limit)
        if s_end > end + 1:
            relay, source = source, _speaker_actor(ctx, end + 1, s_end)
            end = s_end
    here = words[i].token.start
    holder = next((d for d in reversed(drafts) if d.sentence == s and d.content.start < here
                   and _reaches(ctx, d.content, here) and inside(ctx.pairs, here) is None), None)
    if holder is not None:
        cut = _trim(ctx.text, holder.content.start, here)
        if holder.content.end > here and cut[1] > cut[0]:
            holder.content = Span(*cut)
        if _is_outlet(ctx, holder.speaker) and not _is_outlet(ctx, source):
            # "ذكرت الصحيفة أن ...، وفقا لمسؤولين": the outlet relays what the officials said.
            holder.via, holder.speaker = holder.speaker, source
        elif holder.via is None:
            holder.via = relay or source
        return None
    if i == first:
        k = end
        while k < limit and (_char(ctx, k) in ("،", ",") or c.is_complementiser(words[k].key)):
            k += 1
        found = _content_from(ctx, k, s)
    else:
        a, b = _trim(ctx.text, words[first].conj_end, here)
        if b <= a:
            return None
        kind: QuoteKind = "mixed" if any(a <= p and q < b for p, q in ctx.pairs) else "indirect"
        found = (kind, Span(a, b))
    if found is None:
        return None
    return Draft(found[0], found[1], source, _cue_span(ctx, i), relay, here, s)


def _reaches(ctx: Context, content: Span, here: int) -> bool:
    """Whether ``content`` runs up to ``here``, give or take closing marks and a comma."""
    return content.end >= here or not ctx.text[content.end:here].strip(_TRIM + "»”\"″")


def _is_outlet(ctx: Context, who: Actor) -> bool:
    words = [w for w in ctx.words if who.span.start <= w.token.start < who.span.end]
    return bool(words) and outlet_at(words, 0, len(words), ctx.cues) > 0


def _clause_starts(ctx: Context) -> list[int]:
    """Offsets of "وقال"/"وأضاف"...: a conjoined verb of saying opens a new attribution."""
    return [w.token.start for w in ctx.words
            if w.conj_end > w.token.start and w.key in ctx.cues.verbs]


def _cut_overlaps(ctx: Context, drafts: list[Draft], clauses: list[int]) -> list[Draft]:
    """End each content where a later attribution inside it starts; drop what becomes empty."""
    kept: list[Draft] = []
    for d in drafts:
        for r in sorted({o.region for o in drafts if o is not d} | set(clauses)):
            if not d.content.start < r < d.content.end:
                continue
            if inside(ctx.pairs, r) is not None and d.kind != "indirect":
                continue
            a, b = _trim(ctx.text, d.content.start, r)
            while b > a and ctx.text[b - 1] == "و" and (b - 1 == a or ctx.text[b - 2] == " "):
                a, b = _trim(ctx.text, a, b - 1)  # a bare "و" before the next cue
            d.content = Span(a, b)
        if d.content.end > d.content.start:
            _settle_kind(ctx, d)
            # Reported speech of one word is a fragment left by a cut, not a statement.
            if d.kind == "direct" or len(ctx.text[d.content.start:d.content.end].split()) >= 2:
                kept.append(d)
    return kept


def _settle_kind(ctx: Context, d: Draft) -> None:
    """A content that is one whole quotation is direct speech; marks inside make it mixed."""
    a, b = d.content.start, d.content.end
    for p, q in ctx.pairs:
        if p == a and q == b - 1:
            d.kind, d.content = "direct", _inner(ctx, (p, q))
            return
    if d.kind != "direct":
        d.kind = "mixed" if any(a <= p and q < b for p, q in ctx.pairs) else "indirect"


def _statement_date(doc: Document, d: Draft) -> str | None:
    """Value of the point date in the attribution: the sentence outside the content, on the
    side of the cue («...»، قال الوزير يوم الاثنين has it after the content)."""
    best: tuple[int, str] | None = None
    sent = doc.sentences[d.sentence]
    anchor = d.cue.start if d.cue else d.region
    if anchor >= d.content.end:
        lo, hi = d.content.end, max(sent.end, anchor)
    else:
        lo, hi = min(sent.start, anchor), d.content.start
    for m in doc.dates:
        if m.kind != "point" or not m.value or m.span.overlaps(d.content):
            continue
        if lo <= m.span.start and m.span.end <= hi:
            distance = abs(m.span.start - anchor)
            if best is None or distance < best[0]:
                best = (distance, m.value)
    return best[1] if best else None


def _quoted_words(ctx: Context) -> list[bool]:
    """For each word, whether it lies inside a pair of quotation marks (one sweep)."""
    flags: list[bool] = []
    pairs = ctx.pairs
    p = 0
    for w in ctx.words:
        at = w.token.start
        while p < len(pairs) and pairs[p][1] < at:
            p += 1
        flags.append(p < len(pairs) and pairs[p][0] < at < pairs[p][1])
    return flags


def find_quotes(doc: Document) -> list[Quote]:
    """Every quotation in ``doc`` with its speaker, cue, relay and statement date."""
    if not doc.tokens or not doc.sentences:
        return []
    ctx = _context(doc)
    c = ctx.cues
    drafts: list[Draft] = []
    quoted = _quoted_words(ctx)
    for i, w in enumerate(ctx.words):
        if i == ctx.sent_first[ctx.sent_of[i]] and not quoted[i]:
            topic = _topic(ctx, ctx.sent_of[i])
            if topic is not None:
                _note(ctx, topic)
        if not w.is_word or quoted[i]:
            continue  # a verb inside quotation marks belongs to the quoted speech
        if any(d.region <= w.token.start < d.content.start for d in drafts[-3:]):
            continue  # part of an attribution already read ("نقلا عن" after the verb)
        draft: Draft | None = None
        if w.prep and w.key not in c.according:
            continue  # بنقل، ليقول: a verbal noun or a purpose clause, not a verb of saying
        last = ctx.discourse.last()
        if w.key in c.relay_verbs:
            draft = relay_quote(ctx, i, last)
        elif w.key in c.verbs:
            draft = verb_quote(ctx, i, last)
        elif w.key in c.participles:
            draft = participle_quote(ctx, i, drafts, last)
        elif w.key in c.according:
            draft = according_quote(ctx, i, drafts)
        if draft is not None and not any(d.content == draft.content for d in drafts):
            drafts.append(draft)
            _note(ctx, draft.speaker)
    drafts = _cut_overlaps(ctx, drafts, _clause_starts(ctx))
    return [Quote(d.kind, d.content, d.speaker, d.cue, d.via, _statement_date(doc, d))
            for d in drafts]


__all__ = ["Draft", "find_quotes"]
