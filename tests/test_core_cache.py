"""The on-disk cache of built resources: same values as building them, never fatal, never stale."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.core import cache
from marsad.stages.entities import kb as kb_module
from marsad.stages.entities.features import load_lexicons
from marsad.stages.entities.tagger import data_dir, shipped_lexicons

SENTENCE = "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو أمس إن بلاده ستواصل دعم الحكومة السورية."


@pytest.fixture()
def cache_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(folder))
    monkeypatch.delenv("MARSAD_CACHE", raising=False)
    return folder


def _counting_build(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value
    return calls, build


def test_a_value_is_built_once_then_read_back(cache_at: Path) -> None:
    value = {("وزير", "الخارجية"): "PER", "x": (1, 2.5)}
    calls, build = _counting_build(value)
    assert cache.cached("probe", build) == value
    assert cache.cached("probe", build) == value
    assert len(calls) == 1
    assert len(list(cache_at.glob("probe-*.marshal"))) == 1


def test_a_torn_entry_is_rebuilt(cache_at: Path) -> None:
    calls, build = _counting_build({"a": 1})
    cache.cached("probe", build)
    entry = next(cache_at.glob("probe-*"))
    entry.write_bytes(entry.read_bytes()[:3])
    assert cache.cached("probe", build) == {"a": 1}
    assert len(calls) == 2


def test_the_cache_can_be_turned_off(cache_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_CACHE", "off")
    calls, build = _counting_build([1, 2])
    cache.cached("probe", build)
    cache.cached("probe", build)
    assert len(calls) == 2
    assert not cache_at.exists()


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached("probe", lambda: {"k": "v"}) == {"k": "v"}


def test_another_package_stamp_replaces_the_entry(cache_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.cached("probe", lambda: 1)
    cache.cached("probe-other", lambda: 2)  # another name sharing the prefix is kept
    monkeypatch.setattr(cache, "package_stamp", lambda: "0" * 24)
    assert cache.cached("probe", lambda: 3) == 3
    assert [p.name for p in cache_at.glob("probe-*.marshal") if p.name.count("-") == 1] == [f"probe-{'0' * 24}.marshal"]
    assert len(list(cache_at.glob("probe-other-*"))) == 1


def test_the_stamp_follows_the_package_files() -> None:
    stamp = cache.package_stamp()
    assert len(stamp) == 24 and stamp == cache.package_stamp()


def test_the_cached_knowledge_base_is_the_built_one(cache_at: Path) -> None:
    built = kb_module.build()
    cache.cached("kb", kb_module.build, codec="pickle")  # write
    read = cache.cached("kb", lambda: pytest.fail("the entry was not read"), codec="pickle")
    assert read.entries == built.entries
    assert dict(read.names) == dict(built.names)
    assert read.offices == built.offices


def test_the_cached_lexicons_are_the_built_ones(cache_at: Path) -> None:
    built = load_lexicons(data_dir())
    shipped_lexicons()  # write
    read = shipped_lexicons()
    assert read == built


def _analyse(env: dict[str, str], path: Path) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(path), "--format", "json",
                          "--published", "2015-08-11"], capture_output=True, text=True, env=env, check=True)
    return dict(json.loads(out.stdout))


def test_analysis_is_the_same_cold_warm_and_without_cache(tmp_path: Path) -> None:
    import os

    article = tmp_path / "one.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    env = {**os.environ, "MARSAD_CACHE_DIR": str(tmp_path / "c")}
    cold = _analyse(env, article)
    warm = _analyse(env, article)
    off = _analyse({**env, "MARSAD_CACHE": "off"}, article)
    assert cold == warm == off
    assert any(e.get("name_en") == "Sergey Lavrov" for e in cold["entities"])  # type: ignore[union-attr]
