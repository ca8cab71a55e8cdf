"""``marsad spark``: analyse a corpus on Apache Spark and write Parquet datasets.

Input is JSONL (one record a line, the fields of ``marsad analyze``: ``text``, ``title``,
``published``, ``url``, ``source``, ``id``; ``date`` and ``outlet`` are read as ``published`` and
``source``), a folder of such files or of plain text / HTML articles, or Parquet with a text
column.  Each partition is analysed by :func:`analyse_partition`: the pipeline is loaded once
per Python worker process (Spark reuses its workers across tasks), the partition's documents are
stored in an in-memory SQLite store, and its rows are read back through the same views as
``marsad export`` (:mod:`marsad.store.export`), so the columns are the export's.  Output:
``OUT/articles``, ``OUT/mentions``, ``OUT/entities``, ``OUT/quotes``, ``OUT/events`` (Parquet,
partitioned by publication ``month``; entities by the month of the articles mentioning them)
and ``OUT/errors`` (one row per record that failed; a bad record never fails the job).

pyspark is imported here only, and only when a job runs (``pip install 'marsad[spark]'``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.core.errors import InputError, MarsadError, RecordError
from marsad.core.settings import Settings

#: The datasets written, in order; ``errors`` is the records that could not be analysed.
TABLES = ("articles", "mentions", "entities", "quotes", "events", "stories")
#: Tables whose story columns the driver fills in once the stories of the whole corpus are known.
WITH_STORIES = ("articles", "events")
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
#: Field names some corpora use for the contract's record fields (SaudiNewsNet: date, outlet).
ALIASES = {"published": ("date",), "source": ("outlet",)}
#: Months of articles without a publication date.
NO_MONTH = "unknown"


class SparkError(MarsadError):
    """Spark (pyspark, Java) is missing, or a job could not start or write its output."""

    code = "E600"


@dataclass
class SparkReport:
    """What a job wrote: rows per dataset, and the number of failed records."""

    out: str
    rows: dict[str, int] = field(default_factory=dict)
    errors: int = 0


# --- executor side --------------------------------------------------------------------------------

_LOADED: list[tuple[Settings, Any]] = []


def _pipeline(settings: Settings) -> Any:
    """The pipeline of this Python worker process, loaded on its first partition only."""
    for known, pipe in _LOADED:
        if known == settings:
            return pipe
    from marsad.core.pipeline import load_pipeline

    _LOADED.append((settings, load_pipeline(settings)))
    return _LOADED[-1][1]


def _record(line: str, origin: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"is not valid JSON ({str(exc).splitlines()[0]})", source=origin) from None
    if isinstance(record, dict):
        for name, others in ALIASES.items():
            for other in others:
                if record.get(name) is None and record.get(other) is not None:
                    record[name] = record[other]
    if not isinstance(record, dict):
        raise InputError("is not a JSON object with a \"text\" field", source=origin)
    return record


def _article(kind: str, origin: str, payload: str) -> Any:
    """The Article of one input: a JSON line, or a whole text/HTML file."""
    from marsad.stages.ingest.readers import from_html, from_record, from_text

    if kind == "json":
        return from_record(_record(payload, origin), origin)
    if payload.lstrip()[:1] == "<":
        return from_html(payload, origin)
    return from_text(payload, origin)


def _month(published: Any) -> str:
    return str(published)[:7] if published else NO_MONTH


def analyse_partition(inputs: Iterable[tuple[str, str, str]], settings: Settings
                      ) -> Iterator[tuple[str, str]]:
    """``(table, JSON row)`` for every row of the partition's articles, ``("errors", …)`` for
    each input that failed.  Inputs are ``(kind, origin, payload)``: kind ``json`` (one record)
    or ``file`` (a text or HTML article)."""
    from marsad.core.analyze import to_document
    from marsad.store import open_store

    pipe = _pipeline(settings)
    docs: list[dict[str, Any]] = []
    for kind, origin, payload in inputs:
        record_id = None
        try:
            article = _article(kind, origin, payload)
            record_id = article.record_id
            doc = pipe(to_document(article, settings.published))
            docs.append(doc.to_dict())
        except Exception as exc:  # a bad record is a row in errors, never a failed job
            if record_id is None and kind == "json":
                record_id = _record_id(payload)
            message = str(exc) if isinstance(exc, MarsadError) else f"{type(exc).__name__}: {exc}"
            yield "errors", json.dumps({"origin": origin, "record_id": record_id, "error": message},
                                       ensure_ascii=False)
    if not docs:
        return
    with open_store(":memory:") as store:
        report = store.ingest(docs)
        for message in report.errors:
            yield "errors", json.dumps({"origin": None, "record_id": None, "error": message}, ensure_ascii=False)
        yield from _table_rows(store)


def _record_id(payload: str) -> str | None:
    try:
        record = json.loads(payload)
    except ValueError:
        return None
    rid = record.get("id") if isinstance(record, dict) else None
    return None if rid is None else str(rid)


def _table_rows(store: Any) -> Iterator[tuple[str, str]]:
    from marsad.store.export import rows

    months = {r["id"]: _month(r["published"]) for r in store._rows("SELECT id, published FROM articles")}
    for table in ("articles", "quotes", "events"):
        for row in rows(store, table):
            key = row["id"] if table == "articles" else row["article"]
            row["month"] = months.get(key, NO_MONTH)
            # Stories span partitions: the driver puts in those of the whole corpus.
            if table == "events":
                row.update(story_id=None, num_articles=None, num_sources=None)
            elif table == "articles":
                row.update(story_id=None, copy_of=None)
            yield table, json.dumps(row, ensure_ascii=False)
    for row in rows(store, "mentions"):
        row["month"] = _month(row["published"])
        yield "mentions", json.dumps(row, ensure_ascii=False)
    seen: dict[str, set[str]] = {}
    for r in store._rows("SELECT DISTINCT m.entity_id, a.published FROM mentions m "
                         "JOIN articles a ON a.pk = m.article_pk"):
        seen.setdefault(r["entity_id"], set()).add(_month(r["published"]))
    for row in rows(store, "entities"):
        for month in sorted(seen.get(row["id"], {NO_MONTH})):
            yield "entities", json.dumps({**row, "month": month}, ensure_ascii=False)
    from marsad.scale.spark_stories import partition_keys

    for line in partition_keys(store):
        yield "keys", line


# --- driver side ----------------------------------------------------------------------------------

def _session(master: str | None, app: str = "marsad") -> Any:
    """A Spark session at ``master`` (None: the one spark-submit configured)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkError("marsad spark needs pyspark; install it with `pip install 'marsad[spark]'` "
                         "(and Java 17: `apt-get install default-jre-headless`)") from None
    try:
        builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
        return (builder.appName(app)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.python.worker.reuse", "true")
                .getOrCreate())
    except Exception as exc:  # no Java, bad master URL: one line, never a JVM traceback
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        where = master or "the submitted master"
        raise SparkError(f"cannot start Spark at {where} ({first}); check that Java 17 is installed "
                         "(`java -version`) and the master URL") from None


