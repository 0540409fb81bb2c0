"""What the build keeps in ``.closeread-cache`` is checked before it is trusted.

The cache folder travels with a kit: a folder or zip received from someone else, a CI cache restored
across branches. Unchecked, a planted entry would publish its own pages (an entry holds rendered
Markdown, taken as it is) and a planted pickle would run code as it is read. So:

- every entry and cached PDF carries an HMAC-SHA256 tag made with a key of this user's, kept outside
  every kit (``$XDG_CACHE_HOME/closeread/cache-key``, else ``~/.cache/closeread/cache-key``, mode
  0600): an entry this user's builds did not write, or one changed since, fails the check and is a
  miss, made again from the lesson. A cache from another machine is simply cold.
- entries are read with an unpickler that builds only the kit's own value classes (frozen dataclasses
  and FrozenDict of the ``closeread`` package) and ``datetime.date``: no function can be named, so even
  an entry that passed the check could not run code.

Where no key can be kept (no writable home), the key lives in memory for this build and its worker
processes (forked after it is made): the build works with a cache that is cold every time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import io
import json
import os
import pickle
import secrets
from functools import cache
from pathlib import Path

MAGIC = b"closeread-cache-1\n"  # a changed format is a miss, not an error
TAG = 32  # bytes of an HMAC-SHA256 tag


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # as the XDG spec says: a relative one could put the key inside the kit
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "closeread" / "cache-key"


def _read_key(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(33)  # a key is 32 bytes: never read on and on (a link to /dev/zero)


@cache
def secret() -> bytes:
    """This user's cache key, made on first use, and made again when the file is not a key (cut short
    by a full disk, emptied): kept as it was, every build would run with a cold cache, saying nothing."""
    path = _key_file()
    damaged = False
    try:
        key = _read_key(path)
        if len(key) == 32:
            return key
        damaged = True
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".cache-key-{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        try:
            if damaged:
                os.replace(tmp, path)  # a concurrent build may replace it too: the last one's key stays
            else:
                os.link(tmp, path)  # the first build to get here wins; a concurrent one reads its key
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
        key = _read_key(path)
        if len(key) != 32:
            raise OSError("unreadable cache key")
    except OSError:
        pass  # kept in memory: this build's entries verify in this build only
    return key


def tag(*parts: bytes) -> bytes:
    mac = hmac.new(secret(), digestmod=hashlib.sha256)
    for part in parts:
        mac.update(len(part).to_bytes(8, "big"))
        mac.update(part)
    return mac.digest()


def seal(blob: bytes) -> bytes:
    """``blob`` with the header and tag that ``unseal`` checks."""
    return MAGIC + tag(blob) + blob


def unseal(data: bytes) -> bytes | None:
    """The blob ``seal`` wrapped, or None when the data was not sealed by this user's builds."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + TAG:
        return None
    start = len(MAGIC) + TAG
    blob = data[start:]
    return blob if hmac.compare_digest(data[len(MAGIC):start], tag(blob)) else None


class _ValuesOnly(pickle.Unpickler):
    """Builds the kit's value classes and nothing else: no function, no other module's class."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("datetime", "date"):
            return dt.date
        if module == "closeread" or module.startswith("closeread."):
            obj = super().find_class(module, name)
            from closeread.model import FrozenDict

            if isinstance(obj, type) and (dataclasses.is_dataclass(obj) or issubclass(obj, FrozenDict)):
                return obj
        raise pickle.UnpicklingError(f"{module}.{name} is not a value the cache may hold")


def loads(blob: bytes):
    """Unpickle data the build wrote (after ``unseal``), building only the kit's value classes."""
    return _ValuesOnly(io.BytesIO(blob)).load()


def json_object(path: Path) -> dict:
    """A JSON object the build wrote beside its entries (a site's stamp, a PDF's note), or ``{}`` when
    the file is missing, damaged or not what the build writes: nested past the stack, a list, a number.
    Such a file is as much a stranger's as an entry; a miss costs a rebuild, never the build."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}
