"""Noun phrases around a reporting cue: the speaker, the relaying outlet, the entity they name."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from marsad.core.document import Actor, Document, Entity, Span, Token
from marsad.stages.quotes.lexicon import Cues, demonyms
from marsad.stages.quotes.marks import CLOSERS, OPENERS
from marsad.text import keys as textkeys

#: Longest speaker phrase, in words ("أمين منطقة المدينة المنورة رئيس اللجنة الدكتور خالد طاهر").
MAX_SPEAKER_WORDS = 12
#: Longest outlet phrase after لـ / عن, in words ("وكالة الأنباء الكورية المركزية الرسمية").
MAX_OUTLET_WORDS = 6
#: Longest name in quotation marks taken as part of a phrase ("صحيفة “ديلي ستار”"), in words.
MAX_QUOTED_NAME = 4
#: Fewest words in marks after a speaker phrase with no outlet or body noun in it for them to be
#: speech rather than a name ("وقال الوزير «نحن ملتزمون بالاتفاق»"; a nickname in marks is shorter).
MIN_QUOTED_SPEECH_WORDS = 3
#: Alef with hamza below, which tells إمام (a title) from أمام (a preposition) before folding.
HAMZA_BELOW = "إ"
#: Dashes that may join the parts of an outlet's name in quotation marks.
NAME_DASHES = ("-", "–")
#: How common the word after ال must be (wordfreq) to be a noun rather than a name: between
#: family names (الدوسري 4e-8, الحلاني 2e-8, اليزابيث 0) and nouns (المفاوض 4e-7, الجيش 8e-5);
#: set by eye on those words.
MIN_NOUN_FREQUENCY = 2e-7
#: How common an indefinite word after a definite noun must be to start the object rather than
#: a name: between given names (أنطونيو 1e-5, سيرغي 3e-6) and nouns (نجاح 5e-5, مقتل); set by
#: eye on tests/test_quotes_find.py.
MIN_OBJECT_FREQUENCY = 2e-5
#: Entity types preferred when several entities overlap a speaker phrase: the person speaks.
TYPE_RANK = {"PER": 0, "ORG": 1, "GPE": 2, "NORP": 3}


@dataclass(frozen=True, slots=True)
class Word:
    """A token seen by the quote rules: its keys and where its clitic prefixes end."""

    token: Token
    key: str  # folded, without conjunction or preposition, with the article
    bare: str  # folded stem: no clitic, article or pronoun suffix
    prep: bool  # a preposition (ب ل ك) is attached
    body_start: int  # offset after the conjunction/preposition clitics
    conj_end: int  # offset after a conjunction only
    stem: str  # the stem as written (no clitics, article or suffix), for frequency look-ups

    @property
    def is_word(self) -> bool:
        return self.token.kind in ("word", "latin")


def words_of(doc: Document, cues: Cues) -> list[Word]:
    """The tokens of ``doc`` with the keys the quote rules compare."""
    text = doc.text
    vocabulary = cues.vocabulary
    outlet_firsts = cues.outlet_firsts
    conjunctions = cues.words("conjunctions")
    fold = textkeys.fold
    out: list[Word] = []
    append = out.append
    for tok in doc.tokens:
        key = tok.key
        start = tok.start
        if tok.kind != "word":
            append(Word(tok, key, key, False, start, start, ""))
            continue
        prep = False
        body = conj_end = start
        bare = key
        stem = (start, tok.end)
        for a, b, role in tok.pieces:
            if role == "conj":
                body = conj_end = start + b
            elif role == "prep":
                body = start + b
                prep = True
            elif role == "det" and prep:
                body = conj_end  # لل: the article lost its alef, so ل + ال cannot be parted
            elif role == "stem":
                stem = (start + a, start + b)
                if (a, b) != (body - start, tok.end - start):
                    bare = fold(text[start + a:start + b])  # without article or pronoun suffix
        if key == "ل":
            prep = True  # "لـ": a preposition written apart with a tatweel
        elif body == start and key[:1] in conjunctions and key[1:] in vocabulary and key not in vocabulary:
            # The analysis keeps و on a word it cannot tell from a name (وأضاف); the lexicon's
            # words are listed bare, so a conjunction before one of them is split here.
            key = bare = key[1:]
            body = conj_end = start + 1
        elif not prep and key[:1] == "ل" and (key[1:] in cues.outlet_heads or key[1:] in outlet_firsts):
            # The clitic analysis keeps rare forms such as لوكالة whole; an outlet head after
            # ل is always "to/for the outlet".
            key = bare = key[1:]
            prep = True
            body = start + text[start:tok.end].index("ل") + 1
        append(Word(tok, key, bare, prep, body, conj_end, text[stem[0]:stem[1]]))
    return out


def has_form(word: Word, forms: frozenset[str]) -> bool:
    """Whether the word is one of ``forms``, with or without its article or pronoun suffix."""
    if word.key in forms or word.bare in forms:
        return True
    # («للائحة»: ل and the article before a noun that starts with ل are written with two lams only,
    # and read as ل + ال + «ائحة»)
    return word.key.startswith("ال") and (word.key[2:] in forms or (word.prep and "ل" + word.key[2:] in forms))


def is_title(word: Word, cues: Cues) -> bool:
    return has_form(word, cues.titles)


def is_stop(word: Word, cues: Cues) -> bool:
    return (not word.is_word or has_form(word, cues.speaker_stops) or word.key in cues.words("exact_stops")
            or cues.is_complementiser(word.key)
            or word.key in cues.verbs or word.key in cues.speech_nouns or word.key in cues.according
            or word.key in cues.participles)


def group_end(words: list[Word], k: int, end: int, cues: Cues) -> int:
    """End of a group's phrase: the plural noun (with the noun it is annexed to), plural adjectives
    that agree with it and a place it is from ("المسؤولين الأمنيين في المنطقة"); a singular noun
    after it is the verb's object ("استنكر عدد من المسؤولين الهجوم"), a phrase with ب its
    complement ("أشاد عدد من المرضى بمبادرة البلدية")."""
    # An indefinite head is annexed to the next word ("أسر الشهداء", "أهالي الضحايا").
    x = k + 1 if words[k].key.startswith("ال") else min(end, k + 2)
    while x < end:
        w = words[x]
        if w.key in cues.words("place_prepositions") and x + 1 < end:
            x += 2  # في المنطقة
            continue
        if not (w.key.endswith(cues.words("plural_noun_endings")) or w.key in cues.words("place_prepositions")):
            break
        x += 1
    return x


def partitive_at(words: list[Word], i: int, limit: int, cues: Cues) -> bool:
    """Whether the phrase at ``i`` counts a group after من («عدد من المسؤولين»): the group speaks.
    The group is definite or a title («عدد من مسؤولي الوزارة»); a verb after من makes من "who"
    («بعض من حضر اللقاء»)."""
    return (i + 2 < limit and words[i].key in cues.words("partitives") and words[i + 1].key == "من"
            and (words[i + 2].key.startswith("ال") or is_title(words[i + 2], cues)))


def speaker_end(words: list[Word], i: int, limit: int, cues: Cues, names: Container[int] = ()) -> int:
    """Index just past the speaker phrase that starts at ``i`` (``i`` itself when there is none).

    ``names``: start offsets of person mentions; a word that starts one is never a stop word
    («وقال علي الأحمدي»: علي folds to the preposition على).
    """
    if i < limit and has_form(words[i], cues.honorific_pronouns):
        return i + 1  # «وهنأ معاليه جميع الموظفين»: a pronoun takes no modifier
    if partitive_at(words, i, limit, cues):
        # «عدد من المسؤولين الأمريكيين»: the group, as far as it goes
        return group_end(words, i + 2, speaker_end(words, i + 2, limit, cues, names), cues)
    j = i
    named = False
    while j < limit and j - i < MAX_SPEAKER_WORDS:
        w = words[j]
        if abbreviated_title(words, j, limit, cues):
            j += 2  # "د." before a name: a title, as "الدكتور" is
            continue
        if j > i and has_form(words[j - 1], cues.on_behalf):
            j += 1  # "المتحدث باسم الكرملين": the word after باسم belongs to the phrase
            continue
        quoted = (quoted_name_end(words, j, limit, loose=has_form(words[j - 1], cues.outlet_heads))
                  if j > i else j)
        if quoted - j - 2 >= MIN_QUOTED_SPEECH_WORDS and not _names_a_body(words, i, j, cues):
            break  # "وقال الوزير «نحن ملتزمون بالاتفاق» في …": after a title, words in marks are speech
        if quoted > j and (not cues.is_complementiser(words[quoted].key) or _names_a_body(words, j - 1, j, cues)):
            # صحيفة "ديلي ستار": a name in quotation marks after its head; one right before
            # the complementiser is the outlet told ("أفاد مصدر «الشرق الأوسط» بأن"), unless it
            # names the outlet or body that speaks ("وذكرت صحيفة «الحياة» أن", "وقالت منظمة «…» إن").
            j = quoted
            named = True
            if j < limit and _object_after_quoted_name(words[j], cues, names):
                break  # "وأدانت منظمة «هيومان رايتس ووتش» اختطاف الجنيد": the object follows
            continue
        if quoted > j:
            break
        if (is_stop(w, cues) and w.token.start not in names and not _hamza_title(w, cues)
                and not (j > i and words[j - 1].key in cues.words("weekday_heads"))):
            if (j > i and not named and w.key in cues.words("place_prepositions")
                    and _continues_place(words, j, limit, cues) and not _complement_from(words, i, j, cues)):
                j += 1  # "مسؤول كبير في الخارجية": a post held somewhere
                continue
            break
        if w.prep and j > i and not has_form(w, cues.on_behalf):
            # An لـ phrase ends the speaker ("للصحفيين", "لوكالة") unless it completes a title
            # or names what an outlet serves ("الوكالة السورية للأنباء").
            if named or not (_construct_with_l(words, j, limit, cues)
                             or (has_form(words[i], cues.outlet_heads) and _lam_article(w))):
                break
        # "مصدر طبي في مكتب الصحة": a relational adjective right after a title describes it.
        described = (is_title(w, cues) or has_form(w, cues.title_complements)
                     or (j > i and is_title(words[j - 1], cues) and w.token.start not in names
                         and not w.key.startswith("ال") and w.key.endswith(cues.words("nisba_endings"))))
        if (j > i and not named and not described and not w.key.startswith("ال")
                and common_word(w, MIN_OBJECT_FREQUENCY)
                and (_definite_noun(words[j - 1], cues) or _definite_source(words, i, j, cues)
                     or _after_untitled_adjective(words, i, j, cues))
                and not (j - 2 >= i and has_form(words[j - 2], cues.on_behalf))):
            # "أعلن الجيش مقتل..." / "أرجع رئيس المهرجان نجاح...": after a definite noun that is
            # no title, an indefinite word is not its modifier (they agree) but the object.
            break
        if j > i and not named and _object_after_title(words, j, cues, names):
            break  # "وأدان الوزير الهجوم": a definite noun after a definite title is its object
        if not (described or w.key.startswith("ال")):
            named = True
        j += 1
    return j


def _complement_from(words: list[Word], i: int, j: int, cues: Cues) -> bool:
    """«طلب السفير اليمني من مجلس الأمن»: من after a definite title phrase is the verb's
    complement (asked of, took from), not where an indefinite post is held («مسؤول من وزارة
    الخارجية»)."""
    return (words[j].key in cues.words("origin_prepositions") and words[j - 1].key.startswith("ال")
            and words[i].key.startswith("ال") and is_title(words[i], cues))


def abbreviated_title(words: list[Word], j: int, limit: int, cues: Cues) -> bool:
    """Whether word ``j`` is a title written as one letter and a full stop ("د. سعد", "م. محمد"),
    glued to its stop and followed by a word."""
    if j + 2 >= limit or words[j].key not in cues.words("title_abbreviations") or words[j].prep:
        return False
    dot, nxt = words[j + 1], words[j + 2]
    return (dot.key == "." and dot.token.start == words[j].token.end
            and (nxt.is_word or abbreviated_title(words, j + 2, limit, cues)))


def _names_a_body(words: list[Word], i: int, j: int, cues: Cues) -> bool:
    """Whether words ``i..j`` hold an outlet or body noun that a name in marks may follow
    ("صحيفة «الحياة»", "منظمة «أطباء بلا حدود»", "المنظمة الدولية «…»")."""
    return any(has_form(w, cues.name_heads) for w in words[i:j])


def _hamza_title(w: Word, cues: Cues) -> bool:
    """"إمام" written with hamza below: the title, which folding merges with أمام ("in front of")."""
    return w.key in cues.words("hamza_titles") and w.stem.startswith(HAMZA_BELOW)


def _lam_article(w: Word) -> bool:
    """"للأنباء": ل before the article, whose alef it drops (the article piece is one letter)."""
    return any(role == "det" and b - a == 1 for a, b, role in w.token.pieces)


def _object_after_quoted_name(w: Word, cues: Cues, names: Container[int]) -> bool:
    """A common noun right after a name in quotation marks: the name is complete, and the noun
    is the verb's object (the name's own modifiers come inside the marks)."""
    if not w.is_word or w.prep or w.token.start in names or is_title(w, cues) or has_form(w, cues.title_complements):
        return False
    return not is_stop(w, cues) and not w.key.endswith(cues.words("nisba_endings")) and common_word(w)


def _object_after_title(words: list[Word], j: int, cues: Cues, names: Container[int]) -> bool:
    """Whether word ``j`` is the verb's object after a title with the article: a definite noun
    cannot be annexed to a definite title, so it is an adjective (الرسمي، العام، الأمريكي, all
    nisbas or complements), a name, or the object ("أدان الوزير الهجوم", also after the title's
    adjectives: "نفى المدرب الهولندي الشائعات")."""
    t, w = j - 1, words[j]
    while t > 0 and words[t].key.startswith("ال") and words[t].key.endswith(cues.words("nisba_endings")) \
            and not is_title(words[t], cues):
        t -= 1  # "الهولندي": a definite adjective of the title
    before = words[t]
    if not (before.key.startswith("ال") and is_title(before, cues)) or before.key in cues.words("honorifics"):
        return False
    if (not w.key.startswith("ال") or w.prep or w.token.start in names or is_title(w, cues)
            or w.key in cues.words("name_links")  # "الدكتور آل الشيخ"
            or has_form(w, cues.title_complements) or w.key.endswith(cues.words("nisba_endings"))):
        return False
    return common_word(w, MIN_OBJECT_FREQUENCY)


def _definite_noun(word: Word, cues: Cues) -> bool:
    """A word with the article that is not a title ("الجيش", not "الرئيس" before a name)."""
    if not word.key.startswith("ال") or is_title(word, cues) or word.key.endswith(cues.words("nisba_endings")):
        return False
    return common_word(word)


def _after_untitled_adjective(words: list[Word], i: int, j: int, cues: Cues) -> bool:
    """"أعلنت السلطات المغربية اعتقال …": after a definite relational adjective, in a phrase with no
    title or body noun (a name may follow "الرئيس المصري", "شركة … العالمية"), an indefinite word
    is the verb's object."""
    before = words[j - 1]
    return (before.key.startswith("ال") and before.key.endswith(cues.words("nisba_endings"))
            and not any(is_title(w, cues) or has_form(w, cues.title_complements) for w in words[i:j - 1]))


