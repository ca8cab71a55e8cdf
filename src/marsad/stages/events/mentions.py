"""The actors an event may name: entity mentions (from the ``entities`` stage), generic agents
(الشرطة، المتظاهرون, from ``data/events/agents.tsv``) with the state named after them, and the
titles and body nouns ``doc.references`` resolves; each with the preposition that introduces it.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from marsad.core.document import Document, Span
from marsad.stages.entities import kb
from marsad.stages.events import lexicon
from marsad.stages.events.detect import QUOTE_MARKS, surface, variants, word_keys
from marsad.stages.events.lexicon import cue_words
from marsad.text.keys import fold

#: How many sentences back a dual noun (الزعيمان) looks for the two states it refers to.
PAIR_LOOKBACK = 2


#: Most tokens between a generic actor and the cue naming its members (وزراء خارجية دول من بينها).
INCLUSION_REACH = 4


#: Standalone prepositions that may introduce an actor (folded).
PREPOSITIONS = frozenset(fold(p) for p in (
    "إلى", "على", "مع", "ضد", "في", "من", "عن", "بين", "باتجاه", "نحو", "لدى", "عبر", "تجاه", "حول", "بشأن",
    "ضمن", "عند", "مقابل", "بحق", "داخل", "قرب", "أمام"))


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


#: Entity types that are places only: a square or a region never acts (a state, GPE, may).
NON_ACTOR_TYPES = frozenset({"LOC", "FAC"})


STATE_TYPES = frozenset({"GPE", "NORP"})
#: Entity types an office may speak for («المتحدث باسم …»): bodies and states.
BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})


#: Entity types a dual noun (البلدين، الزعيمين) may stand for: states, their people and leaders.
PAIR_TYPES = frozenset({"GPE", "NORP", "PER"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: where it is, which entity it is (if any), and the preposition before it."""

    span: Span
    first: int  # first token index
    last: int  # index past the last token
    entity: int | None
    etype: str | None
    prep: str | None
    conj: bool  # starts with و: coordinated with the actor before it
    agent: bool = False  # a generic agent or title (الشرطة، الرئيس المصري), not a named entity
    refs: tuple[int, ...] = ()  # entities a dual noun (الزعيمان، البلدين) stands for
    concept: str | None = None  # the generic agent's concept (officials, police…)


def token_at(starts: list[int], offset: int) -> int:
    k = bisect.bisect_right(starts, offset) - 1
    return max(k, 0)


def _prep_of(doc: Document, first: int, span: Span, named: frozenset[int], nisba: bool = False
             ) -> tuple[str | None, bool]:
    """The preposition introducing a mention (clitic or standalone) and whether it starts with و;
    a ``nisba`` adjective takes the one of the definite noun it qualifies (بالهجمات التركية: ب).
    ``named``: the tokens inside entity mentions (a name completes no noun after it)."""
    tok = doc.tokens[first]
    word = surface(doc, tok)
    # Clitics left outside the mention, else those the tokenizer split off inside it.
    lead = fold(doc.text[tok.start:span.start]) or "".join(
        word[a:b] for a, b, role in tok.pieces if role in ("conj", "prep"))
    conj = lead[:1] in ("و", "ف")
    clitic = lead.lstrip("وف")
    if clitic[:1] in ("ب", "ل", "ك"):
        return clitic[:1], conj
    prep = prep_before(doc, first, own_clitic=False)  # the mention's own clitics are read above
    if prep == "من" and first >= 2 and surface(doc, doc.tokens[first - 2]).lstrip("وف") in lexicon.partitives():
        # «استنكر عدد من المسؤولين»: the group counted is the subject, not a "from" phrase; after
        # a preposition it is that preposition's («أطلق النار على عناصر من الشرطة»: على).
        return prep_before(doc, first - 2), conj or surface(doc, doc.tokens[first - 2])[:1] in ("و", "ف")
    qualified = _qualifies(doc, first) if prep is None and nisba and not conj else None
    if qualified is not None:
        # «رحب بالهجمات التركية»: the state whose attacks are welcomed is the object.
        return qualified, conj
    if prep is None and not conj and _coordinated_group_head(doc, first - 1, named):
        # «بين الحكومة الأفغانية وحركة طالبان»: the و of the group's head noun coordinates the name.
        conj = True
    head = _place_head(doc, first)
    if prep is None and head is not None:
        # «في العاصمة البلجيكية بروكسل»: the name takes the preposition of the noun it explains.
        return prep_before(doc, head), conj
    if (prep is not None or first < 2 or not is_construct_head(doc, first - 1)
            or word_keys_in(doc, first - 1, lexicon.status_cues()["complementizers"])
            or (first - 1 in named and not conj)):
        # «إضافة إلى أن كيري بحث»: أن is no noun a name completes, so إلى is not the name's.
        return prep, conj
    # A name completing a prepositional phrase is introduced by its preposition: «بسلف كيم» (ب).
    # (كـ is left out: the tokenizer reads the ك of verbs such as وكانت as one.)
    prep = prep_before(doc, first - 1)
    if prep == "من" and first >= 3 and _partitive(doc, first - 3):
        # «دمرت الطائرات عددا من مواقع التنظيم»: a count of the owner's things is the verb's
        # object; the من is the count's, and the owner takes the count's own preposition.
        prep = prep_before(doc, first - 3)
    return (None if prep == "ك" else prep), conj


