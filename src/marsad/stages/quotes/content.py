"""Where a quotation's content opens and ends: complementisers, colons and quotation marks after
the speaker, the adjuncts between (place, time, the outlet spoken to), and the noun phrase that
some cues report ("وشدد الوزير على ضرورة …")."""

from __future__ import annotations

from marsad.core.document import Actor, QuoteKind, Span
from marsad.stages.quotes.context import TRIM, Context, char, inner, pair_at, trim, verbal_noun
from marsad.stages.quotes.marks import OPENERS
from marsad.stages.quotes.phrases import actor, bracket_end, has_form, outlet_at, phrase_span
from marsad.stages.quotes.subjects import speaker_end_at

#: Words allowed between the speaker and the content opener (adjuncts: place, time, addressee).
MAX_ADJUNCT_WORDS = 12
#: More words allowed when the speaker is followed by a description set off by a comma
#: ("وقال فلان، أحد منظمي المظاهرات في محافظة كربلاء (110 كلم جنوب بغداد) في حديث لـ«…»: إن").
MAX_APPOSITION_WORDS = 10
#: Most words of an aside set off by dashes right after the speaker ("وقال موقع … -الناطق
#: بالتركية والذي يصف نفسه بأنه … – إن"), which the scan for the opener steps over whole.
MAX_DASH_ASIDE_WORDS = 25
#: Marks that open and close such an aside (a hyphen may be closed by an en dash).
DASHES = ("-", "–", "—")
#: Most words between a speaker and a short quotation that follows with no colon ("وقال في بيان
#: «…»"); farther, a quotation of fewer than MIN_FAR_QUOTE_WORDS words is a phrase the narrative
#: quotes ("يشير إلى ارتكاب انتهاكات بشكل «ممنهج وعلى نطاق واسع»"), a longer one still speech
#: ("وأكد هيل بعد لقائه رئيس الحكومة تمام سلام «التزام الولايات المتحدة …»").
MAX_BARE_QUOTE_GAP = 4
MIN_FAR_QUOTE_WORDS = 6
#: Fewest words in a quotation that follows its speaker with no colon: shorter ones are names
#: ("أعلنت الحكومة «سد النهضة»"), longer ones speech.
MIN_BARE_QUOTE_WORDS = 3
#: Words after the head of a statement's occasion ("خلال المؤتمر الصحفي المشترك") before إلى/على.
MAX_OCCASION_WORDS = 3
#: Marks that set off an aside between a verb and its content ("، بحسب الوكالة،", "- حسب الصحيفة -").
ASIDE_MARKS = ("،", ",", "-", "–", "—")
#: Words allowed between a participle and its complementiser ("سائلا المولى عز وجل أن",
#: "مشيرا في الوقت نفسه إلى أن"); farther, the أن belongs to something else.
MAX_PARTICIPLE_GAP = 6
#: Words past the adjunct budget in which a colon before a quotation still opens the speech.
MAX_FAR_COLON_WORDS = 14


def content_from(ctx: Context, first: int, sentence: int) -> tuple[QuoteKind, Span] | None:
    """Content that starts at word ``first`` and runs to the end of the sentence (or quotation)."""
    if first >= len(ctx.words) or ctx.sent_of[first] != sentence:
        return None
    if char(ctx, first) in OPENERS and pair_at(ctx, ctx.words[first].token.start) is None:
        return content_from(ctx, first + 1, sentence)  # a mark that never closes is dropped
    start = ctx.words[first].token.start
    end = ctx.doc.sentences[sentence].end
    pair = pair_at(ctx, start) if char(ctx, first) in OPENERS else None
    if pair is not None:
        after = ctx.text[pair[1] + 1:max(end, pair[1] + 1)]
        if not after.strip(TRIM):
            return "direct", inner(ctx, pair)
    for a, b in ctx.pairs:
        if start <= a < end < b + 1:
            end = b + 1  # a quotation that opens here carries on past the full stop
    start, end = trim(ctx.text, start, end)
    if end <= start:
        return None
    has_marks = any(start <= a and b < end for a, b in ctx.pairs)
    return ("mixed" if has_marks else "indirect"), Span(start, end)


