"""One build at a time per kit folder.

Two builds started together used to share staging names and delete each other's ``site/``. A build
(and ``serve``'s regeneration) holds an exclusive ``flock`` on ``.closeread-cache/build.lock`` from
the first file it writes to its last swap; a second build says so and waits. The kernel releases
the lock when its process ends, however it ends, so no stale lock is ever left to remove by hand.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from closeread.errors import BuildFailed

LOCK_FILE = Path(".closeread-cache") / "build.lock"
WAIT_SECONDS = 1800.0  # a 1,000-lesson kit with PDFs builds in a few minutes


@contextlib.contextmanager
def build_lock(root: Path, *, say=None, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the kit's build lock for the block; wait up to ``wait`` seconds for another build."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: one build at a time is then up to the author
        yield
        return
    path = root / LOCK_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        raise BuildFailed(f"{LOCK_FILE.as_posix()}: cannot create the build lock ({exc.strerror}); expected a writable kit folder") from None
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and say is not None:
                    say("another build of this kit is running; waiting for it to finish")
                    told = True
                if time.monotonic() > deadline:
                    raise BuildFailed(
                        f"{LOCK_FILE.as_posix()}: another build of this kit has been running for {wait:.0f} s; "
                        "expected it to finish first (stop it, then build again)"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
