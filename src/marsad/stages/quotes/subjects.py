"""The subject of a cue: the speaker phrase after it, before it, or carried from earlier text.

A speaker phrase is read from word shapes (phrases.py) and stretched or cut where the entities
stage knows better: over a person's name, before the object that follows a place name.  A
dropped subject continues the actor the discourse is about (speakers.py), and a plural cue
takes the group of people named nearby.
"""

from __future__ import annotations

from marsad.core.document import Actor, Span
from marsad.stages.quotes.anonymous import (
    agency_speaks_for,
    named_before,
    official_told_before,
    parent_body,
    speaks_for,
)
from marsad.stages.quotes.context import Context, char, inner, pair_at, words_in
from marsad.stages.quotes.descriptors import named_body
from marsad.stages.quotes.lexicon import demonyms
from marsad.stages.quotes.marks import CLOSERS, OPENERS
from marsad.stages.quotes.phrases import (
    MIN_NOUN_FREQUENCY,
    MIN_OBJECT_FREQUENCY,
    Word,
    abbreviated_title,
    actor,
    common_word,
    group_end,
    has_form,
    is_stop,
    is_title,
    name_in,
    partitive_at,
    phrase_span,
    speaker_end,
)
from marsad.stages.quotes.speakers import is_group, refer_back
from marsad.stages.quotes.stretch import (
    APPOSITION_MARKS,
    apposed_after,
    apposed_name_at,
    apposed_name_before,
    in_title_phrase,
    opens_clause,
    other_person_after,
    past_affiliation,
    past_outlet_name,
    past_post_place,
    titles_before_name,
)
from marsad.text import keys as textkeys
from marsad.text.keys import frequency, strip_diacritics

#: Fewest letters of a word read as an accusative noun by its final alef (بيانا), so that short
#: words and names (رضا، علا) are left alone.
MIN_ACCUSATIVE_LETTERS = 4
#: The ending of past verbs with a plural subject (قالوا، سارعوا).
PLURAL_VERB_ENDING = "وا"
#: Words of a subject that opens its clause right before the verb ("الرئيس الأمريكي قال إن").
MAX_FRONTED_SUBJECT = 6
#: Words allowed between "كان" and "قد" for a subject placed before the verb: كان … قد fences
#: the subject, so a titled name may be long ("كان وزير مالية الدنمارك كلاوس هيورت فريدريكسن قد قال").
MAX_KANA_SUBJECT = 10
#: Quotation marks, which may wrap a name inside a subject phrase.
QUOTE_MARKS = frozenset(OPENERS + CLOSERS)
#: Words allowed between a person's name and the verb it is the subject of, description included
#: ("فواز جورج خبير الشرق الأوسط لدى معهد لندن للاقتصاد رأى").
#: Most words of a title phrase before a name that opens its clause («المرشد الأعلى الإيراني آية الله»).
MAX_TITLE_WORDS = 6
MAX_DESCRIBED_SUBJECT = 12
#: Most words of a dateline before its colon ("مكة المكرمة:", "سبق- الرياض:").
MAX_DATELINE_WORDS = 3
#: Most words of an adjunct set off by a comma before the verb opening a sentence ("من جهة ثانية،").
MAX_OPENING_ADJUNCT = 4
#: Fewest letters of a bare surname matched to a person named before (short words are common).
MIN_SURNAME_LETTERS = 3
#: Most words of a surname told alone ("الجار الله", "آل طالب").
MAX_SURNAME_WORDS = 2
#: Entity types of places: after في in a speaker phrase they say where the speaker is.
PLACE_TYPES = ("GPE", "LOC", "FAC")


def _object_after_name(ctx: Context, k: int) -> bool:
    """Whether word ``k``, right after a place or body name, starts the verb's object: an
    indefinite common noun that is no title and starts no person's name."""
    w = ctx.words[k]
    if not w.is_word or w.key.startswith("ال") or w.prep or w.token.start in ctx.names:
        return False
    if is_title(w, ctx.cues) or has_form(w, ctx.cues.title_complements) \
            or abbreviated_title(ctx.words, k, len(ctx.words), ctx.cues):
        return False
    if w.key in ctx.cues.words("place_prepositions") and k + 1 < len(ctx.words) \
            and has_form(ctx.words[k + 1], ctx.cues.anonymous["bodies"]):
        return False  # "نائب مدير قسم الشرق الأوسط في منظمة …": في tells where the post is held
    return common_word(w, MIN_OBJECT_FREQUENCY)


def _accusative(ctx: Context, k: int) -> bool:
    """An indefinite noun in the accusative (بيانا، اتصالا، وفدا): written with tanween, or an
    alef after a common noun; never part of a name phrase, which is nominative or genitive."""
    w = ctx.words[k]
    written = ctx.text[w.token.start:w.token.end]
    if not w.is_word or w.prep or w.key.startswith("ال") or w.token.start in ctx.names:
        return False
    if written.endswith(("اً", "ًا")):
        return True
    stem = strip_diacritics(w.stem)
    return (len(stem) >= MIN_ACCUSATIVE_LETTERS and stem.endswith("ا")
            and frequency(stem[:-1]) >= MIN_NOUN_FREQUENCY and ctx.words[k].token.end not in ctx.place_ends)


