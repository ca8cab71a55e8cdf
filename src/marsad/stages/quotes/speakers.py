"""Who a speaker phrase stands for: honorific pronouns, bare titles and dropped subjects.

News names a speaker once in full ("وزير الخارجية عادل الجبير") and then by an honorific
pronoun ("وأضاف معاليه"), by the title alone ("وأكد الوزير") or not at all ("وأضاف أن").  The
entities stage links such a phrase when it can; when no entity lies at the phrase, the speaker
takes the entity of the person it refers back to, the last one named with that title (or, for a
pronoun, the last one named).  A dropped subject continues the last actor named: the last
speaker, or the subject of a later sentence that opens with a verb ("وأدى الأمير ... . وقال: ").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.core.document import Actor, Document, Span
from marsad.stages.quotes.lexicon import Cues, demonyms, nationality
from marsad.stages.quotes.phrases import Word, common_word, has_form, is_title
from marsad.text.keys import fold

#: Fewest letters in the stem of a sound plural ("مواطنين"): shorter words ending in ين/ون
#: are singular ("الدين", "العيون" aside).
MIN_PLURAL_STEM = 5
#: Most words between a post told again later and the name after it («لدى الأمم المتحدة»).
MAX_POST_WORDS = 4
#: Most words between a name and a post told beside it (an honorific: «رئيس اللجنة الدكتور هادي»).
MAX_BESIDE_WORDS = 1
#: Entity types that can be the referent of an honorific pronoun or a bare title.
PERSON_TYPES = ("PER",)


@dataclass(frozen=True)
class Named:
    """An actor named in the text and the folded stems of the phrase that named it."""

    actor: Actor
    stems: frozenset[str]
    head: str  # the first stem of the phrase
    own: frozenset[str] = frozenset()  # stems of the words inside the actor's own span

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(honour_key(s) for s in self.stems)


@dataclass
class Discourse:
    """The actors named so far, in text order, for dropped subjects and back-references."""

    named: list[Named] = field(default_factory=list)

    def note(self, actor: Actor, words: list[Word]) -> None:
        stems = stems_of(words)
        own = stems_of([w for w in words if actor.span.start <= w.token.start < actor.span.end])
        self.named.append(Named(actor, frozenset(stems), stems[0] if stems else "", frozenset(own)))

    def last(self) -> Actor | None:
        return self.named[-1].actor if self.named else None

    def person(self, doc: Document, title: str | None = None, body: frozenset[str] = frozenset(),
               country: str | None = None, not_other: str | None = None) -> int | None:
        """Entity of the last person named (with ``title`` and the stems of ``body`` in its
        phrase, and belonging to ``country``, an ISO3 code, when given; of no state known but
        ``not_other``, when that is given)."""
        for n in reversed(self.named):
            ent = n.actor.entity
            if ent is None or doc.entities[ent].type not in PERSON_TYPES:
                continue
            if country is not None and doc.entities[ent].country != country:
                continue
            if not_other is not None and doc.entities[ent].country not in (None, not_other):
                continue
            if title is None or (title in n.stems and body <= n.stems):
                return ent
        return None

    def titled(self, title: str) -> Actor | None:
        """The last actor (of any kind) named with ``title`` in its phrase; unlinked, only one
        whose own words hold the title («مصدر أمني», not a name read after «مسؤول»)."""
        for n in reversed(self.named):
            if title in n.stems:
                return n.actor if n.actor.entity is not None or title in n.own else None
        return None

    def honoured(self, keys: frozenset[str]) -> Named | None:
        """The last actor named with one of ``keys`` (honorifics and titles) in its phrase."""
        for n in reversed(self.named):
            if n.keys & keys:
                return n
        return None

    def headed(self, head: str) -> int | None:
        """Entity of the last actor whose phrase opens with ``head`` ("المعهد" → "معهد البترول")."""
        for n in reversed(self.named):
            if n.actor.entity is not None and n.head == head:
                return n.actor.entity
        return None


def stems_of(words: list[Word]) -> list[str]:
    """Folded stems without the article: "الوزير" and "وزير" compare equal."""
    return [w.bare[2:] if w.bare.startswith("ال") else w.bare for w in words if w.is_word]


def honour_key(stem: str) -> str:
    """A stem compared without its last ta marbuta or ta (فخامة، فخامته: فخام)."""
    return stem.rstrip("هةت") or stem


def referent_keys(pronoun: Word, cues: Cues) -> frozenset[str]:
    """The honorifics and titles an honorific pronoun can refer back to (معاليه: معالي، وزير)."""
    own = honour_key(stems_of([pronoun])[0])
    for group in cues.honorific_referents:
        keys = frozenset(honour_key(g[2:] if g.startswith("ال") else g) for g in group)
        if own in keys:
            return keys
    return frozenset({own})


def is_pronoun(words: list[Word], cues: Cues) -> bool:
    """A phrase that is one honorific pronoun ("معاليه", "سموه")."""
    return len(words) == 1 and has_form(words[0], cues.honorific_pronouns)


def bare_title(words: list[Word], cues: Cues) -> str | None:
    """The title of a definite phrase that names nobody ("الوزير", "وزير الخارجية"), else None.

    An indefinite title ("مسؤول", "مصدر في الوزارة") introduces someone new and refers back to
    nobody.
    """
    if not words or not is_title(words[0], cues):
        return None
    definite = words[0].key.startswith("ال") or (len(words) > 1 and words[1].key.startswith("ال")
                                                 and not words[1].prep)
    if not definite:
        return None
    if not all(w.key.startswith("ال") or is_title(w, cues) or has_form(w, cues.title_complements)
               for w in words):
        return None  # a name in the phrase: the entities stage links it or nothing does
    return stems_of(words[:1])[0]


def refer_back(doc: Document, cues: Cues, found: Actor, words: list[Word],
               discourse: Discourse) -> Actor:
    """``found`` with the entity of the person its pronoun or bare title refers to."""
    person = found.entity is not None and doc.entities[found.entity].type in PERSON_TYPES
    if words and is_title(words[0], cues) and not person:
        ent = _named_after_post(doc, words, cues) or _named_with_post_before(doc, words)
        if ent is None and found.entity is not None and len(words) > 2:
            # «وقال ولي عهد أبوظبي …» after «الشيخ محمد بن زايد آل نهيان، ولي عهد أبوظبي …»: the
            # post told again is its holder's, not the place or body its words name.
            ent = _told_beside_name(doc, words)
        if ent is not None:  # «قال نائب مندوب السودان …» before «… نائب مندوب السودان حسن حميد حسن»
            return Actor(found.span, ent)
    if found.entity is not None:
        return found
    if is_pronoun(words, cues):
        ref = discourse.honoured(referent_keys(words[0], cues))
        if ref is not None:  # معاليه → معالي وزير الخارجية (its words, when no entity is known)
            return Actor(found.span, ref.actor.entity) if ref.actor.entity is not None else ref.actor
        ent = discourse.person(doc)
        last = discourse.last()
        if ent is None and last is not None and last.entity is None:
            return last
        return Actor(found.span, ent if ent is not None or last is None else last.entity)
    if len(words) == 1 and _possessed_body(words[0], cues):
        # "حسبما أعلن مكتبه": his office speaks for the person named last.
        return Actor(found.span, discourse.person(doc))
    if len(words) == 1 and _members(words[0], cues):
        return Actor(found.span, _last_body(doc, found.span.start))  # "وقال أعضاؤها": its members
    if _dual_title(words, cues):
        return Actor(found.span, _pair(doc, found.span.start))  # "وشدد الوزيران": the two named last
    title = bare_title(words, cues)
    if title is not None:
        # "رئيس الإقليم": the president of the region named before, over a president of anything
        # else named since.
        body = frozenset(stems_of([w for w in words[1:] if not is_title(w, cues)]))
        # «وشدد الرئيس الجزائري» after «الرئيس المصري … من نظيره الجزائري عبد العزيز بوتفليقة»:
        # a nationality after the title holds the person to that state.
        state = nationality([w.key for w in words[1:]])
        ent = ((discourse.person(doc, title, body, not_other=state) if body else None)
               or discourse.person(doc, title, not_other=state))
        if ent is None and state is not None:
            ent = person_of_nationality_before(doc, state, found.span.start)
        # "وأكد الوزير الأصبحي": a rare word after the title is a name, not more description.
        described = all(is_title(w, cues) or has_form(w, cues.title_complements) or common_word(w) for w in words)
        earlier = discourse.titled(title) if ent is None and described and state is None else None
        if earlier is not None:
            # "وقال مصدر في قيادات المقاومة … وذكر المصدر أن": the one named with that title,
            # with its words when no entity is known.
            return Actor(found.span, earlier.entity) if earlier.entity is not None else earlier
        if ent is None and described:
            # «خلال لقاء نجم الدين كريم محافظ كركوك … وقال المحافظ»: the person told beside the
            # title, though he had not spoken.
            ent = titled_person_before(doc, title, found.span.start)
        return Actor(found.span, ent)
    if len(words) > 2 and is_title(words[0], cues):
        # "وشدد رئيس لجنة حقوق الإنسان العربية": a post with its body, told before beside the name.
        ent = _told_beside_name(doc, words)
        if ent is not None:
            return Actor(found.span, ent)
    if len(words) == 1 and words[0].key.startswith("ال"):
        # "وأضاف المعهد": a definite noun alone names the body last named with that head noun.
        return Actor(found.span, discourse.headed(stems_of(words)[0]))
    return found


def _told_beside_name(doc: Document, words: list[Word]) -> int | None:
    """The person whose name stood right beside the same words earlier in the text («هادي بن علي
    اليامي رئيس لجنة حقوق الإنسان العربية» or «رئيس اللجنة الدكتور هادي اليامي»), with at most
    a comma or one word (an honorific: الدكتور) between."""
    start, end = words[0].token.start, words[-1].token.end
    at = doc.text.rfind(doc.text[start:end], 0, start)
    if at < 0:
        return None
    after = at + end - start
    for k, e in enumerate(doc.entities):
        if e.type not in PERSON_TYPES:
            continue
        for m in e.mentions:
            gap = doc.text[m.end:at] if m.end <= at else doc.text[after:m.start] if m.start >= after else None
            if gap is not None and len(gap.replace("،", " ").replace(",", " ").split()) <= MAX_BESIDE_WORDS:
                return k
    return None


#: How far, in letters, around a person's name its title is looked for (a word or two).
BESIDE_LETTERS = 30


def person_of_nationality_before(doc: Document, state: str, before: int) -> int | None:
    """The person named last before offset ``before`` right after a nationality adjective of
    ``state`` («من نظيره الجزائري عبد العزيز بوتفليقة»): the one the text gave that nationality."""
    table = demonyms()

    def told(m: Span) -> bool:
        prior = doc.text[max(0, m.start - BESIDE_LETTERS):m.start].split()[-1:]
        return any(table.get((fold(w),)) == state for w in prior)
    return _last_person_before(doc, before, told)


def titled_person_before(doc: Document, title: str, before: int) -> int | None:
    """The person named last before offset ``before`` with ``title`` right after the name or right
    before it («نجم الدين كريم محافظ كركوك», «المحافظ نجم الدين كريم»); a title further before
    may be another's («مستشار وزير الخارجية فلان» is no minister)."""
    forms = {title, "ال" + title}

    def told(m: Span) -> bool:
        after = doc.text[m.end:m.end + BESIDE_LETTERS].replace("،", " ").split()[:1]
        prior = doc.text[max(0, m.start - BESIDE_LETTERS):m.start].split()[-1:]
        return any(fold(w) in forms or fold(w).removeprefix("و") in forms for w in (*after, *prior))
    return _last_person_before(doc, before, told)


