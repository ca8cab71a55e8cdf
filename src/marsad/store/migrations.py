"""Schema migrations: registered functions, each applied in a transaction and recorded.

A migration receives the dialect (``sqlite`` or ``postgres``) and returns the statements to run;
one may also fill its new columns in Python (``data``: it gets the store, after the statements).
:func:`pending` lists those a store has not recorded in its ``migrations`` table yet.  Stores
apply each one inside a write transaction together with its ``migrations`` row, so a crash
leaves either the whole step or none of it (house style habit 10).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.store.base import Store

Dialect = str
MigrationFn = Callable[[Dialect], list[str]]
DataFn = Callable[["Store"], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    fn: MigrationFn
    data: DataFn | None = None


MIGRATIONS: list[Migration] = []

RECORD_TABLE = """CREATE TABLE IF NOT EXISTS migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"""


def migration(version: int, name: str, data: DataFn | None = None
              ) -> Callable[[MigrationFn], MigrationFn]:
    """Register ``fn`` as schema step ``version`` (and ``data`` as its Python part); versions
    must be registered in order."""

    def wrap(fn: MigrationFn) -> MigrationFn:
        if MIGRATIONS and MIGRATIONS[-1].version >= version:
            raise ValueError(f"migration {version} registered after {MIGRATIONS[-1].version}")
        MIGRATIONS.append(Migration(version, name, fn, data))
        return fn

    return wrap


def pending(applied: set[int]) -> list[Migration]:
    return [m for m in MIGRATIONS if m.version not in applied]


def _pk(dialect: Dialect) -> str:
    return "INTEGER PRIMARY KEY" if dialect == "sqlite" else "BIGSERIAL PRIMARY KEY"


def _child(dialect: Dialect) -> str:
    """Reference to the article row; child rows go when the article goes."""
    return "article_pk BIGINT NOT NULL REFERENCES articles(pk) ON DELETE CASCADE"


@migration(1, "articles, entities, mentions, quotes, events, dates, quantities")
def initial(dialect: Dialect) -> list[str]:
    real = "REAL" if dialect == "sqlite" else "DOUBLE PRECISION"
    child = _child(dialect)
    return [
        # Narrow article rows (metadata only) keep the joins of search and filters in a few
        # pages; the texts and the analysis live beside them (bench/store_search.py: p95 on
        # 100k articles fell from over 100 ms to under 50 ms with this split).
        f"""CREATE TABLE articles (pk {_pk(dialect)}, id TEXT NOT NULL UNIQUE, title TEXT, source TEXT,
            url TEXT, published TEXT, raw_sha TEXT, added_at TEXT NOT NULL,
            n_entities INTEGER NOT NULL DEFAULT 0, n_quotes INTEGER NOT NULL DEFAULT 0,
            n_events INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE article_texts (pk BIGINT PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
            raw TEXT, text TEXT NOT NULL, analysis TEXT NOT NULL)""",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_raw_sha ON articles(raw_sha)",
        """CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT, name_en TEXT, name_ar TEXT,
            wikidata TEXT, country TEXT, key TEXT NOT NULL)""",
        """CREATE TABLE entity_aliases (entity_id TEXT NOT NULL REFERENCES entities(id),
            alias TEXT NOT NULL, PRIMARY KEY (entity_id, alias))""",
        f"""CREATE TABLE mentions ({child}, entity_id TEXT NOT NULL REFERENCES entities(id),
            start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, key TEXT NOT NULL)""",
        "CREATE INDEX mentions_entity ON mentions(entity_id)",
        "CREATE INDEX mentions_article ON mentions(article_pk)",
        f"""CREATE TABLE quotes ({child}, idx INTEGER NOT NULL, kind TEXT, speaker_text TEXT,
            speaker_entity TEXT, speaker_key TEXT NOT NULL, content TEXT NOT NULL, content_key TEXT NOT NULL,
            cue TEXT, start_char INTEGER, end_char INTEGER, date TEXT, PRIMARY KEY (article_pk, idx))""",
        "CREATE INDEX quotes_speaker ON quotes(speaker_entity)",
        f"""CREATE TABLE events ({child}, idx INTEGER NOT NULL, type TEXT, mode TEXT, cameo TEXT,
            status TEXT, date TEXT, day TEXT, source_text TEXT, target_text TEXT,
            source_entities TEXT NOT NULL, target_entities TEXT NOT NULL,
            source_countries TEXT NOT NULL, target_countries TEXT NOT NULL, location TEXT,
            trigger_text TEXT, start_char INTEGER, end_char INTEGER, sentence INTEGER,
            PRIMARY KEY (article_pk, idx))""",
        "CREATE INDEX events_type_day ON events(type, day)",
        "CREATE INDEX events_day ON events(day)",
        f"""CREATE TABLE dates ({child}, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            text TEXT, value TEXT, kind TEXT, PRIMARY KEY (article_pk, idx))""",
        f"""CREATE TABLE quantities ({child}, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            text TEXT, value {real}, unit TEXT, approx TEXT, value_usd {real},
            PRIMARY KEY (article_pk, idx))""",
    ]


@migration(2, "full-text index over normalised Arabic terms")
def full_text(dialect: Dialect) -> list[str]:
    if dialect == "sqlite":
        # Contentless: the index holds only our normalised terms; snippets come from articles.text.
        return ["""CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='',
                   tokenize='unicode61 remove_diacritics 0')"""]
    return [
        "ALTER TABLE articles ADD COLUMN search tsvector",
        "CREATE INDEX articles_search ON articles USING GIN (search)",
    ]


@migration(3, "quantity ranges: upper ends")
def quantity_ranges(dialect: Dialect) -> list[str]:
    real = "REAL" if dialect == "sqlite" else "DOUBLE PRECISION"
    return [f"ALTER TABLE quantities ADD COLUMN value_max {real}",
            f"ALTER TABLE quantities ADD COLUMN value_max_usd {real}"]


@migration(4, "stories and wire copies")
def stories(dialect: Dialect) -> list[str]:
    blob = "BLOB" if dialect == "sqlite" else "BYTEA"
    return [
        # A story's id is the pk of the article that started it.
        """CREATE TABLE stories (id BIGINT PRIMARY KEY, title TEXT, first_date TEXT, last_date TEXT,
            n_articles INTEGER NOT NULL DEFAULT 0, n_sources INTEGER NOT NULL DEFAULT 0,
            sources TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX stories_last_date ON stories(last_date)",
        "ALTER TABLE articles ADD COLUMN story_id BIGINT",
        "ALTER TABLE articles ADD COLUMN copy_of TEXT",
        "ALTER TABLE articles ADD COLUMN record_id TEXT",
        "CREATE INDEX articles_story ON articles(story_id)",
        # What a new article is compared with: its day, lead terms, actors, places, event
        # families, and the MinHash of its word shingles (for wire copies).
        f"""CREATE TABLE story_keys ({_child(dialect)} PRIMARY KEY, day TEXT, lead TEXT NOT NULL,
            actors TEXT NOT NULL, places TEXT NOT NULL, families TEXT NOT NULL, minhash {blob} NOT NULL)""",
        "CREATE INDEX story_keys_day ON story_keys(day)",
    ]