def content_at(ctx: Context, opener: int, sentence: int) -> tuple[QuoteKind, Span] | None:
    """Content after the word ``opener`` (none when no opener was found, -1): a complementiser
    (أن، إن) opens reported speech, a colon or quotation mark direct speech."""
    if opener < 0:
        return None
    if ctx.cues.is_complementiser(ctx.words[opener].key):
        return content_from(ctx, opener + (0 if _subjunctive(ctx, opener) else 1), sentence)
    return _direct_after(ctx, opener)


def _subjunctive(ctx: Context, opener: int) -> bool:
    """"سائلا المولى أن يديم على البلاد أمنها": أنْ before an imperfect verb opens a wish or
    request and is part of what is reported; أنّ before a noun (أن الوضع) is not."""
    w, c = ctx.words[opener], ctx.cues
    # أن and إن fold alike; إن (after قال) is never subjunctive, nor بأن and أنه.
    if w.prep or w.key != "ان" or ctx.text[w.body_start] == "إ" or opener + 1 >= len(ctx.words):
        return False
    nxt = ctx.words[opener + 1]
    return (nxt.is_word and nxt.body_start == nxt.token.start and nxt.key[:1] in c.words("subjunctive_prefixes")
            and nxt.token.start not in ctx.names)


def _direct_after(ctx: Context, idx: int) -> tuple[QuoteKind, Span] | None:
    """Content opened by a colon or a quotation mark at word ``idx``."""
    sentence = ctx.sent_of[idx]
    ch = char(ctx, idx)
    if ch == ":":
        nxt = idx + 1
        if (nxt + 1 < len(ctx.words) and ctx.cues.is_complementiser(ctx.words[nxt].key)
                and char(ctx, nxt + 1) in OPENERS and pair_at(ctx, ctx.words[nxt + 1].token.start)):
            nxt += 1  # "في حديث لـ«الشرق الأوسط»: إن «المظاهرات ...»": the quotation is the speech
        if nxt < len(ctx.words) and char(ctx, nxt) in OPENERS:
            pair = pair_at(ctx, ctx.words[nxt].token.start)
            if pair is not None:
                return "direct", inner(ctx, pair)
        if nxt < len(ctx.words) and "\n" not in ctx.text[ctx.words[idx].token.end:ctx.words[nxt].token.start]:
            sentence = ctx.sent_of[nxt]  # the segmenter may end a sentence at the colon
        found = content_from(ctx, nxt, sentence)
        return ("direct", found[1]) if found and found[0] == "indirect" else found
    pair = pair_at(ctx, ctx.words[idx].token.start)
    if pair is not None:
        return "direct", inner(ctx, pair)
    if _left_open(ctx, idx):
        found = content_from(ctx, idx, sentence)  # «وقال "أتيت هنا اليوم …»: to the sentence's end
        return ("direct", found[1]) if found else None
    return None


def _left_open(ctx: Context, k: int) -> bool:
    """Whether the mark at word ``k`` opens a quotation that never closes: a word follows it
    ("وقال "أتيت هنا اليوم …" with no closing mark in the paragraph)."""
    return (char(ctx, k) in OPENERS and pair_at(ctx, ctx.words[k].token.start) is None
            and k + 1 < len(ctx.words) and ctx.words[k + 1].is_word
            and ctx.words[k + 1].token.start == ctx.words[k].token.end)


def speech_sized(ctx: Context, pair: tuple[int, int], least: int = 0) -> bool:
    """Whether a quotation opened with no colon is long enough to be speech, not a name."""
    return len(ctx.text[pair[0] + 1:pair[1]].split()) >= (least or MIN_BARE_QUOTE_WORDS)


def _adverbial(ctx: Context, k: int, start: int) -> bool:
    """"قبل أن يبدأ زيارة": أن after a preposition of time or manner opens no speech."""
    heads = ctx.cues.words("adverbial_an_heads")
    return k > start and (ctx.words[k - 1].key in heads or ctx.words[k - 1].bare in heads)


def _relay_to(ctx: Context, k: int, start: int) -> bool:
    """"في حديثه إلى": إلى after a statement noun leads to the outlet spoken to."""
    return (k > start and ctx.words[k].key in ctx.cues.words("relay_to")
            and has_form(ctx.words[k - 1], ctx.cues.statement_nouns))


