"""Bad input gets one line on stderr naming the input and the problem, exit status 1, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "قال وزير الخارجية إن بلاده ستواصل المفاوضات مع الجانب الأمريكي خلال الأسبوع المقبل.\n"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "marsad", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd)


def one_line_error(proc: subprocess.CompletedProcess[bytes], *needles: str) -> str:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.txt"
    one_line_error(run("analyze", str(missing)), str(missing), "does not exist")


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    one_line_error(run("analyze", str(tmp_path)), str(tmp_path), "no article files")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 4)
    one_line_error(run("analyze", str(path)), str(path), "binary")


@pytest.mark.parametrize("data", [
    "Le président a déclaré que les négociations échoueront à Genève.".encode("latin-1"),
    "俄罗斯总统普京访问朝鲜并签署协议".encode("gbk"),
    b"\x81\x8d\x8f\x90\x9d" * 50,
], ids=["latin-1", "gbk", "noise"])
def test_undecodable_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "foreign.txt"
    path.write_bytes(data)
    one_line_error(run("analyze", str(path)), str(path), "cannot be decoded")


@pytest.mark.parametrize("content", ["", "   \n\t\n", "\u200f\u200e\n"])
def test_empty_or_whitespace(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    one_line_error(run("analyze", str(path)), str(path), "empty")


def test_oversized_input(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(ARTICLE * 100_000, encoding="utf-8")
    one_line_error(run("analyze", str(path)), str(path), "over the limit")


def test_unreachable_url() -> None:
    one_line_error(run("analyze", "http://127.0.0.1:9/news"), "http://127.0.0.1:9/news", "cannot be reached")


@pytest.mark.parametrize("value", ["17/06/2024", "2024-13-01", "yesterday"])
def test_bad_published(tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    one_line_error(run("analyze", str(path), "--published", value), "--published", value)


def test_unknown_stage(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    one_line_error(run("analyze", str(path), "--stages", "clean,nonesuch"), "nonesuch", "known")


def test_jsonl_batch_stays_aligned_with_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([json.dumps({"id": "first", "text": ARTICLE}, ensure_ascii=False), "{oops",
                               json.dumps({"id": "third", "text": "  "}),
                               json.dumps({"id": "fourth", "text": ARTICLE}, ensure_ascii=False)]) + "\n",
                    encoding="utf-8")
    proc = run("analyze", str(path), "--format", "jsonl")
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == 4
    assert out[0]["record_id"] == "first" and out[0]["schema"] == "marsad.document/1"
    assert "error" in out[1] and f"{path}:2" in out[1]["error"]
    assert out[2]["id"] == "third" and "empty" in out[2]["error"]
    assert out[3]["record_id"] == "fourth" and out[3]["text"]
    # (the feed carries no dates: a warning line says so, apart from the error lines)
    err = [line for line in proc.stderr.decode().splitlines() if not line.startswith("marsad: warning:")]
    assert len(err) == 2 and "Traceback" not in proc.stderr.decode()


def test_batch_of_files_with_one_bad_item(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("الخارجية", "الدفاع"), encoding="utf-8")
    for jobs in ("1", "2"):
        proc = run("analyze", str(good), str(bad), str(other), "--format", "jsonl", "--jobs", jobs)
        assert proc.returncode == 1
        lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
        assert [("error" in line) for line in lines] == [False, True, False]
        assert "الدفاع" in lines[2]["text"]
        one_line_error(proc, str(bad), "binary")


def test_stdin_and_out_file(tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    proc = run("analyze", "-", "--published", "2024-06-17", "--out", str(out), stdin=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["published"] == "2024-06-17" and doc["text"] == ARTICLE.strip()
    assert not (tmp_path / "doc.json.part").exists()


def test_text_format_is_rtl_safe(example_path: Path) -> None:
    proc = run("analyze", str(example_path), "--format", "text")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "\u2067" in out and "\u2069" in out  # each Arabic run isolated right-to-left
    assert "بيونغ يانغ" in out


def test_stages_lists_the_builtins() -> None:
    proc = run("stages")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    order = [out.index(f". {name}:") for name in ("clean", "segment", "entities", "temporal", "quantities",
                                                  "quotes", "events")]
    assert order == sorted(order)  # in pipeline order


def test_validate_accepts_our_output_and_rejects_a_broken_file(tmp_path: Path, example_path: Path) -> None:
    out = tmp_path / "doc.json"
    assert run("analyze", str(example_path), "--out", str(out)).returncode == 0
    assert run("validate", str(out)).returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["sentences"][0]["start"] += 1
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run("validate", str(broken))
    assert proc.returncode == 1 and "sentences" in proc.stderr.decode()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_validate_accepts_every_format_analyze_writes(tmp_path: Path, fmt: str) -> None:
    """Several inputs as a JSON list, and JSONL with the error record of a bad input."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "قال الرئيس إن الحكومة ستستقيل."}\n{"text": ""}\n'
                    '{"text": "أعلنت الوزارة أمس عن خطة جديدة للطاقة."}\n', encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    run("analyze", str(feed), "--format", fmt, "--out", str(out))
    proc = run("validate", str(out))
    assert proc.returncode == 0, proc.stderr.decode()


def test_validate_errors_are_short_lines(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"schema": "marsad.document/1", "text": "ب" * 5000, "sentences": "ب" * 5000}),
                      encoding="utf-8")
    proc = run("validate", str(broken))
    assert proc.returncode == 1
    lines = proc.stderr.decode("utf-8").splitlines()
    assert lines and all(len(line) <= len(str(broken)) + 200 for line in lines)


@pytest.mark.parametrize(("option", "needle"), [
    (("--type", "FOO"), "not a PLOVER type; use one of AGREE"),
    (("--country", "Narnia"), "not known; give an ISO 3166-1 alpha-3 code"),
    (("--from", "2015-13-01"), "the from date '2015-13-01' is not a date"),
])
def test_search_refuses_values_that_would_find_nothing(tmp_path: Path, option: tuple[str, str], needle: str) -> None:
    db = tmp_path / "m.db"
    (tmp_path / "a.txt").write_text("قال الرئيس اليمني إن الحكومة ستعود إلى عدن.", encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.txt"), "--db", str(db)).returncode == 0
    one_line_error(run("search", "اليمن", "--db", str(db), *option), needle)


def test_search_takes_a_country_by_english_name_and_says_when_no_quote_is_found(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    (tmp_path / "a.txt").write_text("قال الرئيس اليمني عبد ربه منصور هادي إن الحكومة ستعود إلى عدن قريبا.",
                                    encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.txt"), "--db", str(db)).returncode == 0
    by_name = run("search", "الحكومة", "--db", str(db), "--country", "Yemen")
    by_code = run("search", "الحكومة", "--db", str(db), "--country", "yem")
    assert by_name.returncode == 0 and by_name.stdout and by_name.stdout == by_code.stdout
    nothing = run("search", "كوريا", "--quotes", "--speaker", "بيسكوف", "--db", str(db))
    assert nothing.returncode == 0 and "no quotes found" in nothing.stderr.decode()
