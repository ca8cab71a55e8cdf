"""Find event triggers in a document: a lexicon lookup per token, checked against its context.

Each token is looked up under the forms it may have once a conjunction (و ف), the future
prefix (سـ) or a preposition (ب ل ك) is taken off, so the lexicon holds bare words only.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document, Span, Token
from marsad.stages.events import lexicon
from marsad.stages.events.lexicon import FormEntry, Trigger
from marsad.text.keys import fold

#: How many tokens after a trigger a required word (``needs``: فرض … عقوبات) may come.
NEEDS_WINDOW = 6
#: The same for a required preposition opening the verb's complement (دعا … إلى، وافق … على): the
#: subject, its office and the object may all stand before it.
COMPLEMENT_WINDOW = 10
#: How many tokens before a trigger an overriding word (``unless``: طائرة مسيرة) may come.
UNLESS_WINDOW = 2
#: Letters that carry hamza: a token written with none of them is not a hamza_only trigger (هنا).
HAMZA_LETTERS = frozenset("أإؤئءآ")
#: Tanween (ً ٌ ٍ): nouns and adjectives take it, verbs never («سافراً» is blatant, not «سافرا», they
#: travelled); a participle listed as written (=منددا) is a noun and keeps it («مثمناً»).
TANWEEN = frozenset("\u064b\u064c\u064d")
SHADDA = "\u0651"
#: How many tokens after a trigger an ``after`` sense word (senses.yaml: حقق إنجازا) may come.
AFTER_WINDOW = 6
#: How many auxiliaries (كان، قد) may stand between a relative pronoun and the verb it opens.
AUXILIARY_RUN = 2
#: Entity types whose names may contain a trigger word that is only part of the name («آل طالب»،
#: «منظمة التعاون الإسلامي»): a word inside such a mention starts no event.
NAMED = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})
#: How many tokens after a seizure trigger its place may come: adverbs of manner and time may stand
#: between them («سيطرا بشكل كامل عصر أمس، على قاعدة …»).
TERRITORY_WINDOW = 9
#: Entity types that name a place a seizure may take (senses.yaml ``territory``).
PLACES = frozenset({"GPE", "LOC", "FAC"})
#: Punctuation that closes a clause.
CLAUSE_PUNCT = frozenset(",،؛;:()[]«»\"“”–—-")
#: Quotation marks: they enclose a phrase inside a clause («بمستقبل “العلاقات الهادفة” بين البلدين») or
#: a group's name after its head noun («ومتمردي تنظيم «حزب العمال»»).
QUOTE_MARKS = frozenset("«»\"“”")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger found in the text, before its arguments, status and date are read."""

    trigger: Trigger
    first: int  # index of its first token in doc.tokens
    last: int  # index just past its last token
    span: Span
    sentence: int
    future: bool  # the trigger itself carries سـ (سيزور)
    imperfect: bool


def surface(doc: Document, tok: Token) -> str:
    """The folded form of a token as written, clitics included."""
    return _folded(doc.text[tok.start:tok.end])


@lru_cache(maxsize=131_072)
def _folded(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=131_072)
def variants(word: str) -> tuple[tuple[str, bool], ...]:
    """Forms of a folded word with its proclitics taken off, each with whether سـ was removed."""
    out: list[tuple[str, bool]] = [(word, False)]
    bases = [word]
    if len(word) >= 3 and word[0] in "وف":
        bases.append(word[1:])
        out.append((word[1:], False))
    for base in bases:
        if len(base) > 3 and base[0] == "س" and base[1] in "يتنا":
            out.append((base[1:], True))
        if len(base) > 3 and base.startswith("لل"):
            out.append(("ال" + base[2:], False))
        if len(base) > 3 and base[0] in "بلك":
            out.append((base[1:], False))
    return tuple(out)


@lru_cache(maxsize=131_072)
def verb_forms(word: str) -> frozenset[str]:
    """Forms a folded word may stand for as a verb: و ف and the future سـ may stand on a verb, and
    ل of purpose before an imperfect (ليزور); the prepositions ب ك never do («بحث» is not ب + حث)."""
    out = {word}
    bases = [word]
    if len(word) >= 3 and word[0] in "وف":
        bases.append(word[1:])
        out.add(word[1:])
    for base in bases:
        if len(base) > 3 and base[0] in "سل" and base[1] in "يتن":
            out.add(base[1:])
        if len(base) > 3 and base[0] == "س" and base[1] == "ا":
            out.add(base[1:])
    return frozenset(out)


