"""Store: content-hash ids, idempotent ingest, bad records, migrations, one writer, and the
cross-article views (entities, an entity page, quotes by speaker, events), on every backend."""

from __future__ import annotations

from typing import Any

import pytest

import marsad
from marsad.core.document import Document
from marsad.store import Filters, IngestReport, Store, StoreError, open_store
from marsad.store.migrations import MIGRATIONS

Record = dict[str, Any]


# Fixtures: store_url and store live in tests/conftest.py.


# --- records: real sentences, annotated by hand the way the stages annotate them ---------------

def _spans(text: str, surface: str) -> list[dict[str, Any]]:
    """Every occurrence of ``surface`` in ``text`` as a contract span."""
    out, start = [], text.find(surface)
    assert start >= 0, f"{surface!r} not in text"
    while start >= 0:
        out.append({"start": start, "end": start + len(surface), "text": surface})
        start = text.find(surface, start + len(surface))
    return out


def _mentions(text: str, surfaces: tuple[str, ...]) -> list[dict[str, Any]]:
    """Occurrences of the surfaces, longest first, leaving out those inside a longer one."""
    taken: list[dict[str, Any]] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        for span in _spans(text, surface):
            if not any(s["start"] < span["end"] and span["start"] < s["end"] for s in taken):
                taken.append(span)
    return sorted(taken, key=lambda s: s["start"])


def _actor(text: str, surface: str, entity: int | None) -> dict[str, Any]:
    return {**_spans(text, surface)[0], "entity": entity}


def record(text: str, published: str, title: str | None = None,
           entities: tuple[tuple[str, str, str | None, str | None, tuple[str, ...]], ...] = (),
           quotes: tuple[tuple[str, int | None, str], ...] = (),
           events: tuple[tuple[str, str, tuple[int, ...], tuple[int, ...]], ...] = ()) -> Record:
    """A contract dict: ``text`` cleaned and segmented, plus the given annotations.

    entities: (type, name_en, country, wikidata, mention surfaces); quotes: (speaker surface,
    entity index, content surface); events: (type, trigger surface, source and target entities).
    """
    doc: Document = marsad.analyze(text, published, stages=("clean", "segment"))
    rec = doc.to_dict()
    rec["title"] = title
    t = rec["text"]
    rec["entities"] = [
        {"type": typ, "name_en": name, "name_ar": surfaces[0], "country": country, "wikidata": qid,
         "kb_id": None, "mentions": _mentions(t, surfaces)}
        for typ, name, country, qid, surfaces in entities]
    rec["quotes"] = [
        {"kind": "indirect", "content": _spans(t, content)[0], "speaker": _actor(t, speaker, ent),
         "cue": None, "via": None, "date": published}
        for speaker, ent, content in quotes]
    rec["events"] = [
        {"type": typ, "mode": None, "cameo": "040", "status": "asserted", "date": published,
         "location": None, "trigger": _spans(t, trigger)[0], "sentence": 0, "sentences": [0],
         "source": [_actor(t, rec["entities"][i]["mentions"][0]["text"], i) for i in src],
         "target": [_actor(t, rec["entities"][i]["mentions"][0]["text"], i) for i in tgt]}
        for typ, trigger, src, tgt in events]
    return rec


LAVROV = ("PER", "Sergey Lavrov", "RUS", "Q80137", ("سيرغي لافروف", "لافروف"))
MOSCOW = ("GPE", "Moscow", "RUS", "Q649", ("موسكو",))
MACRON = ("PER", "Emmanuel Macron", "FRA", "Q3052772", ("إيمانويل ماكرون", "ماكرون"))
CAIRO = ("GPE", "Cairo", "EGY", "Q85", ("القاهرة",))
SISI = ("PER", "Abdel Fattah el-Sisi", "EGY", "Q57371", ("عبد الفتاح السيسي", "السيسي"))


