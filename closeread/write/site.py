"""Build a MkDocs site into a temporary folder and swap it in only when the build succeeded."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from closeread.errors import BuildFailed

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(" ".join(record.getMessage().split()))


def build_site(*, config_file: Path, site_dir: Path) -> None:
    """Run ``mkdocs build --strict`` for one config; the old site stays until the new one is complete."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    staging = site_dir.with_name(f".{site_dir.name}.new")
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(staging, ignore_errors=True)
    log = logging.getLogger("mkdocs")
    collector = _Collect()
    log.addHandler(collector)
    previous = log.level
    log.setLevel(logging.WARNING)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        # material's end-of-life notice and MkDocs' info lines go to the log; only warnings matter here
        build(config)
    except (exceptions.MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        detail = "; ".join(m for m in collector.messages if m) or str(exc)
        raise BuildFailed(f"{config_file.name}: the site build failed: {detail}; the previous site is left in place") from None
    finally:
        log.removeHandler(collector)
        log.setLevel(previous)
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