def speaker_end_at(ctx: Context, i: int, limit: int) -> int:
    """End of the speaker phrase at ``i``, stretched over a person's name that word shapes cut
    ("وزير الصحة توفيق الربيعة": توفيق is also a common noun)."""
    end = speaker_end(ctx.words, i, limit, ctx.cues, ctx.names)
    objects = ctx.cues.words("cue_objects")
    end = next((k for k in range(i + 1, end) if ctx.words[k].key in objects), end)  # "لفت التقرير النظر"
    if end == i:
        return end
    for k in range(i + 1, end):
        if ctx.words[k - 1].token.end in ctx.place_ends and _object_after_name(ctx, k):
            # "وتفقد محافظ جدة موقع السيول": the object after a place name; but "رئيس بعثة
            # الأمم المتحدة في أفغانستان نيكولاس هايسوم": a place and the post's holder may follow.
            end = k
            break
        if (ctx.words[k - 1].token.end in ctx.name_ends and ctx.words[k].key not in ctx.cues.words("name_links")
                and _object_after_name(ctx, k)):
            return k  # "افتتح الأمين د. أسامة البار وقف القرآن": the object after the holder's name
        if other_person_after(ctx, k):
            return k  # "واستقبل رئيس الإقليم مسعود بارزاني وزير الخارجية القطري": the guest
        before = ctx.words[k - 1]
        if before.key.startswith("ال") and not is_title(before, ctx.cues) and _accusative(ctx, k):
            return k  # "وأصدرت وزارة الداخلية بيانا": an indefinite object after the subject
        if _plural_verb(ctx, k):
            return k  # "المتمردين سارعوا": a verb with the group as its subject
        if _possessed(ctx, k):
            # "واختتم شترايتر تصريحاته": a noun with a pronoun suffix is the object; "وقال الوزير
            # في كلمته": an occasion, whose preposition is no part of the speaker either.
            return k - 1 if k - 1 > i and ctx.words[k - 1].key in ctx.cues.words("adjunct_openers") else k
        if _body_after_name(ctx, k):
            return k  # "وطالب مكاوي الأمم المتحدة بضرورة …": the body after a bare name is the object
    end = past_outlet_name(ctx, _past_body_with_b(ctx, i, end, limit), limit)
    apposed = apposed_after(ctx, end, limit)
    end = past_post_place(ctx, i, apposed[0] if apposed is not None else end, limit)
    end = past_affiliation(ctx, i, end, limit)
    # (a name apposed after its post may be tagged from its second word: «، كريستيانه فيرتس،»)
    stop = max((ctx.names.get(ctx.words[k].token.start, 0) for k in range(i, min(end + 1, limit))),
               default=0)
    stop = max(stop, apposed[1].end if apposed is not None else 0)
    while end < limit and ctx.words[end].token.end <= stop:
        end += 1
    return end


def _possessed(ctx: Context, k: int) -> bool:
    """A noun with a pronoun suffix (تصريحاته، كلمتها): never inside a speaker's name or title."""
    w, c = ctx.words[k], ctx.cues
    if not w.is_word or not ctx.words[k - 1].is_word or w.token.start in ctx.names:
        return False  # a name in quotation marks ("ديلي ستار") is read whole
    if has_form(w, c.on_behalf) or has_form(w, c.title_complements):
        return False  # "المصدر ذاته", "الرئيس نفسه"
    # A final ي is as often a nisba or part of a name (جمركي، رامي) as "my": only other suffixes.
    start = w.token.start
    return any(role == "pron" and ctx.text[start + a:start + b] not in ("ي", "ى")
               for a, b, role in w.token.pieces)


def _body_after_name(ctx: Context, k: int) -> bool:
    """Whether word ``k`` opens a body or place mention right after a bare name (no title, article
    or preposition, not inside any mention): the name is the subject, the body the object."""
    before, w, c = ctx.words[k - 1], ctx.words[k], ctx.cues
    if not before.is_word or before.key.startswith("ال") or before.prep or is_title(before, c):
        return False
    if has_form(before, c.title_complements) or before.key in c.words("name_links") or is_stop(before, c):
        return False
    mentions = [(m, e.type) for e in ctx.doc.entities for m in e.mentions]
    if any(m.start <= before.token.start < m.end for m, _ in mentions):
        return False  # "جامعة الملك خالد", "ياسين مكاوي": inside a name, no object begins
    if not any(m.start == w.token.start and kind != "PER" for m, kind in mentions):
        return False
    # Only a surname of a person named in the story ("ياسين مكاوي … وطالب مكاوي الأمم المتحدة"):
    # "قبائل مأرب", "باسم الكرملين" are a noun annexed to the place or body.
    key = _without_article(before.bare)
    return any(_without_article(textkeys.fold(ctx.text[m.start:m.end].rsplit(" ", 1)[-1])) == key
               for m, kind in mentions if kind == "PER" and " " in ctx.text[m.start:m.end])


def _plural_verb(ctx: Context, k: int) -> bool:
    """A past verb with a plural subject (سارعوا، أكدوا): no noun ends so."""
    w = ctx.words[k]
    return (w.is_word and not w.key.startswith("ال") and w.token.start not in ctx.names
            and w.key.endswith(PLURAL_VERB_ENDING) and len(w.key) > len(PLURAL_VERB_ENDING) + 1)


def _past_body_with_b(ctx: Context, i: int, end: int, limit: int) -> int:
    """"مسؤول بوزارة الداخلية", "مصادر بالقوات": a body glued to ب after a title is where the post
    is held, as after في; the phrase runs on over the body's name."""
    words, c = ctx.words, ctx.cues
    if end >= limit or end - i > 2 or not is_title(words[i], c):
        return end
    w = words[end]
    bodies = c.agencies
    if not (w.prep and ctx.text[w.conj_end:w.conj_end + 1] == "ب" and has_form(w, bodies)):
        return end
    return max(end + 1, speaker_end(words, end + 1, limit, c, ctx.names))


