"""A statement, report or letter as the speaker: the body that issued it speaks.

«وأوضح بيان للتحالف أن …», «وذكر تقرير صادر عن المنظمة أن …», «وقالت رسالة من الوزارة إن …»:
the document is only the channel; its issuer (the لـ / من / صادر عن phrase after it, or the
definite noun an indefinite document is annexed to, «بيان الوزارة») is who speaks.  A definite
document told alone («وبحسب البيان ستتوقف …», «وأضاف البيان أن …») is the one told last with
the same noun, and speaks for its issuer.  The document nouns are ``grammar.statement_documents``
in ``data/quote_cues.yaml``.
"""

from __future__ import annotations

from marsad.core.document import Actor
from marsad.stages.quotes.context import Context
from marsad.stages.quotes.phrases import Word, is_title, phrase_span
from marsad.stages.quotes.subjects import clause_subject, speaker_actor, speaker_end_at

#: How far back, in words, a definite document («البيان») looks for the one it refers to
#: («بيان للتحالف»): a few sentences of wire copy.
LOOKBACK_WORDS = 150
#: How far before a document noun the verb of saying that told it may stand («قال مكتب رئيس
#: الوزراء في بيان»): a verb and a speaker's phrase.
TELLER_WORDS = 8
#: Most tokens from a document noun to the verb of saying that speaks through it («تغريدة على
#: مدونته الرسمية على موقع التواصل الاجتماعي «تويتر» قال فيها»), and from the verb that told the
#: document to it («ألقى مدير إدارة المهرجان إبراهيم بن محمد الجار الله كلمة»).
DOCUMENT_REACH = 16
#: Most relational adjectives read after a document noun («البيان الختامي المشترك»).
MAX_ADJECTIVES = 2


def is_document(ctx: Context, k: int) -> bool:
    """Whether word ``k`` is a statement document noun (بيان، تقرير، رسالة، بلاغ), also in the
    accusative («نشرت الصحف مقالا لوزير الخارجية»)."""
    w, docs = ctx.words[k], ctx.cues.words("statement_documents")
    key = w.key
    # «في تقريرها»: a document with its issuer's pronoun
    return key in docs or (key.endswith("ا") and key[:-1] in docs) or (w.token.has_pronoun and w.bare in docs)


def _noun(w: Word) -> str:
    """The stem of a document noun without its accusative alef («مقالا» and «المقال» compare equal)."""
    return w.bare.removesuffix("ا")


def issuer_at(ctx: Context, k: int, limit: int) -> tuple[int, int] | None:
    """Words of the issuer of the document at word ``k``: «بيان للتحالف», «بيان صادر عن
    الوزارة», «رسالة من الأمين العام», «بيان الوزارة» (an indefinite document annexed to a
    definite noun); None when the document names no issuer."""
    words, c = ctx.words, ctx.cues
    j = _past_adjectives(ctx, k, limit)
    if j >= limit or words[k].token.has_pronoun:
        return None  # «في تقريرها للاستقرار المالي»: the pronoun is the issuer; what follows is the topic
    paper = words[k]
    if (j + 2 < limit and words[j].key in c.words("relative_pronouns")
            and words[j + 1].bare in c.words("issuing_verbs") and words[j + 1].token.has_pronoun):
        j += 2  # «التقرير الذي أصدرته مؤسسة النقد»: the relative clause names the issuer
    elif words[j].key in c.words("issued_by") and j + 1 < limit and words[j + 1].key in c.words("relay_from"):
        j += 2  # بيان صادر عن الوزارة
    elif words[j].key in c.words("issued_from") and not words[j].prep:
        j += 1  # رسالة من الأمين العام
    elif not (_with_li(ctx, j) or (not _definite(paper) and _definite(words[j]) and not words[j].prep)):
        return None  # "في بيان بالمبادرة": only لـ ties a document to its issuer
    if j < limit and words[j].key == "ل" and j + 1 < limit:
        j += 1  # لـ الوزارة, written apart
    if j >= limit or not words[j].is_word:
        return None
    end = speaker_end_at(ctx, j, limit)
    return (j, end) if end > j else None


def _past_adjectives(ctx: Context, k: int, limit: int) -> int:
    """Index past the relational adjectives after the document at ``k`` («بيان رسمي»,
    «التقرير السنوي»), which agree with it in definiteness."""
    words, paper = ctx.words, ctx.words[k]
    endings = ctx.cues.words("nisba_endings")
    j = k + 1
    while (j < min(limit, k + 1 + MAX_ADJECTIVES) and words[j].is_word and not words[j].prep
           and _definite(words[j]) == _definite(paper) and words[j].bare.endswith(endings)
           and not is_document(ctx, j) and words[j].key not in ctx.cues.speaker_stops):  # not «الذي»
        j += 1
    return j


def _with_li(ctx: Context, j: int) -> bool:
    """Whether word ``j`` bears the preposition لـ («للتحالف», «لصندوق»)."""
    w = ctx.words[j]
    return w.prep and ctx.text[w.conj_end:w.token.end].startswith("ل")


