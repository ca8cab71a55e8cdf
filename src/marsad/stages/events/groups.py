"""Which mentions go together as one side: a name and the offices describing it, names set off
by commas, titles completed by their holder, and actors coordinated by و (موسكو وبيونغ يانغ).

Split from ``args`` (which reads a trigger's subject and object from these groups)."""

from __future__ import annotations

import dataclasses

from marsad.core.document import Document
from marsad.stages.events.detect import Candidate
from marsad.stages.events.lexicon import cue_words
from marsad.stages.events.mentions import POSTED_PREPS, Mention, apposition, heads_between, word_keys_in

#: Most words of the rest of a person's name after its entity mention («بن عبد العزيز آل سعود»).
NAME_TAIL = 4
#: Most tokens of an office set off by commas after a person's name, from its title word to the
#: closing comma («سمير جعجع، رئيس حزب القوات اللبنانية،»).
APPOSITION_REACH = 8

#: Commas (Arabic and Latin) that open and close a parenthetical clause.
COMMAS = frozenset({"،", ","})


def is_comma(doc: Document, k: int) -> bool:
    return doc.text[doc.tokens[k].start:doc.tokens[k].end] in COMMAS


def _described(doc: Document, group: list[Mention], nxt: Mention) -> Mention | None:
    """The person an office right after the group describes, without a state of its own:
    «الأمير محمد بن نايف ولي العهد وزير الداخلية» (the titles are his, not the verb's object)."""
    person = next((m for m in reversed(group) if m.etype == "PER" and m.entity is not None), None)
    if person is None or _counterpart(doc, nxt) or not (
            nxt.agent and nxt.entity is None and nxt.concept == "officials"
            and nxt.prep is None and not nxt.conj and _name_tail(doc, group[-1].last, nxt.first)):
        return None
    return person if group[-1] is person or group[-1].entity == person.entity else None