def speaker_actor(ctx: Context, begin: int, end: int) -> Actor:
    """The speaker named by words ``begin..end``: the name in it, or the person it refers to."""
    begin += 2 if partitive_at(ctx.words, begin, end, ctx.cues) else 0  # «عدد من المشايخ»: the group
    end = first_conjunct_end(ctx, begin, end)
    end = _before_apposed_office(ctx, begin, end)
    a, b = name_in(ctx.words, begin, end, ctx.cues)
    if (a, b) == (begin, end):
        # "معالي وزير الخارجية", "صاحب السمو الملكي الأمير": the honorific is no part of the
        # description, as an epithet is no part of a name.
        while a < b - 1 and ctx.words[a].key in ctx.cues.words("honorifics"):
            a += 1
        while a < b - 2 and abbreviated_title(ctx.words, a, b, ctx.cues):
            a += 2  # "د. باقادر": the surname alone is matched to the person named before
        begin = a
    whole = phrase_span(ctx.words, begin, end)
    if a > begin + 1 and ctx.words[a - 1].key in ctx.cues.words("place_prepositions") \
            and _possessive(ctx.words[begin]) and _place_only(ctx, phrase_span(ctx.words, a, b)):
        # "وأفاد مراسلنا في عدن أن": the outlet's own reporter, at a place; the place is no name
        # (an office-holder at a place, "مدير الشرطة في جدة", keeps the place for its state).
        a, b = begin, a - 1
    found = actor(ctx.doc, phrase_span(ctx.words, a, b), whole)
    named = _appositive_name(ctx, begin, end)
    if named is not None and found.span.start < named.start:
        found = actor(ctx.doc, named)  # "نقيب الأشراف، محمود الشريف،": the name, not the post
    person = any(ctx.words[k].token.start in ctx.names for k in range(begin, end))
    marked = _marked_name(ctx, begin, end) if (a, b) == (begin, end) and not person else None
    if marked is not None:
        found = actor(ctx.doc, marked, whole)  # "صحيفة «ستيت» المحلية": the outlet's name
    if (a, b) != (begin, end) and found.entity is not None and ctx.doc.entities[found.entity].type != "PER" \
            and actor(ctx.doc, found.span).entity is None:
        # "وكيل جامعة الملك خالد الدكتور مرعي القحطاني": a name no entity covers, in a phrase naming
        # the body the person serves; the body does not speak, the person does.
        found = Actor(found.span)
    if _named_after(ctx, begin, found):
        return Actor(whole)  # "وأكد مركز الملك سلمان الإغاثي": the body speaks, not its namesake
    name = _person_name(ctx, found, whole)
    if name is not None:
        found = Actor(name, found.entity)
    found = refer_back(ctx.doc, ctx.cues, found, ctx.words[begin:end], ctx.discourse)
    bare = begin
    while bare < end - 1 and is_title(ctx.words[bare], ctx.cues) and ctx.words[bare].key.startswith("ال"):
        bare += 1  # "الدكتور الربيعة": the surname after a title
    if end - bare <= MAX_SURNAME_WORDS and (found.entity is None or _lone_name(ctx, found.entity)):
        # "وطالب مكاوي" → ياسين مكاوي; "وأكد الجار الله" → إبراهيم الجار الله, over a link of the bare
        # surname to someone else ("اوربان" after "كريستوفر اوربان") or of a word in it (الله)
        surname = _surname_of(ctx, ctx.words[bare:end])
        found = found if surname is None else Actor(found.span, surname)
    found = speaks_for(ctx.doc, ctx.cues, ctx.words[begin:end], found)  # "مسؤول أمريكي" → USA
    found = agency_speaks_for(ctx.doc, ctx.cues, ctx.words[begin:end], found)  # "قالت الشرطة"
    found = official_told_before(ctx, ctx.words[begin:end], found)  # "وتابع المسؤول الإيراني"
    found = named_body(ctx.doc, ctx.cues, found)  # "المنظمة" → «أطباء بلا حدود» named after it
    found = parent_body(ctx, end, found)  # "منظمة حقوق الإنسان التابعة للأمم المتحدة"
    if not whole.contains(found.span):
        return found  # an actor carried from earlier keeps the phrase that named it
    ctx.phrases[found.span] = whole
    return named_before(ctx, begin, end, found)  # "وقال المسؤول" after "مسؤول في الصندوق"


def _before_apposed_office(ctx: Context, begin: int, end: int) -> int:
    """Where a person's name ends when a comma sets an office after it inside the speaker phrase
    («السفير خميس الجهيناوي، المستشار الدبلوماسي للرئيس التونسي،»): the name speaks, not a person
    the office names («للرئيس التونسي»); else ``end``."""
    for k in range(begin + 1, end - 1):
        if char(ctx, k) not in ("،", ","):
            continue
        named = any(ctx.words[x].token.start in ctx.names for x in range(begin, k))
        return k if named and is_title(ctx.words[k + 1], ctx.cues) else end
    return end


def first_conjunct_end(ctx: Context, begin: int, end: int) -> int:
    """Where the first of two actors joined by و ends, else ``end``: «وقالت الشرطة والصليب الأحمر
    إن» has one speaker, the first named (a quote has one; the other shares the cue).

    The first conjunct must be an actor's name and nothing more (a name from the phrase's start to
    the و, or a state agency such as الشرطة: not «الخبير في شؤون الخليج والشرق الأوسط»), and the
    second must open a name of its own: a name that runs across the و («وزارة الشؤون الإسلامية
    والدعوة») is one actor.
    """
    words = ctx.words
    for k in range(begin + 1, end):
        w = words[k]
        if w.conj_end == w.token.start or not w.is_word:
            continue
        if any(m.start < w.token.start < m.end for m in ctx.mentions):
            return end  # the و lies inside a name
        if not any(m.start == w.body_start for m in ctx.mentions):
            continue
        before = words[k - 1].token.end
        whole = any(m.end == before and m.start == words[begin].body_start for m in ctx.mentions)
        agency = k == begin + 1 and has_form(words[begin], ctx.cues.anonymous["state_agents"]) \
            and words[begin].key.startswith("ال")
        return k if whole or agency else end
    return end


