"""Speakers the text does not name, and the state or organisation they speak for.

Wire copy attributes much of what it reports to unnamed people: «مصادر مطلعة», «شهود عيان»,
«مسؤول أمريكي», «مصدر في قيادة المقاومة».  Such a speaker speaks for what its phrase names: the
state of a nationality adjective («مسؤولون أمريكيون» → the United States), an organisation or state
named in it («مصدر في وزارة الداخلية»، «مصدر في قيادة المقاومة» → the Popular Resistance named
elsewhere by «المقاومة الشعبية»), or, for an official or a security source with nothing else said
(«مصدر أمني»، «مصدر في الشرطة»), the state the story is about when the article leaves no doubt.
One that names nothing («مصادر مطلعة», «شهود عيان», «منظمو المظاهرات») is no attributed quote: the
quotes stage keeps it apart (``doc.unattributed``).  The words are in ``data/quote_cues.yaml``
(``anonymous``), the nationality adjectives in the knowledge base's ``kb/countries.tsv``.
"""

from __future__ import annotations

from marsad.core.document import Actor, Document, Span
from marsad.stages.entities.places import leading_state, named_states
from marsad.stages.quotes.context import Context, words_in
from marsad.stages.quotes.lexicon import Cues, demonyms
from marsad.stages.quotes.lexicon import nationality as nationality_of  # (by keys; the one below takes words)
from marsad.stages.quotes.phrases import Word, has_form, phrase_span, speaker_end
from marsad.stages.quotes.speakers import PERSON_TYPES, stems_of, titled_person_before
from marsad.text.keys import fold

#: The story's state must have at least this many place and nationality mentions, and this many
#: times as many as any other state, for an unnamed security source to be taken as its agent
#: (set by eye on SaudiNewsNet articles: a local Saudi report names Saudi places three times or
#: more, a regional one names two states about as often).
STORY_STATE_MIN = 3
STORY_STATE_LEAD = 2.0
#: How far back, in words, a definite unnamed speaker («وقال المسؤول») looks for the phrase that
#: introduced it («مسؤول كبير في الصندوق»): a few sentences of wire copy.
LOOKBACK_WORDS = 150


def _is(word: Word, forms: frozenset[str]) -> bool:
    return word.key in forms or word.bare in forms


def is_anonymous(words: list[Word], cues: Cues) -> bool:
    """Whether a speaker phrase is headed by an unnamed source, person, individual or official
    (مصدر، شهود، المرأة، مسؤول)."""
    a = cues.anonymous
    return bool(words) and any(_is(words[0], a[k]) for k in ("sources", "people", "individuals", "officials"))


def _agent_nationality(words: list[Word], cues: Cues) -> str | None:
    """The state a nationality adjective makes an unnamed source or official speak for (مسؤول
    أمريكي → USA); none for people who act for no state (خبراء سعوديون، شهود عيان) nor for local
    sources (مصادر محلية يمنية)."""
    a = cues.anonymous
    if _is(words[0], a["people"]) or _is(words[0], a["individuals"]) or any(_is(w, a["locals"]) for w in words[1:]):
        return None
    return nationality(words[1:])


def nationality(words: list[Word]) -> str | None:
    """The state of the first nationality adjective in ``words`` (مصدر أمني عراقي → IRQ)."""
    return nationality_of([w.key for w in words])


def state_entity(doc: Document, iso3: str) -> int | None:
    """The entity that stands for a state: the state itself when the article names it, else its
    people (a nationality mention), else its most mentioned place (its country field is the state)."""
    best: tuple[int, int, int] | None = None  # (rank, -mentions, index)
    for k, e in enumerate(doc.entities):
        if e.country != iso3 or e.type not in ("GPE", "NORP"):
            continue
        rank = 0 if e.kb_id == iso3 else (1 if e.type == "NORP" else 2)
        cand = (rank, -len(e.mentions), k)
        if best is None or cand < best:
            best = cand
    return best[2] if best is not None else None


def story_state(doc: Document) -> str | None:
    """The state an article is about: the country of most of its place and nationality mentions,
    when it leads clearly (else None: guessing would give an unnamed source the wrong state)."""
    return leading_state(named_states(doc), STORY_STATE_MIN, STORY_STATE_LEAD)