def _definite_source(words: list[Word], i: int, j: int, cues: Cues) -> bool:
    """"ورفض المصدر إعطاء تفاصيل", "وأوضحت المصادر نفسها وجود …": an unnamed source with the
    article (words ``i..j``, with describers such as نفسها) refers back, and no name follows it, so
    an indefinite noun after it is the verb's object."""
    unnamed = cues.anonymous["sources"] | cues.anonymous["people"]
    head = words[i]
    if not head.key.startswith("ال") or not (head.key in unnamed or head.key[2:] in unnamed):
        return False
    describers = cues.anonymous["describers"]
    return all(w.key in describers or w.bare in describers for w in words[i + 1:j])


def common_word(word: Word, floor: float = 0.0) -> bool:
    """Whether the stem is a common Arabic word: names such as اليزابيث, الدوسري only look
    definite, and their stem is rare or no word at all."""
    floor = floor or MIN_NOUN_FREQUENCY
    return textkeys.frequency(textkeys.strip_diacritics(word.stem)) >= floor


def quoted_name_end(words: list[Word], j: int, limit: int, loose: bool = False) -> int:
    """Index past a short name in quotation marks at ``j`` that the sentence goes on after.

    ``loose``: after an outlet head the name may also end the phrase (لإذاعة "فرانس إنتر":).
    """
    if words[j].token.kind != "punct" or words[j].key not in OPENERS:
        return j
    if j + 1 < limit and words[j + 1].prep:
        return j  # "«للاقتصادية»": the outlet spoken to, written with its preposition inside
    k = j + 1
    dashes = 0  # "ذي كلاريون- ليدجر": a dash may join the parts of an outlet's name
    while k < limit and k - j - dashes <= MAX_QUOTED_NAME and (
            words[k].is_word or (loose and words[k].key in NAME_DASHES)):
        dashes += not words[k].is_word
        k += 1
    if k == j + 1 or k >= limit - 1 or k - j - dashes > MAX_QUOTED_NAME or words[k].key not in CLOSERS:
        return j
    nxt = words[k + 1]
    return k + 1 if nxt.is_word or (loose and nxt.key in (":", "،", ",")) else j