def _possessive(w: Word) -> bool:
    """A noun with a pronoun suffix other than ي (مراسلنا، مصادرهم)."""
    return w.token.has_pronoun and not w.key.endswith("ي")


def _named_after(ctx: Context, begin: int, found: Actor) -> bool:
    """Whether the phrase opens with a body noun and ``found`` is a person inside it: the body is
    named after the person ("مركز الملك سلمان", "مؤسسة الأمير سلطان")."""
    w = ctx.words[begin]
    if found.entity is None or ctx.doc.entities[found.entity].type != "PER":
        return False
    inside = [m for m in ctx.doc.entities[found.entity].mentions if m.overlaps(found.span)]
    # "مكتب الرئيس الفرنسي فرانسوا أولوند", "حكومة نتنياهو": a body that acts for the person
    # it belongs to speaks for him (grammar.possessed_bodies).
    return (bool(inside) and all(m.start > w.token.start for m in inside)
            and has_form(w, ctx.cues.anonymous["bodies"]) and not is_title(w, ctx.cues)
            and w.key not in ctx.cues.words("possessed_bodies") and w.bare not in ctx.cues.words("possessed_bodies"))


def _surname_of(ctx: Context, words: list[Word]) -> int | None:
    """The person named before whose name ends with the bare ``words`` ("ياسين مكاوي … وطالب
    مكاوي", "رأفت الصباغ … وأكد الصباغ"): the entity of the last such speaker or topic."""
    keys = [_without_article(w.bare) for w in words]
    if (not all(w.is_word for w in words) or is_title(words[0], ctx.cues)
            or len("".join(keys)) < MIN_SURNAME_LETTERS):
        return None
    for n in reversed(ctx.discourse.named):
        ent = n.actor.entity
        if ent is None or ctx.doc.entities[ent].type != "PER":
            continue
        for m in ctx.doc.entities[ent].mentions:
            inside = words_in(ctx, m)
            if len(inside) > len(words) and [_without_article(x.bare) for x in inside[-len(words):]] == keys:
                return ent
    if len(words) == 1 and _named_earlier(ctx, words[0]):
        # "استقبل الدكتور عبدالله الربيعة … أن الدكتور الربيعة أكد": named before, though not as a
        # speaker or topic; the last such person.
        return _named_earlier(ctx, words[0])
    return None


def _named_earlier(ctx: Context, w: Word) -> int | None:
    """The person whose name, told earlier in the text as a speaker or not, ends with ``w`` ("استقبل
    الدكتور عبدالله الربيعة … أن الدكتور الربيعة أكد"): the one told last."""
    key = _without_article(w.bare)
    if len(key) < MIN_SURNAME_LETTERS:
        return None
    best: tuple[int, int] | None = None  # (start of the mention, entity)
    for k, e in enumerate(ctx.doc.entities):
        if e.type != "PER":
            continue
        for m in e.mentions:
            inside = words_in(ctx, m) if m.end <= w.token.start else []
            if len(inside) > 1 and _without_article(inside[-1].bare) == key and (best is None or m.start > best[0]):
                best = (m.start, k)
    return best[1] if best is not None else None


def _lone_name(ctx: Context, ent: int) -> bool:
    """Whether entity ``ent`` is no person the text names in full: something that is no actor
    (الله in "الجار الله"), or a person only ever named by one word (a bare surname the linker took
    for someone else)."""
    e = ctx.doc.entities[ent]
    if e.type == "MISC":
        return True
    return e.type == "PER" and all(" " not in ctx.text[m.start:m.end].strip() for m in e.mentions)


def _without_article(key: str) -> str:
    return key[2:] if key.startswith("ال") else key


def _place_only(ctx: Context, span: Span) -> bool:
    """Whether ``span`` names a place and no person or body (عدن، مدينة تعز)."""
    types = {e.type for e in ctx.doc.entities for m in e.mentions if m.overlaps(span)}
    return bool(types) and types <= set(PLACE_TYPES)


def _appositive_name(ctx: Context, begin: int, end: int) -> Span | None:
    """A person's name set off by a comma after the post that opens the phrase ("رئيس النادي،
    خالد العمري،", past a title of address: "، الشيخ محمد عبد الرازق،"): the post describes the one
    the name names, whatever the tagger made of it."""
    for k in range(begin + 1, end):
        if char(ctx, k - 1) not in APPOSITION_MARKS:
            continue
        named = apposed_name_at(ctx, titles_before_name(ctx, k, end), end)
        if named is not None:
            return named
    return None


def _marked_name(ctx: Context, begin: int, end: int) -> Span | None:
    """The name in quotation marks after an outlet or body noun in words ``begin..end`` ("صحيفة
    «ستيت» المحلية", "منظمة «أطباء بلا حدود»"): it names the speaker, as a person's name does after
    a title."""
    heads = ctx.cues.name_heads
    for k in range(begin + 1, end):
        if char(ctx, k) in OPENERS and has_form(ctx.words[k - 1], heads):
            pair = pair_at(ctx, ctx.words[k].token.start)
            if pair is not None and pair[1] < ctx.words[end - 1].token.end:
                name = inner(ctx, pair)
                return name if name.end > name.start else None
    return None