def corpus() -> list[Record]:
    return [
        record("قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع واشنطن حول الأمن "
               "الأوروبي. وأضاف لافروف أن العقوبات الغربية لن تغير سياسة بلاده.",
               "2024-03-02", "لافروف: موسكو مستعدة للحوار",
               entities=(LAVROV, MOSCOW),
               quotes=(("سيرغي لافروف", 0, "موسكو مستعدة للحوار مع واشنطن حول الأمن الأوروبي"),
                       ("لافروف", 0, "العقوبات الغربية لن تغير سياسة بلاده"))),
        record("وصل الرئيس الفرنسي إيمانويل ماكرون إلى القاهرة في زيارة رسمية يلتقي خلالها الرئيس "
               "عبد الفتاح السيسي. وقال ماكرون إن فرنسا تدعم وقف إطلاق النار في غزة.",
               "2024-04-10", "ماكرون في القاهرة",
               entities=(MACRON, CAIRO, SISI),
               quotes=(("ماكرون", 0, "فرنسا تدعم وقف إطلاق النار في غزة"),),
               events=(("CONSULT", "زيارة", (0,), (2,)),)),
        record("استقبل الرئيس عبد الفتاح السيسي في القاهرة وزير الخارجية الروسي سيرغي لافروف، "
               "وبحث الجانبان العلاقات الثنائية والأوضاع في السودان.",
               "2024-05-20", "السيسي يستقبل لافروف",
               entities=(SISI, CAIRO, LAVROV),
               events=(("CONSULT", "استقبل", (0,), (2,)),)),
    ]


# --- ingest ----------------------------------------------------------------------------------

def test_ids_are_content_hashes_and_reingest_changes_nothing(store: Store) -> None:
    docs = corpus()
    first = store.ingest(docs)
    assert (first.added, first.present, first.errors) == (3, 0, [])
    counts = {t: store.count(t) for t in ("articles", "entities", "mentions", "quotes", "events")}
    again = store.ingest(corpus())
    assert (again.added, again.present) == (0, 3)
    assert {t: store.count(t) for t in counts} == counts
    assert counts == {"articles": 3, "entities": 5, "mentions": 10, "quotes": 3, "events": 2}
    assert {a["id"] for a in store.list_articles()} == {d["id"] for d in docs}


def test_a_document_is_stored_with_its_raw_text(store: Store) -> None:
    doc = marsad.analyze("أعلنت وزارة الصحة ارتفاع عدد الإصابات.\n", "2024-01-05",
                         stages=("clean", "segment"))
    assert store.add(doc) is True
    assert store.add(doc) is False
    got = store.get_article(doc.id)
    assert got is not None
    assert got["raw"] == doc.raw and got["text"] == doc.text
    assert got["published"] == "2024-01-05"
    assert got["analysis"]["id"] == doc.id


@pytest.mark.parametrize(("bad", "message"), [
    ({"schema": "other/1", "text": "نص"}, "schema"),
    ({"schema": "marsad.document/1", "text": "  "}, "no text"),
    ({"schema": "marsad.document/1", "text": "نص الخبر", "quotes": {}}, "must be a list"),
    ({"schema": "marsad.document/1", "text": "نص الخبر", "entities": [{"mentions": [{}]}]},
     "malformed"),
    ("not a record", "not a JSON object"),
])
def test_bad_records_are_reported_and_skipped(store: Store, bad: Any, message: str) -> None:
    docs = corpus()
    report = store.ingest([docs[0], bad, docs[1]])
    assert isinstance(report, IngestReport)
    assert report.added == 2 and report.skipped == 1
    assert message in report.errors[0] and "item 1" in report.errors[0]
    assert "\n" not in report.errors[0]
    assert store.count() == 2


def test_migrations_are_recorded_once(store_url: str) -> None:
    with open_store(store_url) as first:
        versions = [m["version"] for m in first.applied_migrations()]
    assert versions == [m.version for m in MIGRATIONS]
    with open_store(store_url) as second:
        assert second.migrate() == []
        assert [m["version"] for m in second.applied_migrations()] == versions


def test_one_writer_at_a_time(store_url: str) -> None:
    docs = corpus()
    with open_store(store_url) as writer, open_store(store_url) as other:
        writer.add(docs[0])
        with pytest.raises(StoreError, match="another marsad process is writing"):
            other.add(docs[1])
        assert other.count() == 1  # reading is always allowed
    with open_store(store_url) as later:
        assert later.add(docs[1]) is True


