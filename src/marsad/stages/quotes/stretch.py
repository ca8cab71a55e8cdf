"""Where a speaker phrase runs on past the point word shapes end it: over an outlet's name the
entities stage knows, a name set off by a comma, the place a post is held in and the body it
belongs to, up to the holder's name ("المتحدث الرسمي لمركز الملك سلمان للإغاثة رأفت الصباغ"); where
it starts after a verb's time adverbs; and whether a definite noun names again the speaker told last."""

from __future__ import annotations

from marsad.core.document import Actor, Span
from marsad.stages.quotes.context import Context, char
from marsad.stages.quotes.marks import CLOSERS, OPENERS
from marsad.stages.quotes.phrases import MIN_NOUN_FREQUENCY, Word, abbreviated_title, has_form, is_stop, is_title
from marsad.text.keys import fold, frequency, strip_diacritics

#: Words of the place a post is held in, between the post and its holder's name
#: ("مدير فرع الزراعة بمحافظة المجاردة محمد الغاوي": بمحافظة المجاردة).
MAX_POST_PLACE_WORDS = 3
#: Words of the body a post belongs to, between the post and its holder's name, when the entities
#: stage names that body ("المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت
#: الصباغ"): a body's name may be long, but not a clause.
MAX_AFFILIATION_WORDS = 10


def past_outlet_name(ctx: Context, end: int, limit: int) -> int:
    """"صحيفة الصباح التونسية": an outlet's name the entities stage knows, after its head, though
    a word of it is a stop word (الصباح "the morning"); with the adjectives after it."""
    words = ctx.words
    if end >= limit or not has_form(words[end - 1], ctx.cues.outlet_heads):
        return end
    start = words[end].token.start
    stop = max((m.end for e in ctx.doc.entities if e.type == "ORG" for m in e.mentions if m.start == start),
               default=-1)
    if stop < 0:
        return end
    while end < limit and words[end].token.start < stop:
        end += 1
    while end < limit and words[end].key.startswith("ال") and words[end].key.endswith(ctx.cues.words("nisba_endings")):
        end += 1  # "التونسية"
    return end


#: Most words of the place told between a description and the comma before the name set off
#: after it («أحد المقاتلين في الجبهة الشمالية، يدعى …،»).
MAX_APPOSED_PLACE_WORDS = 3


def past_apposition(ctx: Context, end: int, limit: int) -> int:
    """``end`` past a comma before a person's name that follows a post (:func:`apposed_after`)."""
    found = apposed_after(ctx, end, limit)
    return found[0] if found is not None else end


def apposed_after(ctx: Context, end: int, limit: int) -> tuple[int, Span] | None:
    """The person's name set off by a comma after a post that ends at word ``end`` ("الأستاذ في
    جامعة عدن، سليم الحسني"), also when the post's place stands before the comma and the phrase
    did not reach it («أحد المقاتلين في الجبهة الشمالية، يدعى محمد …»): the index of its first
    word and its span, else None."""
    if end + 1 >= limit or ctx.words[end - 1].token.start in ctx.names:
        return None
    comma = end
    if ctx.words[end].key in ctx.cues.words("place_prepositions"):
        comma = next((k for k in range(end + 2, min(limit - 1, end + 2 + MAX_APPOSED_PLACE_WORDS))
                      if not ctx.words[k].is_word), end)
    if char(ctx, comma) not in APPOSITION_MARKS or comma + 1 >= limit:
        return None
    j = titles_before_name(ctx, comma + 1, limit)
    name = apposed_name_at(ctx, j, limit)
    return (j, name) if name is not None else None


#: Marks that set a person's name off after their post: a comma, or a dash in wire copy
#: («الناطق باسم اللجنة الشعبية في الخليل- محمد عوض إن»).
APPOSITION_MARKS = ("،", ",", "-", "–")


def apposed_name_at(ctx: Context, j: int, limit: int) -> Span | None:
    """The person's name that starts at word ``j``: a person mention there, or one on the next word
    when the tagger took only the surname («كريستيانه فيرتس» tagged from فيرتس) and nothing parts
    the two words."""
    start = ctx.words[j].token.start
    if start in ctx.names:
        return Span(start, ctx.names[start])
    if j + 1 >= limit:
        return None
    first, second = ctx.words[j], ctx.words[j + 1]
    # A given name has no article and nothing glued before the surname («الخاص للأمين العام» is no name).
    if (first.is_word and second.is_word and not is_title(first, ctx.cues)
            and not first.key.startswith("ال") and not first.prep and second.token.start in ctx.names
            and not second.prep and second.conj_end <= second.token.start):
        return Span(start, ctx.names[second.token.start])
    return None