def _person_name(ctx: Context, found: Actor, whole: Span) -> Span | None:
    """The mention of the person ``found`` links to, when it lies inside the speaker phrase: the
    entities stage knows where a name ends ("عادل الجبير") better than word shapes do.  A body's
    name that word shapes cut short ("المنظمة الدولية | للهجرة") is taken whole."""
    if found.entity is None:
        return None
    if ctx.doc.entities[found.entity].type != "PER":
        longer = [m for m in ctx.doc.entities[found.entity].mentions
                  if m.start == found.span.start and m.end > found.span.end]
        return Span(longer[0].start, longer[0].end) if longer else None
    inner = [m for m in ctx.doc.entities[found.entity].mentions
             if whole.start <= m.start and m.end <= whole.end]
    best = next((m for m in inner if m.overlaps(found.span)), inner[0] if inner else None)
    return _after_titles(ctx, Span(best.start, best.end)) if best is not None else None


def _after_titles(ctx: Context, name: Span) -> Span:
    """A person's name without a title the tagger took into it ("خالد الدكتور مرعي القحطاني" of
    "جامعة الملك خالد الدكتور مرعي القحطاني"): the name is what follows the last title."""
    inside = [w for w in words_in(ctx, name) if w.token.end <= name.end]
    cut = max((k for k, w in enumerate(inside[:-1]) if w.key.startswith("ال") and is_title(w, ctx.cues)),
              default=-1)
    table = demonyms()
    rest = inside[cut + 1:]
    if cut >= 0 and (all((w.key,) in table for w in rest) or has_form(rest[0], ctx.cues.title_complements)):
        # «الرئيس الجزائري»، «الأمين العام لمجلس التعاون»: the knowledge base's holder named by the
        # title, no name after it
        return name
    return Span(inside[cut + 1].token.start, name.end) if cut >= 0 else name


def note(ctx: Context, who: Actor) -> None:
    """Remember ``who`` as the last actor named, with the whole phrase that named it."""
    whole = ctx.phrases.get(who.span, who.span)
    ctx.discourse.note(who, words_in(ctx, whole))


def contrast_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """"أما الروائي يحيى يخلف، فيرى أن": the topic after أما is the subject of the verb with ف."""
    w, c = ctx.words[i], ctx.cues
    first = ctx.sent_first[ctx.sent_of[i]]
    if i - first < 2 or ctx.words[first].key not in c.words("contrast_particles"):
        return None
    if "ف" not in ctx.text[w.token.start:w.conj_end]:
        return None
    stop = i - 1 if char(ctx, i - 1) in ("،", ",") else i
    end = speaker_end_at(ctx, first + 1, stop)
    return (first + 1, end) if end == stop else None


def turn_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """"الشرطة الشيشانية، من جانبها، ذكرت أنها": a subject that opens the sentence, then an
    adverb of turn set off by commas, then the verb."""
    words, c = ctx.words, ctx.cues
    first = ctx.sent_first[ctx.sent_of[i]]
    k = i - 1 if i - 1 > first and char(ctx, i - 1) in ("،", ",") else i
    if k - 1 <= first or words[k - 1].key not in c.words("turn_adverbs"):
        return None
    k -= 1
    if k - 1 > first and words[k - 1].key in c.words("turn_adverb_from"):
        k -= 1
    if k - 1 <= first or char(ctx, k - 1) not in ("،", ","):
        return None
    stop = k - 1
    lead = first + 1 if has_form(words[first], c.lead_particles) else first
    return (lead, stop) if stop > lead and speaker_end_at(ctx, lead, stop) == stop else None


def fronted_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """"وكان الوزير قد قال" / "وكان زعيم الحوثيين أكد": the subject between كان and (قد) the verb."""
    words, first = ctx.words, ctx.sent_first[ctx.sent_of[i]]
    stop = i - 1 if i - 1 > first and words[i - 1].key in ctx.cues.words("perfect_particle") else i
    # "وكانت النائبة في الكنيست، تمار زندبيرج، صرحت": the name set off before the verb is its subject.
    apposed = apposed_name_before(ctx, stop)
    k = stop - 1 if apposed is None else apposed[0] - 2
    while k >= first and stop - 1 - k < (MAX_KANA_SUBJECT if stop < i or apposed else MAX_FRONTED_SUBJECT):
        if words[k].key in ctx.cues.words("fronting_verbs"):
            if apposed is not None and k + 1 < apposed[0] - 1:
                return apposed
            if k + 1 < stop and (stop < i or _through_marked_name(ctx, speaker_end_at(ctx, k + 1, stop), stop)):
                return (k + 1, stop)
            return None
        if not words[k].is_word and char(ctx, k) not in QUOTE_MARKS:
            return None  # (an outlet's name in quotation marks is read whole: "وكانت صحيفة «الخبر» نقلت")
        k -= 1
    return None


def _through_marked_name(ctx: Context, end: int, stop: int) -> bool:
    """Whether a subject phrase read to ``end`` reaches ``stop``, past a name in quotation marks
    that closes it («صحيفة «الخبر»»: the phrase reads to the mark, the name is the outlet's)."""
    if end == stop:
        return True
    return (end + 2 < stop and char(ctx, end) in OPENERS and char(ctx, stop - 1) in CLOSERS
            and all(ctx.words[k].is_word for k in range(end + 1, stop - 1)))