def _after_preposition(ctx: Context, k: int, start: int) -> bool:
    """Whether the mark at ``k`` follows a preposition: لـ"…", بـ«…», إلى "…" after a statement."""
    if k <= start:
        return False
    before = ctx.words[k - 1]
    return (before.key == "ل" or (before.prep and before.token.end == ctx.words[k].token.start)
            or _relay_to(ctx, k - 1, start))


def _told(ctx: Context, k: int, start: int, pair: tuple[int, int], limit: int) -> bool:
    """"أفاد مصدر «الشرق الأوسط» بأن": a short name in marks right after the speaker and right
    before the complementiser is the outlet told."""
    if k != start or speech_sized(ctx, pair):
        return False
    after = k + 1
    while after < limit and ctx.words[after].token.start <= pair[1]:
        after += 1
    return after < limit and ctx.cues.is_complementiser(ctx.words[after].key)


def seek_content(ctx: Context, k: int, limit: int, relative: bool = False
                 ) -> tuple[int, Actor | None, tuple[int, int] | None]:
    """Scan adjuncts from ``k`` for the content opener; returns (opener index or -1, via, source).

    ``source`` is a speaker phrase met in "نقلا عن X" (the subject is then only the relay).
    ``relative``: ``k`` opens a relative clause about the speaker, whose verb is read past
    ("ونفى فابيوس الذي اعتبر من المتشددين أن يكون …").
    """
    c, words = ctx.cues, ctx.words
    via: Actor | None = None
    source: tuple[int, int] | None = None
    start = k
    seen = 0  # words read, punctuation and brackets aside
    budget = MAX_ADJUNCT_WORDS + (MAX_APPOSITION_WORDS if k < limit and char(ctx, k) in ("،", ",") else 0)
    bracket = -1  # index past the closing bracket of the aside being read
    while k < limit and seen <= budget:
        w = words[k]
        # (an attribution between dashes, «-بحسب صحيفة الصباح-», is read below: it names the relay)
        aside_end = dash_aside_end(ctx, k, limit) if k == start and (
            k + 1 >= limit or words[k + 1].key not in c.according) else None
        if aside_end is not None:
            k = aside_end  # the aside's verbs and complementisers are its own, not the speech's
            continue
        if bracket < 0 and w.key == "(":
            bracket = bracket_end(words, k, limit)
        seen += w.is_word and k >= bracket
        if k + 1 >= bracket:
            bracket = -1
        ch = char(ctx, k)
        pair = pair_at(ctx, w.token.start) if ch in OPENERS else None
        glued = pair is not None and k + 1 < limit and words[k + 1].prep and not speech_sized(ctx, pair)
        if pair is not None and via is None and (glued or _after_preposition(ctx, k, start)
                                                 or _told(ctx, k, start, pair, limit)):
            # لـ"العربية", «للاقتصادية», في حديثه إلى "الوطن": a name in quotation marks after a
            # preposition is the outlet.
            name = inner(ctx, pair)
            via = actor(ctx.doc, Span(words[k + 1].body_start, name.end) if glued else name)
            while k < limit and words[k].token.start <= pair[1]:
                k += 1
            continue
        if pair is not None and k > start and has_form(words[k - 1], c.outlet_heads) and not (
                words[k - 1].key.startswith("ال") and speech_sized(ctx, pair)):
            # لصحيفة "ذا غانا سبورتس تايمز": a quotation after an outlet noun is its name,
            # however long, and never the speech; but after a definite one («في كلمة نقلها
            # التلفزيون "إنهم يدققون …"») a quotation the size of speech is the speech.
            via = actor(ctx.doc, Span(words[k - 1].body_start, pair[1] + 1))
            while k < limit and words[k].token.start <= pair[1]:
                k += 1
            continue
        if ((c.is_complementiser(w.key) and not _adverbial(ctx, k, start)) or ch == ":"
                or (pair is not None and speech_sized(ctx, pair, 0 if seen <= MAX_BARE_QUOTE_GAP + 1
                                                       else MIN_FAR_QUOTE_WORDS))
                or (ch in OPENERS and pair is None and seen <= MAX_BARE_QUOTE_GAP + 1 and _left_open(ctx, k))):
            return k, via, source
        aside = _according_aside(ctx, k, limit) if via is None and w.key in c.according else None
        if aside is not None:
            via, k = aside  # "وأكد، بحسب وكالة «إيرنا»، أن": the agency relays the speaker's words
            continue
        if (w.key in c.verbs or w.key in c.relay_verbs or w.key in c.participles or w.key in c.according) \
                and not relative and not verbal_noun(ctx, k):
            if (w.key in c.words("relay_adverbs") and k + 1 < limit
                    and words[k + 1].key in c.words("relay_from")):
                end = speaker_end_at(ctx, k + 2, limit)
                if end > k + 2:
                    source = (k + 2, end)
                    k = end
                    continue
            if (w.key in c.words("bare_speech_verbs") and w.key[:1] in c.words("imperfect_prefixes")
                    and w.conj_end == w.token.start and k + 1 < limit
                    and (char(ctx, k + 1) == ":" or char(ctx, k + 1) in OPENERS)
                    and not any(char(ctx, x) in ("،", ",") or has_form(words[x], c.lead_particles)
                                for x in range(start, k))):
                # (after a comma or لكن the verb has a subject of its own: «…، لكن السلطات تقول: إن»)
                k += 1  # «وكتبت الهيئة على موقع تويتر تقول: "…"»: "saying:" leads on to the speech
                continue
            return -1, via, source
        if via is None and (w.prep or (k > start and has_form(words[k - 1], c.statement_nouns))
                            or w.key in c.words("relay_with") or _relay_to(ctx, k, start)):
            # "مع", "إلى" after a statement noun and a detached "لـ" stand before the outlet.
            first = k + 1 if (w.key == "ل" or w.key in c.words("relay_with")
                              or _relay_to(ctx, k, start)) else k
            if first < limit:
                end = outlet_at(words, first, limit, c)
                if end > first:
                    via = actor(ctx.doc, phrase_span(words, first, end))
                    k = end
                    continue
        k += 1
    if k < limit and seen > budget and not relative:
        return _far_colon(ctx, k, limit), via, source
    return -1, via, source