def _named_body(doc: Document, words: list[Word]) -> int | None:
    """An organisation or state named elsewhere whose name opens with a definite word of the
    phrase: «مصدر في قيادة المقاومة» after «المقاومة الشعبية», «مسؤول في الصندوق» after «صندوق النقد
    الدولي» (one such entity, or none)."""
    found: set[int] = set()
    # "في الصندوق" names «صندوق النقد الدولي» too: the name's first word may lack the article.
    heads = {h for w in words[1:] if w.key.startswith("ال") for h in (w.key, w.key[2:])}
    if not heads:
        return None
    for k, e in enumerate(doc.entities):
        if e.type != "ORG" and not (e.type == "GPE" and e.kb_id is not None and e.kb_id == e.country):
            continue  # a body or a state: «مسؤول عسكري في المريسة» sits in a town, speaks for none
        for m in e.mentions:
            first = fold(doc.text[m.start:m.end]).split(" ", 1)[0]
            if first in heads or (first.startswith("لل") and "ال" + first[2:] in heads):
                found.add(k)
                break
    return found.pop() if len(found) == 1 else None


def _governed_place(doc: Document, cues: Cues, words: list[Word], ent: int | None) -> str | None:
    """The state of a place named right after a state agency in the phrase («مصدر في حكومة جوبا»،
    «مسؤول في سلطات طهران»): the city stands for the state whose government sits there, so the
    source speaks for that state (where it sits alone, «مصدر في محافظة أبين», it does not)."""
    if ent is None:
        return None
    e = doc.entities[ent]
    for k, w in enumerate(words[:-1]):
        nxt = words[k + 1].token.start
        if _is(w, cues.anonymous["state_agents"]) and any(m.start == nxt for m in e.mentions):
            return e.country
    return None


def _place_in(doc: Document, words: list[Word], ent: int) -> bool:
    """Whether ``ent`` is a place inside a state, named in the phrase («مصادر محلية في محافظة
    أبين»): where an unnamed source sits is not whom it speaks for."""
    e = doc.entities[ent]
    if e.type not in ("GPE", "LOC", "FAC") or (e.kb_id is not None and e.kb_id == e.country):
        return False
    lo, hi = words[0].token.start, words[-1].token.end
    return any(lo <= m.start and m.end <= hi for m in e.mentions)


def _state_agent(words: list[Word], cues: Cues, home: tuple[Span, ...] = ()) -> bool:
    """An official or security source that says nothing more of itself («مسؤول كبير», «مصدر
    أمني», «مصدر في الشرطة») than where in the story's state it sits (``home``: the mentions of
    places in that state, «مصدر أمني في محافظة مأرب»): an agent of the story's state."""
    a = cues.anonymous
    rest = words[1:]
    if not rest and words[0].key.startswith("ال") and not words[0].key.endswith(cues.words("plural_noun_endings")):
        return False  # "وقال المسؤول": one person told before, whom the back-reference failed to find
    if not _names_no_body(rest, cues, home):
        return False
    return _is(words[0], a["officials"]) or any(_is(w, a["state_agents"]) for w in rest)


def _names_no_body(words: list[Word], cues: Cues, home: tuple[Span, ...] = ()) -> bool:
    """Whether the words after an unnamed speaker's or a state agency's head only describe it or
    name a state agency (or, in ``home``, a place of the story's state): no body of its own."""
    a = cues.anonymous
    return all(_is(w, a["describers"]) or _is(w, a["state_agents"])
               or any(sp.start <= w.token.start < sp.end for sp in home) for w in words)


def _home_places(doc: Document, iso3: str | None) -> tuple[Span, ...]:
    """The mentions of the places inside the state ``iso3``, not of the state itself."""
    if iso3 is None:
        return ()
    return tuple(m for e in doc.entities if e.type in ("GPE", "LOC") and e.country == iso3 and e.kb_id != iso3
                 for m in e.mentions)