def opening_subject(ctx: Context, i: int, with_object: bool = False) -> tuple[int, int] | None:
    """"الرئيس الأمريكي قال إن" / "لكن الوزير يرى أن": a subject that opens its clause.

    The phrase must run from the start of the sentence, a comma or a particle such as لكن up
    to the verb, and the verb must lead straight into its content (``with_object``: or into an
    object the caller has read, «إلا أن الحركة نفت تلك التقارير»).
    """
    words, c = ctx.words, ctx.cues
    first = ctx.sent_first[ctx.sent_of[i]]
    nxt = i + 1
    saying = False
    owned = c.words("owned_saying_nouns")
    while nxt < len(words) and (words[nxt].key in c.words("adverbs") or words[nxt].key in owned):
        saying = saying or words[nxt].key in owned
        nxt += 1  # "لكن المنظمة قالت مرارا إنه", "جيب بوش صرح بقوله «…»"
    if i == first or words[i].conj_end > words[i].token.start or nxt >= len(words):
        return None
    adjunct = words[nxt].key in c.words("adjunct_openers")
    marked = saying and char(ctx, nxt) in OPENERS
    if not (c.is_complementiser(words[nxt].key) or char(ctx, nxt) == ":" or words[nxt].prep or adjunct or marked
            or with_object):
        return None
    k = i
    while k > first and i - k < MAX_FRONTED_SUBJECT and words[k - 1].is_word \
            and not has_form(words[k - 1], c.lead_particles) and not _however(ctx, k - 1):
        k -= 1
    if k == i or speaker_end(words, k, i, c, ctx.names) != i or _mid_name(ctx, k):
        return None
    opens = (k == first or not words[k - 1].is_word or has_form(words[k - 1], c.lead_particles)
             or _however(ctx, k - 1))
    if adjunct and not (_definite_actor(ctx, k) or is_title(words[k], c)):
        return None  # "وقديماً قالوا في المثل": with an adjunct between, only a named actor is a subject
    return (k, i) if opens else None


def _definite_actor(ctx: Context, k: int) -> bool:
    """Whether word ``k`` opens a phrase naming an actor: a definite noun or title, or a name."""
    w = ctx.words[k]
    return (w.key.startswith("ال") and not w.key.endswith(("ا", "ً"))) or w.token.start in ctx.names or any(
        m.start == w.token.start for m in ctx.mentions)


def _however(ctx: Context, k: int) -> bool:
    """Whether word ``k`` is the أن of «إلا أن»/«غير أن» (however): a clause, and its subject, open after it."""
    return (k > 0 and ctx.cues.is_complementiser(ctx.words[k].key)
            and ctx.words[k - 1].key in ctx.cues.words("however_heads"))


def _mid_name(ctx: Context, k: int) -> bool:
    """Whether word ``k`` lies inside a name that began before it («بي.بي.سي»: its dots are no
    clause boundary)."""
    start = ctx.words[k].token.start
    return any(m.start < start < m.end for m in ctx.mentions)


def named_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """"غير أن فواز جورج خبير الشرق الأوسط لدى معهد لندن رأى أن": a person named before the verb,
    described at length (farther than :func:`opening_subject` reads), is its subject.

    The name must open its clause (the sentence, a comma, a particle, or أن of "غير أن"), and no
    verb of saying, complementiser or full stop may stand between it and the verb.
    """
    words, c = ctx.words, ctx.cues
    w = words[i]
    first = ctx.sent_first[ctx.sent_of[i]]
    if w.conj_end > w.token.start or i == first:
        return None
    if w.key[:1] in c.words("imperfect_prefixes") and words[i - 1].is_word and not words[i - 1].prep \
            and words[i - 1].token.start not in ctx.names and words[i - 1].token.end not in ctx.name_ends:
        return None  # "نتائج مميزة تؤكد أن": an imperfect verb describing the noun before it
    for k in range(i - 1, max(first, i - MAX_DESCRIBED_SUBJECT) - 1, -1):
        x = words[k]
        if c.is_complementiser(x.key) or x.key in c.verbs or x.key in c.words("relatives"):
            return None
        titled = k - 1 > first and is_title(words[k - 1], c) and words[k - 1].key.startswith("ال")
        if x.token.start not in ctx.names and not (titled and _named_earlier(ctx, x) is not None):
            continue  # "أن الدكتور الربيعة أكد": a surname after a title names the one named before
        while k - 1 > first and is_title(words[k - 1], c) and words[k - 1].key.startswith("ال"):
            k -= 1  # "أن الدكتور الربيعة أكد": a title before the name opens the clause with it
        if opens_clause(ctx, k, first):
            return k, i
        # "غير أن وزير الخارجية عادل الجبير قال": a title phrase before the name opens the clause.
        for j in range(k - 1, max(first, k - MAX_TITLE_WORDS) - 1, -1):
            if not in_title_phrase(ctx, j):
                return None
            if is_title(words[j], c) and opens_clause(ctx, j, first):
                return j, i
        return None
    return None


def main_subject(ctx: Context, i: int) -> Actor | None:
    """"أعلن الجيش مقتل ثلاثة قال إنهم مسلحون": a bare verb inside a clause shares its subject."""
    first = ctx.sent_first[ctx.sent_of[i]]
    w = ctx.words[i]
    if i <= first + 1 or w.conj_end > w.token.start or not ctx.words[i - 1].is_word:
        return None
    lead = ctx.words[first]
    if not (lead.key in ctx.cues.verbs or lead.key in ctx.cues.relay_verbs):
        return None  # only a clause opened by a verb of saying has a subject we can name
    return clause_subject(ctx, ctx.sent_of[i])