def dash_aside_end(ctx: Context, k: int, limit: int) -> int | None:
    """Index past the dash that closes an aside opened by the dash at word ``k``, else None."""
    if char(ctx, k) not in DASHES:
        return None
    for x in range(k + 1, min(limit, k + 2 + MAX_DASH_ASIDE_WORDS)):
        if char(ctx, x) in DASHES:
            return x + 1 if x > k + 1 else None
        if not ctx.words[x].is_word and char(ctx, x) in (".", ":", "؟", "!"):
            return None
    return None


def _far_colon(ctx: Context, k: int, limit: int) -> int:
    """"وقال في مؤتمر صحافي مشترك عقده مع وزير الداخلية في حكومة الإقليم كريم سنجاري في مدينة
    أربيل: «…»": past a long adjunct, a colon right before a quotation, or إن/أن right after a
    comma, still opens the speech when no other verb of saying or complementiser stands between
    (index of the colon or complementiser, else -1)."""
    c, words = ctx.cues, ctx.words
    for x in range(k, min(limit - 1, k + MAX_FAR_COLON_WORDS)):
        w = words[x]
        if c.is_complementiser(w.key) and x > k and char(ctx, x - 1) in ("،", ","):
            return x  # "قال شومان في تصريحات عقب دعاء … ليلة القدر، إن …": إن after the adjunct's comma
        if w.key in c.verbs or w.key in c.relay_verbs or c.is_complementiser(w.key):
            return -1
        if char(ctx, x) == ":":
            nxt = words[x + 1]
            opens = char(ctx, x + 1) in OPENERS and pair_at(ctx, nxt.token.start) is not None
            return x if opens else -1
    return -1


def _according_aside(ctx: Context, k: int, limit: int) -> tuple[Actor, int] | None:
    """"، بحسب وكالة «إيرنا»،" between a verb and its content, set off by commas or dashes ("- حسب
    ما أوردته صحيفة الصباح -"): the source it names relays the speaker's words; (that source, the
    index past the closing mark)."""
    words, c = ctx.words, ctx.cues
    if k == 0 or char(ctx, k - 1) not in ASIDE_MARKS:
        return None
    j = k + 1
    while j < limit and words[j].key in c.according_connectors:
        j += 1
    if j < limit and (has_form(words[j], c.verbs) or has_form(words[j], c.relay_verbs)):
        j += 1  # "حسب ما أوردته الصحيفة"
    end = speaker_end_at(ctx, j, limit)
    if end == j or end >= limit or char(ctx, end) not in ASIDE_MARKS:
        return None
    return actor(ctx.doc, phrase_span(words, j, end)), end + 1


