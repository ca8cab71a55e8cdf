"""Speech told in a relative clause: «وفق صحيفة حرييت التي قالت إنه …», «التقى الرئيس بوزير الخارجية
الذي أكد أن …»: the phrase the relative pronoun follows is the verb's subject, when it can speak (a
named person or body, a title, an outlet or a body's head noun)."""

from __future__ import annotations

from marsad.stages.quotes.context import Context, char
from marsad.stages.quotes.phrases import Word, has_form, is_title
from marsad.stages.quotes.subjects import MAX_FRONTED_SUBJECT, speaker_end_at

#: Entity types that can speak through a relative clause.
SPEAKING_TYPES = ("PER", "ORG")
#: Most words of a relative clause or «وفقا لـ…» aside between a subject opening its clause and
#: the verb of saying after it.
MAX_INTERRUPTION = 12


def relative_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """The phrase right before the relative pronoun before the verb at word ``i``, as (start, end)
    word indices; None when no relative pronoun stands there («من قال» is "whoever said") or the
    phrase cannot speak («المعرض الذي قال»)."""
    words, c = ctx.words, ctx.cues
    first = ctx.sent_first[ctx.sent_of[i]]
    rel = i - 1
    if rel - 1 < first or words[rel].key not in c.words("relatives") or words[rel].key == "من":
        return None
    found = None
    for k in range(rel - 1, max(first, rel - MAX_FRONTED_SUBJECT) - 1, -1):
        w = words[k]
        if not w.is_word or c.is_complementiser(w.key) or w.key in c.verbs:
            break
        if _may_speak_from(ctx, k) and speaker_end_at(ctx, k, rel) == rel:
            found = (k, rel)  # (the farthest such start: «وزير الخارجية» over «الخارجية»)
    return found


def _may_speak_from(ctx: Context, k: int) -> bool:
    """Whether a phrase opening at word ``k`` can speak: a title, an outlet or body's head noun, a
    person's name or the start of a person's or body's mention."""
    w, c = ctx.words[k], ctx.cues
    if w.token.has_pronoun:
        return False  # «وفق ما نشره موقع المنتخب الذي ذكر»: a verb with its object pronoun opens no subject
    if is_title(w, c) or has_form(w, c.outlet_heads) or w.token.start in ctx.names:
        return True
    # (a mention may start inside the word, after a clitic: «بوزير الخارجية»)
    return any(w.token.start <= m.start < w.token.end
               for e in ctx.doc.entities if e.type in SPEAKING_TYPES for m in e.mentions)


def interrupted_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """«المسؤول العراقي الذي رفض ذكر اسمه قال إن», «رئيس الأركان وفقا للمسؤول العراقي أكد أن»: a
    subject that opens its clause, with a relative clause or an attribution between it and the
    verb at word ``i`` (which leads straight into its content); (start, end) word indices."""
    words, c = ctx.words, ctx.cues
    first = ctx.sent_first[ctx.sent_of[i]]
    if words[i].conj_end > words[i].token.start or i + 1 >= len(words) or not _leads_into_content(ctx, i + 1):
        return None
    for r in range(i - 1, max(first, i - 1 - MAX_INTERRUPTION), -1):
        x = words[r]
        if (not x.is_word and char(ctx, r) not in ("،", ",")) or c.is_complementiser(x.key):
            return None  # speech stands between («الذي قال إن …»), or the clause ends
        # (a verb of saying with no complementiser is the clause's own: «الذي رفض ذكر اسمه»)
        if x.key in c.words("relative_pronouns") or x.key in c.according:
            return _clause_opening_subject(ctx, first, r - (r - 1 > first and char(ctx, r - 1) in ("،", ",")))
    return None


def _leads_into_content(ctx: Context, k: int) -> bool:
    """Whether word ``k``, right after a verb of saying, opens its content or an adjunct before it."""
    w, c = ctx.words[k], ctx.cues
    return (c.is_complementiser(w.key) or char(ctx, k) == ":" or w.key in c.words("adjunct_openers")
            or w.key in c.words("nominal_prepositions"))


def _clause_opening_subject(ctx: Context, first: int, stop: int) -> tuple[int, int] | None:
    """The phrase that runs from the start of its clause (the sentence, or a lead particle) to word
    ``stop`` and can speak."""
    words, c = ctx.words, ctx.cues
    for k in range(max(first, stop - MAX_FRONTED_SUBJECT), stop):
        opens = k == first or has_form(words[k - 1], c.lead_particles)
        if opens and words[k].conj_end == words[k].token.start and not words[k].prep and (
                _may_speak_from(ctx, k) and speaker_end_at(ctx, k, stop) == stop):
            return k, stop
    return None