def speaks_for(doc: Document, cues: Cues, words: list[Word], found: Actor) -> Actor:
    """``found`` (an unnamed speaker no entity links) with the entity of the state or
    organisation its phrase ``words`` names, when there is one."""
    if not is_anonymous(words, cues):
        return found
    if found.entity is not None and not _place_in(doc, words, found.entity):
        return found
    ent: int | None = None
    iso3 = _agent_nationality(words, cues) or _governed_place(doc, cues, words, found.entity)
    if iso3 is not None:
        ent = state_entity(doc, iso3)
    if ent is None and iso3 is None:
        ent = _named_body(doc, words)
    if ent is None and iso3 is None:
        home = story_state(doc)
        if _state_agent(words, cues, _home_places(doc, home)):
            ent = state_entity(doc, home) if home is not None else None
    if found.entity is not None:
        # The place it sits in was the phrase's only entity: the source speaks, not the place.
        return Actor(phrase_span(words, 0, len(words)), ent)
    return Actor(found.span, ent)


def agency_speaks_for(doc: Document, cues: Cues, words: list[Word], found: Actor) -> Actor:
    """``found`` (a speaker no entity links) with the entity of the state a bare state agency
    speaks for: «قالت الشرطة»، «أعلن الجيش»، «ذكرت السلطات» act for the state of a nationality
    adjective in the phrase («الشرطة التركية» → Turkey), else for the story's state when the
    article leaves no doubt (devset README: an army, police or ministry acts for its state)."""
    a = cues.anonymous
    if len(words) > 1 and _is(words[0], a["agency_heads"]) and _is(words[1], a["state_agents"]):
        words = words[1:]  # «أجهزة الأمن الروسية»، «قوات الجيش»، «وزارة الداخلية»: the agency's services
    if (found.entity is not None or not words or not words[0].key.startswith("ال")
            or not _is(words[0], a["state_agents"])):
        return _titled_official(doc, cues, words, found)
    iso3 = nationality(words[1:])
    if iso3 is None and not _names_no_body(words[1:], cues):
        return found  # «الجيش الحر»، «الحكومة الشرعية»: a body of its own, or another state's
    if iso3 is None:
        told = _agency_told_before(doc, words[0], found.span.start)
        if told is not None:
            return Actor(found.span, told)
        local = any(_is(w, a["locals"]) for w in words[1:])
        iso3 = (_place_state_before(doc, found.span.start) if local else None) or story_state(doc)
    ent = state_entity(doc, iso3) if iso3 is not None else None
    return found if ent is None else Actor(found.span, ent)


def _place_state_before(doc: Document, before: int) -> str | None:
    """The state of the place named last before offset ``before`` in its sentence: «قتل 14 جنديا في
    غارة على حاجز في ولاية لوغار، كما أعلنت السلطات المحلية» — the local authorities are that
    place's (Afghanistan's), though the story names another state too."""
    sentence = doc.sentence_of(before)
    best: tuple[int, str] | None = None
    for e in doc.entities:
        if e.type not in ("GPE", "LOC") or not e.country:
            continue
        for m in e.mentions:
            if m.start < before and doc.sentence_of(m.start) == sentence and (best is None or m.start > best[0]):
                best = (m.start, e.country)
    return best[1] if best is not None else None


def _agency_told_before(doc: Document, head: Word, before: int) -> int | None:
    """The entity a bare agency («وقالت الخارجية»، «وأعلنت الحكومة») stands for when the article
    named the same agency with its state before it, within LOOKBACK_WORDS tokens: the body the
    entities stage linked there («وزارة الخارجية الروسية» → Russia's foreign ministry), else the
    state of the nationality adjective after it («الحكومة التركية» → Turkey)."""
    bare = head.key.removeprefix("ال")
    for k in _words_back(doc, before):
        tok = doc.tokens[k]
        if fold(doc.text[tok.start:tok.end]).removeprefix("و").removeprefix("ال") != bare:
            continue
        body = next((i for i, e in enumerate(doc.entities) if e.country and e.type == "ORG"
                     for m in e.mentions if m.start <= tok.start < m.end), None)
        if body is not None:
            return body
        iso3 = _nationality_after(doc, k)
        if iso3 is not None:
            return state_entity(doc, iso3)
    return None


def _words_back(doc: Document, before: int) -> range:
    """Indices of the LOOKBACK_WORDS tokens before offset ``before``, nearest first."""
    end = next((k for k, t in enumerate(doc.tokens) if t.start >= before), len(doc.tokens))
    return range(end - 1, max(-1, end - 1 - LOOKBACK_WORDS), -1)