def may_be_implicit(ctx: Context, i: int) -> bool:
    """A verb without subject continues the last speaker unless it is plural or relative."""
    w = ctx.words[i]
    if _plural_form(ctx, w.key):
        return False  # "قالوا": a group, not the last speaker
    if i == 0:
        return True
    first = ctx.sent_first[ctx.sent_of[i]]
    if (i > first and w.conj_end == w.token.start and w.key[:1] in ctx.cues.words("imperfect_prefixes")
            and ctx.words[i - 1].is_word and ctx.words[i - 1].key not in ctx.cues.words("continuation_verbs")):
        return False  # "بلاغا من شخص يفيد بأن": an imperfect verb describing the noun before it ("ومضى يقول" goes on)
    return ctx.words[i - 1].key not in ctx.cues.words("relatives")


def _plural_form(ctx: Context, key: str) -> bool:
    """A verb form with a plural or dual subject: قالوا، يقولون، قالتا، يقولان (not أبان)."""
    c = ctx.cues
    return key.endswith(c.words("plural_verb_endings")) or (
        key.endswith(c.words("dual_verb_endings")) and key[:1] in c.words("imperfect_prefixes"))


def plural(ctx: Context, i: int) -> bool:
    """A cue with a plural subject: قالوا، يقولون، مؤكدين."""
    key, c = ctx.words[i].key, ctx.cues
    if key in c.participles:
        # Read as a participle only: «لافتا» ends in the تا of «قالتا» but is one man pointing out.
        return key.endswith(c.words("plural_noun_endings"))
    return _plural_form(ctx, key)


def names_group(ctx: Context, who: Actor) -> bool:
    whole = ctx.phrases.get(who.span, who.span)
    return is_group(words_in(ctx, whole), ctx.cues)


def group_speaker(ctx: Context, i: int, last: Actor | None) -> Actor | None:
    """The group a plural cue at ``i`` speaks for: the last group of people named in its
    sentence or the one before ("واستقبل الأمير أسر الشهداء ..., مؤكدين"), else the last
    speaker if it is a group."""
    s = ctx.sent_of[i]
    for k in range(i - 1, ctx.sent_first[max(0, s - 1)] - 1, -1):
        w = ctx.words[k]
        counted = k >= 2 and partitive_at(ctx.words, k - 2, k + 1, ctx.cues)  # «عدد من المرضى»
        if w.is_word and not w.prep and (counted or is_group([w], ctx.cues)) and not _in_relative(ctx, k):
            # "بالتعاون مع": a noun after a preposition is never the subject.
            end = group_end(ctx.words, k, speaker_end_at(ctx, k, ctx.sent_limit[ctx.sent_of[k]]), ctx.cues)
            if end > k:
                # The whole phrase speaks ("المسؤولين في مناطق المملكة"): a group has no name in it.
                whole = phrase_span(ctx.words, k, end)
                found = speaks_for(ctx.doc, ctx.cues, ctx.words[k:end], actor(ctx.doc, whole))
                ctx.phrases[found.span] = whole
                return found
    return last if last is not None and names_group(ctx, last) else None


def _in_relative(ctx: Context, k: int) -> bool:
    """"التفجير الذي استهدف المصلين": word ``k`` lies in a relative clause (a relative pronoun
    before it in its clause), where it is an object, not a speaker."""
    first = ctx.sent_first[ctx.sent_of[k]]
    for x in range(k - 1, first - 1, -1):
        if char(ctx, x) in ("،", ","):
            return False
        if ctx.words[x].key in ctx.cues.words("relative_pronouns"):
            return True
    return False


def opens_with_verb(ctx: Context, first: int) -> bool:
    """Whether the sentence opens "وأشاد ..." / "قال ...": a conjoined verb, or a verb of saying.

    A word with و glued on that is no noun (no article), particle or cue is taken as the verb.
    """
    w, c = ctx.words[first], ctx.cues
    if w.key in c.verbs or w.key in c.relay_verbs:
        return True
    if w.conj_end == w.token.start:
        return False
    return verb_like(ctx, w)


def verb_like(ctx: Context, w: Word, any_prefix: bool = False) -> bool:
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


def opens_with_bare_verb(ctx: Context, first: int) -> bool:
    """"أدى الأمير فيصل ...": an unconjoined verb, told from a noun by the titled or named
    subject that follows it and by lying outside any entity name."""
    w = ctx.words[first]
    # «في هذا الوقت، عبّر رئيس مجلس النواب …»: عبّر (expressed) is written as عبر (across), a word
    # that ends speaker phrases; before a titled or named subject it is the verb.
    verb = verb_like(ctx, w, True) or (w.key in ctx.cues.words("verb_prepositions") and not w.prep)
    if first + 1 >= len(ctx.words) or not verb or is_title(w, ctx.cues):
        return False
    if any(m.start <= w.token.start < m.end for e in ctx.doc.entities for m in e.mentions):
        return False
    return titled_at(ctx, first + 1) or any(
        m.start == ctx.words[first + 1].token.start for e in ctx.doc.entities if e.type == "PER"
        for m in e.mentions)


def _bare_verb_body(ctx: Context, first: int) -> bool:
    """"دعت وزارة الخارجية المصرية إيران إلى …، مؤكدة أن": an unconjoined past verb followed by an
    organisation's name, itself outside any name (the sentence a participle continues)."""
    w = ctx.words[first]
    if first + 1 >= len(ctx.words) or not verb_like(ctx, w) or is_title(w, ctx.cues):
        return False
    if any(m.start <= w.token.start < m.end for e in ctx.doc.entities for m in e.mentions):
        return False
    at = ctx.words[first + 1].token.start
    return any(m.start == at for e in ctx.doc.entities if e.type == "ORG" for m in e.mentions)


