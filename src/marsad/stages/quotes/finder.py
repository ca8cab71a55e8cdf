"""Find quotations: reporting verbs, relays, "according to" phrases and participles.

Each rule reads the words around a cue: the speaker phrase after it (or, with no subject, the
last speaker), adjuncts that may name a relaying outlet, then the opening of the content (a
complementiser, a colon or a quotation mark).  Content runs to the end of the sentence, or
to the closing mark of a quotation that carries on past it, and is cut where the next
attribution in the same sentence starts.
"""

from __future__ import annotations

import bisect

from marsad.core.document import Actor, Document, Quote, QuoteKind, Span
from marsad.stages.quotes.clauses import cue_subject, inner_subject
from marsad.stages.quotes.content import (
    MAX_PARTICIPLE_GAP,
    content_at,
    content_from,
    nominal_content,
    seek_content,
    speech_after,
)
from marsad.stages.quotes.context import (
    TRIM,
    Context,
    Draft,
    build_context,
    char,
    inner,
    trim,
    verbal_noun,
    words_in,
)
from marsad.stages.quotes.continuation import continue_speech
from marsad.stages.quotes.documents import document_speaker, document_teller, told_before
from marsad.stages.quotes.inmarks import (
    in_marks_actor,
    named_in_marks,
    opens_speech_or_adjunct,
    past_marked_body,
    quoted_source,
)
from marsad.stages.quotes.marks import CLOSERS, OPENERS, inside
from marsad.stages.quotes.overlaps import clause_starts, cut_overlaps, nested
from marsad.stages.quotes.phrases import (
    Word,
    actor,
    bracket_end,
    entity_of,
    has_form,
    is_stop,
    is_title,
    outlet_at,
    phrase_span,
)
from marsad.stages.quotes.pointers import but_subject, pointed_back
from marsad.stages.quotes.records import quote_of
from marsad.stages.quotes.relatives import (
    apposed_untagged_name,
    holder_before_opener,
    interrupted_subject,
    relative_subject,
)
from marsad.stages.quotes.sources import is_source
from marsad.stages.quotes.stretch import past_time_adverbs, same_head
from marsad.stages.quotes.subjects import (
    clause_subject,
    contrast_subject,
    fronted_subject,
    group_speaker,
    main_subject,
    may_be_implicit,
    named_subject,
    names_group,
    note,
    opening_subject,
    plural,
    speaker_actor,
    speaker_end_at,
    titled_at,
    turn_subject,
)
from marsad.stages.quotes.topics import topic
from marsad.text import keys as textkeys

#: Most words of an adjunct between a verb and its subject ("وقالت في وقت سابق هوغيت لابيل").
MAX_ADJUNCT_BEFORE_SUBJECT = 4
#: Fewest words of speech that follows the outlet spoken to with no إن or colon: fewer are more
#: likely the rest of a name or an adjunct than a statement.
MIN_BARE_SPEECH_WORDS = 4


def _opens_clause(ctx: Context, i: int) -> bool:
    """A verb that opens its clause (with و/ف, first in the sentence, or after a comma or a
    particle), not one describing the noun before it ("تقارير غربية أشارت إلى")."""
    w = ctx.words[i]
    if w.conj_end > w.token.start or i == ctx.sent_first[ctx.sent_of[i]]:
        return True
    return char(ctx, i - 1) in ("،", ",") or has_form(ctx.words[i - 1], ctx.cues.lead_particles)


def _names_someone(ctx: Context, a: int, b: int) -> bool:
    """Whether words ``a..b`` name an actor: a title or body noun (وزارة), a person's name, a
    definite noun or an entity ("وأكد حدوث اتفاق على تعاون": حدوث is the object, the subject is dropped)."""
    w = ctx.words[a]
    return (is_title(w, ctx.cues) or has_form(w, ctx.cues.title_complements) or w.key.startswith("ال")
            or w.token.start in ctx.names
            or entity_of(ctx.doc.entities, Span(w.token.start, w.token.end)) is not None)



def _inanimate(ctx: Context, a: int) -> bool:
    """"ويشير تطور الواردات إلى أن", "وتشير التوقعات إلى أن": a subject headed by a noun of things
    that indicate (``grammar.indicator_nouns``) is no speaker."""
    return has_form(ctx.words[a], ctx.cues.indicators)


def _cue_span(ctx: Context, idx: int) -> Span:
    w = ctx.words[idx]
    return Span(w.conj_end, w.token.end)