def titles_before_name(ctx: Context, k: int, limit: int) -> int:
    """Index past the titles of address at word ``k`` («الشيخ»، «الدكتور») or the word that gives a
    name («يدعى») before a person's name: «رئيس القطاع الديني، الشيخ محمد عبد الرازق،», «أحد
    المقاتلين، يدعى محمد عبدالقوي،» set off the name with them."""
    naming = ctx.cues.words("naming_words")
    while (k < limit - 1 and (is_title(ctx.words[k], ctx.cues) or ctx.words[k].key in naming)
           and ctx.words[k].token.start not in ctx.names):
        k += 1
    return k


def past_post_place(ctx: Context, i: int, end: int, limit: int) -> int:
    """"مدير فرع الجمعية بأبها أحمد السروي", "مدير الشرطة في جدة خالد …": a titled post, the
    place where it is held, then the holder's name: the phrase runs on to the name."""
    words, c = ctx.words, ctx.cues
    envoy = end < limit and words[end].key in c.words("envoy_prepositions")
    if (end >= limit or not is_title(words[i], c) or any(words[k].token.start in ctx.names for k in range(i, end))
            or not (_glued_preposition(words[end]) or words[end].key in c.words("place_prepositions") or envoy)
            or _addressee(ctx, end, limit)):
        return end
    for k in range(end + 1, min(limit, end + 1 + MAX_POST_PLACE_WORDS)):
        if words[k].token.start in ctx.names:
            return k  # (ctx.names holds persons only: after لدى, the state posted to is never taken)
        named = past_apposition(ctx, k, limit)
        if named > k:
            return named  # "مدير الغرفة التجارية بجدة، مازن بترجي"
        if not words[k].is_word or is_stop(words[k], c) or words[k].prep:
            break
    return end


def past_affiliation(ctx: Context, i: int, end: int, limit: int) -> int:
    """"الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد عاطي القرشي", "رئيس بعثة الأمم المتحدة في
    أفغانستان نيكولاس هايسوم": a post, the body it belongs to (named, or titles and definite nouns)
    and then the holder's name: the phrase runs on to the name, who is the speaker.

    Not after a post already named, nor over an addressee ("لنظيره"، "لرئيس الوزراء"): the word
    that opens the body is no title and has no pronoun suffix."""
    words, c = ctx.words, ctx.cues
    if (end >= limit or not is_title(words[i], c) or any(words[k].token.start in ctx.names for k in range(i, end))
            or not (_glued_preposition(words[end]) or words[end].key in c.words("place_prepositions")
                    or words[end].key == "ل")):
        return end
    if _addressee(ctx, end, limit):
        return end
    bodies = [m for e in ctx.doc.entities if e.type != "PER" for m in e.mentions]
    for k in range(end, min(limit, end + MAX_AFFILIATION_WORDS + 1)):
        w = words[k]
        if w.token.start in ctx.names:
            return k if k > end else end
        if not _affiliation_word(ctx, k, bodies):
            break
    return end


def _addressee(ctx: Context, end: int, limit: int) -> bool:
    """"وأكد وزير الخارجية لنظيره الأمريكي جون كيري": a title or a noun with a pronoun suffix
    after the preposition names the one spoken to, not the body or place of the speaker's post."""
    w = ctx.words[end]
    opening = ctx.words[end + 1] if w.key == "ل" and end + 1 < limit else w
    return is_title(opening, ctx.cues) or opening.token.has_pronoun


def _affiliation_word(ctx: Context, k: int, bodies: list[Span]) -> bool:
    """A word that may stand in the name of the body a post belongs to: inside a named body or
    place, a title or honorific (العقيد، الدكتور), a definite noun, a preposition, or a quotation
    mark around the body's name; never a comma, a colon, a verb of saying or a complementiser."""
    w = ctx.words[k]
    c = ctx.cues
    if not w.is_word:
        # "م. محمد العمرة": the full stop of an abbreviated title before the holder's name.
        return (w.key in OPENERS or w.key in CLOSERS
                or (k > 0 and abbreviated_title(ctx.words, k - 1, len(ctx.words), c)))
    if w.key in c.verbs or w.key in c.participles or c.is_complementiser(w.key):
        return False
    if any(m.start <= w.token.start < m.end for m in bodies):
        return True
    if has_form(w, c.adjunct_heads) or w.token.start in ctx.name_ends:
        return False
    # "بشرطة منطقة مكة": an indefinite noun annexed to the next word is part of the body's name.
    return (w.key in c.words("place_prepositions") or w.key == "ل" or w.key in c.words("honorifics")
            or not has_form(w, c.speaker_stops))


def _glued_preposition(w: Word) -> bool:
    """"بأبها", "بمحافظة": a preposition on the word (the clitic analysis keeps rare forms whole)."""
    if w.prep:
        return True
    stem = strip_diacritics(w.stem)
    return w.is_word and stem[:1] == "ب" and frequency(stem[1:]) >= MIN_NOUN_FREQUENCY