def titled_at(ctx: Context, k: int) -> bool:
    """Whether a titled subject starts at word ``k``: a title with the article ("الوزير"), or one
    annexed to a definite noun or a name ("وزير الداخلية", "نائب وزير الصحة")."""
    words, c = ctx.words, ctx.cues
    if k >= len(words) or not is_title(words[k], c):
        return False
    if words[k].key.startswith("ال"):
        return True
    x = k + 1
    while x < len(words) and x - k <= 2 and is_title(words[x], c) and not words[x].key.startswith("ال"):
        x += 1  # "نائب وزير الصحة": titles annexed in a chain
    if (x == k + 1 and x + 1 < len(words) and words[x].is_word and not words[x].prep
            and not words[x].key.startswith("ال")
            and words[x].conj_end == words[x].token.start and not has_form(words[x], c.speaker_stops)):
        x += 1  # "عضو لجنة الأمن", "مدير صحة عدن": a title annexed to a noun annexed in turn
    return x < len(words) and (words[x].key.startswith("ال") or words[x].token.start in ctx.names)


def _after_turn_adverb(ctx: Context, first: int, limit: int) -> int | None:
    """Index of the verb after "بدوره" / "من جهته" (and a comma) that opens a sentence."""
    words, c = ctx.words, ctx.cues
    k = first
    if k + 1 < limit and words[k].key in c.words("turn_adverb_from") and words[k + 1].key in c.words("turn_adverbs"):
        k += 1
    if words[k].key not in c.words("turn_adverbs"):
        return None
    k += 1
    if k < limit and char(ctx, k) in ("،", ","):
        k += 1
    return k if k < limit and words[k].is_word else None


def past_dateline(ctx: Context, s: int) -> int:
    """First word of sentence ``s`` past a dateline the cleaner left ("الرياض: ندد الوزير …",
    "سبق- جدة: أكد …"): a few words before a colon, none of them a cue, opening the sentence."""
    words, c = ctx.words, ctx.cues
    first, limit = ctx.sent_first[s], ctx.sent_limit[s]
    for k in range(first + 1, min(limit - 1, first + MAX_DATELINE_WORDS + 2)):
        w = words[k - 1]
        if char(ctx, k) == ":":
            # "وقال: إن …" (a verb of saying right before it): the colon of speech, not of a dateline
            return first if w.is_word and (w.key in c.verbs or w.conj_end > w.token.start) else k + 1
        if w.is_word and (w.key in c.verbs or w.key in c.participles or w.key in c.according
                          or w.conj_end > w.token.start):
            return first  # "وأوضح المسؤول: …": a verb before the colon opens the clause
    return first


def past_opening_adjunct(ctx: Context, first: int, limit: int) -> int:
    """The verb after a short adjunct set off by a comma at the head of a sentence ("من جهة ثانية،
    دعا …", "وفي الأثناء، أبلغ الرئيس …", "وفي بغداد، قال …"), else ``first``: the clause, and its
    subject, open after the comma."""
    if opens_with_verb(ctx, first):
        return first
    for k in range(first + 1, min(limit - 1, first + MAX_OPENING_ADJUNCT + 1)):
        if not ctx.words[k].is_word and char(ctx, k) in (",", "،"):
            after = ctx.words[k + 1]
            if ctx.cues.is_complementiser(after.key.removeprefix("ف").removeprefix("و")):
                return first  # "وحسب رأيه، فإنه …": a clause of reported words, not a verb opening one
            return k + 1 if opens_with_verb(ctx, k + 1) or opens_with_bare_verb(ctx, k + 1) else first
        if not ctx.words[k].is_word:
            return first
    return first


def clause_subject(ctx: Context, s: int) -> Actor | None:
    """The subject after the verb that opens sentence ``s`` ("وأشاد الرئيس بـ...", "بدوره عبر
    المدير عن ...": after an adverb of turn, the next word is the verb)."""
    first, limit = past_dateline(ctx, s), ctx.sent_limit[s]
    verb = _after_turn_adverb(ctx, first, limit)
    if verb is not None:
        first = verb
    elif first + 1 >= limit or not (opens_with_verb(ctx, first) or opens_with_bare_verb(ctx, first)
                                    or _bare_verb_body(ctx, first)):
        return None
    end = speaker_end_at(ctx, first + 1, limit)
    if end == first + 1 or not may_speak(ctx, first, end):
        return None  # "وأكد دعم الجمعية لجهود الوزارة، مشددا": the verbal noun is the object
    return speaker_actor(ctx, first + 1, end)


def may_speak(ctx: Context, verb: int, end: int) -> bool:
    """Whether words ``verb + 1 .. end`` can be the subject of the verb at ``verb``.

    A verb of saying that takes a noun as its object ("وأكد دعم الجمعية لجهود الوزارة", not قال
    or أضاف) has no subject when the phrase after it opens with an indefinite common noun: no
    title, definite noun, word of an entity, unnamed source or body, or noun of people, and no
    person named in it ("بطل السوبر اللاعب سعود الحقباني" is one)."""
    c = ctx.cues
    if not has_form(ctx.words[verb], c.verbs) or ctx.words[verb].key in c.words("bare_speech_verbs"):
        return True
    w = ctx.words[verb + 1]
    if (is_title(w, c) or has_form(w, c.title_complements) or w.key.startswith("ال")
            or any(ctx.words[k].token.start in ctx.names for k in range(verb + 1, end))
            or any(m.start <= w.token.start < m.end for e in ctx.doc.entities for m in e.mentions)):
        return True
    return any(has_form(w, forms) for forms in c.anonymous.values()) or has_form(w, c.group_nouns) \
        or has_form(w, c.outlet_heads)
