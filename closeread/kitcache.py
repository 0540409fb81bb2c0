"""What a later stage makes from the whole kit, kept whole: ``.closeread-cache/kit/<name>-<key>.pickle``.

The kit-wide LMS files hold every lesson. Put together again from the lessons' cached parts they still
cost seconds at 1,000 lessons (lxml elements for every question, every quiz's zip entries deflated
again), on every build, changed or not. Kept here under a key made of every lesson's cache key in the
kit's order (``LessonCache.kit_key``: the lessons' files, the code and its libraries, which lessons and
in which order) and of whatever else shapes them (SOURCE_DATE_EPOCH), an unchanged kit takes them as
they are. One entry per name: a new key replaces the old entry. Like the lesson cache it only saves
time: an unreadable or missing entry is a miss, and a failure to write one leaves it unwritten.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

from closeread.cache import read_entry, write_entry

KIT_DIR = Path(".closeread-cache") / "kit"
_NAME = re.compile(r"[a-z0-9]+")  # no hyphen: the name is what comes before the first one


class KitCache:
    def __init__(self, root: Path):
        self.folder = root / KIT_DIR

    def _path(self, name: str, key: str) -> Path:
        if not _NAME.fullmatch(name):
            raise ValueError(f"kit cache name {name!r}: expected lower-case letters and digits")
        return self.folder / f"{name}-{key}.pickle"

    def get(self, name: str, key: str):
        """What was kept under ``name`` for ``key``, or None."""
        return read_entry(self._path(name, key))

    def put(self, name: str, key: str, value) -> None:
        """Keep ``value`` under ``name`` for ``key``, in place of what was kept under ``name`` before."""
        path = self._path(name, key)
        write_entry(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        if not path.is_file():
            return  # not written (a full disk): keep what there was
        for old in self.folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