def bracket_end(words: list[Word], j: int, limit: int) -> int:
    """Index past a short bracketed name at ``j`` ("(إيه.بي.سي)"), else ``j``."""
    if words[j].key != "(":
        return j
    for k in range(j + 1, min(limit, j + 2 + 2 * MAX_QUOTED_NAME)):
        if words[k].key == ")":
            return k + 1 if k > j + 1 else j
    return j


def _continues_place(words: list[Word], j: int, limit: int, cues: Cues) -> bool:
    nxt = j + 1
    if nxt >= limit:
        return False
    w = words[nxt]
    return w.is_word and not is_stop(w, cues) and not has_form(w, cues.adjunct_heads) and not w.prep


def _construct_with_l(words: list[Word], j: int, limit: int, cues: Cues) -> bool:
    """"الأمين العام للأمم المتحدة": an لـ phrase inside a title, not an addressee or outlet."""
    w = words[j]
    if has_form(w, cues.outlet_heads) or not w.key.startswith("ال"):
        return False
    if not _lam_article(w):
        return False  # "الصباغ بالمتابعة": ب + ال keeps its alef; only لل (ل + ال) is "of the"
    nxt = j + 1
    return nxt < limit and words[nxt].is_word and not is_stop(words[nxt], cues)


def name_in(words: list[Word], i: int, end: int, cues: Cues) -> tuple[int, int]:
    """The proper name after a described speaker ("وزير الدفاع الأمريكي لويد أوستن" → the name).

    The description is the leading run of titles, their complements and common definite words;
    the name is the run after it.  When the phrase is all description, it is kept whole.
    """
    if end - i < 2 or not is_title(words[i], cues):
        return i, end
    # The last run of name words: descriptions nest ("مدير المرصد السوري لحقوق الإنسان رامي
    # عبد الرحمن"), and the name closes the phrase.
    best: tuple[int, int] | None = None
    k = i
    while k < end:
        if _describes(words, k, i, cues) or is_stop(words[k], cues):
            k += 1
            continue
        run = k
        while k < end and not _describes(words, k, i, cues) and not is_stop(words[k], cues):
            k += 1
        best = (run, k)
    # Only a definite description is followed by a name ("وزير الدفاع لويد أوستن"); after an
    # indefinite one the words are adjectives ("مسؤولون أمريكيون").
    if best is not None and best[1] - best[0] == 1 and best[1] < end:
        return i, end  # "أمير منطقة الرياض": one word annexed to what follows is no name
    if best is not None and best[0] > i and any(_definite(words[x]) for x in range(i, best[0])):
        return best
    return i, end


