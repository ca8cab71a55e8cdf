"""Quotes of unnamed speakers are stored as quote rows, flagged, and left out of speaker searches
unless asked for (store, CLI, REST API, web); stores made before migration 7 get them back from
their stored analyses."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import marsad
from marsad.core.settings import Settings
from marsad.shells.cli.store import add_commands
from marsad.shells.server import create_app
from marsad.store import Store, open_store

TEXT = ("أعلنت الحكومة اليمنية أمس عودة عدد من الوزراء إلى عدن. "
        "وقال مصدر مطلع إن المفاوضات مع الأمم المتحدة ستستأنف الأسبوع المقبل في جنيف. "
        "وأكد وزير الخارجية اليمني رياض ياسين أن الحكومة ملتزمة بقرار مجلس الأمن.")
UNNAMED = "المفاوضات مع الأمم المتحدة ستستأنف الأسبوع المقبل في جنيف"


@pytest.fixture(scope="module")
def analysed() -> dict[str, object]:
    doc = marsad.analyze(TEXT, "2015-07-26").to_dict()
    assert [q["content"]["text"] for q in doc["unattributed"]] == [UNNAMED]
    assert doc["quotes"], "the named minister's statement is a quote"
    return doc


def test_unnamed_quotes_are_rows_flagged_and_opt_in(store: Store, analysed: dict[str, object]) -> None:
    store.ingest([analysed])
    named = store.quotes()
    assert named and not any(r["unattributed"] for r in named)
    assert UNNAMED not in [r["content"] for r in named]
    every = store.quotes(unattributed=True)
    flagged = [r for r in every if r["unattributed"]]
    assert [(r["content"], r["speaker"]) for r in flagged] == [(UNNAMED, "مصدر مطلع")]
    # Numbered after the article's quotes, so (article, idx) stays a key.
    assert flagged[0]["idx"] == len(named)
    # A words search reaches them only when asked, in any clitic form of the word.
    assert not store.quotes(q="والمفاوضات")
    assert [r["content"] for r in store.quotes(q="والمفاوضات", unattributed=True)] == [UNNAMED]
    # The article still counts its attributed quotes only.
    assert store.list_articles()[0]["n_quotes"] == len(named)


def _undo_migration_7(db: Path) -> None:
    """The store as an older marsad wrote it: no unattributed column, rows or record of the step."""
    con = sqlite3.connect(db)
    con.execute("DELETE FROM quotes WHERE unattributed = 1")
    con.execute("ALTER TABLE quotes DROP COLUMN unattributed")
    con.execute("DELETE FROM migrations WHERE version = 7")
    con.commit()
    con.close()


def test_stores_made_before_the_column_get_the_rows_back(tmp_path: Path,
                                                          analysed: dict[str, object]) -> None:
    db = tmp_path / "old.db"
    with open_store(str(db)) as fresh:
        fresh.ingest([analysed])
    _undo_migration_7(db)
    with open_store(str(db)) as reopened:
        rows = reopened.quotes(unattributed=True)
    assert [r["content"] for r in rows if r["unattributed"]] == [UNNAMED]
    assert len([r for r in rows if not r["unattributed"]]) == len(analysed["quotes"])  # type: ignore[arg-type]


def test_the_migration_reads_stored_analyses_a_page_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import migrations

    db = tmp_path / "paged.db"
    towns = ("جنيف", "فيينا", "مسقط")
    docs = [marsad.analyze(TEXT.replace("جنيف", town), "2015-07-26").to_dict() for town in towns]
    with open_store(str(db)) as fresh:
        fresh.ingest(docs)
    _undo_migration_7(db)
    monkeypatch.setattr(migrations, "FILL_PAGE", 2)  # three articles: two pages
    with open_store(str(db)) as reopened:
        rows = [r for r in reopened.quotes(unattributed=True) if r["unattributed"]]
    assert sorted(r["content"] for r in rows) == sorted(UNNAMED.replace("جنيف", town) for town in towns)


def test_cli_search_quotes_unattributed(tmp_path: Path, analysed: dict[str, object]) -> None:
    db = tmp_path / "s.db"
    with open_store(str(db)) as fresh:
        fresh.ingest([analysed])
    main = click.Group("marsad")
    add_commands(main)
    runner = CliRunner()
    plain = runner.invoke(main, ["search", "المفاوضات", "--db", str(db), "--quotes"])
    assert plain.exit_code == 0 and UNNAMED not in plain.output
    asked = runner.invoke(main, ["search", "المفاوضات", "--db", str(db), "--quotes", "--unattributed",
                                 "--format", "json"])
    assert asked.exit_code == 0, asked.output
    found = json.loads(asked.output)
    assert [(r["content"], r["unattributed"]) for r in found] == [(UNNAMED, True)]
    text = runner.invoke(main, ["search", "المفاوضات", "--db", str(db), "--quotes", "--unattributed"])
    assert "مصدر مطلع (unnamed)" in text.output
    wrong = runner.invoke(main, ["search", "المفاوضات", "--db", str(db), "--unattributed"])
    assert wrong.exit_code == 1 and "--unattributed needs --quotes" in wrong.output
    assert "Traceback" not in wrong.output


def test_api_and_web_list_unnamed_quotes_when_asked(memory_store: Store,
                                                    analysed: dict[str, object]) -> None:
    memory_store.ingest([analysed])
    client = TestClient(create_app(memory_store, Settings()))
    plain = client.get("/quotes").json()
    assert UNNAMED not in [r["content"] for r in plain["items"]]
    asked = client.get("/quotes", params={"unattributed": "true"}).json()
    assert [r["content"] for r in asked["items"] if r["unattributed"]] == [UNNAMED]
    page = client.get("/ui/quotes", params={"unattributed": "1"}).text
    assert UNNAMED in page and "(غير مسمى)" in page
    assert UNNAMED not in client.get("/ui/quotes").text