def _inputs(spark: Any, source: str, text_column: str, partitions: int | None) -> Any:
    """An RDD of ``(kind, origin, payload)`` for every input record or file."""
    path = Path(source)
    if "://" not in source and not path.exists():
        raise InputError("does not exist", source=source)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    if any(p.suffix == ".parquet" for p in files):
        frame = spark.read.parquet(source)
        if text_column not in frame.columns:
            raise InputError(f"has no column {text_column!r}; name the text column with --text-column",
                             source=source)
        frame = frame.withColumnRenamed(text_column, "text") if text_column != "text" else frame
        rdd = frame.toJSON().map(lambda line: ("json", f"{source}", line))
    elif files and all(p.suffix in JSONL_SUFFIXES for p in files):
        lines = spark.sparkContext.textFile(",".join(str(p) for p in files))
        rdd = (lines.zipWithIndex().filter(lambda pair: pair[0].strip())
               .map(lambda pair: ("json", f"{source}:{pair[1] + 1}", pair[0])))
    else:
        rdd = spark.sparkContext.wholeTextFiles(",".join(str(p) for p in files)).map(
            lambda pair: ("file", pair[0], pair[1]))
    return rdd.repartition(partitions) if partitions else rdd


def run(source: str, out: str | os.PathLike[str], settings: Settings | None = None,
        master: str | None = "local[*]", text_column: str = "text", partitions: int | None = None
        ) -> SparkReport:
    """Analyse ``source`` on Spark at ``master`` (None: as spark-submit set it up) and write the
    datasets under ``out``."""
    settings = settings or Settings()
    from marsad.core.pipeline import load_pipeline

    load_pipeline(settings)  # check the stages fit before starting a cluster job
    if "://" not in source and not Path(source).exists():
        raise InputError("does not exist", source=source)
    spark = _session(master)
    spark.sparkContext.setLogLevel("ERROR")
    target = str(out)
    report = SparkReport(target)
    try:
        inputs = _inputs(spark, source, text_column, partitions)
        tagged = inputs.mapPartitions(lambda part: analyse_partition(part, settings)).cache()
        # One pass analyses everything (and fills the cache); each table then reads the cache.
        counts = dict(tagged.map(lambda pair: pair[0]).countByValue())
        assigned, stories = _stories(spark, tagged, counts)
        for table in (*TABLES, "errors"):
            if table == "stories":
                lines = spark.sparkContext.parallelize([json.dumps(s, ensure_ascii=False) for s in stories])
                counts["stories"] = len(stories)
            else:
                lines = tagged.filter(lambda pair, t=table: pair[0] == t).map(lambda pair: pair[1])
            _write(spark, lines, f"{target}/{table}", partitioned=table != "errors",
                   empty=not counts.get(table), assigned=assigned if table in WITH_STORIES else None,
                   table=table)
            if table == "errors":
                report.errors = int(counts.get(table, 0))
            else:
                report.rows[table] = int(counts.get(table, 0))
        tagged.unpersist()
    except MarsadError:
        raise
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SparkError(f"Spark job failed ({first[:300]})", source=source) from None
    finally:
        spark.stop()
    return report


