"""``build.py studio [SLUG | PAGE.html] [--new PAGE] [--port N]``: serve the studio over one lesson.

A saved page (given as the argument or with ``--new``) is first imported by ``build.py new`` (``cli``).
The server listens on 127.0.0.1 only and prints its address with the run's token; Ctrl+C stops it.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from closeread.errors import CloseReadError
from closeread.validate.schema import SLUG, did_you_mean

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt")


def is_page(target: str) -> bool:
    """Whether the argument names a saved page to import (a slug never holds a dot or a slash)."""
    return target.lower().endswith(PAGE_SUFFIXES) or "/" in target or "\\" in target


def lesson_folder(root: Path, target: str | None) -> Path:
    """The folder of the lesson named by its slug, or a one-line error naming the lessons there are."""
    lessons = root / "lessons"
    known = sorted(p.name for p in lessons.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))) if lessons.is_dir() else []
    if target is None:
        raise CloseReadError(f"studio: which lesson? expected a slug ({', '.join(known) or 'none yet'}) or a saved page to import")
    if not SLUG.fullmatch(target):
        raise CloseReadError(f"studio: '{target}' is not a lesson slug; expected lower-case letters, digits and single hyphens (a folder in lessons/) or a saved page (.html, .html.gz, .txt)")
    folder = lessons / target
    if folder.is_symlink() or not (folder / "lesson.yaml").is_file():
        hint = did_you_mean(target, known) if known else "; expected the name of a folder in lessons/"
        raise CloseReadError(f"lessons/{target}: no such lesson{hint}")
    if (folder / "lesson.yaml").is_symlink():  # the build refuses it, and the studio would write beside it
        raise CloseReadError(f"lessons/{target}/lesson.yaml: the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)")
    return folder


def make_app(root: Path, folder: Path, port: int, token: str):
    from closeread.studio.app import StudioApp
    from closeread.studio.csrf import Guard
    from closeread.studio.session import Session

    return StudioApp(Session(folder), Guard(token, port), root=root)


def start(root: Path, folder: Path, *, port: int = 0, token: str | None = None, **limits):
    """A running studio server (in a thread); returns (server, url with token). ``limits``: the server's
    ``timeout``, ``deadline`` and ``max_connections`` (``studio.server``), for tests."""
    from closeread.studio.csrf import new_token
    from closeread.studio.server import Handler, Server

    token = token or new_token()
    server = Server(("127.0.0.1", port), Handler, **limits)
    server.set_app(lambda e, s: [])
    actual = server.server_address[1]
    server.set_app(make_app(root, folder, actual, token))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{actual}/?token={token}"


def run(*, root: Path, target: str | None, port: int) -> None:
    folder = lesson_folder(root, target)
    try:
        server, url = start(root, folder, port=port)
    except OSError as exc:
        raise CloseReadError(f"studio: cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); expected a free port (--port 0 picks one)") from None
    print(f"studio for lessons/{folder.name}: open {url}", flush=True)
    print("(only this computer can reach it; the address holds the run's secret token; Ctrl+C stops it)", file=sys.stderr, flush=True)
    try:
        threading.Event().wait()
    finally:
        server.shutdown()
        server.server_close()
