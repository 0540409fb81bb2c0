"""Reproducible zip files: entries in the given order, one fixed time stamp, fixed permissions."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

_EARLIEST = dt.datetime(1980, 1, 1)  # the zip format cannot hold earlier times


def write_zip(entries: list[tuple[str, bytes]], *, timestamp: dt.datetime | None = None, stored: tuple[str, ...] = ()) -> bytes:
    """``stored``: name endings whose entries are stored, not deflated (files compressed already, like PDFs)."""
    when = max(timestamp.replace(tzinfo=None), _EARLIEST) if timestamp else _EARLIEST
    stamp = when.timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            if name.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_STORED if stored and name.endswith(stored) else zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            zf.writestr(info, data)
    return buf.getvalue()