def _last_person_before(doc: Document, before: int, told: Callable[[Span], bool]) -> int | None:
    """The entity of the person whose mention, ending by offset ``before``, starts last among
    those ``told`` accepts."""
    best: tuple[int, int] | None = None  # (start of the name, entity)
    for k, e in enumerate(doc.entities):
        if e.type not in PERSON_TYPES:
            continue
        for m in e.mentions:
            if m.end <= before and (best is None or m.start > best[0]) and told(m):
                best = (m.start, k)
    return best[1] if best is not None else None


def _named_after_post(doc: Document, words: list[Word], cues: Cues) -> int | None:
    """The person named later right after the same post («قال نائب مندوب السودان بالأمم المتحدة إن
    …» in the lead, «… قال نائب مندوب السودان لدى الأمم المتحدة حسن حميد حسن» further on): the post's
    words up to the first preposition, found again later with at most MAX_POST_WORDS words and no
    punctuation or other title before a person's name.  A post with the article («المبعوث الخاص»)
    refers back, not forward (:func:`_named_with_post_before`)."""
    post = _post(doc, words)
    if post is None or words[0].key.startswith("ال"):
        return None
    at = doc.text.find(post, words[-1].token.end)
    return None if at < 0 else _name_after(doc, at + len(post), len(doc.text), cues)


