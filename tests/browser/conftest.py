"""Browser tests: the built sites in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright
from PyPI; never `playwright install`).

Each kit is built once per session into a temporary folder and served with http.server on 127.0.0.1 from its
root, so that site/ and site-teacher/ are siblings there as in a copy of the kit. Every page records every
request it makes; a request to any other host is blocked and fails the test.

Without Chromium or Playwright the tests skip with the reason, unless CI=true, where they fail.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO, make_kit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEED = "sputnik-africa-desertions"
FIXTURE = "tiny-harbour"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def browser_missing() -> str:
    """Why the browser tests cannot run here, or '' when they can."""
    if not Path(CHROMIUM).exists():
        return f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -r requirements-test.txt; never `playwright install`)"
    return ""


def require_browser() -> None:
    """Skip with a clear reason where the browser is missing, but fail under CI=true: there they must run."""
    problem = browser_missing()
    if not problem:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run under CI=true, but: {problem}", pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}")


def _build(kit: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), "build", "--no-pdf"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"the kit at {kit} did not build:\n{result.stdout}\n{result.stderr}"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@dataclass
class Served:
    root: Path  # the kit folder, holding site/ and site-teacher/
    url: str  # http://127.0.0.1:<port>/

    def http(self, path: str) -> str:
        return self.url + path

    def file(self, path: str) -> str:
        return (self.root / path).as_uri()


def _serve(root: Path, stack: list) -> Served:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stack.append(server)
    return Served(root, f"http://127.0.0.1:{server.server_address[1]}/")


@pytest.fixture(scope="session")
def _servers():
    stack: list = []
    yield stack
    for server in stack:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def fixture_kit(tmp_path_factory, _servers) -> Served:
    """The fixture lesson (every kind and question type), built and served."""
    require_browser()
    kit = make_kit(tmp_path_factory.mktemp("browser-fixture") / "kit")
    _build(kit)
    return _serve(kit, _servers)


@pytest.fixture(scope="session")
def shipped_kit(tmp_path_factory, _servers) -> Served:
    """The shipped lessons (the seed lesson among them), built and served."""
    require_browser()
    kit = make_kit(tmp_path_factory.mktemp("browser-shipped") / "kit", REPO / "lessons")
    _build(kit)
    return _serve(kit, _servers)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: a sync Playwright left running for the whole session would stop any
    other module's Playwright from starting (only one sync event loop may run at a time)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Recorder:
    """Every request the pages of one browser context made, and those that went elsewhere."""

    allowed: list[str]
    seen: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def ok(self, url: str) -> bool:
        return url.startswith(("data:", "blob:", "about:")) or any(url.startswith(a) for a in self.allowed)


def _context(browser, served: list[Served], viewport: dict, **kwargs):
    allowed = [s.url for s in served] + ["file://"]
    rec = Recorder(allowed)
    ctx = browser.new_context(viewport=viewport, **kwargs)

    def route(r):
        url = r.request.url
        rec.seen.append(url)
        if rec.ok(url):
            r.continue_()
        else:
            rec.outside.append(url)
            r.abort()

    ctx.route("**/*", route)
    ctx.on("weberror", lambda e: rec.errors.append(str(e.error)))
    return ctx, rec


@pytest.fixture
def open_page(browser, request):
    """open_page(url, viewport=DESKTOP, reduced_motion=...) -> Page; checks, after the test, that no request left
    the site and that no script error happened."""
    made = []

    def _open(url: str, *, viewport: dict | None = None, served: list[Served] | None = None, **kwargs):
        kits = served if served is not None else _known(request)
        ctx, rec = _context(browser, kits, viewport or DESKTOP, **kwargs)
        page = ctx.new_page()
        page.set_default_timeout(10_000)
        page.recorder = rec
        made.append((ctx, rec))
        if kwargs.get("java_script_enabled", True):
            _settle_after_navigation(page)
        page.goto(url)
        return page

    yield _open
    problems = []
    for ctx, rec in made:
        ctx.close()
        if rec.outside:
            problems.append(f"requests left the site: {rec.outside}")
        if rec.errors:
            problems.append(f"script errors: {rec.errors}")
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


# closeread.js starts after the load event (docs/javascripts/closeread.js, at its end): a test acts on the page
# it made, so each navigation waits for it. Its start is one task, and the first thing it does is the `cr-js`
# class; a page without the script (`window.closeread` unset) has nothing to wait for.
READY = "() => document.readyState === 'complete' && (!window.closeread || document.documentElement.classList.contains('cr-js'))"


def _settle_after_navigation(page) -> None:
    for name in ("goto", "reload", "go_back", "go_forward"):
        navigate = getattr(page, name)

        def settled(*args, _navigate=navigate, **kwargs):
            response = _navigate(*args, **kwargs)
            page.wait_for_function(READY)
            return response

        setattr(page, name, settled)


def _known(request) -> list[Served]:
    """The kits this test already uses (their servers are the site's own hosts)."""
    out = []
    for name in ("fixture_kit", "shipped_kit"):
        if name in request.fixturenames:
            out.append(request.getfixturevalue(name))
    return out
