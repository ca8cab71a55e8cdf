"""Store search: Arabic-aware terms (clitics, hamza, alef maqsura, ta marbuta, diacritics and
tatweel do not matter), phrases, filters and highlighted snippets, on every backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import marsad
from conftest import SEARCH_CORPUS_SIZE, speaker_quote
from marsad.store import Filters, Store
from marsad.store.names import skeleton
from marsad.store.search import Query, find_hits, parse_query, snippet, term

# Fixtures live in tests/conftest.py: store (a fresh SQLite or PostgreSQL store), and
# example_record and generated (the example among SEARCH_CORPUS_SIZE generated articles).


# --- search terms ----------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "expected"), [
    ("وبالكرملين", "كرملين"),     # و + ب + ال
    ("للكرملين", "كرملين"),       # ل + ال with the alef dropped
    ("الكرملين", "كرملين"),
    ("الكَرْمَلِين", "كرملين"),    # diacritics
    ("الكرمـــلين", "كرملين"),     # tatweel
    ("وأوكرانيا", "اوكرانيا"),     # hamza on alef
    ("لإيران", "ايران"),
    ("بالقاهرة", "قاهره"),        # ta marbuta
    ("المستشفى", "مستشفي"),       # alef maqsura
    ("وسيزور", "يزور"),           # و + future س
    ("وبيونغ", "بيونغ"),          # و + a name that starts with ب
    ("والفلسطينيين", "فلسطينيين"),
    ("بوتين", "بوتين"),           # a name that starts with ب is left whole
    ("بيروت", "بيروت"),
    ("وليد", "وليد"),             # and one that starts with و
    ("Putin", "putin"),
])
def test_term_strips_proclitics_and_folds(word: str, expected: str) -> None:
    assert term(word) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("وبالكرملين", Query(("كرملين",))),
    ("بوتين وبوتين بوتين", Query(("بوتين",))),
    ('"كوريا الشمالية" الكرملين', Query(("كرملين",), (("كوريا", "شماليه"),))),
    ("«مجلس الأمن»", Query((), (("مجلس", "امن"),))),
    ('"الكرملين"', Query(("كرملين",))),
    ("  ،؟!  ", Query()),
])
def test_parse_query(query: str, expected: Query) -> None:
    assert parse_query(query) == expected


def test_snippet_highlights_the_words_as_written() -> None:
    text = ("قالت وسائل إعلام رسمية إن الرئيس الروسي سيزور بيونغ يانغ. " * 3
            + "وأكد المتحدث باسم الكرملين أن الزيارة ستستمر يومين، وقال إن للكرملين موقفاً واضحاً.")
    snip = snippet(text, parse_query("وبالكرملين"))
    assert [snip.text[s:e] for s, e in snip.highlights] == ["الكرملين", "للكرملين"]
    assert snip.text.startswith("… ")
    assert [text[s:e] for s, e in find_hits(text, parse_query("كرملين"))] == ["الكرملين", "للكرملين"]


# --- search in a store -----------------------------------------------------------------------

ARTICLES = [
    ("2024-06-17", "بوتين إلى بيونغ يانغ",
     "أعلن الكرملين أن الرئيس فلاديمير بوتين سيزور كوريا الشمالية يومي الثلاثاء والأربعاء. "
     "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الزيارة ستعزز التعاون."),
    ("2024-02-03", "مجلس الأمن يناقش الوضع في غزة",
     "عقد مجلس الأمن الدولي جلسة طارئة لبحث الوضع الإنساني في غزة. "
     "وطالب مندوب الجزائر بوقف فوري لإطلاق النار وإدخال المساعدات إلى المستشفى الوحيد في الشمال."),
    ("2024-09-12", "سيول تحذر",
     "حذرت كوريا الجنوبية من تعاون عسكري بين موسكو وبيونغ يانغ. "
     "وقالت وزارة الدفاع إن المناطق الشمالية تشهد نشاطاً متزايداً."),
    ("2024-05-01", "إيران تستضيف محادثات",
     "استضافت طهران محادثات إقليمية حول أمن الخليج بمشاركة وزراء خارجية من عُمان وقطر."),
]


def _docs() -> list[dict[str, Any]]:
    out = []
    for published, title, text in ARTICLES:
        rec = marsad.analyze(text, published, stages=("clean", "segment")).to_dict()
        rec["title"] = title
        out.append(rec)
    return out


def _titles(hits: list[Any]) -> list[str]:
    return sorted(h.title for h in hits)


@pytest.mark.parametrize(("query", "expected"), [
    ("وبالكرملين", ["بوتين إلى بيونغ يانغ"]),
    ("للكرملين", ["بوتين إلى بيونغ يانغ"]),
    ("الكَرْمَلِين", ["بوتين إلى بيونغ يانغ"]),
    ("وبيونغ", ["بوتين إلى بيونغ يانغ", "سيول تحذر"]),
    ("بالمستشفي", ["مجلس الأمن يناقش الوضع في غزة"]),
    ("ايران", ["إيران تستضيف محادثات"]),             # title words are searched too
    ("عمان", ["إيران تستضيف محادثات"]),              # diacritic in the text (عُمان)
    ('"كوريا الشمالية"', ["بوتين إلى بيونغ يانغ"]),  # a phrase, not two words anywhere
    ("كوريا الشمالية", ["بوتين إلى بيونغ يانغ", "سيول تحذر"]),
    ("الكرملين غزة", []),                            # every word must occur
    ("واشنطن", []),
])
def test_search_is_arabic_aware(store: Store, query: str, expected: list[str]) -> None:
    store.ingest(_docs())
    assert _titles(store.search(query)) == expected


@pytest.mark.parametrize("query", ['"', "*", "OR", "NEAR(", "'; DROP TABLE articles; --", "a:b", "^x",
                                   "!", "&|", "(", '"كوريا'])
def test_search_syntax_never_leaks(store: Store, query: str) -> None:
    store.ingest(_docs())
    store.search(query)
    assert store.count() == len(ARTICLES)


def test_hits_have_ids_titles_and_highlighted_snippets(store: Store) -> None:
    docs = _docs()
    store.ingest(docs)
    [hit] = store.search("وبالكرملين")
    assert hit.id == docs[0]["id"] and hit.published == "2024-06-17"
    # The excerpt is centred on the first hit; the second one is too far away to be in it.
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["الكرملين"]
    assert set(hit.to_dict()) >= {"id", "title", "snippet", "highlights"}


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(date_from="2024-05-01"), ["إيران تستضيف محادثات", "بوتين إلى بيونغ يانغ", "سيول تحذر"]),
    (Filters(date_to="2024-05-01"), ["إيران تستضيف محادثات", "مجلس الأمن يناقش الوضع في غزة"]),
    (Filters(date_from="2024-06-01", date_to="2024-06-30"), ["بوتين إلى بيونغ يانغ"]),
    (Filters(speaker="بيسكوف"), ["بوتين إلى بيونغ يانغ"]),
    (Filters(speaker="ديمتري بيسكوف"), ["بوتين إلى بيونغ يانغ"]),
    (Filters(speaker="لافروف"), []),
])
def test_search_filters(store: Store, filters: Filters, expected: list[str]) -> None:
    docs = _docs()
    speaker_quote(docs[0], "ديمتري بيسكوف", "الزيارة ستعزز التعاون")
    store.ingest(docs)
    assert _titles(store.search("", filters)) == expected


def test_search_words_and_filters_together(store: Store) -> None:
    store.ingest(_docs())
    assert _titles(store.search("بيونغ", Filters(date_from="2024-07-01"))) == ["سيول تحذر"]
    assert [h.title for h in store.search("", limit=2)] == ["سيول تحذر", "بوتين إلى بيونغ يانغ"]
    assert [h.title for h in store.search("", limit=2, offset=3)] == ["مجلس الأمن يناقش الوضع في غزة"]


# --- the bar: the example among 2,000 generated articles -------------------------------------

def test_example_found_among_2000_by_clitic_query_and_speaker(
        store: Store, example_record: dict[str, Any], generated: list[dict[str, Any]]) -> None:
    report = store.ingest([*generated[:1000], example_record, *generated[1000:]])
    assert (report.added, report.errors) == (SEARCH_CORPUS_SIZE + 1, [])
    example_id = example_record["id"]
    # A clitic-bearing form that is not in any text: the example has الكرملين.
    assert [h.id for h in store.search("وبالكرملين")] == [example_id]
    assert [h.id for h in store.search("", Filters(speaker="أوشاكوف"))] == [example_id]
    assert [h.id for h in store.search("وبكوريا", Filters(speaker="يوري أوشاكوف"))] == [example_id]
    said = store.quotes(speaker="أوشاكوف", q="بالأحداث")
    assert [(q["article"], q["speaker"]) for q in said] == [(example_id, "يوري أوشاكوف")]
    assert len(store.quotes(speaker="لافروف", limit=1000)) == SEARCH_CORPUS_SIZE // 3 + 1
    # Many articles share the other words; the newest come first and filters narrow them down.
    assert len(store.search("بيونغ", limit=50)) == 50
    assert [h.id for h in store.search("بيونغ", Filters(date_from="2024-01-01"))] == [example_id]


@pytest.mark.parametrize("bad", ["17/06/2024", "2024-6-1", "2024-02-30", "yesterday", ""])
def test_filters_reject_dates_that_are_not_iso(bad: str) -> None:
    from marsad.core.errors import InputError

    with pytest.raises(InputError, match="YYYY-MM-DD"):
        Filters(date_from=bad)
    with pytest.raises(InputError, match="the to date"):
        Filters(date_to=bad)


@pytest.mark.parametrize("query", ["بيونغيانغ", "بيونج يانج", "بيونغ يانغ"])
def test_a_name_in_another_spelling_finds_the_articles_of_its_entity(store: Store, example_path: Path,
                                                                     query: str) -> None:
    """The example writes «بيونغ يانغ»; news also writes بيونغيانغ and بيونج يانج."""
    store.add(marsad.analyze(example_path, "2024-06-17"))
    hits = store.search(query)
    assert [h.id for h in hits][:1] == [marsad.analyze(example_path, "2024-06-17").id]
    if query != "بيونغ يانغ":  # the exact spelling is found by the text search itself
        assert hits[0].via_entity == "Pyongyang"
        start, end = hits[0].highlights[0]
        assert hits[0].snippet[start:end] == "بيونغ يانغ"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("بيونغ يانغ", "بيونغيانغ", True),
    ("جونغ أون", "جونج أون", True),
    ("بوتين", "بوتن", True),
    ("قطر", "غزة", False),
    ("القاهرة", "الكرملين", False),
])
def test_name_skeletons(a: str, b: str, same: bool) -> None:
    assert (skeleton(a) == skeleton(b)) is same


def _kim_article() -> dict[str, Any]:
    from marsad.core.document import SCHEMA
    from marsad.store.rows import text_hash

    text = "استقبل الزعيم الكوري الشمالي كيم جونغ أون وفدا روسيا في العاصمة يوم الخميس."
    start = text.index("كيم جونغ أون")
    mention = {"start": start, "end": start + len("كيم جونغ أون"), "text": "كيم جونغ أون"}
    return {"schema": SCHEMA, "id": text_hash(text), "text": text, "published": "2024-09-12",
            "title": "كيم يستقبل وفدا روسيا",
            "entities": [{"type": "PER", "name_en": "Kim Jong Un", "name_ar": None, "mentions": [mention]}]}


def test_a_name_query_is_an_index_lookup_on_the_skeletons(store: Store) -> None:
    store.add(_kim_article())
    assert [h.via_entity for h in store.search("كيم جونج أون")] == ["Kim Jong Un"]
    sql = ("SELECT entity_id FROM entity_aliases WHERE skeleton = ? UNION "
           "SELECT id FROM entities WHERE skeleton = ?")
    if store.dialect == "sqlite":
        plan = " ".join(str(r["detail"]) for r in store._rows(f"EXPLAIN QUERY PLAN {sql}", ("x", "x")))
        assert "entity_aliases_skeleton" in plan and "entities_skeleton" in plan, plan
    else:
        found = {r["indexname"] for r in store._rows(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
        assert {"entity_aliases_skeleton", "entities_skeleton"} <= found


def test_the_skeleton_migration_fills_names_stored_before_it(store_url: str) -> None:
    from marsad.store import open_store

    with open_store(store_url) as store:
        store.add(_kim_article())
        # The store as it was before migration 5: no skeleton columns, no record of the step.
        with store._lock, store._transaction():
            for statement in ("DROP INDEX entity_aliases_skeleton", "DROP INDEX entities_skeleton",
                              "ALTER TABLE entity_aliases DROP COLUMN skeleton",
                              "ALTER TABLE entities DROP COLUMN skeleton",
                              "DELETE FROM migrations WHERE version = 5"):
                store._exec(statement)
    with open_store(store_url) as store:
        assert 5 in {r["version"] for r in store.applied_migrations()}
        assert [h.via_entity for h in store.search("كيم جونج أون")] == ["Kim Jong Un"]