#: Most tokens between a name and the head noun with و that coordinates it (marks and further heads).
GROUP_HEAD_REACH = 3


def _coordinated_group_head(doc: Document, k: int, named: frozenset[int]) -> bool:
    """Whether token ``k`` is a group's head noun (data ``group_heads``: حركة، جماعة، تنظيم، مسلحي)
    carrying و, outside any name, so that the name after it is coordinated with the actor before; a
    quotation mark or a further head may stand between («ومتمردي تنظيم «حزب العمال الكردستاني»»)."""
    for _ in range(GROUP_HEAD_REACH):
        if k < 1 or k in named or not _head_or_mark(doc, k):
            return False
        if doc.tokens[k].kind == "word" and surface(doc, doc.tokens[k])[:1] == "و":
            return True
        k -= 1
    return False


def heads_between(doc: Document, start: int, end: int) -> bool:
    """Whether tokens ``start .. end`` are a group's head nouns, the first carrying و, and quotation
    marks (GROUP_HEAD_REACH at most): what coordinates the name at ``end`` with the actor before."""
    if not 0 < end - start <= GROUP_HEAD_REACH or surface(doc, doc.tokens[start])[:1] != "و":
        return False
    return all(_head_or_mark(doc, k) for k in range(start, end))


def _head_or_mark(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a group's head noun (data ``group_heads``) or a quotation mark."""
    tok = doc.tokens[k]
    if tok.kind != "word":
        return doc.text[tok.start:tok.end] in QUOTE_MARKS
    return word_keys_in(doc, k, cue_words("group_heads"))


def _partitive(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a noun counting what follows من (عدد، عددا، عشرات)."""
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    return doc.tokens[k].kind == "word" and (word in lexicon.partitives() or (
        word.endswith("ا") and word[:-1] in lexicon.partitives()))


def _qualifies(doc: Document, first: int) -> str | None:
    """The preposition of the noun a nationality at token ``first`` qualifies: the word right before
    it («بالهجمات التركية»، «في غارة أمريكية»), or the one before that across an adjective or the
    second noun of a construct («في ضربة جوية أميركية»، «لقوات المارينز الأميركية»); None when
    that noun has none."""
    for j in (first - 1, first - 2):
        if j < 0 or doc.tokens[j].kind != "word":
            return None
        prep = prep_before(doc, j)
        if prep is not None:
            # (not after من: «نخبة من الفنانين المغاربة» counts a group, which may be the object)
            return None if prep == "من" else prep
        word = surface(doc, doc.tokens[j]).lstrip("وف")
        if not (word.startswith("ال") or word.endswith(("ية", "يه", "ي"))):
            return None
    return None


def _place_head(doc: Document, first: int) -> int | None:
    """The place noun a name stands in apposition to («العاصمة (البلجيكية) بروكسل»), if any."""
    heads = lexicon.place_heads()
    for back in (1, 2):
        k = first - back
        if k < 1 or doc.tokens[k].kind != "word":
            return None
        word = surface(doc, doc.tokens[k]).lstrip("وف")
        if word_keys_in(doc, k, heads):
            return k  # (its own clitic is the phrase's preposition: «بالعاصمة اليمنية صنعاء»)
        if back == 2 or not word.endswith(("ي", "يه")):
            return None
    return None


def is_construct_head(doc: Document, k: int) -> bool:
    """Whether token ``k`` is an indefinite noun that a following name completes (سلف، شرق)."""
    tok = doc.tokens[k]
    # A noun with ال or a pronoun suffix (بنظيره) cannot be completed by a following name.
    return (tok.kind == "word" and not surface(doc, tok).lstrip("وف").startswith(("ال", "لل"))
            and not tok.has_pronoun)


def completes_title(doc: Document, head: Mention, m: Mention) -> bool:
    """Whether ``m`` ends the construct chain of an official's title ``head``: only indefinite
    nouns stand between («رئيس مجلس شيوخ عشائر الأنبار»), so the name is the office's, not an
    object of the verb."""
    if not (head.agent and head.concept == "officials") or m.prep is not None or m.conj:
        return False
    return is_construct_head(doc, head.last - 1) and m.first > head.last and all(
        is_construct_head(doc, k) for k in range(head.last, m.first))


def construct_agent(doc: Document, k: int) -> bool:
    """Whether agent word ``k`` heads a construct another agent completes (وزير الداخلية): an
    indefinite noun without the dual or plural ن, which a construct head drops."""
    return is_construct_head(doc, k) and not surface(doc, doc.tokens[k]).endswith(("ون", "ان", "ين"))


def prep_before(doc: Document, first: int, own_clitic: bool = True) -> str | None:
    """The preposition on (``own_clitic``) or just before token ``first``: a clitic ب/ل/ك or a
    standalone word."""
    tok = doc.tokens[first]
    word = surface(doc, tok)
    clitic = "".join(word[a:b] for a, b, role in tok.pieces if role == "prep") if own_clitic else ""
    if clitic[:1] in ("ب", "ل", "ك"):
        return clitic[:1]
    if first > 0 and doc.tokens[first - 1].kind == "word":
        prev = surface(doc, doc.tokens[first - 1])
        bare = prev[1:] if prev[:1] in ("و", "ف") and prev[1:] in PREPOSITIONS else prev
        if bare in PREPOSITIONS:
            # «كل من موسكو وبيونغ يانغ» is "both Moscow and Pyongyang", not "from Moscow".
            if bare == "من" and first > 1 and surface(doc, doc.tokens[first - 2]) in cue_words("list_openers"):
                return None
            return bare
    return None


def _entity_mentions(doc: Document) -> list[Mention]:
    out: list[Mention] = []
    starts = [t.start for t in doc.tokens]
    spans = [(idx, span, token_at(starts, span.start), token_at(starts, max(span.end - 1, span.start)) + 1)
             for idx, ent in enumerate(doc.entities) for span in ent.mentions]
    # A name completes no noun after it («الميليشيات الموالية لإيران القوات …»: القوات is not in
    # the phrase of لإيران), though a name coordinated after it shares its phrase («من آسيا وأوروبا»).
    named = frozenset(k for _, _, first, last in spans for k in range(first, last))
    for idx, span, first, last in spans:
        ent = doc.entities[idx]
        prep, conj = _prep_of(doc, first, span, named, nisba=ent.type == "NORP")
        area = ent.type == "GPE" and _after_area(doc, first, span)
        etype = "FAC" if _after_facility(doc, first, span) else "LOC" if area else ent.type
        if area and prep is None:
            # «السلطات المحلية بمحافظة مأرب»: the place takes the preposition glued to its area noun.
            prep = _glued_preposition(doc, first - 1)
        out.append(Mention(span, first, last, idx, etype, prep, conj))
    return out


def _after_facility(doc: Document, first: int, span: Span) -> bool:
    """Whether a name follows a noun naming a square, street or building (ميدان التحرير، شارع
    الرشيد): it is that place, whatever type the entities stage gave it (a person's name often
    names a square)."""
    tok = doc.tokens[first]
    if span.start > tok.start:
        return False  # the name is glued to a clitic of its own token (بالحبوبي): no head before it
    return first > 0 and doc.tokens[first - 1].kind == "word" and word_keys_in(
        doc, first - 1, cue_words("facility_heads"))


def _glued_preposition(doc: Document, k: int) -> str | None:
    """The preposition ب/ل/ك glued to word ``k`` when the rest of it is one of its word keys
    (بمحافظة → ب), which the clitic analysis does not always split off."""
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    return word[0] if word[:1] in ("ب", "ل", "ك") and word[1:] in word_keys(doc, doc.tokens[k]) else None


def _has_preposition(doc: Document, k: int) -> bool:
    """Whether token ``k`` carries a preposition clitic: «قصف الجيش بطائرات هليكوبتر» is the army
    bombing with helicopters, not one actor «الجيش بطائرات»."""
    return any(role == "prep" for _, _, role in doc.tokens[k].pieces)


def _after_area(doc: Document, first: int, span: Span) -> bool:
    """Whether a place name follows a noun of an area or a direction (منطقة صرواح، بولاية القيروان،
    جنوبي الشيخ زويد، جنوب شرق تركيا): it names where, so it never acts (a state's bare name may)."""
    if span.start > doc.tokens[first].start or first == 0 or doc.tokens[first - 1].kind != "word":
        return False
    return word_keys_in(doc, first - 1, cue_words("area_heads"))


def agent_at(doc: Document, i: int) -> tuple[int, str] | None:
    """Index past the last token of a generic agent starting at token ``i`` and its concept, or None."""
    index = lexicon.agent_index()
    best: tuple[int, str] | None = None
    for form, _ in variants(surface(doc, doc.tokens[i])):
        for words, agent in index.get(form, ()):
            j = i + 1
            for w in words[1:]:
                if j >= len(doc.tokens) or surface(doc, doc.tokens[j]) != w:
                    break
                j += 1
            else:
                if best is None or j > best[0]:
                    best = (j, agent.concept)
    return best


def _pair_refs(doc: Document, ents: list[Mention], start: int) -> tuple[int, ...]:
    """The two states named last before ``start`` (within PAIR_LOOKBACK sentences) that a dual noun
    such as «الزعيمان» or «البلدين» stands for; () when there are not two."""
    here = doc.sentence_of(start) or 0
    first_offset = doc.sentences[max(here - PAIR_LOOKBACK, 0)].start if doc.sentences else 0
    seen: dict[str, int] = {}
    for m in sorted(ents, key=lambda m: -m.span.start):
        if (m.span.start >= start or m.span.start < first_offset or m.entity is None
                or m.etype not in PAIR_TYPES):
            # (an agency of some state is not one of «الطرفين»: after AFP, not France)
            continue
        country = doc.entities[m.entity].country
        if country and country not in seen:
            # The state itself stands for a place, not the city that named it (المدينة المنورة → Saudi
            # Arabia); a leader stands for himself (الزعيمان).
            state = None if m.etype == "PER" else state_of(doc, country)
            seen[country] = m.entity if state is None else state
            if len(seen) == 2:
                return tuple(seen.values())
    return ()


def _clitic_length(doc: Document, i: int) -> int:
    """Characters of conjunction and preposition clitics at the start of token ``i`` (ودول → 1):
    an actor's span starts at its noun."""
    tok = doc.tokens[i]
    word = surface(doc, tok)
    if word.lstrip("وف").startswith("لل"):
        # ل + ال drops the article's alef: cutting ل would leave a broken word (لحكومة).
        return len(word) - len(word.lstrip("وف"))
    if tok.pieces:
        return sum(b - a for a, b, role in tok.pieces if role in ("conj", "prep"))
    for form, _ in variants(word):
        if form in lexicon.agent_index() and word.endswith(form):
            return len(word) - len(form)
    return 0


def _state_after(doc: Document, i: int, end: int, by_first: dict[int, Mention], office: bool = False
                 ) -> Mention | None:
    """A demonym or state mention right after a generic agent (الشرطة العراقية، قوات الاحتلال الإسرائيلي),
    or any name completing an indefinite one (قوات الحوثيين، قادة الحوثيين، أنصار صالح)."""
    m = by_first.get(end)
    if (m is None and end - i == 1 and end < len(doc.tokens) and is_construct_head(doc, i)
            and doc.tokens[end].kind == "word" and word_keys_in(doc, end, cue_words("group_heads"))):
        # «قادة حركة حماس»، «عناصر تنظيم داعش»: the group's head noun stands between the agent and its name.
        nxt = by_first.get(end + 1)
        return nxt if nxt is not None and nxt.etype == "ORG" and nxt.prep is None and not nxt.conj else None
    behalf = _on_behalf(doc, end, by_first) if m is None and office else None
    if behalf is not None:
        return behalf
    department = _department_body(doc, end, by_first) if m is None and office else None
    if department is not None:
        return department
    if m is None and end < len(doc.tokens) and doc.tokens[end].kind == "word" and _definite_adjective(doc, end):
        # An adjective no entity covers may stand between the agent and its state: «السلطات الكردية
        # العراقية» (the Kurdish authorities of Iraq), «القوات الخاصة الإسرائيلية».
        # (a nationality, not a state's name: «الوزراء الأوروبيين إيران» is a subject and its object)
        nxt = by_first.get(end + 1)
        return nxt if nxt is not None and nxt.etype == "NORP" and nxt.prep is None and not nxt.conj else None
    # ``end`` is past the last token when the agent ends the text.
    if (m is None and office and end - i == 1 and end < len(doc.tokens) and is_construct_head(doc, i)
            and is_construct_head(doc, end) and not surface(doc, doc.tokens[end]).endswith(("ى", "ي"))):
        # An office completed by its department and then its state: «وزير خارجية روسيا» (not an
        # adjective: «دول أخرى إسرائيل»).
        m = by_first.get(end + 1)
        return m if m is not None and m.etype == "GPE" and not m.conj and m.prep is None else None
    if m is not None and office and m.prep == "ل" and m.etype == "ORG" and not m.conj:
        return m  # the office of an organisation: «الأمين العام للأمم المتحدة»
    if m is None or prep_before(doc, m.first) is not None or _definite_before_name(doc, end - 1, m):
        return None
    if m.last - m.first > 1 and agent_at(doc, m.first) is not None:
        # A described institution opening with an agent of its own is the next actor, not this one's
        # state: «واتهم الانفصاليون الحكومة الأوكرانية» (subject and object).
        return None
    construct = end - i == 1 and is_construct_head(doc, i)
    return m if m.etype in STATE_TYPES or (construct and not m.conj) else None


def _on_behalf(doc: Document, end: int, by_first: dict[int, Mention]) -> Mention | None:
    """The body an office speaks for, named after «باسم» (one definite adjective may stand before
    it): «المتحدث الرسمي باسم وزارة الخارجية المصرية» → the ministry."""
    for k in (end, end + 1):
        if k + 1 >= len(doc.tokens) or doc.tokens[k].kind != "word":
            return None
        if word_keys_in(doc, k, cue_words("on_behalf")):
            m = by_first.get(k + 1)
            ok = m is not None and m.etype in BODY_TYPES and not m.conj
            return dataclasses.replace(m, prep=None) if ok and m is not None else None
        if k == end + 1 or not _definite_adjective(doc, k):
            return None
    return None


def _department_body(doc: Document, end: int, by_first: dict[int, Mention]) -> Mention | None:
    """The organisation an office names through its department (data ``office_departments``; one
    definite adjective may follow it) and ل: «رئيس المكتب السياسي لحماس» → Hamas, as «الأمين العام
    للأمم المتحدة» names the UN."""
    if end >= len(doc.tokens) or doc.tokens[end].kind != "word" or not word_keys_in(
            doc, end, cue_words("office_departments")):
        return None
    for k in (end + 1, end + 2):
        m = by_first.get(k)
        if m is not None:
            ok = m.etype == "ORG" and m.prep == "ل" and not m.conj
            return dataclasses.replace(m, prep=None) if ok else None
        if k == end + 2 or k >= len(doc.tokens) or doc.tokens[k].kind != "word" or not _definite_adjective(doc, k):
            return None
    return None


def _nisba_state(doc: Document, end: int, covered: AbstractSet[int]) -> Mention | None:
    """The state a nationality adjective right after a generic agent names when the entities stage
    left it untagged («قوات الأمن التركية»، «جنود أوكرانيين»، «جنود أتراك»; one stateless adjective
    may stand between: «السلطات الكردية العراقية»، «القوات الخاصة الإسرائيلية»), as a mention of the
    entity that stands for that state in the article; None when the article names no such state."""
    for k in (end, end + 1):
        if k >= len(doc.tokens) or k in covered or doc.tokens[k].kind != "word":
            return None
        iso3 = nisba_country(surface(doc, doc.tokens[k]))
        if iso3 is not None:
            ent = state_of(doc, iso3)
            tok = doc.tokens[k]
            return None if ent is None else Mention(Span(tok.start, tok.end), k, k + 1, ent,
                                                    doc.entities[ent].type, None, False)
        if not (_definite_adjective(doc, k) or _indefinite_nisba(doc, end, k)):
            return None
    return None


#: Endings of an indefinite nisba adjective (حربية، خاصة is no nisba), folded (ة is ه): feminine,
#: masculine plural, masculine.
NISBA_ENDINGS = ("يه", "يون", "يين", "ي")


def _indefinite_nisba(doc: Document, end: int, k: int) -> bool:
    """Whether token ``k`` is an indefinite nisba adjective qualifying the indefinite agent that ends
    at ``end`` («طائرات حربية تركية»، «قوات بحرية أمريكية»): no article, clitic or agent of its own."""
    agent = surface(doc, doc.tokens[end - 1])
    word = surface(doc, doc.tokens[k])
    return (not agent.startswith("ال") and not word.startswith("ال") and word[:1] not in "وفبلك"
            and len(word) > 4 and word.endswith(NISBA_ENDINGS) and agent_at(doc, k) is None)


#: Most tokens between an allegiance word and the name after ل it gives («الموالية للرئيس اليمني هادي»).
ALLEGIANCE_GAP = 3


def allegiance(doc: Document, end: int, by_first: dict[int, Mention]) -> Mention | None:
    """The body a generic agent is loyal to or part of (data ``allegiance``: «قوات موالية للرئيس
    هادي», «الميليشيات الموالية لإيران»): the first name within ALLEGIANCE_GAP tokens after the word,
    in the phrase ل opens; None when no name follows."""
    if end + 1 >= len(doc.tokens) or not word_keys_in(doc, end, cue_words("allegiance")):
        return None
    if prep_before(doc, end + 1) != "ل":
        return None
    for k in range(end + 1, min(end + 1 + ALLEGIANCE_GAP, len(doc.tokens))):
        m = by_first.get(k)
        if m is not None:
            return None if m.conj or m.etype in PLACE_TYPES - STATE_TYPES else dataclasses.replace(m, prep=None)
        if doc.tokens[k].kind != "word":
            return None
    return None


def _membership(doc: Document, end: int, by_first: dict[int, Mention]) -> Mention | None:
    """The body a generic agent is drawn from: «مقاتلون من الحوثيين», «مسلحون من داعش» (the agent
    acts for it); a person, or a state or place after من (where people come from: «سائحون من
    روسيا»), is no body of members."""
    if end + 1 >= len(doc.tokens) or surface(doc, doc.tokens[end]) != "من":
        return None
    m = by_first.get(end + 1)
    if m is None or m.conj or m.etype not in ("ORG", "NORP"):
        return None
    return dataclasses.replace(m, prep=None)


def nisba_country(word: str) -> str | None:
    """The ISO3 code a nationality adjective names, definite or not, in the singular, feminine, dual
    or plural (التركي، تركية، أوكرانيين، إسرائيليا) or a people's broken plural (أتراك، الأتراك)."""
    base = word[2:] if word.startswith("ال") else word
    if len(base) < 3:
        return None
    stems = [base]
    if base.endswith(("يين", "يون", "يان")):
        stems.append(base[:-2])
    elif base.endswith("يا"):
        stems.append(base[:-1])
    know = kb.load()
    for stem in stems:
        iso3 = know.demonyms.get(kb.name_key("ال" + stem))
        if iso3 is not None:
            return iso3
    for name in know.lookup(kb.name_key("ال" + base)):
        entry = know.entries.get(name.kb_id)
        if entry is not None and entry.type == "NORP" and entry.country:
            return entry.country
    return None


def _definite_adjective(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a definite word that may qualify the agent before it (الخاصة، الكردية),
    not a time word (الجيش اليوم) nor an agent of its own (الانفصاليون الحكومة)."""
    word = surface(doc, doc.tokens[k])
    return (word.startswith("ال") and len(word) > 4 and agent_at(doc, k) is None
            and not word_keys_in(doc, k, lexicon.noun_context()["time_words"]))


def state_of(doc: Document, iso3: str) -> int | None:
    """The entity standing for state ``iso3`` in the article: the state itself, else a mention
    of its nationality."""
    ranked = sorted((e.kb_id != iso3, e.type != "GPE", k) for k, e in enumerate(doc.entities)
                    if e.type in STATE_TYPES and e.country == iso3)
    return ranked[0][2] if ranked else None


def _bare_nisba(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a definite nisba adjective (الكردية، المحلي)."""
    if k >= len(doc.tokens) or doc.tokens[k].kind != "word":
        return False
    word = surface(doc, doc.tokens[k])
    return word.startswith("ال") and word.endswith(("ي", "ية", "يه")) and len(word) > 5


def _definite_before_name(doc: Document, k: int, m: Mention) -> bool:
    """Whether a definite agent word (الوزير) stands before a state's name rather than its nisba
    adjective: «اتهم الوزير إيران» is subject and object, «الشرطة العراقية» one actor."""
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    name = surface(doc, doc.tokens[m.first]).lstrip("وف")
    return (m.etype == "GPE" and word.startswith(("ال", "لل"))
            and not name.endswith(("ي", "ية", "يه", "يين", "يون")))


def _adjective_agent(doc: Document, i: int) -> bool:
    """Whether the lone agent word at token ``i`` is a definite nisba (الداخلية، الخارجية) after a
    noun written with ال, or with a pronoun suffix, that no agent or honorific is: it qualifies that
    noun («الشؤون الداخلية», «شؤونها الداخلية», «السياسة الخارجية»: internal affairs, foreign
    policy), where an indefinite noun or a verb takes it as a genitive or a subject («وزارة
    الداخلية», «بيان الخارجية», «ألقت الداخلية»)."""
    k = i - 1
    if k < 0 or doc.tokens[k].kind != "word" or not surface(doc, doc.tokens[i]).endswith("يه"):
        return False
    tok = doc.tokens[k]
    # (as written: folding makes «ألقت» start with ال)
    definite = doc.text[tok.start:tok.end].lstrip("وف").startswith("ال")
    return ((definite or tok.has_pronoun) and agent_at(doc, k) is None
            and not word_keys_in(doc, k, lexicon.honorifics()))


def find_mentions(doc: Document) -> list[Mention]:
    """Entity mentions and generic agents of the document, in text order, without overlaps."""
    ents = _entity_mentions(doc)
    covered = frozenset(k for m in ents for k in range(m.first, m.last))
    by_first = {m.first: m for m in ents}
    refs = _reference_mentions(doc, covered)
    # A body noun standing for a body named earlier completes an agent as a name does: «وقصفت
    # طائرات التحالف مواقع …» is the coalition's aircraft (التحالف refers back to التحالف العربي).
    for ref in refs:
        if ref.agent:
            by_first.setdefault(ref.first, ref)
    out = list(ents)
    # (a lone definite agent word right after a place name, a definite noun or a noun with a pronoun
    # suffix is its adjective: «مديرية الحيمة الخارجية» is the outer district, «الشؤون الداخلية»
    # internal affairs, not the ministries)
    place_ends = {m.last for m in ents if m.etype in PLACE_TYPES}
    i = 0
    while i < len(doc.tokens):
        if doc.tokens[i].kind != "word" or i in covered:
            i += 1
            continue
        found = agent_at(doc, i)
        if found is None or any(k in covered for k in range(i, found[0])) or (
                found[0] == i + 1 and surface(doc, doc.tokens[i]).startswith("ال")
                and (i in place_ends or _adjective_agent(doc, i))):
            i += 1
            continue
        end, concept = found
        # An agent qualified by another of its kind is one actor («مفجر انتحاري»، «مسلحون مجهولون»),
        # and so is an indefinite one completed by another («وزير الداخلية»، «قائد الشرطة»).
        while end < len(doc.tokens) and end not in covered and doc.tokens[end].kind == "word":
            more = agent_at(doc, end)
            if more is None or surface(doc, doc.tokens[end])[:1] in "وف" or _has_preposition(doc, end) \
                    or any(k in covered for k in range(end, more[0])) \
                    or not (more[1] == concept or construct_agent(doc, end - 1)):
                break
            end = more[0]
        # A generic agent acts for the state named right after it: the actor spans both and points
        # to that state's entity, so its country is reachable («الشرطة العراقية» → IRQ).
        state = _state_after(doc, i, end, by_first, office=concept == "officials")
        if state is None and concept != "pair":
            state = (_nisba_state(doc, end, covered) or allegiance(doc, end, by_first)
                     or _membership(doc, end, by_first))
        span_end = state.span.end if state else doc.tokens[end - 1].end
        last = state.last if state else end
        span = Span(doc.tokens[i].start + _clitic_length(doc, i), span_end)
        prep, conj = _prep_of(doc, i, span, covered)
        pair = _pair_refs(doc, ents, span.start) if concept == "pair" and state is None else ()
        out.append(Mention(span, i, last, state.entity if state else None,
                           state.etype if state else None, prep, conj, agent=True, refs=pair,
                           concept=concept))
        if state is not None:
            # (the owner after an allegiance word comes without its ل: remove it by its span)
            out = [m for m in out if m.span != state.span]
        i = last
    # (references an agent took in as its owner, or lying inside one, are no actors of their own)
    taken = {k for m in out for k in range(m.first, m.last)}
    out.extend(r for r in refs if not any(k in taken for k in range(r.first, r.last)))
    out.extend(_people_mentions(doc, {k for m in out for k in range(m.first, m.last)}, covered))
    out.sort(key=lambda m: (m.span.start, -m.span.end))
    return _apposed_preps(doc, out)


#: Entity types that can be a side of a fight (a place is where it is fought, not who fights).
PARTY_TYPES = frozenset({"ORG", "PER", "NORP"})


def is_party(doc: Document, entity: int | None) -> bool:
    """Whether an entity can fight: an organisation, person or people, or a state itself."""
    if entity is None or not 0 <= entity < len(doc.entities):
        return False
    ent = doc.entities[entity]
    return ent.type in PARTY_TYPES or (ent.type == "GPE" and ent.kb_id is not None and ent.kb_id == ent.country)


#: Entity types of places, whose names an adjective may follow.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _people_mentions(doc: Document, covered: set[int], named: frozenset[int]) -> list[Mention]:
    """Indefinite plural nationalities no entity covers, as the people of their state when the article
    names it: «إلا أن إماراتيين رفضوا كلماته» → the UAE (CAMEO codes a state's people by the state)."""
    out: list[Mention] = []
    for k, tok in enumerate(doc.tokens):
        if k in covered or tok.kind != "word":
            continue
        word = surface(doc, tok)
        core = word[1:] if word[:1] in ("و", "ف") else word
        if core.startswith("ال") or len(core) < 6 or not core.endswith(("يين", "يون")):
            continue
        iso3 = nisba_country(core)
        ent = state_of(doc, iso3) if iso3 else None
        if ent is not None:
            span = Span(tok.start + len(word) - len(core), tok.end)
            prep, conj = _prep_of(doc, k, span, named)
            out.append(Mention(span, k, k + 1, ent, "NORP", prep, conj))
    return out


def _apposed_preps(doc: Document, ms: list[Mention]) -> list[Mention]:
    """A name apposed to a title after a preposition is in that phrase too: «الموالي للرئيس هادي»,
    «مع الرئيس السيسي» (not a bare subject); so is a name coordinated right after a prepositional one
    («على الصين والولايات المتحدة وطلبت …»: the US is no subject of the verb after it)."""
    for k in range(len(ms) - 1):
        head, nxt = ms[k], ms[k + 1]
        if head.prep is not None and nxt.conj and nxt.prep is None and nxt.first == head.last:
            ms[k + 1] = dataclasses.replace(nxt, prep=head.prep)
            continue
        # (only a preposition on or right before the title: «في حضور وزير الخارجية X» puts the
        # title in a construct, and X may still be the subject of a relative clause after it)
        if (head.agent and head.prep is not None and nxt.prep is None
                and prep_before(doc, head.first) is not None and apposition(doc, head, nxt)):
            ms[k + 1] = dataclasses.replace(nxt, prep=head.prep)
    return ms


def _reference_mentions(doc: Document, named: frozenset[int]) -> list[Mention]:
    """Titles, honorific pronouns and body nouns (``doc.references``) that no entity mention
    (tokens ``named``) covers, as actors of the entity they stand for: «وأكد معاليه …», «وأعلنت
    الوزارة …».  A title or body noun is an agent (a name may follow it in apposition); a pronoun
    is the person."""
    out: list[Mention] = []
    starts = [t.start for t in doc.tokens]
    for ref in doc.references:
        first = token_at(starts, ref.span.start)
        last = token_at(starts, max(ref.span.end - 1, ref.span.start)) + 1
        if any(k in named for k in range(first, last)) or not 0 <= ref.entity < len(doc.entities):
            continue
        prep, conj = _prep_of(doc, first, ref.span, named)
        out.append(Mention(ref.span, first, last, ref.entity, doc.entities[ref.entity].type, prep, conj,
                           agent=ref.kind != "pronoun"))
    return out


def apposition(doc: Document, head: Mention, nxt: Mention) -> bool:
    """A title followed by the name it introduces: «الرئيس المصري عبد الفتاح السيسي»; one nisba
    adjective (ending in ي/ية: الفرنسي، الروسية) may sit between them when no entity covers it."""
    if not (head.agent and not nxt.agent and nxt.etype in ("PER", "ORG") and not nxt.conj) \
            or agent_at(doc, nxt.first) is not None:
        # A name that opens with a title of its own («الرئيس الفرنسي») is the next actor, not
        # the name of the title before it («خادم الحرمين الشريفين»).
        return False
    if nxt.etype == "ORG" and head.entity is not None:
        # An agent of a named state is not the title of a body named next: «وتقاتل القوات الأفغانية
        # حركة طالبان» (object), where «الحركة الإسلامية حماس» names the body its title introduces.
        return False
    gap = head.last
    # Courtesy words part a title from its name: «وزير الخارجية الأستاذ عادل الجبير».
    while gap < nxt.first and surface(doc, doc.tokens[gap]) in lexicon.honorifics():
        gap += 1
    nisba = gap < nxt.first and surface(doc, doc.tokens[gap]).endswith(("ي", "يه"))
    if nxt.etype == "PER" and nxt.prep in (None, head.prep) and _office_chain(doc, head, gap, nxt.first):
        return True  # «رئيس مكتبها السياسي خالد مشعل»: the name holds the office the chain names
    if _posted_in(doc, gap + 1 if nisba else gap, nxt.first):
        return True  # (the name then reads as completing the place: its في is the post's, not its own)
    if nxt.prep not in (None, head.prep):
        return False
    return nxt.first == gap or (nisba and nxt.first == gap + 1)


#: Most words of the genitive chain completing an indefinite title before its holder's name
#: («رئيس مكتبها السياسي خالد مشعل»).
MAX_OFFICE_CHAIN = 3


def _office_chain(doc: Document, head: Mention, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` complete an official's indefinite title (رئيس، وزير: a noun in
    construct needs its genitive) and a person's name follows: words only, none a preposition nor
    joined by و, at most MAX_OFFICE_CHAIN."""
    if not (head.concept == "officials" and head.entity is None and is_construct_head(doc, head.last - 1)):
        return False  # («زعيم طالبان السابق الملا يعقوب»: a title naming its body is whole already)
    if fold(doc.text[head.span.start:head.span.end]).split()[-1].startswith("ال"):
        return False  # «بالزعيم الراحل»: a preposition before the article hides it from is_construct_head
    if not 0 < end - start <= MAX_OFFICE_CHAIN:
        return False
    return all(doc.tokens[k].kind == "word" and not surface(doc, doc.tokens[k]).startswith("و")
               and surface(doc, doc.tokens[k]) not in PREPOSITIONS for k in range(start, end))


#: Prepositions that name where an envoy is posted, between the title and the name: «السفير السعودي في
#: مصر أحمد قطان», «سفير المملكة لدى الأردن …».
POSTED_PREPS = frozenset({"في", "لدى"})


def _posted_in(doc: Document, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are في/لدى and a place name only (an ambassador's post)."""
    if end - start < 2 or end - start > 4 or surface(doc, doc.tokens[start]) not in POSTED_PREPS:
        return False
    lo, hi = doc.tokens[start + 1].start, doc.tokens[end - 1].end
    return any(e.type == "GPE" and any(m.start == lo and m.end == hi for m in e.mentions) for e in doc.entities)


def word_keys_in(doc: Document, k: int, words: frozenset[str]) -> bool:
    """Whether token ``k``, clitics off, is one of ``words``."""
    return not words.isdisjoint(word_keys(doc, doc.tokens[k]))