def word_keys(doc: Document, tok: Token) -> frozenset[str]:
    """Every form a token may stand for once its clitics are off (for needs/unless/cue lookups)."""
    return _keys_of(surface(doc, tok))


@lru_cache(maxsize=131_072)
def _keys_of(word: str) -> frozenset[str]:
    return frozenset(v for v, _ in variants(word))


def sentence_tokens(doc: Document) -> list[tuple[int, int]]:
    """For each sentence, the range of token indices inside it."""
    ranges: list[tuple[int, int]] = []
    i = 0
    n = len(doc.tokens)
    for sent in doc.sentences:
        while i < n and doc.tokens[i].start < sent.start:
            i += 1
        j = i
        while j < n and doc.tokens[j].end <= sent.end:
            j += 1
        ranges.append((i, j))
        i = j
    return ranges


def is_boundary(doc: Document, i: int, complementizers: frozenset[str]) -> bool:
    """Whether token ``i`` closes a clause: punctuation or a complementizer (إن، أن، بأن…)."""
    tok = doc.tokens[i]
    if tok.kind == "punct" or tok.kind == "symbol":
        return any(ch in CLAUSE_PUNCT for ch in doc.text[tok.start:tok.end])
    if tok.kind != "word":
        return False
    word = surface(doc, tok)
    return word in complementizers or (word[:1] in "وف" and word[1:] in complementizers)