def opens_relative(ctx: Context, k: int, limit: int) -> bool:
    """Whether word ``k`` is a relative pronoun ("الذي", "التي") after the speaker."""
    return k < limit and ctx.words[k].key in ctx.cues.words("relative_pronouns")


def speech_after(ctx: Context, end: int, limit: int) -> tuple[int, Actor | None, tuple[int, int] | None]:
    """The content opener after a speaker phrase that ends at word ``end`` (:func:`seek_content`).

    A relative clause about the speaker ("الذي", "التي") may have a complementiser of its own,
    closed by a comma before the speech ("الحكومة التي اتهمت … بأنها تقف وراء النزوح، أن لديها
    أدلة"); when no speech follows that comma, the clause had none, and the first complementiser
    after it opens the speech ("وقال علي أحمدي المتحدث باسم القوات التي تقاتل في عدن إن …")."""
    found = seek_content(ctx, past_relative(ctx, end, limit), limit)
    if found[0] < 0 and opens_relative(ctx, end, limit):
        return seek_content(ctx, end, limit, relative=True)
    return found


def past_relative(ctx: Context, k: int, limit: int) -> int:
    """"كما أكدت الحكومة التي اتهمت … بأنها تقف وراء النزوح، أن لديها أدلة": a relative clause
    after the subject, up to its comma, has its own complementiser; the speech comes after it."""
    if not opens_relative(ctx, k, limit):
        return k
    for x in range(k + 1, min(limit, k + 2 + MAX_ADJUNCT_WORDS + MAX_APPOSITION_WORDS)):
        if char(ctx, x) in ("،", ","):
            return x + 1
    return k



def _past_occasion(ctx: Context, k: int, limit: int) -> int:
    """Index past the occasion of a statement between its subject and إلى/على ("أشار الهذلول في
    كلمته إلى", "شدد الوزير خلال المؤتمر الصحفي على"), else ``k``."""
    words, c = ctx.words, ctx.cues
    if k + 1 >= limit or words[k].key not in c.words("adjunct_openers"):
        return k
    head = words[k + 1]
    if not (has_form(head, c.adjunct_heads) or head.token.has_pronoun):
        return k
    for x in range(k + 2, min(limit, k + 2 + MAX_OCCASION_WORDS)):
        if words[x].key in c.words("nominal_prepositions"):
            return x
        if not words[x].is_word:
            break
    return k


def nominal_content(ctx: Context, i: int, k: int) -> tuple[QuoteKind, Span] | None:
    """"وشدد كيري على ضرورة وقف الهجمات", "مشيرا خصوصا إلى حالات تعذيب": after a cue that reports
    with a noun, the noun phrase after إلى / على (at word ``k``, past the subject) is the content."""
    words, c = ctx.words, ctx.cues
    if words[i].key not in c.words("nominal_cues"):
        return None
    s = ctx.sent_of[i]
    limit = ctx.sent_limit[s]
    if k + 1 < limit and char(ctx, k) in ("،", ","):
        k = past_relative(ctx, k + 1, limit) if opens_relative(ctx, k + 1, limit) else k
        # "وشدد جعجع، الذي يعد أحد أبرز المرشحين …، على ضرورة": the speech follows the clause
    while k < limit and words[k].key in c.words("nominal_adverbs"):
        k += 1
    k = _past_occasion(ctx, k, limit)
    if k + 2 >= limit or words[k].key not in c.words("nominal_prepositions"):
        return None
    head = words[k + 1]
    if not head.is_word or head.token.start in ctx.names or has_form(head, c.speaker_stops):
        return None  # "أكد على أن" is read elsewhere; "أشار إليه", "إلى ذلك" report nothing
    return content_from(ctx, k + 1, s)


__all__ = [
    "MAX_ADJUNCT_WORDS",
    "MAX_APPOSITION_WORDS",
    "MAX_PARTICIPLE_GAP",
    "content_at",
    "content_from",
    "nominal_content",
    "past_relative",
    "seek_content",
    "speech_after",
    "speech_sized",
]