def _stories(spark: Any, tagged: Any, counts: dict[str, int]) -> tuple[Any, list[dict[str, Any]]]:
    """The story assignments (a DataFrame: id, story_id, copy_of, num_articles, num_sources)
    and the stories rows of the whole corpus (:mod:`marsad.scale.spark_stories`)."""
    from marsad.scale.spark_stories import place

    if not counts.get("keys"):
        return None, []
    assigned, stories = place(tagged.filter(lambda pair: pair[0] == "keys").map(lambda pair: pair[1]))
    schema = "id STRING, story_id LONG, copy_of STRING, num_articles LONG, num_sources LONG"
    frame = spark.createDataFrame([tuple(a.values()) for a in assigned], schema=schema)
    return frame, stories


def _write(spark: Any, lines: Any, path: str, partitioned: bool, empty: bool, assigned: Any = None,
           table: str = "") -> None:
    """Write JSON rows as a Parquet dataset (by month), with the corpus's stories when
    ``assigned`` is given; an empty table gets an empty folder."""
    if empty:
        Path(path).mkdir(parents=True, exist_ok=True)
        return
    frame = spark.read.json(lines)
    # JSON inference sorts the columns; keep the export's order (that of the rows' keys).
    order = [c for c in json.loads(lines.first()) if c in frame.columns]
    frame = frame.select(*order, *(c for c in frame.columns if c not in order))
    if assigned is not None:
        from marsad.scale.spark_stories import with_stories

        frame = with_stories(frame, assigned, table)
    writer = frame.write.mode("overwrite")
    if partitioned and "month" in frame.columns:
        writer = writer.partitionBy("month")
    writer.parquet(path)
