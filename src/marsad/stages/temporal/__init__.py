"""The ``temporal`` stage: date expressions with ISO values resolved against the publication date.

Absolute dates in Egyptian/Western, Levantine and Maghrebi month names (and paired forms such as
يونيو/حزيران), Hijri dates, numeric dates, years; relative ones (أمس، الأسبوع الماضي، سبتمبر الماضي،
منذ 3 أيام); weekdays and bare months whose direction comes from the tense of their clause; ranges
(بين أغسطس وفبراير) and durations (تستغرق يومين), kept apart from points.  dateparser is not used
here: its ``search_dates`` reads كوفيد-19 and 6700 حاوية as dates and it has no notion of the
clause's tense, so this module reads the words itself from ``data/dates.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from marsad.core.document import DateMention, Document, Entity, Span, Token
from marsad.core.registry import (
    ATTR_DATES,
    ATTR_ENTITIES,
    PUBLISHED,
    SENTENCES,
    TEMPORAL,
    TEXT,
    TOKENS,
    register,
)
from marsad.core.settings import Settings
from marsad.stages.temporal.latin import find_latin
from marsad.stages.temporal.lexicon import DateWords, approximators, date_words, may_start
from marsad.stages.temporal.periods import season, year_part
from marsad.stages.temporal.resolve import Direction, Expr, duration, safe_resolve, shift_from
from marsad.stages.temporal.tense import clause_tense
from marsad.text.keys import fold
from marsad.text.numbers import digits_int, number_words, read_number
from marsad.text.words import Word, strip_proclitic, view

YEAR_MIN, YEAR_MAX = 1000, 2200
#: A bare four-digit number after في/منذ/حتى is read as a year only within this range.
BARE_YEAR_MIN, BARE_YEAR_MAX = 1900, 2100
HIJRI_MIN, HIJRI_MAX = 1300, 1600
#: How far back (in characters, about three sentences) an event-anchored date (قبل يوم من الاجتماع)
#: looks for the date of that event (set by reading news copy, not tuned on a benchmark).
#: The default of ``settings.temporal.anchor_reach``.
ANCHOR_REACH = 400

#: Where a sentence ends: an anchored date never reaches back across one.
_SENTENCE_BREAK = re.compile(r"[.!?؟\n]")
#: Sentence boundaries, a run of end marks and line breaks counting once.
_SENTENCE_BREAKS = re.compile(r"[.!?؟\n]+")

Kind = Literal["point", "range", "duration", "set"]


@dataclass(frozen=True, slots=True)
class Found:
    """A candidate date: word range ``[i, j)``, character span, expression and kind."""

    i: int
    j: int
    start: int
    end: int
    expr: Expr
    kind: Kind = "point"


def _in(word: Word, forms: frozenset[str]) -> bool:
    return word.kind == "word" and any(f in forms for _, f in strip_proclitic(word.form))


def _int(word: Word) -> int | None:
    return digits_int(word.form) if word.kind == "num" else None


def _year_at(words: Sequence[Word], k: int, lo: int = YEAR_MIN, hi: int = YEAR_MAX) -> int | None:
    if k >= len(words):
        return None
    value = _int(words[k])
    return value if value is not None and len(words[k].form) == 4 and lo <= value <= hi else None


class Finder:
    """Finds date candidates in one scanned text."""

    def __init__(self, text: str, words: list[Word]) -> None:
        self.text = text
        self.words = words
        self.dw = date_words()

    # -- tense ---------------------------------------------------------------------------------
    def tense(self, i: int, j: int) -> Direction:
        """Past or future from the nearest cue before word ``i`` (then after ``j``) in its sentence."""
        return clause_tense(self.text, self.words, i, j, self.dw)

    def _direction_after(self, k: int) -> tuple[Direction, int]:
        """A direction word at ``k`` (الماضي، المقبل) as ``(last|next, 1)``, else ``(None, 0)``."""
        if k < len(self.words) and self.words[k].kind == "word":
            if self.words[k].form in self.dw.past:
                return "last", 1
            if self.words[k].form in self.dw.future:
                return "next", 1
        return None, 0

    def _found(self, i: int, j: int, expr: Expr, kind: Kind = "point", prefix: int = 0) -> Found:
        return Found(i, j, self.words[i].start + prefix, self.words[j - 1].end, expr, kind)

    # -- matchers ------------------------------------------------------------------------------
    def numeric(self, i: int) -> Found | None:
        """17/06/2024, 17-6-2024, 2024-06-17, 27 / 8 / 1436هـ (a Hijri year: 1300 to 1600)."""
        w = self.words
        if i + 4 >= len(w) or _int(w[i]) is None:
            return None
        seps = (w[i + 1].form, w[i + 3].form)
        # Slashes may be spaced (27 / 8 / 1436); hyphens must be glued, or 3 - 4 would be a date.
        if seps[0] != seps[1] or seps[0] not in ("/", "-") or (
                seps[0] == "-" and not all(x.glued for x in w[i + 1 : i + 5])):
            return None
        a, b, c = _int(w[i]), _int(w[i + 2]), _int(w[i + 4])
        if a is None or b is None or c is None:
            return None
        if len(w[i].form) == 4:
            y, m, d = a, b, c
        elif len(w[i + 4].form) == 4:
            d, m, y = a, b, c
        else:
            return None
        if not (1 <= m <= 12 and 1 <= d <= 31 and YEAR_MIN <= y <= YEAR_MAX):
            return None
        end = i + 5
        if HIJRI_MIN <= y <= HIJRI_MAX:
            era = self.dw.hijri_era.match(w, end, proclitic=False)
            return self._found(i, end + (era.n if era else 0), Expr("hijri_ymd", y=y, m=m, d=d))
        era = self.dw.gregorian_era.match(w, end, proclitic=False)
        return self._found(i, end + (era.n if era else 0), Expr("ymd", y=y, m=m, d=d))

    def _month_at(self, k: int) -> tuple[int, int, int] | None:
        """A month at ``k`` with an optional paired form: ``(month, words used, prefix)``."""
        m = self.dw.months.match(self.words, k)
        if m is None:
            return None
        used = m.n
        w = self.words
        # Paired forms: يونيو/حزيران، يونيو (حزيران)، حزيران - يونيو.
        k2 = k + used
        if k2 + 1 < len(w) and w[k2].form in "/-(" and self.dw.months.match(w, k2 + 1, proclitic=False):
            alt = self.dw.months.match(w, k2 + 1, proclitic=False)
            assert alt is not None
            used += 1 + alt.n
            if k + used < len(w) and w[k + used].form == ")":
                used += 1
        else:
            alt = self.dw.months.match(w, k2, proclitic=False)
            if alt is not None and alt.value == m.value:
                used += alt.n  # 19 يوليو تموز: the pair without a slash
        return m.value, used, m.prefix

    def _year_after(self, k: int) -> tuple[int, int, bool] | None:
        """A year after a month: ``[من] [عام] 2024 [م|هـ]`` as ``(year, words used, hijri)``."""
        w = self.words
        used = 0
        if k < len(w) and w[k].form == "من":
            used += 1
        yw = self.dw.year_words.match(w, k + used, proclitic=False)
        if yw is not None:
            used += yw.n
        year = _year_at(w, k + used)
        if year is None:
            return None
        used += 1
        hijri = False
        era = self.dw.hijri_era.match(w, k + used, proclitic=False)
        if era is not None:
            used, hijri = used + era.n, True
        elif self.dw.gregorian_era.match(w, k + used, proclitic=False):
            used += 1
        return year, used, hijri

    def day_month(self, i: int) -> Found | None:
        """17 يونيو 2024، الـ17 من حزيران، 5 جويلية، 15 رمضان 1445 هـ، بين 1 و3 يونيو."""
        w = self.words
        start = i
        k = i
        prefix = 0
        ordinal = self.dw.day_ordinals.match(w, k)
        if ordinal is not None:
            # الأول من يونيو: an ordinal day must be followed by من and a month.
            if k + ordinal.n >= len(w) or w[k + ordinal.n].form != "من":
                return None
            day, prefix, k = ordinal.value, ordinal.prefix, k + ordinal.n - 1
        else:
            if w[k].form == "ال" and k + 1 < len(w) and w[k + 1].glued:
                k += 1
            value = _int(w[k]) if k < len(w) else None
            if value is None or not 1 <= value <= 31 or len(w[k].form) > 2:
                return None
            day = value
        first_day: int | None = None
        k2 = k + 1
        # A day range: 1-3 يونيو، 1 و3 يونيو، 1 إلى 3 يونيو.
        if k2 + 1 < len(w) and (w[k2].form == "-" or w[k2].form in self.dw.range_close):
            nxt = _int(w[k2 + 1])
            if nxt is not None and day < nxt <= 31:
                first_day, day, k2 = day, nxt, k2 + 2
        if k2 < len(w) and w[k2].form == "من":
            k2 += 1
            if k2 < len(w) and w[k2].form == "شهر":
                k2 += 1  # العشرين من شهر يوليو
        if k2 >= len(w):
            return None
        rel = self._definite_unit(k2)
        if rel is not None and rel[0] == "month" and first_day is None:
            # في 14 من الشهر الحالي، 3 الشهر الماضي: a day of a month counted from publication.
            return self._found(start, k2 + rel[2], Expr("day_of_month", d=day, n=rel[1]), prefix=prefix)
        if self.dw.hijri.match(w, k2, proclitic=False) is not None:
            return self._hijri_day(start, prefix, day, k2)
        month = self._month_at(k2)
        if month is None or month[2]:
            return None
        value, used, _ = month
        end = k2 + used
        yr = self._year_after(end)
        expr: Expr
        if yr is not None and not yr[2]:
            expr = Expr("ymd", y=yr[0], m=value, d=day)
            end += yr[1]
        else:
            direction, extra = self._direction_after(end)
            end += extra
            expr = Expr("md", m=value, d=day, direction=direction or self.tense(start, end))
        if first_day is not None:
            start_expr = replace(expr, d=first_day) if expr.kind == "ymd" else Expr("day_of", d=first_day)
            return self._found(start, end, Expr("range", parts=(start_expr, expr)), "range", prefix=prefix)
        return self._found(start, end, expr, prefix=prefix)

    def month(self, i: int) -> Found | None:
        """سبتمبر 2023، سبتمبر/أيلول الماضي، مارس من العام المقبل، في أغسطس."""
        found = self._month_at(i)
        if found is None:
            return None
        value, used, prefix = found
        w = self.words
        end = i + used
        yr = self._year_after(end)
        if yr is not None and not yr[2]:
            return self._found(i, end + yr[1], Expr("ym", y=yr[0], m=value), prefix=prefix)
        direction, extra = self._direction_after(end)
        if extra:
            return self._found(i, end + extra, Expr("m", m=value, direction=direction), prefix=prefix)
        rel = self._relative_year_after(end)
        if rel is not None:
            return self._found(i, end + rel[1], Expr("m_rel", m=value, n=rel[0]), prefix=prefix)
        form = w[i].form[prefix:]
        if form in self.dw.ambiguous_months and used == 1:
            # مارس is also a verb, نيسان a car maker: after شهر, في, منذ... or before a comma only.
            before = w[i - 1].form if i > 0 else ""
            after = w[end].form if end < len(w) else "."
            to_month = after in self.dw.range_close and self.dw.months.match(w, end + 1) is not None
            if before not in ("شهر", "بين") and before not in self.dw.year_preps and after not in "،,.:؛" \
                    and not to_month:
                return None
        return self._found(i, end, Expr("m", m=value, direction=self.tense(i, end)), prefix=prefix)

    def _relative_year_after(self, k: int) -> tuple[int, int] | None:
        """من العام الماضي / من هذا العام / من العام المقبل: ``(year offset, words used)``."""
        w = self.words
        if k + 1 >= len(w) or w[k].form != "من":
            return None
        unit = self._definite_unit(k + 1)
        if unit is not None and unit[0] == "year":
            return unit[1], 1 + unit[2]
        return None

    def _definite_unit(self, k: int) -> tuple[str, int, int] | None:
        """هذا العام، العام الماضي، الشهر المقبل: ``(unit, offset, words used)``."""
        w = self.words
        if k < len(w) and _in(w[k], self.dw.this):
            m = self.dw.definite_units.match(w, k + 1, proclitic=False)
            if m is not None:
                return m.value, 0, 1 + m.n
            return None
        m = self.dw.definite_units.match(w, k)
        if m is None or k + m.n >= len(w):
            return None
        nxt = w[k + m.n]
        if nxt.form in self.dw.past:
            return m.value, -1, m.n + 1
        if nxt.form in self.dw.future:
            return m.value, 1, m.n + 1
        if nxt.form in self.dw.current:
            return m.value, 0, m.n + 1
        return None

    def relative_unit(self, i: int) -> Found | None:
        """الأسبوع الماضي، الشهر المقبل، هذا العام، العام الجاري."""
        unit = self._definite_unit(i)
        if unit is None:
            return None
        name, offset, used = unit
        m = self.dw.definite_units.match(self.words, i)
        prefix = m.prefix if m is not None and not _in(self.words[i], self.dw.this) else 0
        return self._found(i, i + used, Expr("unit", unit=name, n=offset), prefix=prefix)

    def weekend(self, i: int) -> Found | None:
        """عطلة نهاية الأسبوع، نهاية الأسبوع الماضي."""
        m = self.dw.weekend.match(self.words, i)
        if m is None:
            return None
        end = i + m.n
        direction, extra = self._direction_after(end)
        end += extra
        return self._found(i, end, Expr("weekend", direction=direction or self.tense(i, end)), "range",
                           prefix=m.prefix)

    def weekday(self, i: int) -> Found | None:
        """يوم الثلاثاء، الأربعاء المقبل، يوم الخميس 20 يونيو."""
        w = self.words
        k = i
        prefix = 0
        if _in(w[k], self.dw.day_word) and k + 1 < len(w):
            prefix = next(p for p, f in strip_proclitic(w[k].form) if f in self.dw.day_word)
            k += 1
        m = self.dw.weekdays.match(w, k, proclitic=(k == i))
        if m is None:
            return None
        if k == i and i > 0 and (w[i - 1].form in self.dw.not_weekday_after or w[i - 1].form in "«\"“"):
            return None  # خطبة الجمعة، مجلة «الاثنين»: an institution, a name
        if k == i and m.value == 1 and i > 0 and w[i - 1].form in ("بين", "كلا") and not (
                i + 1 < len(w) and w[i + 1].form.startswith("و")
                and self.dw.weekdays.match(w, i + 1) is not None):
            return None  # بين الاثنين، كلا الاثنين: "the two"
        if k == i:
            prefix = m.prefix
        end = k + m.n
        direction, extra = self._direction_after(end)
        end += extra
        # An explicit date after the weekday wins: يوم الثلاثاء (الموافق) 18 يونيو 2024.
        k2 = end + (1 if end < len(w) and w[end].form in ("،", ",", "الموافق") else 0)
        if k2 < len(w):
            date = self.day_month(k2) or self.numeric(k2)
            if date is not None and date.kind == "point":
                return Found(i, date.j, w[i].start + prefix, date.end, date.expr)
        expr = Expr("wd", d=m.value, direction=direction or self.tense(i, end) or "past")
        return self._found(i, end, expr, prefix=prefix)

    def year_part(self, i: int) -> Found | None:
        """الربع الثاني من العام، النصف الأول من 2015 (ranges of days)."""
        hit = year_part(self.words, i, self.dw, self.tense)
        return self._found(i, i + hit[0], hit[2], "range", prefix=hit[1]) if hit else None

    def season(self, i: int) -> Found | None:
        """أوائل الخريف، الصيف المقبل (their year)."""
        hit = season(self.words, i, self.dw, self.tense)
        return self._found(i, i + hit[0], hit[2], prefix=hit[1]) if hit else None

    def relative_day(self, i: int) -> Found | None:
        """أمس، اليوم، غدا، أول أمس، بعد غد."""
        m = self.dw.relative_days.match(self.words, i)
        if m is None:
            return None
        end = i + m.n
        w = self.words
        # اليوم التالي / اليوم الوطني: a day named by what follows, not today.
        # The article as written (ال), not a folded إلى (الي).
        after = self.text[w[end].start:w[end].end] if end < len(w) else ""
        if i > 0 and w[i - 1].form in self.dw.relative_day_not_after:
            return None  # في نفس اليوم، ذلك اليوم: "that day"
        if m.value == 0 and i > 0 and not self._weekday_after(end) and _in(w[i - 1], self.dw.generic_today_after):
            return None  # نواجه اليوم تحديا، عالم اليوم: "nowadays", not the publication day
        weekday = self._weekday_after(end)
        if weekday and m.value == 0:
            # اليوم الأربعاء in a Friday's paper is this week's Wednesday: copy written for the web
            # keeps the day of the event, not of publication (the nearest one, ahead only if future).
            day = self._weekday_value(end)
            expr = Expr("wd", d=day, direction=self._present_direction(i, end + weekday))
            return self._found(i, end + weekday, expr, prefix=m.prefix)
        if weekday:
            end += weekday  # أمس الأحد: the weekday repeats the day
        elif m.value == 0 and end < len(w) and w[end].form in self.dw.next_day_words | self.dw.previous_day_words:
            # في اليوم التالي: the day after the last dated one (find_dates anchors it, else drops it).
            n = 1 if w[end].form in self.dw.next_day_words else -1
            return self._found(i, end + 1, Expr("anchored", unit="day", n=n, d=1), prefix=m.prefix)
        elif after.startswith("ال") and m.n == 1 and not self._yesterday_before_object(i, m.value, m.prefix):
            return None  # اليوم التالي، الغد العربي، في أمس الحاجة: named by what follows, not a date
        return self._found(i, end, Expr("day", n=m.value), prefix=m.prefix)

    def _yesterday_before_object(self, i: int, value: int, prefix: int) -> bool:
        """استقبل أمس الرئيس، وجه أمس الجهات: أمس between a verb and its definite object or subject.

        أمس as a superlative (أمس الحاجة، most in need) follows في or بـ; اليوم and الغد before a
        definite word stay names (اليوم الوطني، الغد العربي).
        """
        w = self.words
        if value != -1 or self.words[i].form[:prefix] in ("ب", "وب", "فب"):
            return False
        return not (i > 0 and w[i - 1].form in ("في", "وفي", "فى"))

    def _weekday_value(self, k: int) -> int:
        """The ISO number of the weekday at ``k`` (or inside the parenthesis opening there)."""
        w = self.words
        m = self.dw.weekdays.match(w, k + 1 if w[k].form == "(" else k, proclitic=False)
        assert m is not None
        return m.value

    def _present_direction(self, i: int, j: int) -> Direction:
        """A weekday named with اليوم: this week's (not after publication) unless the clause is future."""
        return "future" if self.tense(i, j) in ("future", "next") else "past"

    def _weekday_after(self, k: int) -> int:
        """Words used by a weekday at ``k``, bare or in parentheses, else 0."""
        w = self.words
        if k < len(w) and w[k].form == "(":
            m = self.dw.weekdays.match(w, k + 1, proclitic=False)
            if m is not None and k + 1 + m.n < len(w) and w[k + 1 + m.n].form == ")":
                return m.n + 2
            return 0
        m = self.dw.weekdays.match(w, k, proclitic=False)
        return m.n if m is not None else 0

    def _time_amount(self, k: int) -> tuple[str, int, int, int] | None:
        """A length of time at ``k``: ``(unit, count, words used, prefix)`` (3 أيام، عقدين، عام)."""
        w = self.words
        if k >= len(w):
            return None
        um = self.dw.units.match(w, k)
        if um is not None:
            unit, count = um.value
            if count:  # عام / يومين: one or two of the unit
                return unit, count, um.n, um.prefix
            return None
        num = read_number(w, k)
        if num is None or num.vague or num.dual_of or not num.value.is_integer() or num.value <= 0:
            return None
        um = self.dw.units.match(w, num.j, proclitic=False)
        if um is None:
            return None
        return um.value[0], int(num.value), num.j - k + um.n, num.prefix

    def _approx_at(self, k: int) -> int:
        """Words used by an approximator at ``k`` (أكثر من، نحو), else 0."""
        m = approximators().match(self.words, k, proclitic=False)
        return m.n if m is not None else 0

    def ago(self, i: int) -> Found | None:
        """منذ 3 أيام، قبل عقدين، بعد أسبوعين (points); منذ أكثر من عقدين، قبل يوم من (durations)."""
        w = self.words
        if not (_in(w[i], self.dw.ago) or _in(w[i], self.dw.later)):
            return None
        approx = self._approx_at(i + 1)
        amount = self._time_amount(i + 1 + approx)
        if amount is None:
            return None
        unit, count, used, _ = amount
        end = i + 1 + approx + used
        if end < len(w) and (self.dw.months.match(w, end, proclitic=False) or self.dw.hijri.match(
                w, end, proclitic=False) or _year_at(w, end) is not None):
            return None  # خلال شهر سبتمبر، منذ عام 1971: the unit names the month or year that follows
        head = next(f for _, f in strip_proclitic(w[i].form) if f in self.dw.ago | self.dw.later)
        anchored = end < len(w) and w[end].form == "من"  # قبل يوم واحد من الاجتماع
        if end < len(w) and w[end].form in ("واحد", "واحده"):
            end += 1
            anchored = end < len(w) and w[end].form == "من"
        sign = -1 if head in self.dw.ago else 1
        if anchored and not approx and head != "خلال" and end + 1 < len(w) and \
                self.text[w[end + 1].start:w[end + 1].end].startswith("ال"):
            # قبل يوم واحد من الاجتماع: a day before an event named before; find_dates anchors it.
            return self._found(i, end, Expr("anchored", unit=unit, n=sign * count), "point")
        if approx or anchored or head == "خلال":
            start = i + 1
            return Found(start, end, w[start].start, w[end - 1].end, Expr("duration", unit=unit, n=count),
                         "duration")
        return self._found(i, end, Expr("shift", unit=unit, n=sign * count))

    def duration(self, i: int) -> Found | None:
        """تستغرق يومين، لمدة ثلاثة أشهر، 20 عاما: a length of time, not a point."""
        amount = self._time_amount(i)
        if amount is None:
            return None
        unit, count, used, prefix = amount
        if used == 1 and count == 1:
            return None  # a bare يوم / عام is no duration
        return self._found(i, i + used, Expr("duration", unit=unit, n=count), "duration", prefix=prefix)

    def year(self, i: int) -> list[Found]:
        """عام 2022، الأعوام 1961 و2000 و2001، في 2022، 2024م، 1445 هـ."""
        w = self.words
        yw = self.dw.year_words.match(w, i)
        if yw is not None:
            return self._year_list(i, i + yw.n, yw.prefix)
        year = _year_at(w, i)
        if year is None:
            return []
        if self.dw.hijri_era.match(w, i + 1, proclitic=False) and HIJRI_MIN <= year <= HIJRI_MAX:
            return [self._found(i, i + 2, Expr("hijri_y", y=year), "range")]
        if self.dw.gregorian_era.match(w, i + 1, proclitic=False):
            return [self._found(i, i + 2, Expr("y", y=year))]
        span = self._bare_year_range(i, year)
        if span is not None:
            return [span]
        if i > 0 and _in(w[i - 1], self.dw.year_after_nouns) and BARE_YEAR_MIN <= year <= BARE_YEAR_MAX \
                and not (i + 1 < len(w) and w[i + 1].form in ("-", "–", "/")):
            return [self._found(i, i + 1, Expr("y", y=year))]  # أحداث 2011، انتخابات 2012
        if i > 0 and _in(w[i - 1], self.dw.year_preps) and BARE_YEAR_MIN <= year <= BARE_YEAR_MAX:
            if i + 2 < len(w) and w[i + 1].form in ("-", "–") and _year_at(w, i + 2) is not None:
                last = _year_at(w, i + 2)
                expr = Expr("range", parts=(Expr("y", y=year), Expr("y", y=last or year)))
                return [self._found(i, i + 3, expr, "range")]  # في 2003 - 2004
            if not self._counted_noun_at(i + 1):
                return [self._found(i, i + 1, Expr("y", y=year))]
        return []

    def _bare_year_range(self, i: int, year: int) -> Found | None:
        """من 2013 (و)حتى 2017، بين 2010 و2015: two bare years in a range frame."""
        w = self.words
        if i == 0 or w[i - 1].form not in self.dw.range_open or not BARE_YEAR_MIN <= year <= BARE_YEAR_MAX:
            return None
        k = i + 1
        if k < len(w) and w[k].form == "و" and k + 1 < len(w) and w[k + 1].form in self.dw.range_close:
            k += 1  # وحتى
        elif k < len(w) and w[k].form.startswith("و") and w[k].form[1:] in self.dw.range_close:
            pass  # وحتى written as one word
        elif k >= len(w) or w[k].form not in self.dw.range_close:
            return None
        last = _year_at(w, k + 1)
        if last is None or last <= year:
            return None
        expr = Expr("range", parts=(Expr("y", y=year), Expr("y", y=last)))
        found = self._found(i - 1, k + 2, expr, "range")
        return found

    def _counted_noun_at(self, k: int) -> bool:
        """Is word ``k`` a noun that numbers count (في 2000 منزل، منذ 2000 عام)?"""
        w = self.words
        if k >= len(w) or w[k].kind != "word":
            return False
        return w[k].form in number_words().nouns or self.dw.units.match(w, k, proclitic=False) is not None

    def _is_date_word(self, k: int) -> bool:
        w = self.words
        return bool(self.dw.months.match(w, k) or self.dw.hijri_era.match(w, k, proclitic=False)
                    or _in(w[k], self.dw.future_cues | self.dw.past_cues))

    def _year_list(self, i: int, k: int, prefix: int) -> list[Found]:
        w = self.words
        year = _year_at(w, k)
        if year is None:
            return []
        out: list[Found] = []
        hijri = self.dw.hijri_era.match(w, k + 1, proclitic=False) is not None
        kind = "hijri_y" if hijri and HIJRI_MIN <= year <= HIJRI_MAX else "y"
        end = k + 1 + (1 if hijri or self.dw.gregorian_era.match(w, k + 1, proclitic=False) else 0)
        # 2022-2023 after عام/عامي: a range of years.
        if end + 1 < len(w) and w[end].form == "-" and _year_at(w, end + 1) is not None:
            last = _year_at(w, end + 1)
            assert last is not None
            expr = Expr("range", parts=(Expr(kind, y=year), Expr(kind, y=last)))
            return [self._found(i, end + 2, expr, "range", prefix=prefix)]
        shape: Kind = "range" if kind == "hijri_y" else "point"  # a Hijri year spans two Gregorian ones
        out.append(self._found(i, end, Expr(kind, y=year), shape, prefix=prefix))
        # Lists: الأعوام 1961 و2000 و2001 / عامي 2000 و2001.
        j = end
        while j + 1 < len(w) and w[j].form in ("و", "،", ",") and _year_at(w, j + 1) is not None:
            nxt = _year_at(w, j + 1)
            assert nxt is not None
            out.append(self._found(j + 1, j + 2, Expr(kind, y=nxt), shape))
            j += 2
        return out

    # -- driver --------------------------------------------------------------------------------
    def find(self) -> list[Found]:
        out: list[Found] = []
        i = 0
        w = self.words
        singles = (self.numeric, self.day_month, self.weekday, self.weekend, self.relative_unit,
                   self.month, self.relative_day, self.ago, self.year_part, self.season)
        while i < len(w):
            if w[i].kind == "punct" or (w[i].kind == "word" and not may_start(w[i].form)):
                i += 1
                continue
            hit: Found | None = None
            for matcher in singles:
                hit = matcher(i)
                if hit is not None:
                    break
            if hit is None:
                hijri = self.hijri_month(i)
                if hijri is not None:
                    hit = hijri
            if hit is None:
                years = self.year(i)
                if years:
                    out.extend(years)
                    i = years[-1].j
                    continue
                hit = self.duration(i)
            if hit is not None:
                out.append(hit)
                i = max(hit.j, i + 1)
            else:
                i += 1
        return _merge_ranges(self.text, out, self.dw)

    def _hijri_day(self, start: int, prefix: int, day: int, k: int) -> Found | None:
        """15 رمضان 1445 هـ، 29 شعبان الجاري: a day of the Hijri month at ``k``."""
        hm = self.dw.hijri.match(self.words, k, proclitic=False)
        assert hm is not None
        end = k + hm.n
        yr = self._year_after(end)
        if yr and HIJRI_MIN <= yr[0] <= HIJRI_MAX:
            return self._found(start, end + yr[1], Expr("hijri_ymd", y=yr[0], m=hm.value, d=day), prefix=prefix)
        if yr is not None or self.words[k].form == "صفر":
            return None  # 3 صفر is more likely a score than a date
        direction, extra = self._hijri_direction(end)
        if not direction and not extra:
            direction = self.tense(start, end)  # الجاري (extra without direction) means the nearest one
        expr = Expr("hijri_md", m=hm.value, d=day, direction=direction)
        return self._found(start, end + extra, expr, prefix=prefix)

    def _hijri_direction(self, k: int) -> tuple[Direction, int]:
        """الماضي / المقبل / الجاري after a Hijri month: ``(direction, words used)``."""
        direction, extra = self._direction_after(k)
        if not extra and k < len(self.words) and self.words[k].form in self.dw.current:
            return None, 1
        return direction, extra

    def hijri_month(self, i: int) -> Found | None:
        """رمضان 1445 هـ، ذي الحجة 1444: a Hijri month with its year."""
        m = self.dw.hijri.match(self.words, i)
        if m is None:
            return None
        yr = self._year_after(i + m.n)
        if yr is None:
            direction, extra = self._hijri_direction(i + m.n)
            if extra:  # رمضان الماضي، شوال المقبل
                return self._found(i, i + m.n + extra, Expr("hijri_m", m=m.value, direction=direction), "range",
                                   prefix=m.prefix)
            return None
        if not HIJRI_MIN <= yr[0] <= HIJRI_MAX:
            return None
        if not yr[2] and self.words[i].form[m.prefix:] == "صفر":
            return None  # صفر is also zero: its year must carry هـ
        return self._found(i, i + m.n + yr[1], Expr("hijri_ym", y=yr[0], m=m.value), "range", prefix=m.prefix)


