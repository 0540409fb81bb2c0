"""Who may write: the page the studio served, and nothing else.

A local server that writes files is reachable by every web page the author opens (a form posted to
127.0.0.1, a script's fetch) and, through DNS rebinding, by pages whose host name points at
127.0.0.1. So every request must name the studio's own host (``Host``), and every write must also

- carry the per-run secret token in the ``X-Studio-Token`` header (a page elsewhere cannot read it:
  it is printed in the terminal and handed to the studio's page only; a cross-site form cannot set a
  header, and a cross-site ``fetch`` with one needs a CORS preflight the studio never grants);
- come from the studio's own origin: ``Origin`` equal to the studio's, or, where a browser sends no
  ``Origin``, ``Sec-Fetch-Site: same-origin``; a request with neither is refused;
- be JSON (``Content-Type: application/json``), which no plain HTML form can send.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

HEADER = "HTTP_X_STUDIO_TOKEN"


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Guard:
    token: str
    port: int

    @property
    def hosts(self) -> tuple[str, ...]:
        return (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    @property
    def cookie(self) -> str:
        """The cookie's name: a browser sends a cookie of 127.0.0.1 to every port there, so a name of its
        own keeps two studios (or this run and an earlier one) from replacing each other's."""
        return f"closeread_studio_{self.port}"

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(f"http://{h}" for h in self.hosts)

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    def host_problem(self, environ: dict) -> str:
        host = environ.get("HTTP_HOST", "")
        if host not in self.hosts:
            return f"host '{host[:80]}' is not the studio's; expected {self.hosts[0]}"
        return ""

    def read_problem(self, environ: dict, cookies: dict[str, str]) -> str:
        """A page or the API read: the studio's host, and the token (query, header or cookie)."""
        problem = self.host_problem(environ)
        if problem:
            return problem
        # any one right token will do: a stale cookie (an earlier run on this port) must not hide the
        # token of the address the studio printed
        given = (environ.get(HEADER), cookies.get(self.cookie), _query_token(environ))
        return "" if any(self.token_ok(g) for g in given) else "no studio token; expected the address the studio printed (with its ?token=...)"

    def write_problem(self, environ: dict) -> str:
        """Every write: host, same origin, JSON, and the token in its header."""
        problem = self.host_problem(environ)
        if problem:
            return problem
        origin = environ.get("HTTP_ORIGIN")
        fetch_site = environ.get("HTTP_SEC_FETCH_SITE")
        if origin is not None:
            if origin not in self.origins:
                return f"origin '{origin[:80]}' is not the studio's; expected a request from the studio's own page"
        elif fetch_site != "same-origin":
            return "the request does not say where it comes from (no Origin, no Sec-Fetch-Site: same-origin); expected a request from the studio's own page"
        if fetch_site is not None and fetch_site not in ("same-origin", "none"):
            return f"Sec-Fetch-Site is '{fetch_site[:40]}'; expected same-origin"
        if environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower() != "application/json":
            return "the request is not JSON; expected Content-Type: application/json"
        if not self.token_ok(environ.get(HEADER)):
            return "the request has no valid studio token; expected the X-Studio-Token header the studio's page sends"
        return ""


def _query_token(environ: dict) -> str | None:
    from urllib.parse import parse_qs

    values = parse_qs(environ.get("QUERY_STRING", "")).get("token")
    return values[0] if values else None