def test_sqlite_rejects_unknown_urls_and_missing_folders(tmp_path: Any) -> None:
    with pytest.raises(StoreError, match="unknown database URL"):
        open_store("mysql://localhost/db")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "marsad.db")


# --- views across articles -------------------------------------------------------------------

def test_entities_are_one_row_per_real_entity_across_articles(store: Store) -> None:
    store.ingest(corpus())
    by_id = {e["id"]: e for e in store.entities()}
    assert by_id["Q80137"]["articles"] == 2 and by_id["Q80137"]["mentions"] == 3
    assert by_id["Q85"]["articles"] == 2
    assert [e["id"] for e in store.entities(type="PER", country="EGY")] == ["Q57371"]
    # A name search folds hamza and drops clitics: لافروف found from ولافروف.
    assert [e["id"] for e in store.entities(name="ولافروف")] == ["Q80137"]


def test_entity_page_has_mentions_quotes_events_and_timeline(store: Store) -> None:
    store.ingest(corpus())
    page = store.entity("Q80137")
    assert page is not None
    assert page["name_en"] == "Sergey Lavrov"
    assert set(page["aliases"]) >= {"سيرغي لافروف", "لافروف"}
    assert [(m["published"], m["text"]) for m in page["mentions"]][:1] == [("2024-05-20", "سيرغي لافروف")]
    assert {q["content"] for q in page["quotes"]} == {
        "موسكو مستعدة للحوار مع واشنطن حول الأمن الأوروبي", "العقوبات الغربية لن تغير سياسة بلاده"}
    assert [e["trigger"] for e in page["events_as_target"]] == ["استقبل"]
    assert page["events_as_source"] == []
    assert page["timeline"] == [{"day": "2024-03-02", "mentions": 2}, {"day": "2024-05-20", "mentions": 1}]
    assert store.entity("Q0") is None


@pytest.mark.parametrize(("speaker", "q", "expected"), [
    ("لافروف", None, ["العقوبات الغربية لن تغير سياسة بلاده",
                      "موسكو مستعدة للحوار مع واشنطن حول الأمن الأوروبي"]),
    ("Sergey Lavrov", "بالعقوبات", ["العقوبات الغربية لن تغير سياسة بلاده"]),
    ("ماكرون", "غزة", ["فرنسا تدعم وقف إطلاق النار في غزة"]),
    ("ماكرون", "السودان", []),
    (None, "واشنطن", ["موسكو مستعدة للحوار مع واشنطن حول الأمن الأوروبي"]),
])
def test_what_did_speaker_say_about_keyword(store: Store, speaker: str | None, q: str | None,
                                            expected: list[str]) -> None:
    store.ingest(corpus())
    found = store.quotes(speaker=speaker, q=q)
    assert sorted(r["content"] for r in found) == sorted(expected)


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({}, ["استقبل", "زيارة"]),
    ({"type": "consult"}, ["استقبل", "زيارة"]),
    ({"country": "FRA"}, ["زيارة"]),
    ({"country": "rus"}, ["استقبل"]),
    ({"date_from": "2024-05-01"}, ["استقبل"]),
    ({"date_to": "2024-04-30"}, ["زيارة"]),
    ({"type": "PROTEST"}, []),
])
def test_events_filtered_by_type_country_and_dates(store: Store, kwargs: dict[str, str],
                                                   expected: list[str]) -> None:
    store.ingest(corpus())
    assert [e["trigger"] for e in store.events(**kwargs)] == expected


def test_events_per_day_and_article_filters(store: Store) -> None:
    store.ingest(corpus())
    assert store.events_per_day() == [{"day": "2024-04-10", "events": 1}, {"day": "2024-05-20", "events": 1}]
    titles = [a["title"] for a in store.list_articles(Filters(entity="Q57371"))]
    assert titles == ["السيسي يستقبل لافروف", "ماكرون في القاهرة"]
    assert [a["title"] for a in store.list_articles(Filters(speaker="ماكرون"))] == ["ماكرون في القاهرة"]
    assert [a["title"] for a in store.list_articles(Filters(country="FRA"))] == ["ماكرون في القاهرة"]
    assert store.list_articles(limit=1, offset=1)[0]["title"] == "ماكرون في القاهرة"