def clause_bounds(doc: Document, i: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the clause around token ``i`` inside the sentence range ``[lo, hi)``."""
    comps = lexicon.status_cues()["complementizers"]
    start = i
    while start > lo and not is_boundary(doc, start - 1, comps):
        start -= 1
    end = i + 1
    while end < hi and not is_boundary(doc, end, comps):
        end += 1
    return start, end


def _phrase_end(doc: Document, i: int, hi: int, entry: FormEntry) -> int | None:
    """Index past the last token of a phrase trigger starting at ``i``, or None if it does not match."""
    j = i + 1
    for word in entry.words:
        if j >= hi or doc.tokens[j].kind != "word":
            return None
        keys = word_keys(doc, doc.tokens[j])
        if word not in keys and ("ال" + word) not in keys and word.removeprefix("ال") not in keys:
            return None
        j += 1
    return j


def _has_near(doc: Document, words: tuple[str, ...], start: int, stop: int) -> bool:
    return _near_index(doc, words, start, stop) is not None


def _near_index(doc: Document, words: tuple[str, ...], start: int, stop: int, possessed: bool = False
                ) -> int | None:
    """The first token in ``[start, stop)`` that is one of ``words`` (clitics allowed), if any;
    ``possessed``: a possessive pronoun on the word is allowed too (أرسلت قطر مساعداتها)."""
    wanted = _folded_set(words)
    keys = _possessed_keys if possessed else _keys_of
    purpose = PURPOSE_NEED in words
    return next((k for k in range(max(start, 0), min(stop, len(doc.tokens)))
                 if doc.tokens[k].kind == "word" and (keys(surface(doc, doc.tokens[k])) & wanted
                                                      or (purpose and k > start and _purpose_word(doc, k)))),
                None)


#: A ``needs`` entry that any word with ل on a stem stands for: a verbal noun of purpose
#: («دعت الدول لمساعدتهما»).
PURPOSE_NEED = "ل+"
#: Fewest letters of the stem after ل in such a word (لهم، لأن are no purpose).
MIN_PURPOSE_STEM = 3


def _purpose_word(doc: Document, k: int) -> bool:
    """Whether token ``k`` is ل on a stem, not inside a name («ودعت المديرية العامة للجوازات»): the
    caller keeps it off the word right after the trigger, where ل tells whom one prays for or what
    one promotes («يدعون للوطن»، «تدعو للرذيلة»), not what the one called on is to do."""
    word = surface(doc, doc.tokens[k])
    if not word.startswith("ل") or len(word) - 1 < MIN_PURPOSE_STEM:
        return False
    start = doc.tokens[k].start
    return not any(m.start <= start < m.end for e in doc.entities for m in e.mentions)


#: Possessive pronouns a trigger's needed noun may carry, longest first: «أرسلت قطر مساعداتها».
POSSESSIVES = ("هما", "هم", "هن", "ها", "نا", "كم", "ه")
#: Fewest letters left of a noun once its possessive is off.
MIN_POSSESSED_STEM = 3


@lru_cache(maxsize=131_072)
def _possessed_keys(word: str) -> frozenset[str]:
    """``_keys_of`` the word, and of the word with a possessive pronoun off (its feminine ت back to
    ة: «مساعدتها» is مساعدة + ها).  A preposition with a pronoun (عليه، إليها) stays as it is: the
    trigger's needed preposition governs a name, not a pronoun of the clause (التوقيع عليها)."""
    out = set(_keys_of(word))
    suffix = next((p for p in POSSESSIVES if word.endswith(p)), None)
    stem = word[: -len(suffix)] if suffix else ""
    if len(stem) >= MIN_POSSESSED_STEM and stem not in lexicon.senses().prepositions:
        out |= _keys_of(stem)
        if stem.endswith("ت"):
            out |= _keys_of(stem[:-1] + "ة")
    return frozenset(out)


@lru_cache(maxsize=1024)
def _folded_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def needed_word(doc: Document, cand: Candidate, hi: int, names: tuple[list[int], list[int]] | None = None
                ) -> int | None:
    """The token that fulfilled the trigger's ``needs`` (عقوبات after فرض), part of its phrase."""
    needs = cand.trigger.needs
    return _near_index(doc, needs, cand.last, _needs_stop(doc, names, cand.last, hi, needs), True) if needs else None


def _needs_stop(doc: Document, names: tuple[list[int], list[int]] | None, end: int, hi: int,
                needs: tuple[str, ...] = ()) -> int:
    """Where the search for a ``needs`` word ends: NEEDS_WINDOW tokens after the trigger, the words of
    names not counted (a long subject and object stand between «دعا» and «إلى»: «دعا السفير السعودي
    في مصر أحمد عبدالعزيز قطان إيران إلى عدم …»).  A preposition opening the verb's complement
    (``complement_preps``) may come after a subject with an office no name covers, and commas do
    not count: «دعا منسق الشؤون الإنسانية في الأرض الفلسطينية، روبيرت بايبر، إسرائيل إلى …»."""
    complement = bool(needs) and _folded_set(needs) <= lexicon.cue_words("complement_preps")
    window = COMPLEMENT_WINDOW if complement else NEEDS_WINDOW
    k, counted = end, 0
    while k < hi and counted < window:
        if (names is None or not _in_name(names, doc.tokens[k].end - 1)) and not (
                complement and doc.tokens[k].kind != "word"):
            counted += 1
        k += 1
    return k


def _context_ok(doc: Document, trig: Trigger, i: int, end: int, lo: int, hi: int,
                names: tuple[list[int], list[int]] | None = None) -> bool:
    """The trigger's ``needs`` word follows it and no ``unless`` word comes just before it."""
    if trig.needs and _near_index(doc, trig.needs, end, _needs_stop(doc, names, end, hi, trig.needs), True) is None:
        return False
    return not (trig.unless and _has_near(doc, trig.unless, max(lo, i - UNLESS_WINDOW), i))


#: Words between a verb of managing and the verbal noun it governs: «تمكنت القوات من تحرير»
#: (folded, as :func:`surface` gives a token: على is علي).
MANAGED_VIA = frozenset(fold(w) for w in ("من", "في", "على"))


def _managed(doc: Document, i: int, c_lo: int, managing: frozenset[str]) -> bool:
    """Whether a verb of managing in the clause governs the verbal noun at ``i``: the noun follows it,
    or follows the من/في/على after it («تمكنت القوات العراقية من تحرير جامعة الأنبار», «أقدم عنصر من
    التنظيم على قتل ثلاثة أطفال»)."""
    if i <= c_lo or doc.tokens[i - 1].kind != "word":
        return False
    before = surface(doc, doc.tokens[i - 1])
    if not word_keys(doc, doc.tokens[i - 1]).isdisjoint(managing):
        return True
    return before in MANAGED_VIA and any(
        doc.tokens[k].kind == "word" and not word_keys(doc, doc.tokens[k]).isdisjoint(managing)
        for k in range(c_lo, i - 1))


def after_during_prep(doc: Document, i: int, lo: int) -> bool:
    """Whether token ``i`` comes right after a preposition that frames its sentence's act (في، خلال،
    لدى: noun_context.yaml ``during_preps``), within the sentence that opens at ``lo``."""
    return i > lo and surface(doc, doc.tokens[i - 1]).lstrip("و") in lexicon.noun_context()["during_preps"]


def _noun_eventive(doc: Document, i: int, end: int, lo: int, hi: int, trig: Trigger) -> bool:
    """Whether a verbal noun reports an event (a light verb, a toll, a time, a target or a named
    party) not a topic."""
    ctx = lexicon.noun_context()
    if trig.concept in ctx["framed_concepts"] and not after_during_prep(doc, i, lo):
        return False  # «ليتم استقبالهم»، «رفض استقباله»: hosting is told only as what frames the act
    # An announced plan is an event too: «يعتزمان توقيع اتفاقية», «من المقرر عقد اجتماع».
    intents = lexicon.status_cues()["planned"].get("clause", frozenset())
    c_lo, c_hi = clause_bounds(doc, i, lo, hi)
    for k in range(c_lo, c_hi):
        if k in range(i, end) or doc.tokens[k].kind != "word":
            continue
        keys = word_keys(doc, doc.tokens[k])
        if keys & ctx["support_verbs"] or keys & ctx["time_words"] or keys & intents:
            return True
    for k in range(lo, hi):
        if doc.tokens[k].kind == "word" and word_keys(doc, doc.tokens[k]) & ctx["outcome_words"]:
            return True
    if _governed_by(doc, i, lo, ctx["allegation"]) or ordered(doc, i, lo):
        return True  # the act alleged or ordered: «اتهم الجيش المسلحين بقصف مستشفى»، «أمر … بوقف الغارات»
    if _suffered(doc, i, c_lo):
        return True  # the act undergone: «يتعرضون للتعذيب الممنهج من قبل مليشيات الحوثي»
    if _counted_object(doc, trig, end, hi) or _managed(doc, i, c_lo, ctx["managing"]):
        return True
    clause = Span(doc.tokens[c_lo].start, doc.tokens[c_hi - 1].end)
    if any(clause.contains(d.span) and d.value for d in doc.dates):
        return True
    if trig.mode in PARTY_MODES and _named_party(doc, end, c_hi):
        return True
    if trig.type in OWNED_TYPES and possessed_noun(doc, i) and _named_party(doc, end, c_hi):
        return True  # «بعد لقائه رئيس الحكومة تمام سلام»: his meeting, with the person named next
    # A named target or place right after the noun: «زيارة رسمية إلى بكين», «هجوم على مركز للشرطة في…».
    preps = {fold(p) for p in trig.target if p != "obj" and len(p) > 1}
    for k in range(end, min(end + 3, c_hi)):
        tok = doc.tokens[k]
        if tok.kind == "word" and surface(doc, tok) in preps:
            return True
    return False


def _suffered(doc: Document, i: int, lo: int) -> bool:
    """Whether the verbal noun at token ``i``, with ل, is what a verb of undergoing (تعرض لـ,
    data ``suffer``) before it in its clause, from token ``lo``, says its subject underwent."""
    return _governed_by(doc, i, lo, lexicon.actor_verbs()["suffer"], "ل")


def ordered(doc: Document, i: int, lo: int) -> bool:
    """Whether the verbal noun at token ``i``, with ب, is what a verb of ordering earlier in its
    sentence (from token ``lo``) orders: «وأمر الرئيس سانتوس، أمس، بوقف الغارات» (commas between)."""
    return _governed_by(doc, i, lo, lexicon.noun_context()["ordering"])


def _governed_by(doc: Document, i: int, lo: int, verbs: frozenset[str], clitic: str = "ب") -> bool:
    """Whether the verbal noun at token ``i`` bears ``clitic`` (ب, or ل) and one of ``verbs`` stands
    before it, from token ``lo``: the verb's complement (اتهم … بقصف، أمر … بوقف، تعرض … للتعذيب)."""
    return surface(doc, doc.tokens[i]).lstrip("وف").startswith(clitic) and any(
        doc.tokens[k].kind == "word" and bool(word_keys(doc, doc.tokens[k]) & verbs) for k in range(lo, i))


#: Types of verbal nouns that, carrying the pronoun of their doer, a person named right after makes
#: an event: his talks are with that person («بعد لقائه رئيس الحكومة تمام سلام», «اجتماعه …»).
OWNED_TYPES = frozenset({"CONSULT"})
#: Possessive pronouns written on a verbal noun (ة is never one of them: زيارة، زيارته، لقائه).
NOUN_PRONOUNS = ("ه", "ها", "هم", "هما")


def possessed_noun(doc: Document, i: int) -> bool:
    """Whether the verbal noun at token ``i`` carries a possessive pronoun (زيارتهم، لقائه): its
    doer was named before.  The written word decides when the token analysis saw none (a hamza
    seated on ي: لقائه)."""
    tok = doc.tokens[i]
    return tok.has_pronoun or doc.text[tok.start:tok.end].endswith(NOUN_PRONOUNS)


#: Modes of verbal nouns that a person named right after makes an event: a visit is someone's
#: («زيارة فابيوس»); other nouns with a name after them are as often topics («اتهامات الفساد»).
PARTY_MODES = frozenset({"visit"})
#: Most words between a verbal noun and the person named as its party (a title may stand between:
#: «زيارة وزير الدفاع الأمريكي أشتون كارتر»).
PARTY_REACH = 4


def _named_party(doc: Document, end: int, c_hi: int) -> bool:
    """Whether a person is named within PARTY_REACH words after a verbal noun, in its phrase (no
    punctuation between): «بعد زيارة وزير الدفاع الأمريكي أشتون كارتر لإسرائيل» is that visit,
    not visits as a topic; so is «لقاء الرئيس بنظيره» once a name follows."""
    persons = {m.start for e in doc.entities if e.type == "PER" for m in e.mentions}
    for k in range(end, min(end + PARTY_REACH, c_hi)):
        tok = doc.tokens[k]
        if tok.kind != "word":
            return False
        if any(tok.start <= p < tok.end for p in persons):
            return True
    return False


def _counted_object(doc: Document, trig: Trigger, end: int, hi: int) -> bool:
    """Whether a count stands between a verbal noun and its required object («نشر مئات الجنود»,
    «تزويد أكثر من ألف أسرة بالغذاء»): a quantity of people or goods makes it an act, not a topic."""
    if not trig.needs or trig.type not in lexicon.counted_types():
        return False
    need = _near_index(doc, trig.needs, end, min(end + NEEDS_WINDOW, hi), True)
    if need is None:
        return False
    numbers = lexicon.number_words()
    return any(doc.tokens[k].kind == "number" or (
        doc.tokens[k].kind == "word" and bool(word_keys(doc, doc.tokens[k]) & numbers)) for k in range(end, need))


def _place_follows(doc: Document, trig: Trigger, end: int, hi: int) -> bool:
    """Whether a seizure trigger has a place after it (a territory noun or a named place), or is
    no seizure concept: «السيطرة على مديرية التواهي», not «فرض سيطرة أكبر على الجهاز»."""
    senses = lexicon.senses()
    if trig.concept not in senses.territory_concepts:
        return True
    stop = min(end + TERRITORY_WINDOW, hi)
    if end >= stop:
        return False
    if _has_near(doc, tuple(senses.territory_words), end, stop):
        return True
    window = Span(doc.tokens[end].start, doc.tokens[stop - 1].end)
    return any(e.type in PLACES and any(window.contains(m) for m in e.mentions) for e in doc.entities)


def _after_preposition(doc: Document, i: int, lo: int) -> bool:
    """Whether the word before token ``i`` is a preposition: what follows it is a noun, not a verb."""
    if i <= lo or doc.tokens[i - 1].kind != "word":
        return False
    return bool(word_keys(doc, doc.tokens[i - 1]) & lexicon.senses().prepositions)


def _sense_after(doc: Document, trig: Trigger, end: int, hi: int) -> bool:
    """Whether a word just after the trigger gives it a sense outside its concept (حقق إنجازا)."""
    words = lexicon.senses().after.get(trig.concept)
    return bool(words) and _has_near(doc, tuple(words or ()), end, min(end + AFTER_WINDOW, hi))


def relative_background(doc: Document, i: int, lo: int) -> bool:
    """Whether the verb at token ``i`` opens a relative clause (الذي اتهم، التي كانت قد هاجمت):
    background told about a noun, not the news of the sentence."""
    senses = lexicon.senses()
    relatives = lexicon.status_cues()["relatives"]
    k = i - 1
    for _ in range(AUXILIARY_RUN + 1):
        if k < lo or doc.tokens[k].kind != "word":
            return False
        keys = word_keys(doc, doc.tokens[k])
        if keys & relatives:
            return True
        if not keys & senses.auxiliaries:
            return False
        k -= 1
    return False


#: Most tokens between a word of seeking or offering and the trigger it takes (طلبت من نظيري البريطاني دعما).
CONTENT_REACH = 6


def _content_veto(doc: Document, trig: Trigger, i: int, lo: int) -> bool:
    """Whether a trigger is what another act seeks, offers or trades (طلبت … دعما، مقابل رفع
    العقوبات; دعما reads as a verb too): a content word of its type (``senses.contents``) within
    CONTENT_REACH tokens before it."""
    words = lexicon.senses().contents.get(trig.type)
    return bool(words) and any(
        doc.tokens[k].kind == "word" and word_keys(doc, doc.tokens[k]) & (words or frozenset())
        for k in range(max(lo, i - CONTENT_REACH), i))


def _subject_veto(doc: Document, trig: Trigger, i: int, lo: int) -> bool:
    """Whether the word right before the trigger, as its subject, makes it part of another event
    (مظاهرات تطالب: the protest's demand)."""
    words = lexicon.senses().subjects.get(trig.type)
    return bool(words) and i > lo and doc.tokens[i - 1].kind == "word" and bool(
        word_keys(doc, doc.tokens[i - 1]) & (words or frozenset()))


def _best_entry(doc: Document, i: int, lo: int, hi: int, names: tuple[list[int], list[int]] | None = None
                ) -> tuple[FormEntry, int, bool] | None:
    """The most specific lexicon entry that token ``i`` starts, with its end and whether سـ was on it."""
    index = lexicon.trigger_index()
    senses = lexicon.senses()
    found: list[tuple[int, int, FormEntry, int, bool]] = []
    tok = doc.tokens[i]
    word = surface(doc, tok)
    if word in senses.not_triggers:
        return None
    written = set(doc.text[tok.start:tok.end])
    verbal: bool | None = None  # read only when a verb entry comes up
    for form, fut in variants(word):
        if (form in senses.hamza_only and not HAMZA_LETTERS & written) or (
                form in senses.shadda_other and SHADDA in written):
            continue
        for entry in index.get(form, ()):
            trig = entry.trigger
            if fut and trig.kind != "V":
                continue
            if trig.kind == "V":
                if verbal is None:
                    verbal = not _after_preposition(doc, i, lo)
                if not (verbal and form in verb_forms(word)) or (TANWEEN & written and not entry.as_written):
                    continue
            end = _phrase_end(doc, i, hi, entry) if entry.words else i + 1
            if end is None or not _context_ok(doc, trig, i, end, lo, hi, names) or _sense_after(doc, trig, end, hi):
                continue
            if not _place_follows(doc, trig, end, hi):
                continue
            if trig.kind == "N" and not _noun_eventive(doc, i, end, lo, hi, trig):
                continue
            # Longer phrases, then triggers whose required word was found, are the more specific.
            found.append((end - i, len(trig.needs) > 0, entry, end, fut))
    if not found:
        return None
    found.sort(key=lambda f: (-f[0], not f[1]))
    _, _, entry, end, fut = found[0]
    return entry, end, fut


def _vetoed(doc: Document, lo: int, hi: int) -> frozenset[str]:
    """The PLOVER types whose triggers take another sense in the sentence of tokens ``[lo, hi)``
    (a «لقاء» among football words is a match)."""
    vetoes = lexicon.senses().vetoes
    words: set[str] = set()
    for k in range(lo, hi):
        if doc.tokens[k].kind == "word":
            words |= word_keys(doc, doc.tokens[k])
    return frozenset(t for t, cues in vetoes.items() if words & cues)


def _name_spans(doc: Document) -> tuple[list[int], list[int]]:
    """Starts and ends of the named mentions (NAMED types), sorted by start."""
    spans = sorted((m.start, m.end) for e in doc.entities if e.type in NAMED for m in e.mentions)
    return [a for a, _ in spans], [b for _, b in spans]


def _in_name(names: tuple[list[int], list[int]], pos: int) -> bool:
    """Whether the character at ``pos`` lies inside a named mention (the last one starting at or
    before it; mentions do not overlap)."""
    k = bisect_right(names[0], pos) - 1
    return k >= 0 and pos < names[1][k]


def _name_word(doc: Document, names: tuple[list[int], list[int]], i: int) -> bool:
    """Whether token ``i`` is a word of a name: inside a named mention and bare (a word carrying a
    pronoun, سيطرتهما, is a verb the tagger ran the name into, not part of the name)."""
    tok = doc.tokens[i]
    return _in_name(names, tok.end - 1) and not tok.has_pronoun


def _in_hashtag(doc: Document, i: int, lo: int) -> bool:
    """Whether token ``i`` is a word of a hashtag (#قاطعوا_المنتجات): the tokens back to a «#» touch
    each other, joined by «_» only.  A hashtag names a campaign or a topic, it reports no event."""
    k = i
    while k > lo and doc.tokens[k - 1].end == doc.tokens[k].start:
        k -= 1
        mark = doc.text[doc.tokens[k].start:doc.tokens[k].end]
        if mark == "#":
            return True
        if doc.tokens[k].kind != "word" and mark != "_":
            return False
    return False


def _number_word(doc: Document, i: int) -> bool:
    """Whether token ``i`` is a cardinal number word, clitics off (اثنين، وثلاثة)."""
    return not word_keys(doc, doc.tokens[i]).isdisjoint(lexicon.number_words())


def find_triggers(doc: Document) -> list[Candidate]:
    """Every trigger in the document, in text order, at most one per token."""
    out: list[Candidate] = []
    names = _name_spans(doc)
    for s, (lo, hi) in enumerate(sentence_tokens(doc)):
        vetoed: frozenset[str] | None = None  # read only once a trigger is found
        # A word that completed an earlier trigger («فرض حظرا») starts no event of another type; one of
        # the same type may (شن غارات جوية: the noun tells the mode).
        taken: dict[int, str] = {}
        i = lo
        while i < hi:
            tok = doc.tokens[i]
            # (a number word is no verb: «اثنين» is two, not «أثنين», they praised)
            best = (_best_entry(doc, i, lo, hi, names) if tok.kind == "word" and not _name_word(doc, names, i)
                    and not _in_hashtag(doc, i, lo) and not _number_word(doc, i) else None)
            if best is not None and taken.get(i, best[0].trigger.type) != best[0].trigger.type:
                best = None
            if best is None:
                i += 1
                continue
            entry, end, fut = best
            if vetoed is None:
                vetoed = _vetoed(doc, lo, hi)
            if entry.trigger.type in vetoed or _subject_veto(doc, entry.trigger, i, lo) \
                    or _content_veto(doc, entry.trigger, i, lo) or (
                    entry.trigger.kind == "V" and relative_background(doc, i, lo)):
                i = end
                continue
            span = Span(tok.start, doc.tokens[end - 1].end)
            cand = Candidate(entry.trigger, i, end, span, s, fut, entry.imperfect or fut)
            out.append(cand)
            need = needed_word(doc, cand, hi, names)
            if need is not None:
                taken[need] = entry.trigger.type
            i = end
    return out
