"""Every CLI command and option, setting and stage is documented."""

from __future__ import annotations

from pathlib import Path

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
