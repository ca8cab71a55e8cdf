"""Read queries behind the overview pages of the web UI: sorted article lists with outlet facets,
entities ranked by articles, counts per country, and who acts on whom.

A mixin of :class:`marsad.store.base.Store` (it needs only ``_rows``, ``_event_where`` and the lock), kept apart so
the shared write and search logic stays readable.  Every query is plain SQL both backends run.
"""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from collections.abc import Iterable
from typing import Any

from marsad.store.rows import entity_id

Row = dict[str, Any]

#: Columns an article list may be sorted by (the web UI's names → SQL); anything else is refused.
ARTICLE_SORTS = {"published": "a.published", "title": "a.title", "source": "a.source"}
_ARTICLE_COLUMNS = "a.id, a.title, a.source, a.url, a.published, a.n_entities, a.n_quotes, a.n_events"
#: Most rows one overview call returns (the same cap as the list calls).
MAX_ROWS = 1000
#: Places with coordinates are read from the analyses of this many most recently stored articles
#: (coordinates live only in the analysis JSON, not in a column), so a map stays fast on a big store.
PLACE_WINDOW = 2000


def _cap(limit: int) -> int:
    return max(0, min(int(limit), MAX_ROWS))


def padded_codes(value: str | None) -> list[str]:
    """The ids or codes of a padded, space-separated column (`` RUS UKR ``)."""
    return (value or "").split()


