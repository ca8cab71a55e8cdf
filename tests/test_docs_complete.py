"""Every CLI command and option, setting and stage is documented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest

from marsad.core import registry
from marsad.core.settings import HELP, SECTIONS, Settings, section_help
from marsad.shells.cli.main import main

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands() -> list[tuple[str, click.Command]]:
    return sorted(main.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_command_and_option_is_in_docs_cli(name: str, command: click.Command) -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"marsad {name}" in text, f"`marsad {name}` is missing from docs/cli.md"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in text for opt in param.opts), f"{name} {param.opts} is missing from docs/cli.md"


def test_every_setting_is_in_docs_settings() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    fields = set(Settings.__dataclass_fields__)
    assert fields == set(HELP), "every setting has help text"
    for name in fields:
        assert f"`{name}`" in text, f"setting {name} is missing from docs/settings.md"


def test_every_section_key_is_in_docs_settings() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    keys = section_help()
    assert {k.split(".")[0] for k in keys} <= set(SECTIONS) <= set(HELP)
    assert all(keys.values()), "every section key has help text"
    for name in keys:
        assert f"`{name}`" in text, f"setting {name} is missing from docs/settings.md"


def test_every_stage_is_in_docs_stages() -> None:
    text = (DOCS / "stages.md").read_text(encoding="utf-8")
    for name in registry.all_stages():
        assert f"`{name}`" in text, f"stage {name} is missing from docs/stages.md"


def test_every_error_code_is_in_docs_stages() -> None:
    from marsad.core import errors

    text = (DOCS / "stages.md").read_text(encoding="utf-8")
    for obj in vars(errors).values():
        if isinstance(obj, type) and issubclass(obj, errors.MarsadError) and obj is not errors.MarsadError:
            assert obj.code in text and obj.__name__ in text, f"{obj.__name__} missing from docs/stages.md"


def _paths(routes: list[Any]) -> set[str]:
    """Paths of routes, also inside included routers."""
    found: set[str] = set()
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            found |= _paths(inner.routes)
        elif isinstance(getattr(route, "path", None), str):
            found.add(route.path)
    return found


def _web_pages() -> list[str]:
    from marsad.shells.web.pages import web_router
    from marsad.store import open_store
    from marsad.store.context import Context

    with open_store(":memory:") as store:
        return sorted(_paths(web_router(Context(store, Settings(), None), dict).routes))


@pytest.mark.parametrize("path", _web_pages())
def test_every_web_page_is_in_docs_web(path: str) -> None:
    text = (DOCS / "web.md").read_text(encoding="utf-8")
    assert f"`{path}`" in text, f"web page {path} is missing from docs/web.md"
