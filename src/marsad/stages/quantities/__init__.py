"""The ``quantities`` stage: amounts with their value, approximator and unit.

Digits (Western and Eastern, with ٬ and ٫), number words, duals and scale words (500 ألف، 3 ملايين);
approximators before or after (نحو، أكثر من، على الأقل); the unit as
an ISO 4217 code for money (with a value in US dollars from ``data/currency_rates.tsv``), an SI or
customary symbol for measures (ملم → mm), ``%`` for percentages, else the counted noun in its
singular (أربع مناطق → منطقة).  Numbers inside dates (عام 2022، 12 يونيو) and in names (كوفيد-19)
are not amounts, nor are vague plurals with no number (عشرات القتلى، آلاف المتظاهرين: the counts
news annotators leave out, since no figure is given) and conversions in brackets after an amount
(5 ملايين دولار (4.5 مليون يورو)).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

from marsad.core.document import Approx, DateMention, Document, Quantity, Span, Token
from marsad.core.errors import DataError
from marsad.core.registry import (
    ATTR_DATES,
    ATTR_ENTITIES,
    ATTR_QUANTITIES,
    DATELINE,
    PUBLISHED,
    QUANTITIES,
    SENTENCES,
    TEXT,
    TOKENS,
    register,
)
from marsad.core.settings import Settings
from marsad.stages.quantities.context import (
    after_change,
    after_people_verb,
    before_people_verb,
    context_words,
    counted_before,
    noun_before_count,
    one_idiom,
    partitive_noun,
    people_after,
)
from marsad.stages.quantities.currency import StoryPlaces, local_code, priced_in_local, story_places
from marsad.stages.quantities.definite import (
    DIGITS_PLURAL_REACH,
    PLURAL_REACH,
    definite_cardinal,
    definite_cardinal_firsts,
    definite_digits,
    plural_before,
)
from marsad.stages.quantities.durations import elapsed, framed_units, lone_units
from marsad.stages.quantities.filters import drop_conversions, drop_name_numbers
from marsad.stages.quantities.rates import usd_rate
from marsad.stages.temporal.lexicon import date_words
from marsad.text.keys import PARTICLE_PROCLITICS, analyse, fold, frequency, strip_diacritics
from marsad.text.numbers import NumberRead, digits_value, number_words, read_number
from marsad.text.resources import load_yaml, read_tsv
from marsad.text.words import Lexicon, Word, invert, strip_proclitic, view
from marsad.text.words import definite as is_definite

#: A plural in ات is a masculine noun's (قطاعات → قطاع) when the bare stem is this many times more
#: frequent than the stem with ة (قطاعة); else it is the feminine one's (حاويات → حاوية).
MASCULINE_STEM_RATIO = 10
#: A bare number in this range, with no unit, is read as a year rather than an amount.
YEAR_RANGE = (1900, 2100)
#: Separators of a number range (10-20، 10 و20، من 10 إلى 20).
_RANGE_SEPS = frozenset({"-", "–", "و", "الي", "الى", "حتي", "حتى"})
#: Plus between numbers names a group (مجموعة 5+1، خمسة زائد واحد), folded as words are.
_PLUS = frozenset({"+", fold("زائد", keep_madda=True)})
#: اثنين after a dual noun (شرطيين اثنين) confirms it counts two, folded as words are.
_TWO = frozenset(fold(w, keep_madda=True) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان"))


def _not_above(form: str, other: str) -> bool:
    """Are the digits ``form`` a number no greater than the digits ``other`` (both readable)?"""
    a, b = digits_value(form), digits_value(other)
    return a is not None and b is not None and a <= b


@dataclass(frozen=True)
class Unit:
    code: str
    kind: str  # currency | measure


@dataclass(frozen=True)
class QuantityWords:
    approx_before: Lexicon[str]
    approx_after: Lexicon[str]
    percent: Lexicon[bool]
    units: Lexicon[Unit]
    rates: dict[str, float]
    labels: frozenset[str]
    not_nouns: frozenset[str]
    editions: frozenset[str]


def read_rates() -> dict[str, float]:
    """``data/currency_rates.tsv`` as ``{ISO 4217 code: US dollars per unit}``."""
    rates: dict[str, float] = {}
    for code, usd in read_tsv("currency_rates.tsv", ("code", "usd")):
        try:
            rates[code] = float(usd)
        except ValueError:
            raise DataError(f"data file marsad/data/currency_rates.tsv: bad rate {usd!r} for {code}"
                            ) from None
    return rates


def read_units() -> dict[str, Unit]:
    """``data/units.tsv`` as ``{Arabic form: Unit}``."""
    return {form: Unit(code, kind) for form, code, kind in read_tsv("units.tsv", ("form", "unit", "kind"))}


@lru_cache(maxsize=1)
def currency_names() -> dict[str, str]:
    """The currency names of ``data/units.tsv``, folded word by word, with their ISO 4217 code."""
    return {" ".join(fold(w, keep_madda=True) for w in form.split()): unit.code
            for form, unit in read_units().items() if unit.kind == "currency"}


@lru_cache(maxsize=1)
def quantity_words() -> QuantityWords:
    data = load_yaml("numbers.yaml")
    return QuantityWords(
        approx_before=Lexicon(invert(data["approx_before"])),
        approx_after=Lexicon(invert(data["approx_after"])),
        percent=Lexicon(dict.fromkeys(data["percent"], True)),
        units=Lexicon(read_units()),
        rates=read_rates(),
        labels=frozenset(fold(w, keep_madda=True) for w in data["label_words"]),
        not_nouns=frozenset(fold(w, keep_madda=True) for w in data["not_nouns"]),
        editions=frozenset(fold(w, keep_madda=True) for w in data["edition_nouns"]),
    )


def singular(written: str) -> str:
    """The singular of a counted noun: from ``plurals.tsv``, else by the sound-plural rules."""
    plain = strip_diacritics(written)
    form = fold(plain, keep_madda=True)
    nw = number_words()
    if form in nw.singulars:
        return nw.singulars[form]
    if form in nw.nouns:
        return nw.nouns[form]
    candidates: list[str] = []
    if plain.endswith("ا") and len(plain) > 3:
        candidates.append(plain[:-1])  # tamyiz with tanween: قتيلا → قتيل
    if plain.endswith("ات") and len(plain) > 4:
        stem, feminine = plain[:-2], frequency(plain[:-2] + "ة")
        if feminine > 0 and frequency(stem) <= MASCULINE_STEM_RATIO * feminine:
            return stem + "ة"  # حاويات → حاوية: the sound feminine plural
        candidates.append(stem)  # قطاعات → قطاع، مشروعات → مشروع: a masculine noun's plural in ات
    if plain.endswith(("ين", "ون")) and len(plain) > 4:
        candidates.append(plain[:-2])  # مواطنين → مواطن
    for cand in candidates:
        if fold(cand, keep_madda=True) in nw.singulars:
            return nw.singulars[fold(cand, keep_madda=True)]
        if fold(cand, keep_madda=True) in nw.nouns or frequency(cand) > frequency(plain):
            return cand
    return plain


class QuantityFinder:
    """Finds quantities in one scanned text, skipping the words of date points."""

    def __init__(self, text: str, words: list[Word], skip: set[int], places: StoryPlaces | None = None,
                 published: dt.date | None = None) -> None:
        self.text = text
        self.published = published
        self.words = words
        self.skip = skip
        self.qw = quantity_words()
        self.places = places or StoryPlaces()

    def _is_name_number(self, k: int) -> bool:
        """كوفيد-19، إف-16، الـ17، G7: a number glued to a name or the article is no amount."""
        w = self.words
        form = w[k].form
        if len(form) > 1 and form[0] == "0" and form[1].isdigit():
            return True  # 0117220776، 06: phone numbers, codes and times
        if k > 0 and w[k - 1].form == "ال":
            return True  # الأسبوع الـ 24، الـ17: an ordinal (see _article_count for الـ22 سنة)
        if k > 0 and w[k].glued:
            prev = w[k - 1]
            if prev.kind == "word" and prev.form not in PARTICLE_PROCLITICS:
                return True
            if prev.form in ("-", "/", ":", ".") and k > 1 and w[k - 2].kind == "word":
                return True
        if k + 2 < len(w) and w[k + 1].glued and w[k + 1].form in ("-", "/", ":") and w[k + 2].glued \
                and w[k + 2].kind == "word":
            return True
        # 2-1 (a score) and 1.إم.دي.بي (a name): digits glued to a decreasing number or to letters.
        if k + 2 < len(w) and w[k + 1].glued and w[k + 1].form in "-." and w[k + 2].glued and (
                w[k + 2].kind == "word" or (w[k + 2].kind == "num" and w[k + 1].form == "-"
                                            and _not_above(w[k + 2].form, w[k].form))):
            return True
        if k > 1 and w[k].glued and w[k - 1].form == "-" and w[k - 1].glued and w[k - 2].kind == "num" \
                and _not_above(w[k].form, w[k - 2].form):
            return True
        # 10:30 and 3/1 are times, scores and fractions.
        if k + 2 < len(w) and w[k + 1].glued and w[k + 1].form in ("/", ":") and w[k + 2].kind == "num":
            return True
        return k > 1 and (w[k].glued or w[k - 1].glued) and w[k - 1].form in ("/", ":") and w[k - 2].kind == "num"

    def _enumerator(self, k: int) -> bool:
        """1 - مبارك ملفي، 2- فهد: a number with a dash before a word numbers an item of a list."""
        w = self.words
        if w[k].kind != "num" or k + 2 >= len(w) or w[k + 2].kind != "word" or read_number(w, k + 2) is not None:
            return False
        return w[k + 1].form in ("-", "–") or (w[k + 1].form == ")" and not (k > 0 and w[k - 1].form == "("))

    def _label_list(self, k: int) -> bool:
        """مركز 2 و3 و4: a number joined by و to a list of numbers led by a label word."""
        w = self.words
        p = k
        while p >= 2 and w[p - 1].form == "و" and w[p - 2].kind == "num":
            p -= 2
        return p < k and p > 0 and w[p - 1].form in self.qw.labels

    def _number_run(self, k: int) -> bool:
        """020 7042 7171، 4RB: digits in a run of numbers or glued to Latin letters are a phone or a code."""
        w = self.words
        if w[k].kind != "num":
            return False
        if (k > 0 and w[k - 1].kind == "num") or (k + 1 < len(w) and w[k + 1].kind == "num" and not w[k + 1].glued):
            return True
        return k + 1 < len(w) and w[k + 1].glued and w[k + 1].kind == "word" and w[k + 1].form.isascii()

    def _article_count(self, k: int) -> bool:
        """خلال الـ22 سنة: digits after the article written apart count the noun after them, when a
        preposition leads the phrase (after a noun, مهرجان أبها الـ17 is an ordinal)."""
        w = self.words
        if definite_digits(w, k - 1) is None or self._noun(k + 1) is None:
            return False
        lead = w[k - 2] if k > 1 else None
        if lead is None or lead.kind == "punct":
            return True
        return any(f in self.qw.not_nouns for _, f in strip_proclitic(lead.form))

    def _definite_count(self, i: int, floor: int) -> tuple[Quantity, int] | None:
        """السنوات الـ15، الدول الخمس: a definite number after the plural it counts (see ``definite``).

        ``floor`` is the first word the plural may be (the end of the last quantity found).
        """
        w = self.words
        value = definite_cardinal(w, i)
        end = i + 1
        if value is None:
            value = definite_digits(w, i)
            if value is None or self._noun(i + 2) is not None:
                return None  # الـ22 سنة: the noun after is the unit, read by ``at``
            end = i + 2
        found = plural_before(self.text, w, i, singular, PLURAL_REACH if end == i + 1 else DIGITS_PLURAL_REACH)
        if found is None or found[0] < floor:
            return None
        p, unit = found
        if end == i + 2 and p > 0 and any(f in self.qw.editions for _, f in strip_proclitic(w[p - 1].form)):
            return None  # بطولة المنتخبات العربية الـ13: the edition's ordinal
        return Quantity(Span(w[p].start, w[end - 1].end), float(value), "exact", unit), end

    def _noun(self, k: int) -> str | None:
        """The counted noun at ``k`` in its singular, if the word there is one (a counted noun is indefinite)."""
        w = self.words
        if k >= len(w) or w[k].kind != "word" or w[k].form in self.qw.not_nouns:
            return None
        form = w[k].form
        if is_definite(form) or form.isascii():
            return None  # Frith: a counted noun is an Arabic word
        written = self.text[w[k].start:w[k].end]
        dw = date_words()
        if len(form) < 2 or form in self.qw.not_nouns or dw.months.match(w, k) or dw.hijri.match(w, k):
            return None
        if analyse(written)[0][2] in ("conj", "prep"):
            return None  # وأصيب starts a new clause; بتوقيت، بنسبة: a counted noun takes no preposition
        if form.endswith("وا") and len(form) > 4:
            return None  # أوقفوا: a verb in the plural, not a noun
        return singular(written)

    def _unit(self, k: int, number: NumberRead) -> tuple[str | None, str, int]:
        """The unit after a number: ``(unit, kind, words used)``; kind is currency/measure/percent/noun."""
        w = self.words
        if k >= len(w):
            return None, "", 0
        pc = self.qw.percent.match(w, k, proclitic=False) if w[k].kind == "word" else None
        if pc is not None or w[k].form in ("%", "٪"):
            return "%", "percent", pc.n if pc is not None else 1
        um = self.qw.units.match(w, k, proclitic=False)
        if um is not None:
            return um.value.code, um.value.kind, um.n
        noun = self._noun(k)
        if noun is None:
            return None, "", 0
        if number.ambiguous and fold(noun, keep_madda=True) not in number_words().nouns:
            return None, "", 0  # ست هانم: a lone ست counts only a known noun
        unit = self.qw.units.get(fold(noun, keep_madda=True))
        if unit is not None:
            return unit.code, unit.kind, 1  # مليارات الدولارات
        code = local_code(fold(noun, keep_madda=True), self.text, w[k].start, self.places)
        if code is not None:
            return code, "currency", 1  # 214 ريالا in a story about Sanaa
        return noun, "noun", 1

    def _bare_year(self, i: int, j: int) -> bool:
        """Four digits from 1900 to 2100 with no unit nor scale are a year (انتخابات 2012)."""
        form = self.words[i].form
        return j == i + 1 and len(form) == 4 and form.isdigit() and YEAR_RANGE[0] <= int(form) <= YEAR_RANGE[1]

    def _parenthesized(self, i: int, j: int) -> bool:
        w = self.words
        return 0 < i and j < len(w) and w[i - 1].form in "([" and w[j].form in ")]"

    def _range_end(self, start: int, k: int) -> int | None:
        """A second number after a range separator at ``k``: the index after it, else None.

        و joins a range only after بين (بين 10 و20); elsewhere 5 و12 is two numbers in a list.
        """
        w = self.words
        if k + 1 >= len(w) or w[k].form not in _RANGE_SEPS:
            return None
        if w[k + 1].kind != "num" and (w[k].form == "و" or read_number(w, k + 1) is None):
            return None  # من مائة إلى ألف مرة: number words end a range too, but وعشرين continues one
        if w[k].form == "و" and not (start > 0 and w[start - 1].form == "بين"):
            return None
        return k + 1

    def at(self, i: int) -> tuple[Quantity, int] | None:
        """A quantity starting at word ``i``, with the index after it."""
        w = self.words
        approx: str = "exact"
        k = i
        am = self.qw.approx_before.match(w, i)
        if am is not None and i + am.n < len(w):
            approx, k = am.value, i + am.n
            if k + 1 < len(w) and (w[k].form in "([" or (w[k].form == "ال" and w[k + 1].kind == "num")):
                k += 1  # أقصاها (30) يوما، قرابة الـ 15 درجة
            elif am.n == 1 and k + 1 < len(w) and _possessed(self.text, w[k]) and w[k + 1].kind == "num":
                k += 1  # تتجاوز أعمارهم 14 عاما، يناهز عددهم 300: a verb, its subject, the figure
        if k in self.skip:
            return None
        number = read_number(w, k)
        if number is None:
            return self._noun_then_one(i)
        if w[k].kind == "num" and self._is_name_number(k) and not self._article_count(k) \
                and not (k > i and w[k - 1].form == "ال"):  # قرابة الـ 15 درجة: the approximator's figure
            return None
        if number.vague:
            return None  # عشرات القتلى، آلاف المتظاهرين: no figure is given
        if (k > 0 and w[k - 1].form in self.qw.labels) or self._label_list(k) or self._number_run(k) \
                or self._enumerator(k):
            return None  # المرتبة عشرين، القرار 2254، مركز 2 و3: a rank or a label; 020 7042: a phone
        j = number.j
        value = number.value
        value_max: float | None = None
        high = None if after_change(w, k) else self._range_end(k, j)
        if high is not None and high not in self.skip:
            second = read_number(w, high)
            if second is not None and second.value > value:
                approx, j, value_max = "at_least", second.j, second.value
                if number.j == k + 1 and second.j > high + 1:  # 3-5 ملايين: the scale applies to both
                    high_value = digits_value(w[high].form)
                    if high_value:  # 3-5 ملايين; none for 3-خمسة ملايين
                        value *= second.value / float(high_value)
        if self._year_span(k, j, value_max) or self._group_name(k, j):
            return None
        unit: str | None
        if number.dual_of:
            unit, kind, used = number.dual_of, "noun", 0
        else:
            j += self._half_scale(j)
            if self._parenthesized(k, j) and j + 1 < len(w) and not _has_preposition(w[j + 1]) \
                    and self._unit(j + 1, number)[0] is not None:
                j += 1  # (30) يوما، (خمسة) أيام: the figure in brackets, its noun after them
                i = min(i, k - 1)
            unit, kind, used = self._context_unit(k, j) or self._unit(j, number)
            if unit is None:
                priced = priced_in_local(w, k, self.places, self._currency_code)
                if priced is not None:
                    unit, kind = priced, "currency"  # سعر الريال السعودي من 58 إلى 61 in a Yemeni story
            if unit is None and approx == "exact" and not number.ambiguous:
                counted = counted_before(self.text, w, k, singular)
                if counted is not None:
                    unit, kind = counted, "noun"  # ارتفع عدد القتلى إلى 120
            people = after_people_verb(w, k) or (before_people_verb(w, j) if unit is None else None)
            if people is not None and (unit is None or _has_preposition(w[j])):
                unit, kind, used = people, "noun", 0  # وأصيب 31 بجروح، قتل 5 وأصيب، نحو 30 منهم قتلوا
        if (number.ambiguous and kind != "noun") or (number.value == 1 and j < len(w) and w[j].form == "من"):
            return None  # واحدة من المركبات: "one of", no count
        if kind == "" and approx == "exact" and (self._parenthesized(k, j) or self._bare_year(k, j)):
            return None  # (2): a part or note number; كأس العالم 2018: a year
        j += used
        if used and j < len(w) and w[j].form == "ونصف" and value_max is None:
            value, j = value + 0.5, j + 1  # ست سنوات ونصف: six and a half years
        after = self.qw.approx_after.match(w, j, proclitic=False)
        if after is not None:
            approx, j = (after.value if approx == "exact" else approx), j + after.n
        start = w[i].start + (am.prefix if am is not None else number.prefix)
        rate = self._rate(unit) if kind == "currency" and unit is not None else None
        usd = value * rate if rate is not None else None
        usd_max = value_max * rate if rate is not None and value_max is not None else None
        return Quantity(Span(start, w[j - 1].end), value, cast(Approx, approx), unit, usd, value_max, usd_max), j

    @staticmethod
    def _currency_code(name: str) -> str | None:
        """The ISO code of a currency name of its own (دولار، ريال سعودي: folded words), else None."""
        return currency_names().get(name)

    def _rate(self, code: str) -> float | None:
        """US dollars per unit: on the publication day when known (see ``rates``), else the table's."""
        if self.published is not None:
            return usd_rate(code, self.published)
        return self.qw.rates.get(code)

    def _context_unit(self, k: int, j: int) -> tuple[str | None, str, int] | None:
        """The unit of the number at ``[k, j)`` read around it (see ``context``), else None."""
        w = self.words
        before = noun_before_count(self.text, w, k, singular)
        if before is not None and (self._noun(j) is None or _possessed(self.text, w[j])):
            return before, "noun", 0  # but الدوائر البالغ عددها 77 مركزا counts centres
        people = people_after(w, j)
        if people:
            return context_words().people_unit, "noun", people
        if self.qw.units.match(w, j, proclitic=False) is not None or (j < len(w) and w[j].form in ("%", "٪")):
            return None
        whole = partitive_noun(self.text, w, j, singular)
        if whole is not None:
            return whole, "noun", 0
        return None

    def _half_scale(self, j: int) -> int:
        """مليون ونصف المليون: the scale repeated after its half (already counted), 1 word, else 0."""
        w = self.words
        if j < 1 or j >= len(w) or w[j - 1].form not in ("ونصف", "نصف"):
            return 0
        return 1 if w[j].form in ("المليون", "المليار", "الالف", "الالاف") else 0

    def _year_span(self, k: int, j: int, value_max: float | None) -> bool:
        """2014 - 2015، 2014/2015: a season or fiscal year, not an amount from 2014 to 2015."""
        return value_max is not None and self._bare_year(k, k + 1) and YEAR_RANGE[0] <= value_max <= YEAR_RANGE[1]

    def _group_name(self, k: int, j: int) -> bool:
        """(5+1)، خمسة زائد واحد، خليجي 24: a number inside a name of a group or event."""
        w = self.words
        return (k > 0 and w[k - 1].form in _PLUS) or (j < len(w) and w[j].form in _PLUS)

    def _noun_then_one(self, i: int) -> tuple[Quantity, int] | None:
        """يوم واحد، مرة واحدة: a noun followed by واحد (or a feminine one by واحدة) counts one."""
        w = self.words
        if i + 1 < len(w) and w[i + 1].form in _TWO:
            return self._dual_then_two(i)
        if i + 1 >= len(w) or w[i + 1].form not in ("واحد", "واحده"):
            return None
        dw = date_words()
        if w[i].form in dw.past_cues or w[i].form in dw.future_cues:
            return None  # قال واحد من: a verb, then "one of"
        if one_idiom(w[i]) or w[i].form in _PLUS:
            return None  # في وقت واحد: at once
        feminine = w[i + 1].form == "واحده"
        if feminine != w[i].form.endswith("ه"):
            return None  # كتبت واحدة: the word before does not agree, so it is no counted noun
        noun = self._noun(i)
        if noun is None:
            return None
        return Quantity(Span(w[i].start, w[i + 1].end), 1.0, "exact", noun), i + 2

    def _dual_then_two(self, i: int) -> tuple[Quantity, int] | None:
        """شرطيين اثنين، سيارتين اثنتين: a dual noun with اثنين after it counts two.

        The dual in ـين is spelt like a sound plural (شرطيين), so it is read as two only with اثنين.
        """
        w = self.words
        form = w[i].form
        if w[i].kind != "word" or is_definite(form) or len(form) < 5 or not form.endswith(("ين", "ان")):
            return None
        written = strip_diacritics(self.text[w[i].start:w[i].end])[:-2]
        if written.endswith("ت"):
            written = written[:-1] + "ة"  # سيارتين → سيارة
        noun = self._noun(i)
        if noun is None:
            return None
        return Quantity(Span(w[i].start, w[i + 1].end), 2.0, "exact", singular(written)), i + 2

    def _skip_word(self, i: int) -> bool:
        """Words no quantity starts with, skipped before any matching (most of an article)."""
        w = self.words
        if i in self.skip or w[i].kind == "punct":
            return True
        if w[i].kind == "num" or _may_start(w[i].form):
            return False
        return not (i + 1 < len(w) and (w[i + 1].form in ("واحد", "واحده") or w[i + 1].form in _TWO))

    def find(self) -> list[Quantity]:
        out: list[Quantity] = []
        i = 0
        floor = 0
        definite_firsts = definite_cardinal_firsts()
        while i < len(self.words):
            form = self.words[i].form
            maybe = form == "ال" or form in definite_firsts
            counted = self._definite_count(i, floor) if maybe and i not in self.skip else None
            if counted is not None:
                out.append(counted[0])
                i = floor = counted[1]
                continue
            if self._skip_word(i):
                i += 1
                continue
            hit = self.at(i)
            if hit is None:
                i += 1
                continue
            out.append(hit[0])
            i = floor = hit[1]
        return drop_conversions(self.text, self._share_units(out))

    def _share_units(self, found: list[Quantity]) -> list[Quantity]:
        """من 214 ريالا إلى 236، من 58 إلى 61 ريالا: the two ends of a change share one unit."""
        out = list(found)
        for n in range(len(out) - 1):
            a, b = out[n], out[n + 1]
            between = fold(self.text[a.span.end:b.span.start].strip(), keep_madda=True)
            if between not in ("الي", "حتي") or (a.unit is None) == (b.unit is None):
                continue
            unit = a.unit or b.unit
            assert unit is not None
            rate = self._rate(unit) if unit.isupper() and len(unit) == 3 else None
            target = n + 1 if a.unit else n
            q = out[target]
            out[target] = replace(q, unit=unit, value_usd=q.value * rate if rate is not None else None)
        return out


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    qw = quantity_words()
    nw = number_words()
    firsts: set[str] = set()
    for lex in (qw.approx_before, nw.cardinals, nw.scale_single, nw.scale_dual, nw.vague, nw.fractions):
        firsts |= lex.firsts
    return frozenset(firsts)


