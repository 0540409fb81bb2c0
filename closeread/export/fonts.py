"""The fonts the printed pages use: all from Debian packages, named by family and found by fontconfig.

``fonts-noto-core`` gives Noto Serif (the article and the text) and Noto Sans (headings, questions,
labels); ``fonts-dejavu-core`` gives DejaVu Sans, the fallback for symbols (the tick in the answer key)
and scripts Noto's Latin fonts lack. The PDFs embed (subsets of) these fonts, so they print the same
anywhere; the build checks they are installed rather than letting fontconfig substitute silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache

from closeread.errors import BuildFailed

# family -> Debian package that installs it
REQUIRED = {
    "Noto Serif": "fonts-noto-core",
    "Noto Sans": "fonts-noto-core",
    "DejaVu Sans": "fonts-dejavu-core",
}
SERIF = '"Noto Serif", "DejaVu Serif", serif'
SANS = '"Noto Sans", "DejaVu Sans", sans-serif'


@cache
def installed() -> tuple[str, ...]:
    """One line per installed face of the families used: ``family|style|file|size``, sorted.

    Part of the PDF cache key: a font update re-renders the PDFs."""
    if not shutil.which("fc-list"):
        raise BuildFailed("PDFs: fontconfig's fc-list was not found (install the Debian package fontconfig)")
    out = subprocess.run(
        ["fc-list", "--format", "%{family[0]}|%{style[0]}|%{file}\n"], capture_output=True, text=True, check=True
    ).stdout
    rows = []
    for line in out.splitlines():
        family, _, rest = line.partition("|")
        if family in REQUIRED:
            path = rest.rpartition("|")[2]
            try:
                size = os.path.getsize(path)
            except OSError:
                size = -1
            rows.append(f"{line}|{size}")
    return tuple(sorted(rows))


def check() -> None:
    """Fail with the packages to install when a font the PDFs need is missing."""
    found = {row.split("|", 1)[0] for row in installed()}
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        packages = sorted({REQUIRED[f] for f in missing})
        raise BuildFailed(
            f"PDFs: font{'s' if len(missing) > 1 else ''} {', '.join(missing)} not installed; "
            f"install the Debian package{'s' if len(packages) > 1 else ''} {' '.join(packages)} (or build with --no-pdf)"
        )
