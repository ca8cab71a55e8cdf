"""The tense of a clause, which decides the direction of a weekday or month given without one.

يوم الثلاثاء in a past clause (قال، وقع، أمس) is the last Tuesday; in a future one (سـ، سوف، من المقرر،
يعتزم، an imperfect verb opening the clause) it is the next.  The nearest cue before the date wins,
then the nearest after it, within the sentence; the cue words live in ``data/dates.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.stages.temporal.lexicon import DateWords
from marsad.stages.temporal.resolve import Direction
from marsad.text.keys import analyse
from marsad.text.words import SENTENCE_END, Word, strip_proclitic

#: How many words before a weekday or bare month are searched for a tense cue, then after it
#: (set by reading news sentences: the governing verb is rarely further than a long subject away).
LEFT_WINDOW = 14
RIGHT_WINDOW = 6
RIGHT_WEIGHT = 2
#: Folded words after which a verb opens a clause (فيما تغلق، حيث يبدأ، لا يزال).
CLAUSE_OPENERS = frozenset({"لا", "قد", "فيما", "بينما", "حيث", "كما", "ثم", "عندما", "حين"})


def _clause_start(words: Sequence[Word], k: int) -> bool:
    """Does word ``k`` open a clause (text or line start, after punctuation or a clause opener)?

    Names such as يانغ inside a clause then never pass for verbs.
    """
    if k == 0 or words[k].newline:
        return True
    prev = words[k - 1]
    return prev.kind == "punct" or prev.form in CLAUSE_OPENERS


def cue(text: str, words: Sequence[Word], k: int, dw: DateWords) -> Direction:
    """The tense word ``k`` signals: ``past``, ``future`` or None."""
    w = words[k]
    if w.kind != "word":
        return None
    for _, form in strip_proclitic(w.form):
        if form in dw.future_cues:
            return "future"
        if form in dw.past_cues:
            return "past"
    if any(role == "fut" for _, _, role in analyse(text[w.start:w.end])):
        return "future"  # سيسافر، وستعقد
    joined = w.form[0] in "وف" and len(w.form) > 4
    bare = w.form[1:] if joined else w.form
    if bare.startswith("ي") and len(bare) >= 4 and bare not in dw.ya_nouns and (joined or _clause_start(words, k)):
        return "future"  # (و)يصوت البرلمان الأحد: a clause-initial imperfect verb announces what is coming
    return None


def clause_tense(text: str, words: Sequence[Word], i: int, j: int, dw: DateWords) -> Direction:
    """Past or future from the nearest cue around words ``[i, j)`` in their sentence.

    A cue after the date counts as RIGHT_WEIGHT times as far as one before it: the governing verb
    usually precedes (وقال ... يوم الاثنين), but a nearer verb after it wins over a far one before
    (كما يأتي بعد دعم كييف المؤتمر ... وخلال عطلة نهاية الأسبوع، حضرت).
    """
    left: tuple[int, Direction] | None = None
    for k in range(i - 1, max(-1, i - 1 - LEFT_WINDOW), -1):
        if words[k + 1].newline or (words[k].kind == "punct" and words[k].form in SENTENCE_END):
            break
        found = cue(text, words, k, dw)
        if found:
            left = (i - k, found)
            break
    for k in range(j, min(len(words), j + RIGHT_WINDOW)):
        if left is not None and (k - j + 1) * RIGHT_WEIGHT >= left[0]:
            break
        if words[k].newline or (words[k - 1].kind == "punct" and words[k - 1].form in SENTENCE_END):
            break
        found = cue(text, words, k, dw)
        if found:
            return found
    return left[1] if left else None