def _describes(words: list[Word], k: int, i: int, cues: Cues) -> bool:
    """Whether word ``k`` of a speaker phrase is description rather than part of a name."""
    w = words[k]
    if k > i and words[k - 1].key in cues.words("name_links"):
        return False  # "عبد الرحمن": the word after عبد / بن / أبو is part of the name
    if abbreviated_title(words, k, len(words), cues):
        return True  # "د." is a title
    if is_title(w, cues) or has_form(w, cues.title_complements) or has_form(w, cues.on_behalf):
        return True
    if (w.key,) in demonyms():
        return True  # "مصدر أمني عراقي": a nationality adjective describes, it names nobody
    if k > i and has_form(words[k - 1], cues.on_behalf):
        return True  # "باسم الحكومة"
    if w.prep:
        return True
    return w.key.startswith("ال") and common_word(w)


def _definite(word: Word) -> bool:
    return word.key.startswith("ال") or word.token.has_pronoun


def phrase_span(words: list[Word], i: int, end: int) -> Span:
    """Span of words ``i..end``, without a conjunction or preposition glued to the first word."""
    return Span(words[i].body_start, words[end - 1].token.end)


def outlet_at(words: list[Word], i: int, limit: int, cues: Cues) -> int:
    """End index of an outlet phrase starting at ``i`` (``i`` when the word names no outlet)."""
    w = words[i]
    if has_form(w, cues.outlet_heads):
        end = i + 1
        taken = 1
        while end < limit and taken < MAX_OUTLET_WORDS:
            taken += 1
            quoted = quoted_name_end(words, end, limit, loose=True)
            if quoted > end:
                end = quoted
                break
            bracket = bracket_end(words, end, limit)
            if bracket > end:
                end = bracket  # لشبكة (إيه.بي.سي) الأسترالية: the name in brackets
                continue
            nxt = words[end]
            if is_stop(nxt, cues) or (nxt.prep and not nxt.key.startswith("ال")):
                break
            end += 1
        return end
    for name in cues.outlet_names:
        stop = i + len(name)
        if stop <= limit and all(words[i + k].bare == part or words[i + k].key == part
                                 for k, part in enumerate(name)):
            return stop
    return i


def entity_of(entities: list[Entity], span: Span) -> int | None:
    """Index of the entity whose mention overlaps ``span``, persons first, then the widest overlap."""
    best: tuple[int, int, int] | None = None
    for idx, ent in enumerate(entities):
        for m in ent.mentions:
            if m.overlaps(span):
                overlap = min(m.end, span.end) - max(m.start, span.start)
                rank = (TYPE_RANK.get(ent.type, 9), -overlap, idx)
                if best is None or rank < best:
                    best = rank
    return best[2] if best else None


def actor(doc: Document, span: Span, wider: Span | None = None) -> Actor:
    """An Actor for ``span``, linked to an entity overlapping it (or the wider phrase), or to the
    entity a title, honorific pronoun or body noun there refers to (``doc.references``)."""
    ent = entity_of(doc.entities, span)
    if ent is None and wider is not None:
        ent = entity_of(doc.entities, wider)
    if ent is None or doc.entities[ent].type != "PER":
        ref = doc.reference_at(span) or (doc.reference_at(wider) if wider is not None else None)
        # «وزير الخارجية» stands for a person, who speaks rather than the place in a phrase.
        if ref is not None and (ent is None or ref.kind != "body"):
            ent = ref.entity
    return Actor(span, ent)