def test_article_links_entities_to_store_ids(store: Store) -> None:
    docs = corpus()
    store.ingest(docs)
    got = store.get_article(docs[1]["id"])
    assert got is not None
    assert got["entity_ids"] == ["Q3052772", "Q85", "Q57371"]
    assert got["n_quotes"] == 1 and got["n_events"] == 1
    assert store.get_article("0000000000000000") is None


# --- exports ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_exports_every_table(store: Store, tmp_path: Any, fmt: str) -> None:
    from marsad.store.export import GDELT_COLUMNS, TABLES, export_table

    store.ingest(corpus())
    tables = {}
    for table in TABLES:
        path = tmp_path / f"{table}.{fmt}"
        count = export_table(store, table, fmt, path)
        tables[table] = _read_export(path, fmt)
        assert len(tables[table]) == count
    mentions = sum(len(e["mentions"]) for doc in corpus() for e in doc["entities"])
    assert {t: len(rows) for t, rows in tables.items()} == {
        "articles": 3, "mentions": mentions, "entities": 5, "quotes": 3, "events": 2, "gdelt": 2}
    # Mentions join entities to articles: every mention's text is its article's text at its offsets.
    texts = {doc["id"]: doc["text"] for doc in corpus()}
    for m in tables["mentions"]:
        assert texts[m["article"]][int(m["start"]):int(m["end"])] == m["text"]
    lavrov = next(e for e in tables["entities"] if e["id"] == "Q80137")
    assert lavrov["aliases"] == "Sergey Lavrov | سيرغي لافروف | لافروف"
    assert sorted(q["speaker"] for q in tables["quotes"]) == ["سيرغي لافروف", "لافروف", "ماكرون"]
    visit = next(g for g in tables["gdelt"] if g["Trigger"] == "زيارة")
    assert list(visit) == list(GDELT_COLUMNS)
    assert (visit["SQLDATE"], visit["Actor1CountryCode"], visit["Actor2CountryCode"]) == \
        ("20240410", "FRA", "EGY")
    assert (visit["EventCode"], visit["EventRootCode"], visit["PLOVERType"]) == ("040", "04", "CONSULT")
    # Actors are named in English, as `marsad events` names them, when their entity is linked.
    assert visit["Actor1Name"] and visit["Actor1Name"].isascii(), visit["Actor1Name"]
    event = next(e for e in tables["events"] if e["trigger"] == "زيارة")
    assert event["source_names"] == visit["Actor1Name"]
    if fmt == "parquet":  # whole days are dates, not text
        import datetime as dt

        assert all(isinstance(a["published"], dt.date) for a in tables["articles"])


def _read_export(path: Any, fmt: str) -> list[dict[str, Any]]:
    import csv
    import json

    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [{k: v for k, v in row.items()} for row in csv.DictReader(handle)]
    import pyarrow.parquet as pq

    return list(pq.read_table(str(path)).to_pylist())


def test_a_failed_migration_leaves_nothing_behind(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import migrations

    def broken(dialect: str) -> list[str]:
        return ["CREATE TABLE half_done (x INTEGER)", "CREATE TABLE broken (x NOSUCHTYPE("]

    with open_store(store_url):
        pass
    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, migrations.Migration(99, "broken", broken)])
    with pytest.raises(StoreError) as failure:
        open_store(store_url)
    assert "\n" not in str(failure.value)
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS)
    with open_store(store_url) as store:
        assert [m["version"] for m in store.applied_migrations()] == [m.version for m in MIGRATIONS]
        with pytest.raises(StoreError):
            store._rows("SELECT x FROM half_done")


def test_an_unreachable_server_is_one_line() -> None:
    from marsad.store.postgres import redact

    with pytest.raises(StoreError, match="cannot connect") as e:
        open_store("postgresql://marsad:secret@127.0.0.1:1/db")
    assert "postgresql://marsad:***@127.0.0.1:1/db" in str(e.value)
    assert "secret" not in str(e.value) and "\n" not in str(e.value)
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"