@lru_cache(maxsize=65_536)
def _may_start(form: str) -> bool:
    """Can a quantity start with this word (an approximator, number word or dual noun)?"""
    starters = _starters()
    nouns = number_words().nouns
    plurals = number_words().singulars
    not_duals = number_words().not_duals
    for _, f in strip_proclitic(form):
        if f in starters:
            return True
        for ending in ("ين", "ان"):
            if f.endswith(ending):
                stem = f[: -len(ending)]
                known = stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns)
                if known and f not in plurals and f not in not_duals:
                    return True
    return False


def _possessed(text: str, word: Word) -> bool:
    """أعمارهم، عددها، قيمته: a noun with a possessive pronoun (not a ة folded to ه, as in حاوية)."""
    written = strip_diacritics(text[word.start:word.end])
    return word.kind == "word" and len(written) > 4 and written.endswith(("ه", "ها", "هم", "هن", "هما"))


def _has_preposition(word: Word) -> bool:
    """بجروح، لإصابات: a word that opens with a preposition is no counted noun."""
    return word.kind == "word" and any(0 < p and word.form[:p] in ("ب", "ل", "وب", "ول", "فب")
                                       for p, _ in strip_proclitic(word.form))


def _words_inside(words: list[Word], spans: Sequence[Span]) -> set[int]:
    """Indices of the words that start inside any of ``spans``."""
    starts = [w.start for w in words]
    inside: set[int] = set()
    for span in spans:
        inside.update(range(bisect_left(starts, span.start), bisect_left(starts, span.end)))
    return inside