def _named_with_post_before(doc: Document, words: list[Word]) -> int | None:
    """The person named earlier right after the same definite post («… المبعوث الأممي إلى اليمن
    إسماعيل ولد الشيخ أحمد. … قال المبعوث الأممي إلى اليمن، إن …»): the post found last before it,
    then a person's name within MAX_POST_WORDS words and no punctuation.  («الوزير» alone, one word,
    is any minister: the discourse reads that.)"""
    post = _post(doc, words)
    if post is None or not words[0].key.startswith("ال"):
        return None
    at = doc.text.rfind(post, 0, words[0].token.start)
    return None if at < 0 else _name_after(doc, at + len(post), words[0].token.start, None)


def _post(doc: Document, words: list[Word]) -> str | None:
    """The post's written words up to the first preposition, when two or more."""
    k = 0
    while k < len(words) and words[k].is_word and not words[k].prep:
        k += 1
    return doc.text[words[0].token.start:words[k - 1].token.end] if k >= 2 else None


def _name_after(doc: Document, after: int, before: int, cues: Cues | None) -> int | None:
    """The entity of the first person's mention from offset ``after`` (and before ``before``) with at
    most MAX_POST_WORDS words, no punctuation and, given ``cues``, no other title between."""
    best: tuple[int, int] | None = None  # (start of the name, entity)
    for idx, e in enumerate(doc.entities):
        if e.type not in PERSON_TYPES:
            continue
        for m in e.mentions:
            gap = doc.text[after:m.start] if after <= m.start < before else None
            if (gap is not None and len(gap.split()) <= MAX_POST_WORDS and not any(p in gap for p in "،,.:؛")
                    and not (cues is not None and any(_titled(g, cues) for g in gap.split()))
                    and (best is None or m.start < best[0])):
                best = (m.start, idx)
    return best[1] if best is not None else None