def _preceding_quote(ctx: Context, i: int) -> Span | None:
    """«...»، قال الوزير: the quotation just before the cue."""
    k = i - 1
    while k >= 0 and (char(ctx, k) in ("،", ",", "-", "–", "—")
                      or ctx.words[k].key in ctx.cues.words("quote_pointers")):
        k -= 1  # «...»، هكذا قال الوزير
    if k < 0:
        return None
    end = ctx.words[k].token.start
    first = ctx.words[ctx.sent_first[ctx.sent_of[i]]].token.start
    for a, b in ctx.pairs:
        # With no comma between, the quotation must open the sentence («...» قال الوزير).
        if b == end and (k < i - 1 or a == first):
            return inner(ctx, (a, b))
    return None


def _subject_after_relay(ctx: Context, via: Actor, opener: int) -> tuple[int, int] | None:
    """A subject placed after the outlet it spoke to: "قال لـ«الاقتصادية» مصدر جمركي، إن"."""
    k = next((x for x in range(opener) if ctx.words[x].token.start >= via.span.end), opener)
    while k < opener and (not ctx.words[k].is_word or ctx.words[k].key in ctx.cues.words("adverbs")):
        k += 1  # the closing mark of «الاقتصادية», "أمس،" ("قال لـ"الاقتصادية" أمس، اللواء …")
    if k >= opener or not (is_title(ctx.words[k], ctx.cues) or ctx.words[k].token.start in ctx.names):
        return None
    end = speaker_end_at(ctx, k, opener)
    return (k, end) if end > k else None


def _after_outlet(ctx: Context, via: Actor, s: int) -> tuple[QuoteKind, Span] | None:
    """Speech that follows the outlet spoken to with no إن or colon ("وقال لـ«عكاظ» النجاحات
    التي تحققت كبيرة"): it opens at the first word after the outlet's name, unless that word
    starts an adjunct or names someone (the subject placed after the outlet)."""
    k = bisect.bisect_left(ctx.starts, via.span.end)
    limit = ctx.sent_limit[s]
    while k < limit and char(ctx, k) in CLOSERS and char(ctx, k) not in OPENERS:
        k += 1  # the closing mark of «عكاظ»
    nisba = ctx.cues.words("nisba_endings")
    while k < limit and ctx.words[k].key.startswith("ال") and ctx.words[k].key.endswith(nisba):
        k += 1  # "لشبكة «سي.إن.إن» التلفزيونية الأمريكية": adjectives of the outlet
    if k >= limit or k == 0:
        return None
    if not ctx.text[ctx.words[k - 1].token.end:ctx.words[k].token.start].isspace() \
            and char(ctx, k - 1) not in CLOSERS:
        return None  # "لشبكة إي.بي.سي نيوز": a name the outlet phrase cut short goes on
    w = ctx.words[k]
    if char(ctx, k) in OPENERS:
        return content_from(ctx, k, s)  # «لصحيفة “كومسوموليتس” “لا أنصح …”»: the quotation
    if not w.is_word or w.prep or is_stop(w, ctx.cues) or is_title(w, ctx.cues) or w.token.start in ctx.names:
        return None
    found = content_from(ctx, k, s)
    return found if found and len(ctx.text[found[1].start:found[1].end].split()) >= MIN_BARE_SPEECH_WORDS else None


def _subject_past_adjunct(ctx: Context, j: int, limit: int) -> tuple[int, int] | None:
    """"وقالت في وقت سابق هوغيت لابيل رئيسة المنظمة:": a subject after a short adjunct of time or
    place that opens right after the verb; none when the adjunct names whom the speaker met or
    addressed ("في مؤتمر مع وزير الخارجية") or is the speaker's own ("خلال لقائه الوزير")."""
    words, c = ctx.words, ctx.cues
    if j >= limit or words[j].key not in c.words("adjunct_openers"):
        return None
    for k in range(j + 1, min(limit, j + 1 + MAX_ADJUNCT_BEFORE_SUBJECT)):
        w = words[k]
        if not w.is_word or c.is_complementiser(w.key) or w.key in c.verbs:
            return None
        if w.token.has_pronoun:
            return None  # "خلال لقائه": the speaker is already there, in the pronoun
        if has_form(words[k - 1], c.adjunct_heads):
            continue  # "في مؤتمر صحفي": the word after the adjunct's head describes it
        if k - 1 > j and _genitive_after(words[k - 1], w):
            continue  # "خلال جلسة مجلس الوزراء": a definite noun after a bare one is its genitive
        if is_title(w, c) or w.token.start in ctx.names:
            if w.prep or words[k - 1].key in c.words("addressee_prepositions"):
                return None
            end = speaker_end_at(ctx, k, limit)
            return (k, end) if end > k else None
    return None