def _merge_ranges(text: str, found: list[Found], dw: DateWords) -> list[Found]:
    """بين أغسطس وفبراير / من 2010 إلى 2015: two points joined by a range frame become one range."""
    out: list[Found] = []
    k = 0
    while k < len(found):
        a = found[k]
        if k + 1 < len(found) and a.kind == "point" and found[k + 1].kind == "point":
            b = found[k + 1]
            between = fold(text[a.end:b.start].strip(), keep_madda=True)
            origin = max(0, a.start - 40)
            head = text[origin: a.start].rstrip()
            cut = max(head.rfind(" "), head.rfind("\n")) + 1
            opener = fold(head[cut:], keep_madda=True)
            # و closes only بين (كل من مارس ويونيو is a list); إلى/حتى close من and منذ too.
            closes = between in dw.range_close | {"-", "–"} and (between != "و" or opener == "بين")
            if closes and opener in dw.range_open:
                out.append(Found(a.i, b.j, origin + cut, b.end, Expr("range", parts=(a.expr, b.expr)),
                                 "range"))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def find_dates(text: str, published: dt.date | None, tokens: Sequence[Token] | None = None, *,
               anchor_reach: int = ANCHOR_REACH) -> list[DateMention]:
    """Every date expression in ``text`` with its ISO value resolved against ``published``.

    ``tokens`` are the text's tokens when it was segmented (else the text is tokenised here);
    ``anchor_reach``: as in :func:`_anchor`.
    """
    number_words()  # load the shared number vocabulary once, up front
    words = view(text, tokens)
    found = Finder(text, words).find()
    latin = [Found(-1, -1, start, end, expr) for start, end, expr in find_latin(text)]
    if latin:  # June 18, 2015 wins over anything the Arabic layer read inside it
        kept = [f for f in found if not any(f.start < x.end and x.start < f.end for x in latin)]
        found = sorted([*kept, *latin], key=lambda f: f.start)
    return _anchor([DateMention(Span(f.start, f.end), safe_resolve(f.expr, published), f.kind) for f in found],
                   [f.expr for f in found], text, anchor_reach)