def _nationality_after(doc: Document, k: int) -> str | None:
    """The state of the nationality adjective right after token ``k``, if one is there."""
    nxt = doc.tokens[k + 1] if k + 1 < len(doc.tokens) else None
    return demonyms().get((fold(doc.text[nxt.start:nxt.end]),)) if nxt is not None else None


def _titled_official(doc: Document, cues: Cues, words: list[Word], found: Actor) -> Actor:
    """``found`` (a speaker no entity links) with the entity of the state whose official its
    phrase names by title and nationality adjective («السفير اليمني»، «قائد الجيش اللبناني»): an
    official no person resolves is an unnamed official of that state (devset README).  The
    adjective follows the title, or the state agency after it; past another noun it describes
    that noun («رئيس الرابطة الجماهيرية النيجيرية» heads no state body)."""
    a = cues.anonymous
    if found.entity is not None or not words or not _is(words[0], a["official_titles"]):
        return found
    if len(words) == 1:
        # «وأضاف السفير» after «طلب السفير اليمني …»: the title told last with its nationality.
        iso3 = _nationality_told_with(doc, words[0], words[0].token.start)
    else:
        iso3 = nationality(words[1:2])
        if iso3 is None and len(words) > 2 and (_is(words[1], a["state_agents"]) or _is(words[1], a["agency_heads"])):
            iso3 = nationality(words[2:3])
    ent = state_entity(doc, iso3) if iso3 is not None else None
    return found if ent is None else Actor(found.span, ent)


def _nationality_told_with(doc: Document, title: Word, before: int) -> str | None:
    """The state of the nationality adjective right after the last use of ``title`` within
    LOOKBACK_WORDS tokens before offset ``before`` (None when that use has none: another official)."""
    forms = {title.bare, "ال" + title.bare}
    for k in _words_back(doc, before):
        if fold(doc.text[doc.tokens[k].start:doc.tokens[k].end]).removeprefix("و") in forms:
            return _nationality_after(doc, k)
    return None


def named_before(ctx: Context, begin: int, end: int, found: Actor) -> Actor:
    """"كما قال مسؤول كبير في الصندوق. وقال المسؤول إن": a definite unnamed speaker («المسؤول»،
    «المصدر ذاته») that nothing else resolved speaks for what the last phrase with the same head,
    told without the article within LOOKBACK_WORDS words, names.  When that phrase names a body
    no entity links («مصدر مسؤول في صندوق …»), the speaker keeps it as the phrase that named it."""
    words, cues = ctx.words, ctx.cues
    w = words[begin]
    if (found.entity is not None or not w.key.startswith("ال") or not is_anonymous([w], cues)
            or not all(_is(x, cues.anonymous["describers"]) for x in words[begin + 1:end])):
        return found
    head = w.key[2:]
    # "أكدت مصادر في قيادة الجيش … ونوه المصدر": the singular of a plural source told before (or
    # the reverse) is the same unnamed source.
    kin = {f for forms in (cues.anonymous["sources"], cues.anonymous["officials"]) if head in forms
           for f in forms if f[:2] == head[:2]} | {head}
    for k in range(begin - 1, max(-1, begin - LOOKBACK_WORDS), -1):
        if words[k].key not in kin:
            continue
        stop = speaker_end(words, k, ctx.sent_limit[ctx.sent_of[k]], cues, ctx.names)
        told = speaks_for(ctx.doc, cues, words[k:stop], Actor(words[k].token.span))
        if told.entity is not None:
            return Actor(found.span, told.entity)
        if not unattributed(cues, words[k:stop], told, ctx.names):
            ctx.phrases[found.span] = Span(words[k].token.start, words[stop - 1].token.end)
        return found
    return _last_speaker(ctx, head, found)