def _described_as(ctx: Context, i: int, opener: int) -> bool:
    """Whether a verb of describing at ``i`` goes on with بأن (as): «وصفه بأنه …» judges the thing."""
    if ctx.words[i].key not in ctx.cues.words("describing_verbs") or opener >= len(ctx.words):
        return False
    w = ctx.words[opener]
    # «بأنه» folds whole; «بانه», written without its hamza, arrives as أنه with ب split off.
    return w.key.startswith("بان") or (w.prep and ctx.text[w.token.start] == "ب" and ctx.cues.is_complementiser(w.key))


def _genitive_after(head: Word, w: Word) -> bool:
    """Whether ``w`` reads as the genitive of ``head`` in a construct: a definite word after a bare
    noun with no preposition or conjunction on it (مجلس الوزراء، جلسة البرلمان)."""
    return (w.key.startswith("ال") and not head.key.startswith("ال") and not head.token.has_pronoun
            and not w.prep and w.conj_end <= w.token.start)


def verb_quote(ctx: Context, i: int, last: Actor | None) -> Draft | None:
    """قال/أكد/أضاف ... إن/أن/: — with a named, fronted or implicit speaker."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    j = i + 1
    if j + 2 < limit and words[j].key in c.words("each_of") and words[j + 1].key in c.words("each_of_from"):
        j += 2  # "وقال كل من حسام المرداسي وحاتم سامي": the people listed speak
    if j + 1 < limit and words[j].is_word and textkeys.fold(
            ctx.text[words[j].token.start:words[j].token.end]) in c.words("addressee_pronouns"):
        j += 1  # "وقال له رئيس اللجنة بوب كوركر:": the one spoken to stands before the subject
    elif j + 1 < limit and words[j].key in c.words("occasion_pronouns") and (
            titled_at(ctx, j + 1) or words[j + 1].token.start in ctx.names):
        j += 1  # "قال خلاله قائد الشرطة": the occasion's pronoun stands before the subject
    if j < limit and words[j].key in c.words("cue_objects"):
        j += 1  # "ولفت الانتباه إلى أن": the idiom's object, the subject dropped or after it
    elif j < limit and words[j].key in c.words("owned_saying_nouns"):
        j += 1  # "وأضاف بقوله:", "صرح بقوله": the saying noun's pronoun is the verb's dropped subject
    j, told_after = past_time_adverbs(ctx, j, limit)
    # A subject never starts with a preposition or a conjunction ("وهي تبكي", "والدموع ...").
    opens = (j < limit and (words[j].prep or words[j].conj_end > words[j].token.start)) or not told_after
    end = j if opens else past_marked_body(ctx, j, speaker_end_at(ctx, j, limit), limit)
    quoted = (quoted_source(ctx, j, limit) or named_in_marks(ctx, j, limit)) if end == j else None
    if quoted is not None and quoted[0] < limit and (opens_speech_or_adjunct(ctx, quoted[0])
                                                     or char(ctx, quoted[0]) == ":"):
        end = quoted[0]  # "وأفادت «الفرنسية» أن", "وتابع "كليبي": …": a short name in marks is the subject
    else:
        quoted = None
    if (end > j and _inanimate(ctx, j)) or (i > 0 and words[i - 1].key in c.words("which_particles")):
        return None  # "وتشير التوقعات إلى أن", "مما يؤكد أن": no one speaks
    subject: tuple[int, int] | None = (j, end) if end > j else (
        fronted_subject(ctx, i) or opening_subject(ctx, i) or contrast_subject(ctx, i)
        or turn_subject(ctx, i) or but_subject(ctx, i) or named_subject(ctx, i)
        or interrupted_subject(ctx, i))
    if end > j:
        # "وكان الرئيس قد أبلغ الوفد أن", "أن الجنرال ديمبسي أبلغ العبادي أن": with its subject
        # before it, the phrase after the verb is its object, the one told; so is a phrase a
        # demonstrative opens («الحركة نفت تلك التقارير»).
        pointed = words[j].key in c.words("demonstratives")
        told = words[i].key in c.words("addressee_verbs") or pointed
        subject = fronted_subject(ctx, i) or (
            (named_subject(ctx, i) or opening_subject(ctx, i, with_object=pointed)) if told else None) or subject
    relative = relative_subject(ctx, i) if subject is None else None
    if relative is not None:
        subject = relative
    if subject is None:
        subject = _subject_past_adjunct(ctx, j, limit)  # "وقالت في وقت سابق هوغيت لابيل:"
        end = subject[1] if subject is not None else end
    # "وأوضح بيان للتحالف أن": the document's issuer speaks.
    paper = document_speaker(ctx, j, limit) if subject == (j, end) and quoted is None else None
    if paper is not None:
        end = max(end, paper[1])
    group: Actor | None = None
    if subject is None and not may_be_implicit(ctx, i):
        if not (plural(ctx, i) and i > 0 and words[i - 1].key not in c.words("relatives")):
            return None
        group = group_speaker(ctx, i, last)  # "وقالوا إن": the group named last
        if group is None:
            return None
    opener, via, source = speech_after(ctx, end, limit)
    if subject == (j, end) and opener > end and via is None and source is None:
        subject = holder_before_opener(ctx, j, end, opener) or apposed_untagged_name(ctx, j, end, opener) or subject
    if opener >= 0 and _described_as(ctx, i, opener):
        return None  # "وصف المسؤول المزاعم بأنها «تناقض سخيف»": a judgement, not speech
    found = content_at(ctx, opener, s)
    if opener < 0 and subject is not None:
        before = _preceding_quote(ctx, i)
        found = ("direct", before) if before is not None else None
    if found is None and _opens_clause(ctx, i) and (subject is None or _names_someone(ctx, *subject)):
        found = nominal_content(ctx, i, end)  # "وشدد الوزير على ضرورة وقف …"
    if found is None and via is not None and words[i].key in c.words("bare_speech_verbs"):
        found = _after_outlet(ctx, via, s)  # "وقال في تصريحات لـ«عكاظ» النجاحات كبيرة"
    if (found is None and subject == (j, end) and end < limit and words[i].key in c.words("bare_speech_verbs")
            and words[end].key in c.words("speech_starters")):
        found = content_from(ctx, end, s)  # "وقال مرزوق نحن نرحب بالزوار": speech with no colon
    if found is None:
        return None
    if source is not None:
        if subject is not None:
            via = speaker_actor(ctx, *subject)
        subject = source
    elif subject is None and via is not None and opener >= 0:
        subject = _subject_after_relay(ctx, via, opener)  # "قال لـ«الاقتصادية» مصدر جمركي إن"
    if quoted is not None and subject == (j, end):
        speaker: Actor | None = in_marks_actor(ctx, quoted[1])
    elif paper is not None and source is None:
        speaker = paper[0]
    else:
        speaker = speaker_actor(ctx, *subject) if subject else (
            group or document_teller(ctx, i) or main_subject(ctx, i) or last)
    if speaker is None:
        return None
    # (speech in a relative clause opens at its pronoun: the antecedent belongs to the clause it ends,
    # «موضحا أنه التقى بوزير الخارجية الذي ذكر أن», whose content runs on past it)
    # («لكنه أضاف أن»: the pronoun's antecedent is named before, but the attribution opens at لكنه)
    pointed = i > 0 and words[i - 1].key in c.words("but_pronouns") and subject is not None and subject[1] < i - 1
    region = words[i - 1].token.start if relative is not None or pointed else (
        words[subject[0]].token.start if subject and subject[0] < i else words[i].token.start)
    return Draft(found[0], found[1], speaker, _cue_span(ctx, i), via, region, s)


def statement_quote(ctx: Context, i: int, last: Actor | None) -> Draft | None:
    """"وجاء في بيان للوزارة أن ...", "وورد في تقرير المنظمة: ...": the issuer speaks.

    The issuer is the لـ phrase after the document, the phrase after "صادر عن", or the noun an
    indefinite document is annexed to ("بيان النادي"); "وجاء في البيان" alone is the last actor's.
    """
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    k = i + 1
    if k + 2 >= limit or words[k].key not in c.words("appear_in"):
        return None
    paper = words[k + 1]
    if paper.key not in c.words("statement_documents"):
        return None
    j = k + 2
    if words[j].key in c.words("issued_by") and j + 1 < limit and words[j + 1].key in c.words("relay_from"):
        j += 2  # بيان صادر عن الوزارة
    elif not (words[j].prep or (not paper.key.startswith("ال") and (words[j].key.startswith("ال")
                                                                    or _opens_mention(ctx, j)
                                                                    or is_title(words[j], c)))):
        j = -1  # («قرار مجلس الأمن»: a name may open without the article; «بيان رئيس الإقليم»: a post)
    if j >= 0 and words[j].key == "ل" and j + 1 < limit:
        j += 1  # لـ الوزارة, written apart
    end = speaker_end_at(ctx, j, limit) if j >= 0 else -1
    if end > j >= 0:
        speaker = speaker_actor(ctx, j, end)
    else:
        # «وجاء في التحقيق أن» after «أفاد تحقيق بريطاني»: the document told before with the same noun
        speaker = told_before(ctx, k + 1) or last or Actor(phrase_span(words, k + 1, k + 2))
        end = k + 2
    opener, via, _ = seek_content(ctx, end, limit)
    found = content_at(ctx, opener, s)
    if found is None:
        return None
    return Draft(found[0], found[1], speaker, _cue_span(ctx, i), via, words[i].token.start, s)


def _opens_mention(ctx: Context, k: int) -> bool:
    """Whether word ``k`` opens an entity's mention."""
    start = ctx.words[k].token.start
    return any(m.start == start for m in ctx.mentions)