def _fill_skeletons(store: Store) -> None:
    """The skeleton of every alias and Arabic name stored before the column existed."""
    from marsad.store.names import skeleton

    aliases = store._rows("SELECT entity_id, alias FROM entity_aliases")
    store._exec_many("UPDATE entity_aliases SET skeleton = ? WHERE entity_id = ? AND alias = ?",
                     [(skeleton(r["alias"]), r["entity_id"], r["alias"]) for r in aliases])
    names = store._rows("SELECT id, name_ar FROM entities WHERE name_ar IS NOT NULL")
    store._exec_many("UPDATE entities SET skeleton = ? WHERE id = ?",
                     [(skeleton(r["name_ar"]), r["id"]) for r in names])


@migration(5, "name skeletons, indexed, for searches by a name in another spelling", data=_fill_skeletons)
def name_skeletons(dialect: Dialect) -> list[str]:
    # A name query was a scan of every alias, skeletonised in Python on each query; now it is an
    # index lookup (store/names.py).
    return [
        "ALTER TABLE entity_aliases ADD COLUMN skeleton TEXT",
        "ALTER TABLE entities ADD COLUMN skeleton TEXT",
        "CREATE INDEX entity_aliases_skeleton ON entity_aliases(skeleton)",
        "CREATE INDEX entities_skeleton ON entities(skeleton)",
    ]


@migration(6, "event actors named as the events view names them")
def event_actor_names(dialect: Dialect) -> list[str]:
    # The export and the GDELT-like table named actors by their linked entities only; these
    # columns hold every actor's name as `marsad events` gives it (stages/events/table.py).
    # Rows stored before stay NULL and are named the old way.
    return ["ALTER TABLE events ADD COLUMN source_names TEXT",
            "ALTER TABLE events ADD COLUMN target_names TEXT"]


#: Stored analyses read at a time when a migration fills rows from them: a store of many thousand
#: articles is never read into memory whole.
FILL_PAGE = 500


def _fill_unattributed(store: Store) -> None:
    """Rows for the quotes of unnamed speakers of articles stored before the column existed: they
    were kept only in each article's analysis.  Read FILL_PAGE analyses at a time, in key order."""
    from marsad.store.rows import entity_id, quote_rows

    last = None
    while True:
        # The analysis is stored compact (no spaces), so this finds exactly the non-empty lists.
        found = store._rows("SELECT a.pk, t.analysis FROM articles a "
                            "JOIN article_texts t ON t.pk = a.pk WHERE t.analysis LIKE ?"
                            + ("" if last is None else " AND a.pk > ?") + " ORDER BY a.pk LIMIT ?",
                            ('%"unattributed":[{%', *(() if last is None else (last,)), FILL_PAGE))
        if not found:
            return
        last = found[-1]["pk"]
        columns: tuple[str, ...] = ()
        values = []
        for row in found:
            doc = json.loads(row["analysis"])
            ents = doc.get("entities") or []
            new = [r for r in quote_rows(doc, ents, [entity_id(e) for e in ents]) if r["unattributed"]]
            for item in new:
                columns = ("article_pk", *item)
                values.append((row["pk"], *item.values()))
        if values:
            store._insert_rows("quotes", columns, values)


@migration(7, "quotes of unnamed speakers, flagged", data=_fill_unattributed)
def unattributed_quotes(dialect: Dialect) -> list[str]:
    # Quotes of unnamed speakers ("a source said") were only in the stored analysis, out of
    # reach of quote searches; they are rows now, after the article's quotes, with this flag.
    return ["ALTER TABLE quotes ADD COLUMN unattributed INTEGER NOT NULL DEFAULT 0"]
