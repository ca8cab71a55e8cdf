"""``marsad serve``: the REST API and the web UI over a store, on uvicorn."""

from __future__ import annotations

import click

from marsad.core.settings import Settings
from marsad.shells.cli.common import one_line_errors, set_option

DB_HELP = "database: a file (SQLite) or postgresql://USER@HOST/DB"
#: The same default database as ``marsad ingest`` and ``marsad search``.
DEFAULT_DB = "marsad.db"


def serve_settings(token: str | None, max_input_bytes: int | None, private_urls: bool = False,
                   assignments: tuple[str, ...] = ()) -> Settings:
    """Settings from the serve options, checked like any others (a token of 8 characters or more);
    ``--set`` gives the server-wide defaults ``POST /analyze`` starts from."""
    values: dict[str, object] = {"api_token": token or None, "api_private_urls": private_urls}
    if max_input_bytes:
        values["max_input_bytes"] = max_input_bytes
    return Settings.from_mapping(values).with_assignments(assignments)


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on (keep 127.0.0.1 unless others must reach it)")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="a host name clients may use besides the bind address, localhost and IP addresses "
                   "(repeatable); other Host headers are refused (DNS rebinding)")
@click.option("--token", envvar="MARSAD_API_TOKEN",
              help="bearer token that allows writes (POST /articles); without one the server is "
                   "read-only. Prefer the MARSAD_API_TOKEN environment variable: an option is "
                   "visible to every user in the process list")
@click.option("--max-input-bytes", type=click.IntRange(min=1),
              help="largest article accepted by POST /analyze and /articles, in bytes")
@click.option("--private-urls", is_flag=True,
              help="let POST /analyze fetch URLs on loopback and private addresses (off: public only)")
@set_option
@one_line_errors
def serve(db: str, host: str, port: int, allow_hosts: tuple[str, ...], token: str | None,
          max_input_bytes: int | None, private_urls: bool, assignments: tuple[str, ...]) -> None:
    """Serve the web UI (/) and the REST API (docs at /docs) over DB."""
    import uvicorn

    from marsad.core.errors import NotFoundError
    from marsad.shells.api.guard import trusted_hosts
    from marsad.shells.server import create_app

    if "://" not in db and not _exists(db):
        raise NotFoundError("does not exist; create it with `marsad ingest PATH --db DB`", source=db)
    app = create_app(db, serve_settings(token, max_input_bytes, private_urls, assignments),
                     trusted_hosts(host, allow_hosts))
    _check_free(host, port)
    mode = "read-write (token set)" if token else "read-only"
    click.echo(f"marsad: serving {db} {mode} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_free(host: str, port: int) -> None:
    """Refuse, in one line, an address that is taken or cannot be bound (before saying "serving")."""
    import socket

    from marsad.core.errors import InputError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"cannot be resolved to an address to serve on ({exc.strerror})", source=host) from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise InputError(f"port {port} cannot be used ({exc.strerror}); choose another with --port",
                             source=f"{host}:{port}") from None


def _exists(path: str) -> bool:
    from pathlib import Path

    return path == ":memory:" or Path(path).is_file()


def add_commands(cli: click.Group) -> None:
    """Attach ``serve`` to the main command group (replacing any earlier ``serve``)."""
    cli.add_command(serve)