def _past_adjuncts(ctx: Context, k: int, limit: int) -> int:
    """Index past time adverbs and a bracketed abbreviation after a relaying outlet or person
    ("ونقلت وكالة الأنباء الألمانية (د.ب.أ) عن", "ونقل المتحدث أمس عن")."""
    while k < limit:
        if ctx.words[k].key in ctx.cues.words("adverbs"):
            k += 1
            continue
        after = bracket_end(ctx.words, k, limit)
        if after == k:
            return k
        k = after
    return k


def relay_quote(ctx: Context, i: int, last: Actor | None) -> Draft | None:
    """نقلت وكالة X عن Y قوله: «...» / نقلت X عن Y أن ... / نقلت عنه X قوله ..."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    if i + 2 < limit and words[i + 1].key in c.words("relay_from_pronouns") and last is not None:
        return _relay_from_pronoun(ctx, i, last)
    if i + 2 < limit and words[i + 1].key in c.words("relay_from"):
        fronted = fronted_subject(ctx, i)
        return _relay_without_outlet(ctx, i) if fronted is None else _fronted_relay(ctx, i, fronted)
    end = speaker_end_at(ctx, i + 1, limit)
    if end == i + 1:
        return None
    via: Actor | None = speaker_actor(ctx, i + 1, end)
    subject = (i + 1, end)
    k = _past_adjuncts(ctx, end, limit)
    if k + 1 < limit and words[k].prep and words[k].key.startswith("ال") and words[k + 1].key in c.words("relay_from"):
        k += 1  # "نقلت وكالة تسنيم الإيرانية للأنباء عن": what the agency serves ends its name
    if k < limit and words[k].key in c.words("relay_from"):
        s_end = speaker_end_at(ctx, k + 1, limit)
        if s_end == k + 1:
            return None
        subject = (k + 1, s_end)
        k = s_end
    elif outlet_at(words, i + 1, end, c) > i + 1 and k < limit and (
            char(ctx, k) in ("،", ",", ":") or c.is_complementiser(words[k].key)):
        via = None  # "نقل موقع «القوات اللبنانية»، أن": with no "عن", the outlet tells it itself
    else:
        return None  # without "عن" the verb is the noun "نقل" (transfer), not a relay
    found, extra_via = _relayed_words(ctx, k, s)
    if found is None:
        return None
    return Draft(found[0], found[1], speaker_actor(ctx, *subject), _cue_span(ctx, i),
                 via or extra_via, words[i].token.start, s)


def _relayed_words(ctx: Context, k: int, s: int) -> tuple[tuple[QuoteKind, Span] | None, Actor | None]:
    """The content of a relay from word ``k`` of sentence ``s`` on, past the speech noun that may
    stand there («عن الوزير قوله: «…»»), with the agency its adjuncts name."""
    limit = ctx.sent_limit[s]
    if k < limit and ctx.words[k].key in ctx.cues.speech_nouns:
        k += 1
    opener, via, _ = seek_content(ctx, k, limit)
    return content_at(ctx, opener, s), via


def _relay_from_pronoun(ctx: Context, i: int, last: Actor) -> Draft | None:
    """"ونقلت عنه وكالة الصحافة الفرنسية قوله إن": the outlet after عنه relays the last speaker."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    end = speaker_end_at(ctx, i + 2, limit)
    if end == i + 2 and words[end].key not in c.speech_nouns:
        return None
    # "ونقلت عنه قوله": the outlet told before relays again, unnamed here.
    via = speaker_actor(ctx, i + 2, end) if end > i + 2 else None
    found, _ = _relayed_words(ctx, _past_adjuncts(ctx, end, limit), s)
    if found is None:
        return None
    who = ctx.discourse.person(ctx.doc)
    speaker = last if who is None or last.entity == who else Actor(last.span, who)
    return Draft(found[0], found[1], speaker, _cue_span(ctx, i), via, words[i].token.start, s)


