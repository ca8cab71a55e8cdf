"""``marsad serve``: attached by ``add_commands``, refuses a missing database in one line."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from marsad.core.errors import SettingsError
from marsad.shells.cli.web import add_commands, serve, serve_settings
from marsad.shells.server import api_token, body_limit


def test_add_commands_attaches_serve() -> None:
    group = click.Group("marsad")
    add_commands(group)
    assert group.get_command(click.Context(group), "serve") is serve


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve, ["--db", str(tmp_path / "none.db"), "--port", "0"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "none.db" in lines[0] and "marsad ingest" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("token", "limit", "writable"), [(None, None, False), ("abc-token-123", 1000, True)])
def test_serve_settings(token: str | None, limit: int | None, writable: bool) -> None:
    settings = serve_settings(token, limit)
    assert (api_token(settings) is not None) is writable
    if limit:
        assert settings.max_input_bytes == limit and body_limit(settings) > limit


def test_serve_token_is_checked_like_any_setting() -> None:
    with pytest.raises(SettingsError) as info:
        serve_settings("abc", None)
    assert "api_token" in str(info.value)


def test_a_port_in_use_is_one_line_and_exit_1(tmp_path: Path, example_path: Path) -> None:
    import socket
    import subprocess
    import sys

    db = tmp_path / "m.db"
    assert subprocess.run([sys.executable, "-m", "marsad", "ingest", str(example_path), "--db", str(db)],
                          capture_output=True, timeout=120).returncode == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("marsad: E") and f"port {port}" in lines[0]
    assert "serving" not in proc.stderr