#: Endings of the relational adjectives skipped back over from a name to the noun they qualify
#: (keys are folded: ة is ه).
NISBA_ENDINGS = ("ي", "يه")
#: Most words between the end of a title read as the subject and the holder's name before the
#: speech («آمر كتيبة لواء أول مشاة التابعة للجيش الليبي العقيد حامد بالخير، إنه»).
MAX_TITLE_TAIL = 8


def holder_before_opener(ctx: Context, j: int, end: int, opener: int) -> tuple[int, int] | None:
    """A subject read as an office alone (words ``j .. end``, no person named in it) whose holder is
    named right before the speech opens, after the rest of the office: the phrase runs on to the
    name (start, end), so the named person speaks; None when a mark other than a closing comma
    stands between, or no person's name ends there."""
    words = ctx.words
    if words[j].token.start in ctx.names or any(words[k].token.start in ctx.names for k in range(j, end)):
        return None  # (a subject that names its person already speaks as named)
    stop = opener - 1 if char(ctx, opener - 1) in ("،", ",") else opener
    if stop - end > MAX_TITLE_TAIL or any(not words[k].is_word for k in range(end, stop)):
        return None
    for k in range(end, stop):
        name_end = ctx.names.get(words[k].token.start)
        if name_end is not None and name_end == words[stop - 1].token.end:
            return (j, stop) if not _in_phrase_before(ctx, end, k) else None
    return None


def _in_phrase_before(ctx: Context, end: int, name: int) -> bool:
    """Whether the name at word ``name`` completes a prepositional phrase after the office, words
    ``end .. name``: «لنظيره الأمريكي جون كيري» (the one spoken to), «في وفاة ليتفينينكو»; a rank or
    courtesy word right before the name («للجيش الليبي العقيد حامد بالخير») gives it to the office."""
    words = ctx.words
    if name > end and words[name - 1].key in ctx.cues.words("name_courtesies"):
        return False
    if not any(words[k].prep or words[k].key in ctx.cues.speaker_stops for k in range(end, name)):
        return False
    # The name completes the phrase when the phrase's noun is a person's with the preposition on it
    # («لنظيره [الأمريكي] جون كيري»: the one spoken to), or a bare noun in construct with it right
    # after a preposition («في وفاة ليتفينينكو»); after a definite noun, a place or a body («على
    # المهرجان»، «في عدن»، «للجنة المحلية») or a profession («المخرج») it is the office's holder.
    head = name - 1
    if head - 1 >= end and words[head].key.startswith("ال") and words[head].key.endswith(NISBA_ENDINGS):
        if _person_with_preposition(ctx, words[head - 1]):
            return True
    w = words[head]
    if _person_with_preposition(ctx, w):
        return True
    before = words[head - 1] if head > end else None
    after_prep = before is not None and (before.prep or before.key in ctx.cues.speaker_stops)
    bare = (not w.prep and not w.key.startswith("ال") and not w.token.has_pronoun
            and not any(m.start == w.token.start for m in ctx.mentions))
    return bare and after_prep


def _person_with_preposition(ctx: Context, w: Word) -> bool:
    """A title or counterpart noun carrying a preposition (لنظيره، للرئيس)."""
    counterparts = ctx.cues.words("counterparts")
    return w.prep and (is_title(w, ctx.cues) or w.key in counterparts or w.bare in counterparts)


#: Most words of a name set off by commas between an office and the speech («، المبروك قريرة،»).
MAX_APPOSED_NAME_WORDS = 4


def apposed_untagged_name(ctx: Context, j: int, end: int, opener: int) -> tuple[int, int] | None:
    """A subject read as an office alone, words ``j .. end``, followed by a name set off by commas
    right before the speech that the tagger did not take for a person («قال وزير العدل بالحكومة
    الشرعية، المبروك قريرة، إن»): the words of the name (start, end), which speak.  Not an aside
    («، أمس،»، «، في بيان،»، «، خلال لقائه الوفد،»، «، صباح اليوم،»): no preposition, adverb, date,
    pronoun suffix, title, verb or any entity's name among them."""
    words, c = ctx.words, ctx.cues
    if not is_title(words[j], c) or any(words[k].token.start in ctx.names for k in range(j, end)):
        return None
    first, stop = end + 1, opener - 1
    if char(ctx, end) not in ("،", ",") or char(ctx, stop) not in ("،", ","):
        return None
    if not 2 <= stop - first <= MAX_APPOSED_NAME_WORDS:
        return None
    for k in range(first, stop):
        w = words[k]
        if (not w.is_word or w.prep or w.token.has_pronoun or is_title(w, c) or w.key in c.verbs
                or w.key in c.words("adverbs") or w.key in c.words("adjunct_openers")
                or has_form(w, c.speaker_stops) or c.is_complementiser(w.key)
                or any(m.start <= w.token.start < m.end for m in ctx.mentions)
                or any(d.span.start <= w.token.start < d.span.end for d in ctx.doc.dates)):
            return None
    return first, stop

