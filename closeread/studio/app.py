"""The studio's web app (WSGI): the page, its assets, the JSON API under it, and the preview.

| route | what |
|---|---|
| ``GET /`` | the studio page (needs the token: ``?token=`` once, then an HttpOnly cookie) |
| ``GET /static/NAME`` | the page's own script and stylesheet, from the package |
| ``GET /api/state`` | everything the page draws, as JSON |
| ``GET /api/version`` | the files' version, polled to pick up a save made in an editor |
| ``GET /api/draft?type=T&annotation=ID`` | a question drafted from an annotation (nothing written) |
| ``POST /api/action`` | ``{"action", "params", "version"}``: one action, saved at once |
| ``POST /api/undo`` | undo the last action |
| ``GET /preview`` (``/api/preview``) | the lesson's student page (its check state as JSON) |

Every response forbids loading anything from another host (Content-Security-Policy) and sends no
referrer. The checks of ``csrf`` guard every read and write.
"""

from __future__ import annotations

import json
import sys
from http.cookies import SimpleCookie
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

import jinja2
from markupsafe import Markup

from closeread.errors import inert
from closeread.studio import csrf
from closeread.studio.drafts import NoDraft, draft
from closeread.studio.preview import asset, body_html
from closeread.studio.session import Refused, Session

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
STATIC = {"studio.js": "text/javascript; charset=utf-8", "studio.css": "text/css; charset=utf-8"}
MAX_BODY = 1_000_000


class Incomplete(Exception):
    """A request whose body did not all arrive; nothing is done with it."""


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("closeread", "studio/assets"), autoescape=True,
                              undefined=jinja2.StrictUndefined)