def _fronted_relay(ctx: Context, i: int, outlet: tuple[int, int]) -> Draft | None:
    """"وكانت صحيفة «الخبر» نقلت عن مصادر عسكرية أن": the outlet told between كان and the verb
    relays the one after عن, whose words follow with or without a speech noun."""
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    end = speaker_end_at(ctx, i + 2, limit)
    if end == i + 2:
        return None
    found, via = _relayed_words(ctx, end, s)
    if found is None:
        return None
    return Draft(found[0], found[1], speaker_actor(ctx, i + 2, end), _cue_span(ctx, i),
                 speaker_actor(ctx, *outlet) or via, ctx.words[outlet[0]].token.start, s)


def _relay_without_outlet(ctx: Context, i: int) -> Draft | None:
    """"ونقلت عن جعفري قوله «…»": a relay whose outlet was told before; the speech noun after the
    one relayed makes it a relay, not "moved from"."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    end = speaker_end_at(ctx, i + 2, limit)
    if end == i + 2 or end >= limit or words[end].key not in c.speech_nouns:
        return None
    found, via = _relayed_words(ctx, end, s)
    if found is None:
        return None
    return Draft(found[0], found[1], speaker_actor(ctx, i + 2, end), _cue_span(ctx, i), via,
                 words[i].token.start, s)


def _same_sentence(drafts: list[Draft], s: int) -> list[Draft]:
    """The drafts of sentence ``s``: the last ones, as drafts come in text order."""
    k = len(drafts)
    while k > 0 and drafts[k - 1].sentence == s:
        k -= 1
    return drafts[k:]


def participle_quote(ctx: Context, i: int, drafts: list[Draft], last: Actor | None) -> Draft | None:
    """"...، مؤكدا أن ...": the speaker is the subject of the clause it continues."""
    words = ctx.words
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    opener, via, _ = seek_content(ctx, i + 1, _past_words(ctx, i + 1, limit, MAX_PARTICIPLE_GAP))
    # "مشيرا إلى أهمية انعقاد الحوار": with no opener, the noun phrase is the content.
    found = content_at(ctx, opener, s) if opener >= 0 else nominal_content(ctx, i, i + 1)
    if found is None:
        return None
    same = _same_sentence(drafts, s)
    region = words[i].token.start
    lo = ctx.sent_first[s]
    if same and same[-1].cue is not None:
        lo = max(lo, min(i, bisect.bisect_left(ctx.starts, same[-1].cue.end)))
    # "…، فيما شدد كيري على …، موضحا أن": the nearer clause's speaker; but in "مؤكدا أن كردستان
    # تعتبر مساعدة النازحين واجبا …، موضحا أن" تعتبر is part of what was reported.
    nearer = cue_subject(ctx, lo, i, lambda k: _embedded(ctx, k, same))
    if nearer is not None:
        speaker: Actor | None = nearer[0]
        region = nearer[1]
    else:
        outer = [d for d in same if not any(nested(d, o) for o in same if o is not d)]
        # "وبين الصباغ أن الربيعة أكد …، مشيرا إلى": the participle goes on with the outer speaker.
        held = (outer or same)[-1] if same else None
        # (a subject read past the cue is none: «واستدرك بالقول» has its speaker told before)
        opening = clause_subject(ctx, s)
        opening = opening if opening is not None and opening.span.start < words[i].token.start else None
        speaker = held.speaker if held else opening or inner_subject(ctx, i) or last
    if plural(ctx, i) and (speaker is None or not names_group(ctx, speaker)):
        speaker = group_speaker(ctx, i, last) or speaker  # "..., مؤكدين": a group speaks
    if speaker is None:
        return None
    return Draft(found[0], found[1], speaker, _cue_span(ctx, i), via, region, s)


def _past_words(ctx: Context, k: int, limit: int, n: int) -> int:
    """Index just past ``n`` words from word ``k``, at most ``limit``: marks are not counted
    («مبينا في تصريح لـ"الرياض" بأن» has four words before بأن, and seven tokens)."""
    seen = 0
    while k < limit and seen < n:
        seen += ctx.words[k].is_word
        k += 1
    return k


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
    quoted = quoted_source(ctx, j, limit)
    paper = document_speaker(ctx, j, limit) if j < limit and not quoted else None
    end = quoted[0] if quoted else paper[1] if paper else speaker_end_at(ctx, j, limit)
    if end == j or not is_source(ctx, j, i, end):
        return None
    # "وبحسب البيان ستتوقف …": the document's issuer is the source, and the phrase ends at it.
    source = actor(ctx.doc, quoted[1]) if quoted else paper[0] if paper else speaker_actor(ctx, j, end)
    relay: Actor | None = None
    if end + 1 < limit and words[end].key in c.words("relay_from"):
        # "بحسب ما نقلته قناة الجزيرة عن مصادر محلية": the outlet relays the sources.
        s_end = speaker_end_at(ctx, end + 1, limit)
        if s_end > end + 1:
            relay, source = source, speaker_actor(ctx, end + 1, s_end)
            end = s_end
    here = words[i].token.start
    if end < limit and char(ctx, end) == ":":
        # "…، وحسب مموزيني: «أعدم التنظيم أربعة منهم»": a colon after the source opens its words.
        spoken = content_at(ctx, end, s)
        return Draft(spoken[0], spoken[1], source, _cue_span(ctx, i), relay, here, s) if spoken else None
    holder = next((d for d in reversed(drafts) if d.sentence == s and d.content.start < here
                   and _reaches(ctx, d.content, here) and inside(ctx.pairs, here) is None), None)
    if holder is not None:
        cut = trim(ctx.text, holder.content.start, here)
        if holder.content.end > here and cut[1] > cut[0]:
            holder.content = Span(*cut)
        if _is_outlet(ctx, holder.speaker) and not _is_outlet(ctx, source):
            # "ذكرت الصحيفة أن ...، وفقا لمسؤولين": the outlet relays what the officials said.
            holder.via, holder.speaker = holder.speaker, source
        elif holder.via is None:
            holder.via = relay or source
        return None
    if i == first:
        k = _past_adjuncts(ctx, end, limit)  # "وحسب ما نقلته وكالة (د ب أ)": the credit is no content
        if k < limit and has_form(words[k], c.verbs):
            return None  # "… (د ب أ) ذكرت الوزيرة أنه": the verb after the credit has its own speaker
        while k < limit and (char(ctx, k) in ("،", ",") or c.is_complementiser(words[k].key)):
            k += 1
        found = content_from(ctx, k, s)
    else:
        a, b = trim(ctx.text, words[first].conj_end, here)
        if b <= a:
            return None
        kind: QuoteKind = "mixed" if any(a <= p and q < b for p, q in ctx.pairs) else "indirect"
        found = (kind, Span(a, b))
    if found is None:
        return None
    return Draft(found[0], found[1], source, _cue_span(ctx, i), relay, here, s)


def _reaches(ctx: Context, content: Span, here: int) -> bool:
    """Whether ``content`` runs up to ``here``, give or take closing marks and a comma."""
    return content.end >= here or not ctx.text[content.end:here].strip(TRIM + "»”\"″")


def _is_outlet(ctx: Context, who: Actor) -> bool:
    words = words_in(ctx, ctx.phrases.get(who.span, who.span))
    return bool(words) and outlet_at(words, 0, len(words), ctx.cues) > 0


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


def _clause_initial_verb(ctx: Context, i: int) -> bool:
    """"وبين الوزير أن": a verb that is also a preposition, taken only where a clause opens."""
    w, c = ctx.words[i], ctx.cues
    if w.key not in c.words("clause_initial_verbs"):
        return False
    if i == 0:
        return w.conj_end > w.token.start
    k = i - 1 if char(ctx, i - 1) not in ("،", ",") or i < 2 else i - 2
    if has_form(ctx.words[k], c.lead_particles):
        return True  # "من جهته، بيّن الوزير أن"
    return w.conj_end > w.token.start and (i == ctx.sent_first[ctx.sent_of[i]] or k < i - 1)


def _told_verb(ctx: Context, i: int) -> bool:
    """"وأن شكري أبلغه بأن": a verb of saying with an object pronoun, right before its
    complementiser (alone, "أكده" is no cue: "وهو ما أكده الوزير")."""
    w = ctx.words[i]
    return (w.bare in ctx.cues.verbs and w.token.has_pronoun
            and i + 1 < len(ctx.words) and ctx.cues.is_complementiser(ctx.words[i + 1].key))


def _embedded(ctx: Context, i: int, drafts: list[Draft]) -> bool:
    """"أشار الصباغ إلى أن جميع المؤشرات والتقارير، تؤكد أن خطط المركز …": an imperfect verb of
    saying inside reported speech, with no conjunction or particle opening a clause of its own,
    belongs to what is reported (its subject is the reported clause's), not a new attribution."""
    w, c = ctx.words[i], ctx.cues
    if not drafts or w.conj_end > w.token.start or w.key[:1] not in c.words("imperfect_prefixes"):
        return False
    if w.key not in c.verbs or (i > 0 and (has_form(ctx.words[i - 1], c.lead_particles)
                                           or ctx.words[i - 1].key in c.words("clause_links"))):
        return False
    d = drafts[-1]
    return d.sentence == ctx.sent_of[i] and d.kind != "direct" and d.content.start < w.token.start < d.content.end


def _draft_at(ctx: Context, i: int, drafts: list[Draft]) -> Draft | None:
    """The quotation whose cue is word ``i``, by the rule for that kind of cue."""
    w, c = ctx.words[i], ctx.cues
    last = ctx.discourse.last()
    if (w.prep and w.key in c.words("saying_nouns")) or w.key in c.words("owned_saying_nouns"):
        draft = participle_quote(ctx, i, drafts, last)  # "واكتفى المتحدث بالقول إن", "، بقوله إن"
        before = ctx.words[i - 1] if i else None
        if draft is not None and before is not None and before.conj_end > before.token.start:
            draft.region = before.token.start  # "، وختم بالقول:": the attribution opens at وختم
        return draft
    if w.prep:
        if w.key not in c.according:
            return None  # بنقل، ليقول: a verbal noun or a purpose clause, not a verb of saying
    if verbal_noun(ctx, i):
        return None  # "طالبا عدم كشف اسمه": "not revealing", no one speaks here
    if w.key in c.relay_verbs:
        return relay_quote(ctx, i, last)
    if _trailing_as(ctx, i):
        return None  # "، كما أفادت الشرطة": read from كما, as "according to"
    if w.key in c.verbs or _clause_initial_verb(ctx, i) or _told_verb(ctx, i):
        return pointed_back(ctx, i, drafts) or verb_quote(ctx, i, last)
    if w.key in c.words("appear_verbs"):
        return statement_quote(ctx, i, last)
    if w.key in c.participles:
        return participle_quote(ctx, i, drafts, last)
    if w.key in c.according or _trailing_as(ctx, i + 1):
        return according_quote(ctx, i, drafts)
    return None


def _trailing_as(ctx: Context, i: int) -> bool:
    """Whether word ``i`` is a verb of saying after a comma and كما, with only its speaker after it:
    "، كما أعلنت السلطات المحلية." reports the clause before the comma (a sentence-opening «كما أكد»
    is "also said")."""
    words, c = ctx.words, ctx.cues
    if not (2 <= i < len(words) and words[i - 1].key in c.words("trailing_as") and char(ctx, i - 2) in ("،", ",")
            and (has_form(words[i], c.verbs) or has_form(words[i], c.relay_verbs))):
        return False
    # Only the speaker follows, to the sentence's end: "، كما أكد أنه سيتوجه …" is "and he also said".
    limit = ctx.sent_limit[ctx.sent_of[i]]
    end = speaker_end_at(ctx, i + 1, limit)
    return end > i + 1 and all(not words[k].is_word for k in range(end, limit))


def find_quotes(doc: Document) -> list[Quote]:
    """Every quotation in ``doc`` with its speaker, cue, relay and statement date, those of
    unnamed speakers who speak for nobody named («مصادر مطلعة») included."""
    return [q for q, _ in _find(doc)]


def find_quote_sets(doc: Document) -> tuple[list[Quote], list[Quote]]:
    """The quotations of ``doc`` split into attributed ones and those of unnamed speakers whose
    phrase names no state or organisation they speak for («شهود عيان», «مصادر مطلعة»)."""
    found = _find(doc)
    return [q for q, loose in found if not loose], [q for q, loose in found if loose]


def _find(doc: Document) -> list[tuple[Quote, bool]]:
    """Every quotation, with whether its speaker is unnamed and speaks for nobody named."""
    if not doc.tokens or not doc.sentences:
        return []
    ctx = build_context(doc)
    drafts: list[Draft] = []
    contents: set[Span] = set()
    quoted = _quoted_words(ctx)
    for i, w in enumerate(ctx.words):
        if i == ctx.sent_first[ctx.sent_of[i]] and not quoted[i]:
            about = topic(ctx, ctx.sent_of[i])
            if about is not None:
                note(ctx, about)
        if not w.is_word or quoted[i]:
            continue  # a verb inside quotation marks belongs to the quoted speech
        if any(d.region <= w.token.start < d.content.start for d in drafts[-3:]):
            continue  # part of an attribution already read ("نقلا عن" after the verb)
        if _embedded(ctx, i, drafts):
            continue
        draft = _draft_at(ctx, i, drafts)
        if draft is not None and ctx.speaker is not None and same_head(ctx, draft.speaker, ctx.speaker):
            # «وقالت الوزارة … إنه تم تسليمها إلى وزارة الداخلية … وأضافت الوزارة أن»: the same
            # definite noun told again as the speaker is the speaker told last, not a body its
            # words named since.
            draft.speaker = Actor(draft.speaker.span, ctx.speaker.entity)
        if draft is not None and draft.content not in contents:
            drafts.append(draft)
            contents.add(draft.content)
            note(ctx, draft.speaker)
            ctx.speaker = draft.speaker
    drafts = continue_speech(ctx, cut_overlaps(ctx, drafts, clause_starts(ctx)))
    on_record: dict[Span, Actor] = {}
    return [quote_of(ctx, d, on_record) for d in drafts]


__all__ = ["Draft", "find_quote_sets", "find_quotes"]
