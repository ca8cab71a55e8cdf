"""Word-form facts about an event trigger and the words around it, read from its surface: whether
a verb is plural or carries its object pronoun, whether a trigger is a participle of the main
clause, and whether a word between a verb and a name is a noun with a preposition on it."""

from __future__ import annotations

from marsad.core.document import Document
from marsad.stages.events import lexicon
from marsad.stages.events.detect import Candidate, surface, variants
from marsad.stages.events.lexicon import cue_words
from marsad.stages.events.mentions import Mention
from marsad.text.keys import fold, frequency

#: Fewest letters of a word read as a preposition and a noun (بدور): shorter ones are too ambiguous.
MIN_PREP_NOUN = 4


def plural_verb(doc: Document, cand: Candidate) -> bool:
    """Whether a verb trigger carries a plural or dual subject suffix (هاجموا، يهاجمون، هاجمتا):
    Arabic puts a verb in the plural or dual only when its subject stands before it or is a pronoun."""
    if cand.last - cand.first != 1:
        return False
    word = surface(doc, doc.tokens[cand.first])
    # The suffix must sit on a listed form: يتعاون ends in ون but is singular (يتعا+ون is no verb).
    forms = {fold(f) for f in cand.trigger.forms}
    return any((form.endswith(("وا", "ون", "تا", "ان")) and form[:-2] in forms)
               or (form.endswith("ا") and len(form) > 4 and form[:-1] in forms) for form, _ in variants(word))


def participle(doc: Document, cand: Candidate) -> bool:
    """Whether a trigger is read as a participle listed as written (=محملا، =منددا، =داعيا): an adverb of
    the main clause («…، محملا الحوثيين مسؤولية»), whose subject does what it names."""
    if cand.last - cand.first != 1:
        return False
    # (a derived participle opens with م; other forms listed as written are verbs: =دعما "they
    # both supported")
    first_form = cue_words("first_form_participles")
    written = {fold(f[1:]) for f in cand.trigger.forms
               if f.startswith("=م") or (f.startswith("=") and fold(f[1:]) in first_form)}
    return bool(written) and any(form in written for form, _ in variants(surface(doc, doc.tokens[cand.first])))


def object_suffix(doc: Document, cand: Candidate) -> bool:
    """Whether a verb trigger carries an object pronoun (استهدفها، قتلهم، اعتقلوهم)."""
    if cand.trigger.kind != "V" or cand.last - cand.first != 1:
        return False
    word = surface(doc, doc.tokens[cand.first])
    return any(lexicon.carries_object(form, cand.trigger.forms) for form, _ in variants(word))


def after_preposition_noun(doc: Document, cand: Candidate, m: Mention) -> bool:
    """Whether the word right before ``m``, between the verb and it, is a noun with the preposition
    ب/ل/ك on it («وأشاد بدور قوات التحالف»، «ورحب باتفاق الطرفين»): ``m`` is that noun's genitive,
    inside the verb's prepositional object, not its subject.  The word must read better without the
    letter (دور over بدور; بيان stays a noun: «وأكد بيان الجيش») and not be a listed adverb (بشدة)."""
    k = m.first - 1
    if k < cand.last or doc.tokens[k].kind != "word" or doc.tokens[k].pieces:
        return False  # (a word the tokeniser split carries an article or a pronoun: بدوره)
    tok = doc.tokens[k]
    folded, raw = surface(doc, tok), doc.text[tok.start:tok.end]
    if folded[:1] in ("و", "ف") and folded[1:2] in ("ب", "ل", "ك"):
        folded, raw = folded[1:], raw[1:]
    if folded[:1] not in ("ب", "ل", "ك") or len(folded) < MIN_PREP_NOUN or folded in cue_words("gap_adverbs"):
        return False
    return frequency(raw[1:]) > frequency(raw)
