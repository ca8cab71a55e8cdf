"""What every command shares: one line on stderr for each error (exit status 1, never a
traceback) and the settings built from the common options.

Its own module so that the command modules (``cli_store``, ``cli_web``, ``cli_events``) and
``cli`` can all import it without importing each other.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from marsad.core.errors import MarsadError, SettingsError
from marsad.core.settings import Settings, parse_published

F = TypeVar("F", bound=Callable[..., Any])


def report(message: str) -> None:
    click.echo(f"marsad: {message}", err=True)


def one_line_errors(fn: F) -> F:
    """Turn MarsadError (and anything unexpected) into one line on stderr and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except MarsadError as exc:
            report(str(exc))
            sys.exit(1)
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(130)
        except Exception as exc:  # never a traceback for a user; the message says what broke
            report(f"E999 internal error: {type(exc).__name__}: {exc} (please report it)")
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def set_option(fn: F) -> F:
    """The repeatable ``--set SECTION.KEY=VALUE`` option of every command that builds Settings."""
    return click.option("--set", "assignments", multiple=True, metavar="SECTION.KEY=VALUE",
                        help="change a setting, e.g. --set events.protest_threshold=0.5 or --set entities.tagger=false "
                             "(repeatable; see docs/settings.md)")(fn)


def command_settings(published: str | None, jobs: int, stages: str | None = None,
                     assignments: Iterable[str] = (), max_input_bytes: int | None = None) -> Settings:
    """Settings from the ``--published``, ``--jobs``, ``--stages``, ``--max-input-bytes`` and ``--set``
    options of a command (``--set`` applied last, in order)."""
    values: dict[str, Any] = {"jobs": jobs}
    if max_input_bytes is not None:
        values["max_input_bytes"] = max_input_bytes
    if published:
        try:
            values["published"] = parse_published(published)
        except SettingsError:
            raise SettingsError(f"--published {published!r} is not a date; use YYYY-MM-DD, e.g. 2024-06-17") from None
    if stages:
        values["stages"] = tuple(s.strip() for s in stages.split(",") if s.strip())
    return Settings.from_mapping(values).with_assignments(assignments)


#: ``--max-input-bytes``, shared by analyze and ingest (JSON and JSON Lines feeds apply it per record).
MAX_INPUT_BYTES_HELP = "largest article in bytes (per record in a JSON or JSONL feed; default 5,000,000)"