class Overview:
    """Aggregating read queries; mixed into the store, which supplies ``_rows`` and ``_lock``."""

    _lock: threading.RLock

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def _event_where(self, type: str | None, country: str | None, date_from: str | None,
                     date_to: str | None) -> tuple[str, list[Any]]:
        raise NotImplementedError  # the store's own event filter (store/base.py)

    # --- articles ------------------------------------------------------------------------
    def article_list(self, sort: str = "published", descending: bool = True, source: str | None = None,
                     limit: int = 50, offset: int = 0) -> list[Row]:
        """Articles (no text) sorted by ``sort`` (a key of ARTICLE_SORTS), optionally of one outlet
        (``""`` means articles with no outlet)."""
        if sort not in ARTICLE_SORTS:
            raise ValueError(f"sort {sort!r} is not one of {', '.join(ARTICLE_SORTS)}")
        where, params = self._source_where(source)
        way = "DESC" if descending else "ASC"
        # NULLs last either way (SQLite and PostgreSQL order them differently by default).
        column = ARTICLE_SORTS[sort]
        with self._lock:
            return self._rows(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE {where} "
                f"ORDER BY CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, {column} {way}, a.pk {way} "
                "LIMIT ? OFFSET ?", [*params, _cap(limit), max(0, offset)])

    def article_total(self, source: str | None = None) -> int:
        where, params = self._source_where(source)
        with self._lock:
            return int(self._rows(f"SELECT COUNT(*) AS n FROM articles a WHERE {where}", params)[0]["n"])

    @staticmethod
    def _source_where(source: str | None) -> tuple[str, list[Any]]:
        if source is None:
            return "1=1", []
        if source == "":
            return "(a.source IS NULL OR a.source = '')", []
        return "a.source = ?", [source]

    def outlets(self) -> list[Row]:
        """Each outlet (``source``; ``""`` for none) with its number of articles, most first."""
        with self._lock:
            rows = self._rows("SELECT COALESCE(a.source, '') AS source, COUNT(*) AS articles FROM articles a "
                              "GROUP BY COALESCE(a.source, '') ORDER BY articles DESC, source")
        return rows

    # --- entities ------------------------------------------------------------------------
    def entities_by_articles(self, limit: int = 50) -> list[Row]:
        """Entities ranked by the number of articles that mention them (then by mentions): an
        entity named nine times in one article does not outrank one named in three articles."""
        with self._lock:
            return self._rows(
                "SELECT e.id, e.type, e.name_en, e.name_ar, e.wikidata, e.country, "
                "COUNT(DISTINCT m.article_pk) AS articles, COUNT(*) AS mentions "
                "FROM mentions m JOIN entities e ON e.id = m.entity_id "
                "GROUP BY e.id, e.type, e.name_en, e.name_ar, e.wikidata, e.country "
                "ORDER BY articles DESC, mentions DESC, e.id LIMIT ?", (_cap(limit),))

    def entity_articles(self, entity_id: str, limit: int = 200) -> list[Row]:
        """The articles that mention an entity, one row each, with the number of mentions and the
        offset of the first one (for a link to it)."""
        with self._lock:
            return self._rows(
                "SELECT a.id AS article, a.title, a.source, a.published, COUNT(*) AS mentions, "
                "MIN(m.start_char) AS start FROM mentions m JOIN articles a ON a.pk = m.article_pk "
                "WHERE m.entity_id = ? GROUP BY a.pk, a.id, a.title, a.source, a.published "
                "ORDER BY a.published DESC, a.pk DESC LIMIT ?", (entity_id, _cap(limit)))

    def mentions_per_day(self, entity_id: str) -> list[Row]:
        """``(day, mentions, articles)`` of one entity, by publication day."""
        with self._lock:
            return self._rows(
                "SELECT a.published AS day, COUNT(*) AS mentions, COUNT(DISTINCT a.pk) AS articles "
                "FROM mentions m JOIN articles a ON a.pk = m.article_pk "
                "WHERE m.entity_id = ? AND a.published IS NOT NULL GROUP BY a.published ORDER BY a.published",
                (entity_id,))

    # --- countries -----------------------------------------------------------------------
    def events_by_country(self, type: str | None = None, date_from: str | None = None,
                          date_to: str | None = None) -> Counter[str]:
        """Events per country (ISO alpha-3) of their source or target actors; an event between
        two countries counts once for each."""
        where, params = self._event_where(type, None, date_from, date_to)
        with self._lock:
            rows = self._rows(f"SELECT e.source_countries AS s, e.target_countries AS t, COUNT(*) AS n "
                              f"FROM events e WHERE {where} GROUP BY e.source_countries, e.target_countries",
                              params)
        counts: Counter[str] = Counter()
        for row in rows:
            for code in set(padded_codes(row["s"])) | set(padded_codes(row["t"])):
                counts[code] += int(row["n"])
        return counts

    def articles_by_country(self) -> Counter[str]:
        """Articles mentioning an entity of each country (ISO alpha-3)."""
        with self._lock:
            rows = self._rows("SELECT e.country AS code, COUNT(DISTINCT m.article_pk) AS n FROM mentions m "
                              "JOIN entities e ON e.id = m.entity_id WHERE e.country IS NOT NULL "
                              "AND e.country <> '' GROUP BY e.country")
        return Counter({str(r["code"]).upper(): int(r["n"]) for r in rows})

    def places_with_coordinates(self, window: int = PLACE_WINDOW) -> list[Row]:
        """Entities with ``lat`` and ``lon`` in the analyses of the ``window`` most recently stored
        articles: id, names, type, lat, lon and the number of those articles mentioning each."""
        with self._lock:
            rows = self._rows("SELECT t.analysis FROM article_texts t ORDER BY t.pk DESC LIMIT ?",
                              (max(0, int(window)),))
        found: dict[str, Row] = {}
        seen: Counter[str] = Counter()
        for row in rows:
            here = set()
            for entity in json.loads(row["analysis"]).get("entities", []):
                point = _coordinates(entity)
                if point is None:
                    continue
                key = entity_id(entity)
                found.setdefault(key, {"id": key, "type": entity.get("type"), "name_ar": entity.get("name_ar"),
                                       "name_en": entity.get("name_en"), "lat": point[0], "lon": point[1]})
                here.add(key)
            seen.update(here)
        return sorted(({**place, "articles": seen[key]} for key, place in found.items()),
                      key=lambda p: (-p["articles"], p["id"]))

    # --- actors --------------------------------------------------------------------------
    def actor_links(self, type: str | None = None, date_from: str | None = None,
                    date_to: str | None = None) -> Counter[tuple[str, str]]:
        """How many events each entity (source) directs at each other entity (target)."""
        where, params = self._event_where(type, None, date_from, date_to)
        with self._lock:
            rows = self._rows(f"SELECT e.source_entities AS s, e.target_entities AS t, COUNT(*) AS n "
                              f"FROM events e WHERE {where} AND e.source_entities <> '' "
                              "AND e.target_entities <> '' GROUP BY e.source_entities, e.target_entities",
                              params)
        links: Counter[tuple[str, str]] = Counter()
        for row in rows:
            for source in set(padded_codes(row["s"])):
                for target in set(padded_codes(row["t"])):
                    if source != target:
                        links[(source, target)] += int(row["n"])
        return links

    def entity_names(self, ids: Iterable[str]) -> dict[str, Row]:
        """id → (id, type, name_ar, name_en, country) for the given entity ids."""
        wanted = sorted(set(ids))
        found: dict[str, Row] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):  # bounded IN lists
                chunk = wanted[start:start + 500]
                marks = ", ".join("?" * len(chunk))
                for row in self._rows(f"SELECT id, type, name_ar, name_en, country FROM entities "
                                      f"WHERE id IN ({marks})", chunk):
                    found[row["id"]] = row
        return found


def _coordinates(entity: dict[str, Any]) -> tuple[float, float] | None:
    """(lat, lon) of an entity of the analysis when it has valid ones."""
    lat, lon = entity.get("lat"), entity.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lat), float(lon)