def opens_clause(ctx: Context, k: int, first: int) -> bool:
    """Whether word ``k`` opens its clause: the sentence, a comma, a particle or a complementiser
    (أن of "غير أن") before it."""
    c = ctx.cues
    before = ctx.words[k - 1] if k > first else None
    return (before is None or char(ctx, k - 1) in ("،", ",") or has_form(before, c.lead_particles)
            or c.is_complementiser(before.key))


def in_title_phrase(ctx: Context, j: int) -> bool:
    """Whether word ``j`` may stand in a title phrase before a name («وزير الخارجية»، «المرشد الأعلى
    الإيراني آية الله»): a word that is no verb, complementiser or speaker stop."""
    w, c = ctx.words[j], ctx.cues
    return (w.is_word and not w.prep and not c.is_complementiser(w.key) and w.key not in c.verbs
            and not has_form(w, c.speaker_stops))




#: Most words of a name set off by commas right before a verb («…، تمار زندبيرج، صرحت»).
MAX_APPOSED_NAME_WORDS = 5


def apposed_name_before(ctx: Context, stop: int) -> tuple[int, int] | None:
    """The person's name set off by two commas right before word ``stop`` (a verb): «وكانت النائبة
    في الكنيست، تمار زندبيرج، صرحت»; (first, end) of the words between the commas, or None."""
    if stop < 2 or char(ctx, stop - 1) not in ("،", ","):
        return None
    opening = next((k for k in range(stop - 2, max(-1, stop - 3 - MAX_APPOSED_NAME_WORDS), -1)
                    if not ctx.words[k].is_word), None)
    if opening is None or char(ctx, opening) not in ("،", ",") or opening + 1 >= stop - 1:
        return None
    # (the tagger may have the family name only: «تمار زندبيرج» → زندبيرج)
    named = any(ctx.words[k].token.start in ctx.names for k in range(opening + 1, stop - 1))
    return (opening + 1, stop - 1) if named else None


def past_time_adverbs(ctx: Context, j: int, limit: int) -> tuple[int, bool]:
    """Word ``j`` past the time adverbs after a verb of saying ("صرحت أخيرا بأن", "وصرح أخيرا
    الوزير"), with whether a subject or the content may follow them: "كتب سابقا مهاجما الهيئة"
    names no subject there (False), so the speaker is the one told before."""
    words, c = ctx.words, ctx.cues
    k = j
    while k + 1 < limit and (words[k].key in c.words("adverbs") or _accusative_adverb(ctx, k)
                             or (k > j and words[k].key in c.words("adverb_tails")
                                 and words[k - 1].key in c.words("adverbs"))):
        k += 1
    if k == j:
        return j, True
    return k, (c.is_complementiser(words[k].key) or char(ctx, k) == ":" or words[k].token.start in ctx.names
               or is_title(words[k], c))


def _accusative_adverb(ctx: Context, k: int) -> bool:
    """Whether word ``k`` is an indefinite accusative written with tanwin («زيفاً», «مجدداً», «صراحةً»):
    an adverb, never the subject of the verb before it, which is in the nominative."""
    w = ctx.words[k]
    written = ctx.text[w.token.start:w.token.end]
    return w.is_word and not w.key.startswith("ال") and written.endswith(("اً", "ًا", "ً"))


def same_head(ctx: Context, new: Actor, last: Actor) -> bool:
    """Whether ``new`` is one definite common noun (الوزارة، المتحدث) written as ``last`` was, with
    another entity: the speaker told last, named again."""
    text = fold(ctx.text[new.span.start:new.span.end])
    return (new.entity != last.entity and last.entity is not None and " " not in text and text.startswith("ال")
            and text == fold(ctx.text[last.span.start:last.span.end]))


def other_person_after(ctx: Context, k: int) -> bool:
    """Whether a person other than the one whose name ends right before word ``k`` is named from
    ``k`` on: two people side by side are the verb's subject and object, not one phrase."""
    end, start = ctx.words[k - 1].token.end, ctx.words[k].token.start
    if end not in ctx.name_ends or start not in ctx.names:
        return False
    before = {i for i, e in enumerate(ctx.doc.entities) if any(m.end == end for m in e.mentions)}
    after = {i for i, e in enumerate(ctx.doc.entities) if any(m.start == start for m in e.mentions)}
    return bool(after) and not (before & after)


__all__ = ["APPOSITION_MARKS", "apposed_after", "apposed_name_at", "apposed_name_before", "in_title_phrase",
           "opens_clause", "other_person_after", "past_affiliation", "past_apposition", "past_outlet_name",
           "past_post_place", "past_time_adverbs", "same_head", "titles_before_name"]