#: How many sentence ends an event-anchored date (قبل يوم من الاجتماع) may reach back over.
MAX_ANCHOR_SENTENCES_BACK = 1


def _anchor(mentions: list[DateMention], exprs: list[Expr], text: str,
            anchor_reach: int = ANCHOR_REACH) -> list[DateMention]:
    """قبل يوم واحد من الاجتماع، في اليوم التالي: shift from the last day-precise date written
    before it, if that ended at most ``anchor_reach`` characters earlier.

    اليوم التالي counts from a day of its own sentence. A definite event noun (من الاجتماع) names
    an event already told, which news tells in the sentence just before at the furthest; further
    back the event named may be another one than the last dated, so no guess is made. With no
    such date the mention stays a duration.
    """
    out: list[DateMention] = []
    last_day: tuple[str, str] | None = None  # (first day, last day) of the latest dated point or range
    last_end = 0
    for mention, expr in zip(mentions, exprs, strict=True):
        if expr.kind == "anchored":
            breaks = len(_SENTENCE_BREAKS.findall(text, last_end, mention.span.start))
            near = last_day is not None and mention.span.start - last_end <= anchor_reach \
                and breaks <= (0 if expr.d else MAX_ANCHOR_SENTENCES_BACK)
            value = shift_from(last_day, expr) if near and last_day else None
            if value is not None:
                out.append(DateMention(mention.span, value, "point"))
                continue
            if expr.d:
                continue  # اليوم التالي with no day before it in its sentence: no date can be given
            # No anchor: keep the length of time (يوم واحد) without قبل/بعد.
            body = text[mention.span.start:mention.span.end]
            head = len(body.split(None, 1)[0])
            start = mention.span.start + head + len(body[head:]) - len(body[head:].lstrip())
            out.append(DateMention(Span(start, mention.span.end), duration(expr.unit, abs(expr.n)), "duration"))
            continue
        out.append(mention)
        days = (mention.value or "").split("/")
        if mention.kind != "duration" and all(len(d) == 10 for d in days):
            last_day, last_end = (days[0], days[-1]), mention.span.end
    return out