def _definite(word: Word) -> bool:
    """Whether ``word`` bears the article: «ألمانية» folds to a key that opens with ال too, so
    the stem must not."""
    return word.key.startswith("ال") and not word.bare.startswith("ال")


def _alone(ctx: Context, k: int, limit: int) -> bool:
    """Whether the definite document at ``k`` names nothing more («وبحسب البيان ستتوقف»,
    «وأضاف البيان أن»), unlike «التقرير الصادر أمس» or «البيان الذي وزعته الوزارة»."""
    if not _definite(ctx.words[k]):
        return False
    j = _past_adjectives(ctx, k, limit)
    if j < limit and ctx.words[j].key in ctx.cues.words("relative_pronouns"):
        return False
    return j >= limit or not ctx.words[j].is_word or not _definite(ctx.words[j]) \
        or ctx.cues.is_complementiser(ctx.words[j].key)


def told_before(ctx: Context, k: int) -> Actor | None:
    """The issuer of the last document told before word ``k`` with the same noun («بيان
    للتحالف» for a later «البيان»); for one told without its issuer («ثمنت حركة حماس في بيان
    …»), the subject of the sentence that told it."""
    bare = _noun(ctx.words[k])
    for m in range(k - 1, max(-1, k - LOOKBACK_WORDS), -1):
        if _noun(ctx.words[m]) != bare or not is_document(ctx, m):
            continue
        s = ctx.sent_of[m]
        found = issuer_at(ctx, m, ctx.sent_limit[s])
        if found is None and _alone(ctx, m, ctx.sent_limit[s]):
            continue  # «وأضاف البيان»: itself a reference to one told before
        who = speaker_actor(ctx, *found) if found is not None else _teller(ctx, m) or clause_subject(ctx, s)
        if who is not None:
            return who
        # «وقال "…" في بيان»: a sentence whose subject no phrase names tells nothing of the issuer;
        # an earlier statement may.
    return None


def _teller(ctx: Context, m: int) -> Actor | None:
    """The subject of the verb of saying that told the document at word ``m`` («وفي السياق نفسه،
    قال البيت الأبيض في بيان»): the words between that verb, at most TELLER_WORDS before, and it."""
    first = ctx.sent_first[ctx.sent_of[m]]
    for j in range(m - 1, max(first, m - TELLER_WORDS) - 1, -1):
        if ctx.words[j].key in ctx.cues.verbs:
            end = speaker_end_at(ctx, j + 1, m)
            return speaker_actor(ctx, j + 1, end) if end > j + 1 else None
    return None


def document_speaker(ctx: Context, k: int, limit: int) -> tuple[Actor, int] | None:
    """The speaker of a document at word ``k`` and the index past the words that named it: its
    issuer, or for a definite document alone the issuer of the one it refers to (else the
    document itself); None when word ``k`` is no document or nothing can be said of it."""
    if not is_document(ctx, k):
        return None
    found = issuer_at(ctx, k, limit)
    if found is not None:
        return speaker_actor(ctx, *found), found[1]
    if not _alone(ctx, k, limit):
        return None
    past = _past_adjectives(ctx, k, limit)
    # Told of nowhere before, the document is the speaker; its phrase still ends at it.
    return told_before(ctx, k) or Actor(phrase_span(ctx.words, k, past)), past




def document_teller(ctx: Context, i: int) -> Actor | None:
    """«أطلق الشيخ خالد بن أحمد تغريدة على «تويتر» قال فيها «…»», «أصدرت الوزارة بيانا قالت فيه
    إن …»: a verb of saying at word ``i`` with فيه/فيها after it speaks through the document told
    just before, with the voice of the one named right after the verb that told the document
    («ألقى مدير المهرجان فلان كلمة اللجنة العليا أوضح فيها»: he speaks, for the committee), else
    of the document's issuer («بيانا للوزارة»)."""
    words, c = ctx.words, ctx.cues
    s = ctx.sent_of[i]
    first, limit = ctx.sent_first[s], ctx.sent_limit[s]
    if i + 1 >= limit or words[i + 1].key not in c.words("resumptive_in"):
        return None
    m = next((k for k in range(i - 1, max(first, i - DOCUMENT_REACH) - 1, -1) if is_document(ctx, k)), None)
    if m is None:
        return None
    for j in range(m - 1, max(first, m - DOCUMENT_REACH) - 1, -1):
        if not (words[j + 1].token.start in ctx.names or is_title(words[j + 1], c)) or not _before_subject(ctx, j):
            continue
        end = speaker_end_at(ctx, j + 1, m)
        if end > j + 1:
            return speaker_actor(ctx, j + 1, end)
        break
    found = issuer_at(ctx, m, limit)
    return speaker_actor(ctx, *found) if found is not None else None


def _before_subject(ctx: Context, j: int) -> bool:
    """Whether word ``j`` may stand right before a subject phrase (the verb, «ألقى», whose folded
    form looks like a word with the article): a word that is no preposition, title or name."""
    w = ctx.words[j]
    return w.is_word and not w.prep and not is_title(w, ctx.cues) and w.token.start not in ctx.names


__all__ = ["document_speaker", "document_teller", "is_document", "issuer_at", "told_before"]
