"""Quantities on 40 SaudiNewsNet articles read by hand, none of them in ../shared/devset.

    python bench/quantities_heldout.py [--set A|B]

Each row is an article (SaudiNewsNet id and date) and the amounts a reader finds in it, in the
devset's conventions (../shared/devset/README.md and the golds' notes): value, unit (ISO 4217 for
money, SI symbol for measures, % or the counted noun in its singular) and approximator; durations
count, vague plurals (عشرات، آلاف), ordinals, years, labels and conversions in brackets do not.
Set A was read first and its misses then studied (it is no longer held out); set B was read and
annotated before marsad was run on it.  The articles were drawn at random (80 to 260 words, at
least four numbers, at most two per outlet).  Scored with score.py's quantity_acc and
quantity_precision, pooled over the set and as the mean per article.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import marsad

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout_events import texts as records_by_id  # the corpus read by record id

SHARED = Path(__file__).resolve().parents[2] / "shared"

Amount = tuple[float, str, str]
GOLD: list[tuple[str, str, str, list[Amount]]] = [
    ("A", "snn-17ac56d70a10", "2015-07-24", [
        (42300000, 'شخص', 'exact'), (61.1, '%', 'exact'), (14, 'عام', 'more_than'), (2.1, '%', 'exact'),
        (1.8, '%', 'exact'), (1300000, 'شخص', 'exact'), (49.7, '%', 'exact'), (16.9, '%', 'exact'),
        (4.2, '%', 'exact'), (136000, 'شخص', 'more_than'), (10350000, 'شخص', 'exact'),
        (1130000, 'شخص', 'exact'), (680000, 'شخص', 'exact'), (62300000, 'شخص', 'exact'),
        (8, 'مجلة', 'at_most')]),
    ("A", "snn-82b37c5bfff9", "2015-07-23", [
        (16, 'يوم', 'exact'), (18, 'لاعب', 'exact'), (2, 'مرحلة', 'exact')]),
    ("A", "snn-5dcc34f3ef4a", "2015-08-04", [
        (13, 'نقطة', 'exact'), (8821, 'نقطة', 'exact'), (10, 'قطاع', 'exact'), (15, 'قطاع', 'exact'),
        (5, 'كمية', 'exact'), (3, 'كمية', 'exact'), (8820.65, 'نقطة', 'exact'),
        (13.41, 'نقطة', 'exact'), (0.15, '%', 'exact'), (8, '%', 'exact'), (31.18, 'SAR', 'exact'),
        (15000000, 'سهم', 'about'), (2, 'شهر', 'about')]),
    ("A", "snn-968b640178a6", "2015-08-06", []),
    ("A", "snn-5c3f6aff47e5", "2015-08-06", [
        (1592, 'قتيل', 'exact'), (3329, 'جريح', 'exact'), (7, 'شهر', 'exact'), (6, '%', 'exact'),
        (4, '%', 'exact'), (1, '%', 'exact'), (70, '%', 'exact'), (13000, 'جندي', 'about')]),
    ("A", "snn-3ddb28492c0b", "2015-07-31", [(2, 'حصة', 'exact')]),
    ("A", "snn-f43f0e840740", "2015-08-10", [
        (18, 'km/h', 'at_least'), (15, 'km/h', 'at_least'), (0.5, 'm', 'at_least')]),
    ("A", "snn-09dbf7d5b8fb", "2015-07-22", [(30000, 'شخص', 'more_than')]),
    ("A", "snn-6ae3667dfe4a", "2015-08-01", [
        (24, '%', 'exact'), (38, '%', 'exact'), (14, 'نقطة', 'exact'), (27, '%', 'exact'),
        (6, 'نقطة', 'exact'), (5, 'نقطة', 'exact'), (23, '%', 'exact'), (2, 'نقطة', 'exact'),
        (20, 'دولة', 'exact'), (65, '%', 'exact'), (55, '%', 'exact'), (43, '%', 'exact'),
        (34, '%', 'exact'), (4, '%', 'exact'), (17, '%', 'exact'), (31000, 'شخص', 'more_than')]),
    ("A", "snn-3e774f92d7b8", "2015-08-01", [(18, 'شهر', 'exact')]),
    ("A", "snn-62dd29a7ffa6", "2015-08-03", [
        (800, 'نوع', 'exact'), (200, 'نوع', 'exact'), (20000, 'عينة', 'exact'), (38, 'نوع', 'about'),
        (95, '%', 'exact'), (17, 'دقيقة', 'exact'), (100, 'مرة', 'at_least'), (35000, 'نوع', 'exact'),
        (30, '%', 'exact')]),
    ("A", "snn-e94a475ceb80", "2015-08-10", [
        (12, 'قتيل', 'at_least'), (4, 'شخص', 'exact'), (12, 'قتيل', 'exact'), (5, 'إرهابي', 'exact'),
        (5, 'موظف', 'exact'), (2, 'أوكراني', 'exact'), (12, 'قتيل', 'more_than')]),
    ("A", "snn-645a649aed13", "2015-07-31", [(30, 'يوم', 'at_most'), (5, 'يوم', 'exact')]),
    ("A", "snn-2869ac5495cf", "2015-07-22", [
        (14, 'يوم', 'exact'), (28, 'لاعب', 'exact'), (4, 'مواجهة', 'exact')]),
    ("A", "snn-cfdba0e6a4a0", "2015-08-06", [
        (6000, 'SAR', 'exact'), (15, 'يوم', 'exact'), (25, 'عام', 'at_most'), (4, 'محور', 'exact'),
        (3, 'محور', 'exact'), (4, 'صورة', 'exact')]),
    ("A", "snn-036fceba863f", "2015-07-21", [(5, 'نجم', 'exact')]),
    ("A", "snn-55ac0cff2b4d", "2015-08-06", [
        (1100000000, 'GBP', 'exact'), (10, '%', 'exact'), (646400000000, 'JPY', 'exact'),
        (15, 'شهر', 'exact')]),
    ("A", "snn-ee71ffa526db", "2015-07-21", [
        (5, 'سنة', 'more_than'), (4, '%', 'more_than'), (1100, 'USD', 'exact'), (0.5, '%', 'exact'),
        (1103.25, 'USD', 'exact'), (45, 'USD', 'more_than'), (1088.05, 'USD', 'exact'),
        (0.4, '%', 'exact'), (1102.4, 'USD', 'exact')]),
    ("A", "snn-de6e539b8fc0", "2015-07-26", [
        (5, 'مرحلة', 'exact'), (12, 'صاروخ', 'exact'), (3, 'قاذفة', 'exact'), (1, 'ساعة', 'exact')]),
    ("A", "snn-2ee90468bd8d", "2015-08-11", [
        (21, 'كبير', 'exact'), (66, 'شخص', 'exact'), (15, 'حالة', 'exact'), (40, 'إصابة', 'exact'),
        (29, 'حالة', 'exact'), (40, '°C', 'more_than')]),
    ("B", "snn-7659fef59e86", "2015-07-31", [(5, 'متهم', 'exact')]),
    ("B", "snn-2992bef0b29a", "2015-08-02", [
        (2, 'موسم', 'exact'), (1, 'موسم', 'exact'), (2000000, 'EUR', 'exact')]),
    ("B", "snn-06cdfaca444a", "2015-08-01", [
        (23, 'm', 'exact'), (140, 'cm', 'exact'), (20, 'm', 'more_than')]),
    ("B", "snn-af540b3712e4", "2015-08-06", [
        (600000000, 'EUR', 'at_least'), (1, 'عام', 'exact'), (125000000, 'EUR', 'exact'),
        (8000000, 'EUR', 'exact'), (175000000, 'EUR', 'exact'), (5000000, 'EUR', 'exact'),
        (7000000, 'EUR', 'exact'), (50000, 'EUR', 'exact')]),
    ("B", "snn-3f6d9ea1d223", "2015-08-07", [
        (4, 'دور', 'exact'), (35, 'شخص', 'about'), (15, 'شخص', 'exact'), (2, 'رجل', 'exact')]),
    ("B", "snn-ae9fb7146134", "2015-07-24", [
        (464, 'حالة', 'exact'), (2, 'حالة', 'exact'), (1051, 'حالة', 'exact'), (581, 'حالة', 'exact'),
        (6, 'حالة', 'exact')]),
    ("B", "snn-ee91f462d888", "2015-08-06", [
        (3000, 'SAR', 'at_least'), (10000, 'SAR', 'at_most'), (30, 'يوم', 'at_most'),
        (44, 'يوم', 'exact')]),
    ("B", "snn-54616a18c72d", "2015-08-09", []),
    ("B", "snn-6b5922df4a6b", "2015-07-26", [
        (70000, 'طالب', 'more_than'), (200, 'مدرسة', 'more_than'), (3000000000, 'SAR', 'at_least')]),
    ("B", "snn-c4abd0838ef7", "2015-08-10", [(2, 'ضابط', 'exact')]),
    ("B", "snn-22b809d3ed23", "2015-07-22", [
        (5, 'سنة', 'exact'), (33, 't', 'about'), (2, 'دقيقة', 'exact'), (1, 'دقيقة', 'exact'),
        (48, 'USD', 'exact'), (1080, 'USD', 'exact'), (0.5, '%', 'exact'), (6.5, 'سنة', 'exact'),
        (1.7, '%', 'exact'), (614.75, 'USD', 'exact'), (3.4, '%', 'exact'), (593, 'USD', 'exact'),
        (1.2, '%', 'exact'), (14.8, 'USD', 'exact')]),
    ("B", "snn-b91a10d8f71d", "2015-08-11", [(34, 'لاعب', 'exact')]),
    ("B", "snn-b24d61ffa28a", "2015-07-26", [
        (5, 'يوم', 'exact'), (192, 'بلاغ', 'exact'), (106, 'حالة', 'exact'), (64, 'حالة', 'exact'),
        (41, 'حالة', 'exact'), (1, 'حالة', 'exact'), (89, 'حالة', 'exact'), (48, 'حالة', 'exact'),
        (3, 'وفاة', 'exact')]),
    ("B", "snn-9fef66031408", "2015-07-21", [
        (7, 'شهر', 'exact'), (55, 'USD', 'more_than'), (6, 'سنة', 'exact'), (16, '%', 'about'),
        (1623, 'نقطة', 'exact'), (30, '%', 'about'), (5, 'دولة', 'exact')]),
    ("B", "snn-c35b66831df7", "2015-08-04", [
        (160, 'عينة', 'exact'), (82, 'عينة', 'exact'), (56, 'عينة', 'exact'), (14, 'عينة', 'exact'),
        (8, 'عينة', 'exact')]),
    ("B", "snn-d329fb86442f", "2015-07-21", [(354863, 'شخص', 'exact')]),
    ("B", "snn-8e80f48b0137", "2015-08-01", [
        (20000000, 'SAR', 'about'), (7, 'km', 'exact'), (14, 'm', 'exact')]),
    ("B", "snn-d2e9364fa474", "2015-08-11", []),
    ("B", "snn-4f97aa1c904c", "2015-08-07", [(1, 'مباراة', 'exact'), (5000, 'EGP', 'exact')]),
    ("B", "snn-a329aa0fbe46", "2015-07-24", [(100, 'SAR', 'at_least'), (200, 'SAR', 'at_least')]),
]


def _score_module() -> object:
    sys.path.insert(0, str(SHARED / "tools"))
    import score  # type: ignore[import-not-found]

    return score


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", choices=("A", "B"), action="append", help="only this set (default: both)")
    args = ap.parse_args()
    texts = records_by_id({i for s, i, _, _ in GOLD if not args.set or s in args.set})
    score = _score_module()
    for name in sorted({s for s, _, _, _ in GOLD if not args.set or s in args.set}):
        gold_n = right = pred_n = kept = 0
        accs: list[float] = []
        precs: list[float] = []
        for s, ident, date, amounts in GOLD:
            if s != name:
                continue
            doc = marsad.analyze(texts[ident], date).to_dict()
            gold = {"quantities": [{"value": v, "unit": u, "approx": a} for v, u, a in amounts]}
            res = score.score_quantities(gold, score.Doc(doc))  # type: ignore[attr-defined]
            n_pred = len(doc["quantities"])
            gold_n += len(amounts)
            pred_n += n_pred
            if res["quantity_acc"] is not None:
                accs.append(res["quantity_acc"])
                right += round(res["quantity_acc"] * len(amounts))
            if res["quantity_precision"] is not None:
                precs.append(res["quantity_precision"])
                kept += round(res["quantity_precision"] * n_pred)
        print(f"set {name}: {gold_n} amounts read, {pred_n} found; pooled quantity_acc {right / gold_n:.3f} "
              f"quantity_precision {kept / max(1, pred_n):.3f}; mean per article quantity_acc "
              f"{sum(accs) / len(accs):.3f} quantity_precision {sum(precs) / len(precs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