def amount_free(dates: Sequence[DateMention], text: str | None = None) -> list[Span]:
    """The date spans whose numbers are not amounts: points and ranges (عام 2022، 12 يونيو).

    Durations stay amounts (يومين، ثلاث سنوات), and so, given the ``text``, does the length of time
    in a point counted from the story (قبل 146 عاما: see ``durations.elapsed``)."""
    return [d.span for d in dates if d.kind != "duration" and not (text is not None and elapsed(text, d))]


def find_quantities(text: str, dates: Sequence[Span], tokens: Sequence[Token] | None = None,
                    places: StoryPlaces | None = None, published: dt.date | None = None,
                    durations: Sequence[DateMention] = ()) -> list[Quantity]:
    """Every amount in ``text``; numbers inside ``dates`` (see :func:`amount_free`) are skipped.

    ``tokens`` are the text's tokens when it was segmented (else the text is tokenised here);
    ``places`` the countries the story names, which say whose ريال or جنيه a bare one is;
    ``published`` the day whose exchange rates give ``value_usd`` (see ``rates``); ``durations`` the
    lengths of time the temporal stage found, counted when the finder reads no number in them.
    """
    words = view(text, tokens)
    skip = _words_inside(words, dates)
    found = QuantityFinder(text, words, skip, places, published).find()
    taken = [q.span for q in found]
    more = lone_units(text, words, durations, taken, quantity_words().approx_before, singular)
    more += [q for q in framed_units(text, words, skip, singular) if not any(q.span.overlaps(t) for t in taken)]
    return sorted(found + more, key=lambda q: q.span.start) if more else found


def quantities_of_dates(text: str, dates: Sequence[DateMention], tokens: Sequence[Token] | None = None,
                        places: StoryPlaces | None = None, published: dt.date | None = None,
                        names: Sequence[Span] = ()) -> list[Quantity]:
    """:func:`find_quantities` given the temporal stage's date mentions (as the pipeline runs it);
    a bare number right after one of the ``names`` (entity mentions) is part of the name."""
    found = find_quantities(text, amount_free(dates, text), tokens, places, published,
                            [d for d in dates if d.kind == "duration"])
    return drop_name_numbers(text, found, names) if names else found


@register(QUANTITIES, requires=(TEXT, SENTENCES, TOKENS, ATTR_DATES, ATTR_ENTITIES, DATELINE, PUBLISHED),
          provides=(ATTR_QUANTITIES,))
def stage(doc: Document, settings: Settings) -> None:
    """Find amounts with their approximator, unit and value in US dollars."""
    names = [m for e in doc.entities for m in e.mentions]
    doc.quantities = quantities_of_dates(doc.text, doc.dates, doc.tokens, story_places(doc), doc.published, names)