class StudioApp:
    def __init__(self, session: Session, guard: csrf.Guard, *, root: Path):
        self.session = session
        self.guard = guard
        self.root = root
        self.templates = _env()

    # -- plumbing ------------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/")
        try:
            status, headers, body = self.route(method, path, environ)
        except Refused as exc:
            status, headers, body = self._json(409, {"error": str(exc)})
        except Incomplete as exc:
            status, headers, body = self._json(400, {"error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - one bad request must not stop the author's session
            # an action fails before anything is written (the write is its last step); say so in one line
            print(inert(f"studio: {method} {path[:80]} failed: {type(exc).__name__}: {exc}"), file=sys.stderr)
            status, headers, body = self._json(500, {"error": f"the studio could not do that ({type(exc).__name__}); nothing was written"})
        headers = [*headers, ("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
                   ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-store"), ("X-Frame-Options", "DENY"),
                   ("Content-Length", str(len(body)))]
        start_response(status, headers)
        return [body]

    @staticmethod
    def _json(code: int, data, extra: list | None = None):
        reason = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
                  409: "Conflict", 413: "Payload Too Large", 500: "Internal Server Error"}[code]
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return f"{code} {reason}", [("Content-Type", "application/json; charset=utf-8"), *(extra or [])], body

    @staticmethod
    def _text(code: str, text: str, ctype: str = "text/plain; charset=utf-8"):
        return code, [("Content-Type", ctype)], text.encode("utf-8")

    def _cookies(self, environ) -> dict[str, str]:
        jar = SimpleCookie()
        try:
            jar.load(environ.get("HTTP_COOKIE", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header is no cookie
            return {}
        return {k: m.value for k, m in jar.items()}

    def _body(self, environ) -> dict:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length < 0:  # read(-1) would read on until the client closes
            raise Refused(f"the request's Content-Length is {length}; expected the body's length in bytes")
        if length > MAX_BODY:
            raise Refused(f"the request is {length} bytes; expected at most {MAX_BODY}")
        raw = self._read(environ["wsgi.input"], length)
        if len(raw) < length:  # the client stopped sending, or the server's deadline cut it
            raise Incomplete(f"the request's body ended after {len(raw)} of its {length} bytes (Content-Length); expected the whole body")
        try:
            data = json.loads(raw.decode("utf-8") or "{}")
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise Refused("the request body is not JSON; expected a JSON object") from None
        if not isinstance(data, dict):
            raise Refused("the request body is not a JSON object")
        return data

    @staticmethod
    def _read(stream, length: int) -> bytes:
        """Up to ``length`` bytes of the body: fewer when the client stops (EOF, or the server's timeout)."""
        read = getattr(stream, "read1", stream.read)  # a piece at a time, so that a timeout keeps what came
        chunks, got = [], 0
        while got < length:
            try:
                chunk = read(min(length - got, 65536))
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    # -- routes ----------------------------------------------------------------------------------------

    def route(self, method: str, path: str, environ):
        if path.startswith("/static/") and method == "GET":
            problem = self.guard.host_problem(environ)
            if problem:
                return self._text("403 Forbidden", problem)
            return self._static(path[len("/static/"):])
        if method == "POST":
            problem = self.guard.write_problem(environ)
            if problem:
                return self._json(403, {"error": problem})
            body = self._body(environ)
            if path == "/api/action":
                state = self.session.apply(str(body.get("action", "")), body.get("params") or {}, str(body.get("version", "")))
                return self._json(200, state)
            if path == "/api/undo":
                return self._json(200, self.session.undo(str(body.get("version", ""))))
            return self._json(404, {"error": f"no such write: {path[:80]}"})
        if method not in ("GET", "HEAD"):
            return self._json(405, {"error": "expected GET or POST"})
        cookies = self._cookies(environ)
        problem = self.guard.read_problem(environ, cookies)
        if problem:
            if path.startswith("/api/"):
                return self._json(403, {"error": problem})
            return self._text("403 Forbidden", problem)
        query = parse_qs(environ.get("QUERY_STRING", ""))
        if path == "/":
            return self._page(cookies)
        if path == "/api/state":
            return self._json(200, self.session.state())
        if path == "/api/version":
            return self._json(200, {"version": self.session.version()})
        if path == "/api/draft":
            return self._draft(query)
        if path in ("/preview", "/api/preview"):
            return self._preview(json_view=path.startswith("/api/"))
        if path.startswith("/preview/assets/"):
            found = asset(self.root, path.rsplit("/", 1)[-1])
            if found is None:
                return self._text("404 Not Found", "no such asset")
            return "200 OK", [("Content-Type", found[1])], found[0]
        return self._text("404 Not Found", f"no such page: {path[:80]}")

    def _static(self, name: str):
        if name not in STATIC:
            return self._text("404 Not Found", "no such file")
        data = resources.files("closeread.studio").joinpath("assets", name).read_bytes()
        return "200 OK", [("Content-Type", STATIC[name])], data

    def _page(self, cookies: dict[str, str]):
        html = self.templates.get_template("studio.html").render(slug=self.session.slug, token=self.guard.token)
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if cookies.get(self.guard.cookie) != self.guard.token:
            headers.append(("Set-Cookie", f"{self.guard.cookie}={self.guard.token}; HttpOnly; SameSite=Strict; Path=/"))
        return "200 OK", headers, html.encode("utf-8")

    def _draft(self, query: dict):
        qtype = (query.get("type") or [""])[0]
        ann_id = (query.get("annotation") or [""])[0]
        state = self.session.state()
        mark = next((m for m in state["marks"] if m["id"] == ann_id), None)
        if mark is None:
            return self._json(400, {"error": f"no annotation '{ann_id[:80]}'; expected an annotation selected in the article"})
        try:
            return self._json(200, {"question": draft(qtype, mark, marks=state["marks"], sources=state["sources"],
                                                      lines=state["article"]["lines"])})
        except NoDraft as exc:
            return self._json(400, {"error": str(exc)})

    def _preview(self, *, json_view: bool):
        from closeread.studio.checks import check

        checked = check(self.session.files.folder)
        problems = [str(p) for p in checked.problems]
        if json_view:
            return self._json(200, {"passes": checked.lesson is not None, "problems": problems, "page": "/preview"})
        html = self.templates.get_template("preview.html").render(
            slug=self.session.slug, lesson=checked.lesson, problems=problems,
            body=Markup(body_html(checked.lesson)) if checked.lesson else "")  # the renderer escaped every lesson text
        return "200 OK", [("Content-Type", "text/html; charset=utf-8")], html.encode("utf-8")