def _last_speaker(ctx: Context, head: str, found: Actor) -> Actor:
    """"نقل موقع «القوات اللبنانية» أن … . ولفت المصدر إلى أن": a definite source or spokesman
    that no phrase introduced is the one whose words the story was reporting, the last speaker."""
    a = ctx.cues.anonymous
    last = ctx.speaker
    if last is None or not (head in a["sources"] or head in a["officials"]):
        return found
    if last.entity is not None:
        return Actor(found.span, last.entity)
    if not is_anonymous(words_in(ctx, ctx.phrases.get(last.span, last.span)), ctx.cues):
        # «وأضافت وزارة الداخلية أن … . وبحسب المصدر نفسه»: a body no entity links is carried back
        # with its own words, as a pronoun carries back the unlinked actor it refers to.
        return last
    # An unnamed speaker told of before («مصدر طبي في مكتب الصحة»): read from the phrase that
    # named it, whether it speaks for anyone.
    ctx.phrases[found.span] = ctx.phrases.get(last.span, last.span)
    return found


def _named_individual(words: list[Word], cues: Cues) -> bool:
    """An individual whose phrase goes on past its head with words that do not describe it
    («الأم سهام», «الشاب أحمد»): a name the tagger missed, who speaks for themself."""
    a = cues.anonymous
    if not _is(words[0], a["individuals"]):
        return False
    nisba = cues.words("nisba_endings")
    return any(w.is_word and not _is(w, a["describers"]) and not w.bare.endswith(nisba) for w in words[1:])


def unattributed(cues: Cues, words: list[Word], who: Actor, names: set[int] | dict[int, int]) -> bool:
    """Whether an unnamed speaker names no state or organisation it speaks for («مصادر مطلعة»،
    «شهود عيان»، «موظفون مصرفيون»): no entity, no nationality, no body or state agency and no
    person's name (``names``: start offsets of person mentions) in its phrase."""
    if who.entity is not None or not is_anonymous(words, cues) or _named_individual(words, cues):
        return False
    # A body («مسؤول في شركة») or a state's agency («مصدر في الشرطة», «مصدر أمني») is named,
    # though no entity links it: the quote is attributed.
    named = cues.agencies
    if any(_is(w, named) or (w.key.startswith("ال") and w.key[2:] in named) for w in words[1:]):
        return False
    if any(w.token.start in names for w in words):
        return False
    return _agent_nationality(words, cues) is None




def official_told_before(ctx: Context, words: list[Word], found: Actor) -> Actor:
    """"وتابع المسؤول الإيراني:" after «مساعد وزير الخارجية الإيراني حسين أمير عبد اللهيان», «وقال
    الوزير المصري»: a definite official of a state, with no name, is the last person of that state
    named, not the state («مسؤول إيراني», indefinite, is someone new and speaks for Iran)."""
    if (len(words) != 2 or found.entity is None or not words[0].key.startswith("ال")
            or not has_form(words[0], frozenset(ctx.cues.words("officials_told_before")))):
        return found
    state = ctx.doc.entities[found.entity]
    if state.type in PERSON_TYPES or not state.country:
        return found
    ent = ctx.discourse.person(ctx.doc, country=state.country)
    if ent is None:
        # «وقال الوزير المصري» after «محمد مختار جمعة، وزير الأوقاف المصري», a person of no known
        # state: the last person told with that title beside the name
        ent = titled_person_before(ctx.doc, stems_of(words[:1])[0], found.span.start)
    return Actor(found.span, ent) if ent is not None else found


def parent_body(ctx: Context, end: int, found: Actor) -> Actor:
    """«وقالت منظمة حقوق الإنسان التابعة للأمم المتحدة إن»: a body the knowledge base does not place
    speaks for the body «التابعة لـ» right after its phrase (ending at word ``end``) names."""
    if found.entity is None or end + 1 >= len(ctx.words):
        return found
    body = ctx.doc.entities[found.entity]
    if body.type != "ORG" or body.kb_id is not None or body.country:
        return found
    nxt = ctx.words[end + 1]
    if ctx.words[end].key not in ctx.cues.words("part_of_words") or not (
            nxt.prep and ctx.text[nxt.conj_end:nxt.token.end].startswith("ل")):
        return found
    parent = next((k for k, e in enumerate(ctx.doc.entities) if e.type in ("ORG", "GPE")
                   for m in e.mentions if m.start <= nxt.body_start < m.end), None)
    return Actor(found.span, parent) if parent is not None and parent != found.entity else found

__all__ = ["agency_speaks_for", "is_anonymous", "named_before", "official_told_before", "parent_body", "speaks_for",
           "state_entity", "story_state", "unattributed"]