def _name_tail(doc: Document, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are nothing, or the rest of a name its entity mention left
    out: «محمد بن سلمان [بن عبد العزيز] ولي ولي العهد» (a patronymic and at most NAME_TAIL words)."""
    return start == end or (end - start <= NAME_TAIL and word_keys_in(doc, start, cue_words("patronymics"))
                            and all(doc.tokens[k].kind == "word" for k in range(start, end)))


def _counterpart(doc: Document, m: Mention) -> bool:
    """Whether a title names another party's official (نظيره، نظيرها): «استقبل الرئيس المصري نظيره
    اليمني» is the guest, not an office of the host."""
    return any(word_keys_in(doc, k, cue_words("foreign")) for k in range(m.first, m.last))


def counterpart_named(doc: Document, m: Mention) -> bool:
    """Whether a mention opens with a counterpart whose pronoun points back (نظيره، نظراءها): right
    after a verb it is the object, and the verb's subject is the one the pronoun names."""
    return word_keys_in(doc, m.first, cue_words("counterparts"))


def group_forward(doc: Document, ms: list[Mention], k: int) -> list[Mention]:
    """Mention ``k``, its apposed name, the offices describing it, and the mentions coordinated
    after it by و (موسكو وبيونغ يانغ)."""
    group = [ms[k]]
    while k + 1 < len(ms):
        nxt = ms[k + 1]
        person = _described(doc, group, nxt)
        # An office followed by a name of its own is the next person («… وزير الخارجية جون كيري»).
        if person is not None and not (k + 2 < len(ms) and apposition(doc, nxt, ms[k + 2])):
            k += 1
            group.append(dataclasses.replace(nxt, entity=person.entity, etype="PER"))
            continue
        if (nxt.etype == "GPE" and nxt.prep in POSTED_PREPS and k + 2 < len(ms)
                and apposition(doc, group[-1], ms[k + 2])):
            k += 1  # «السفير السعودي في مصر أحمد قطان»: the post is no actor; the name after it is
            continue
        tail = _apposed_office(doc, group[-1], nxt, ms)
        if tail is not None:
            while k + 1 < len(ms) and ms[k + 1].first < tail:
                k += 1
                group.append(ms[k])
            continue
        if not (apposition(doc, group[-1], nxt) or _comma_apposed(doc, group[-1], nxt)
                or (nxt.conj and nxt.prep in (None, group[-1].prep)
                    and (nxt.first - group[-1].last <= 2 or heads_between(doc, group[-1].last, nxt.first)))):
            break
        k += 1
        group.append(nxt)
    return group


def _comma_apposed(doc: Document, head: Mention, nxt: Mention) -> bool:
    """A person's name set between commas right after a title or person: «واستنكر نقيب المحامين،
    سامح عاشور، في بيان …» names one actor, not a subject and its object."""
    if not (head.agent or head.etype == "PER") or nxt.etype != "PER" or nxt.entity is None:
        return False
    return _after_comma(doc, head, nxt) and nxt.last < len(doc.tokens) and is_comma(doc, nxt.last)


def _after_comma(doc: Document, head: Mention, nxt: Mention) -> bool:
    """Whether a bare mention follows ``head`` right after a comma (an apposition may open there)."""
    return nxt.prep is None and not nxt.conj and nxt.first == head.last + 1 and is_comma(doc, head.last)


def office_words(doc: Document, cand: Candidate, end: int) -> bool:
    """Whether tokens from a verb to the comma at ``end`` are the words of an office that no agent
    or name covers («دعا منسق الشؤون الإنسانية في الأرض الفلسطينية، …»): words only, a few."""
    return (cand.trigger.kind == "V" and 2 <= end - cand.last <= APPOSITION_REACH
            and end < len(doc.tokens) and is_comma(doc, end)
            and all(doc.tokens[k].kind == "word" for k in range(cand.last, end)))


def titled_subject(doc: Document, cand: Candidate, after: list[Mention]) -> int | None:
    """The index of a person set between commas after the words of an office, right after a verb:
    «دعا منسق الشؤون الإنسانية …، روبيرت بايبر، إسرائيل إلى …» (the subject; the object follows).
    Names inside the office are in a prepositional phrase («المقرر الخاص للأمم المتحدة، …»)."""
    k = next((k for k, m in enumerate(after) if m.prep is None), None)
    if k is None or any(is_comma(doc, j) for m in after[:k] for j in range(cand.last, m.first)):
        return None
    m = after[k]
    if m.agent and m.concept == "officials" and m.first == cand.last:
        # «انتقد رئيس مجلس شيوخ عشائر الأنبار، نعيم الكعود، الحكومة»: the title's office, the
        # name set off after it, then the object.
        k = next((x for x, n in enumerate(after) if x > k and n.prep is None and is_comma(doc, n.first - 1)), None)
        if k is None:
            return None
        m = after[k]
    if not office_words(doc, cand, m.first - 1):
        return None
    ok = (m.etype == "PER" and m.entity is not None and not m.conj
          and m.last < len(doc.tokens) and is_comma(doc, m.last))
    return k if ok else None


def _apposed_office(doc: Document, head: Mention, nxt: Mention, ms: list[Mention]) -> int | None:
    """Where an office set off by a comma after a named person ends: «حمّل سمير جعجع، رئيس حزب
    القوات اللبنانية، إيران …» (the office, and the party inside it, are the subject's; إيران
    after the closing comma is the object).  The closing comma if one comes within
    APPOSITION_REACH tokens (only words between), else the end of the names that complete the
    title one after the other («السفير أحمد قطان، سفير المملكة العربية السعودية في مصر دعم …»)."""
    if not (head.etype == "PER" and head.entity is not None and nxt.agent and nxt.concept == "officials"):
        return None
    if not _after_comma(doc, head, nxt):
        return None
    for k in range(nxt.last, min(nxt.first + APPOSITION_REACH, len(doc.tokens))):
        if is_comma(doc, k):
            return k
        if doc.tokens[k].kind != "word":
            break
    end = nxt.last
    for m in ms:
        if m.first == end and not m.conj and m.prep in (None, "ل"):
            end = m.last
    return end


def group_backward(doc: Document, ms: list[Mention], k: int) -> list[Mention]:
    """Mention ``k`` and the mentions coordinated before it (أمريكا وكوريا الجنوبية ودول أخرى), with
    the titles of the names among them («الرئيس باراك أوباما ونظيره التركي رجب طيب أردوغان اتفقا»)."""
    group = [ms[k]]
    while k > 0:
        prev = ms[k - 1]
        joined = group[0].conj and prev.prep is None and group[0].first - prev.last <= 2
        if not (joined or apposition(doc, prev, group[0])):
            break
        k -= 1
        group.insert(0, prev)
    return group
