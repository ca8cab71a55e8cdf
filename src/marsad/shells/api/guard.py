"""Guards every response of the server shares: the Host header check and ``nosniff``.

DNS rebinding points an attacker's domain name at the server's address, so that a page of that
domain can read the API from a victim's browser.  The browser still sends the attacker's name in
``Host``, so only names the server was told about are served: the bind address, ``localhost``,
any IP literal (a page whose origin is a bare IP address gains nothing), and ``--allow-host``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.shells.api.errors import error_response

#: Host names always served: the machine itself.
LOCAL_NAMES = frozenset({"localhost"})
#: Bind addresses that mean "every interface": they name no host to accept.
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def host_name(value: str) -> str:
    """The name in a Host header, without its port or IPv6 brackets, lower-cased."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def trusted_hosts(bind: str, allowed: Iterable[str] = ()) -> frozenset[str]:
    """The host names served for a server bound to ``bind`` with ``--allow-host`` names."""
    names = set(LOCAL_NAMES) | {host_name(a) for a in allowed if a.strip()}
    if bind not in WILDCARDS:
        names.add(host_name(bind))
    return frozenset(names)


class Guard:
    """Refuse a foreign Host with the API's error shape; add ``nosniff`` to every response.

    ``hosts`` None serves any Host (the library default, and the test client's ``testserver``).
    """

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.hosts is not None:
            given = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            name = host_name(given)
            if not (_is_ip(name) or name in self.hosts):
                response = error_response(400, "bad_host", f"Host {given[:80]!r} is not served here; start "
                                          "the server with --allow-host NAME to serve a name")
                await response(scope, receive, _nosniff(send))
                return
        await self.app(scope, receive, _nosniff(send))


def _nosniff(send: Send) -> Send:
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message)["X-Content-Type-Options"] = "nosniff"
        await send(message)

    return sender