def dates_in(doc: Document, span: Span) -> list[DateMention]:
    """The document's date mentions inside ``span`` (a clause or sentence), in text order."""
    return [d for d in doc.dates if span.contains(d.span)]


def date_of(doc: Document, span: Span) -> str | None:
    """The value of the first dated point or range inside ``span`` (for an event's date), else None."""
    for mention in dates_in(doc, span):
        if mention.kind != "duration" and mention.value:
            return mention.value
    return None


def outside_names(dates: Sequence[DateMention], entities: Sequence[Entity]) -> list[DateMention]:
    """The dates not written inside a person's name: أحمد الخميس and عبدالله الجمعة are no weekdays.

    Family names taken from weekdays and months are common in the Gulf; when the entities stage
    reads the words as a person's name, its reading wins over the date's.
    """
    names = [m for e in entities if e.type == "PER" for m in e.mentions]
    if not names:
        return list(dates)
    return [d for d in dates if not any(m.overlaps(d.span) for m in names)]


@register(TEMPORAL, requires=(TEXT, SENTENCES, TOKENS, PUBLISHED, ATTR_ENTITIES), provides=(ATTR_DATES,))
def stage(doc: Document, settings: Settings) -> None:
    """Find date expressions and resolve them against the publication date."""
    found = find_dates(doc.text, doc.published, doc.tokens, anchor_reach=settings.temporal.anchor_reach)
    doc.dates = outside_names(found, doc.entities)