def _titled(written: str, cues: Cues) -> bool:
    """Whether a written word is a title, with or without the article («الوزير»)."""
    key = fold(written)
    return key in cues.titles or (key.startswith("ال") and key[2:] in cues.titles)


def _pair(doc: Document, before: int) -> int | None:
    """Of the last two persons mentioned before offset ``before``, the one named first
    («التقى شكري نظيره كيري … وشدد الوزيران»: a joint statement is given to the first named of
    the pair, who speaks for both)."""
    last: dict[int, int] = {}  # person entity -> its last mention before the offset
    for k, e in enumerate(doc.entities):
        if e.type in PERSON_TYPES:
            ends = [m.start for m in e.mentions if m.end <= before]
            if ends:
                last[k] = max(ends)
    two = sorted(last, key=last.__getitem__)[-2:]
    return two[0] if len(two) == 2 else None


def _dual_title(words: list[Word], cues: Cues) -> bool:
    """"الوزيران", "الرئيسين": one definite title in the dual."""
    if len(words) != 1 or not words[0].key.startswith("ال"):
        return False
    stem = words[0].key[2:]
    return any(stem.endswith(e) and stem[:-len(e)] in cues.titles for e in cues.words("dual_endings"))


def _members(word: Word, cues: Cues) -> bool:
    """"أعضاؤها", "عناصره", "قادته": members of a body, with a pronoun suffix that refers to it
    (read from the key: the clitic analysis leaves أعضاؤها whole)."""
    members = cues.words("member_nouns")
    if word.key.startswith("ال"):
        return False
    for suffix in cues.words("member_suffixes"):  # longest first
        stem = word.key[:-len(suffix)]
        if word.key.endswith(suffix) and len(stem) > 2:
            # أعضاؤ → أعضاء, قادت → قادة: the hamza and ta marbuta a suffix changes
            return any(form in members for form in (stem, stem[:-1] + "ء", stem[:-1] + "ه"))
    return False


def _last_body(doc: Document, before: int) -> int | None:
    """The organisation mentioned last before offset ``before`` (the body a pronoun on its
    members refers to)."""
    best: tuple[int, int] | None = None  # (end of its last mention, entity)
    for k, e in enumerate(doc.entities):
        if e.type != "ORG":
            continue
        ends = [m.end for m in e.mentions if m.end <= before]
        if ends and (best is None or max(ends) > best[0]):
            best = (max(ends), k)
    return best[1] if best is not None else None


def _possessed_body(word: Word, cues: Cues) -> bool:
    """"مكتبه", "حكومته": a body noun with a pronoun suffix."""
    return (word.token.has_pronoun and not word.key.startswith("ال")
            and word.bare in cues.words("possessed_bodies"))


def is_group(words: list[Word], cues: Cues) -> bool:
    """"أسر الشهداء", "المواطنين", "شهود عيان": a phrase headed by a plural noun of people."""
    if not words or not words[0].is_word:
        return False
    w = words[0]
    if has_form(w, cues.group_nouns):
        return True
    stem = stems_of([w])[0]
    return (w.key.startswith("ال") and len(stem) >= MIN_PLURAL_STEM
            and stem.endswith(cues.words("plural_noun_endings")))
