"""Build a MkDocs site into a temporary folder and swap it in only when the build succeeded."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from closeread.errors import BuildFailed
from closeread.swap import exchange as _exchange
from closeread.write.search import split_index

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(" ".join(record.getMessage().split()))


class _Pages(logging.Handler):
    """Counts MkDocs' "Reading:" and "Building page" debug lines to report progress on big sites."""

    def __init__(self, report):
        super().__init__(logging.DEBUG)
        self.report = report
        self.total = 0
        self.done = 0

    def emit(self, record):
        message = record.msg if isinstance(record.msg, str) else ""
        if message.startswith("Reading: ") and message.endswith(".md"):
            self.total += 1
        elif message.startswith("Building page "):
            self.done += 1
            self.report(self.done, max(self.total, self.done))


def stage_site(*, config_file: Path, site_dir: Path, progress=None, exclude: tuple[str, ...] = ()) -> Path:
    """Run ``mkdocs build --strict`` for one config into a staging folder beside ``site_dir``; return it.

    ``exclude``: more ``exclude_docs`` patterns (gitignore style) for this build only, added to the
    config's own (the student site leaves out draft lessons this way; the list changes with the kit, so
    it cannot live in mkdocs.yml). Nothing in ``site_dir`` is touched; on failure the staging folder is
    removed and BuildFailed raised.
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # unique per build: two builds never write into one staging folder (the lock makes them take
    # turns, but a staging folder left by a killed build must not be mistaken for this one)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    log = logging.getLogger("mkdocs")
    collector = _Collect()
    log.addHandler(collector)
    previous = log.level
    log.setLevel(logging.WARNING)
    builder_log = logging.getLogger("mkdocs.commands.build")
    pages = _Pages(lambda done, total: progress.count(f"{site_dir.name}/ pages", done, total)) if progress else None
    if pages:
        builder_log.addHandler(pages)
        builder_log.setLevel(logging.DEBUG)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        if exclude:
            import pathspec

            extra = pathspec.gitignore.GitIgnoreSpec.from_lines(exclude)
            config.exclude_docs = extra if config.exclude_docs is None else config.exclude_docs + extra
        # material's end-of-life notice and MkDocs' info lines go to the log; only warnings matter here
        build(config)
        split_index(staging)  # Material's search index into shards, so search stays quick (write/search.py)
    except (exceptions.MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        detail = "; ".join(m for m in collector.messages if m) or str(exc)
        raise BuildFailed(f"{config_file.name}: the site build failed: {detail}; the previous site is left in place") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        log.removeHandler(collector)
        log.setLevel(previous)
        if pages:
            builder_log.removeHandler(pages)
            builder_log.setLevel(logging.NOTSET)
    return staging


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with the complete ``staging`` folder so that at every instant ``site_dir``
    is either the old site or the new one: one atomic exchange where Linux offers it, else two renames
    that ``recover`` completes on the next build should the process die between them."""
    if site_dir.exists() and _exchange(staging, site_dir):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
    if site_dir.exists():
        os.replace(site_dir, old / "site")
    os.replace(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def recover(site_dir: Path) -> None:
    """Undo what a killed build left beside ``site_dir`` (call it holding the build lock, when no
    other build can be half-way): a site moved aside but not replaced is moved back, and staging
    folders are removed."""
    parent, name = site_dir.parent, site_dir.name
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{name}.old*"), key=lambda p: p.stat().st_mtime)
    if not site_dir.exists():
        for old in reversed(olds):
            moved = old / "site" if (old / "site").is_dir() else old
            if moved.is_dir() and any(moved.iterdir()):
                os.replace(moved, site_dir)
                break
    for leftover in [*olds, *parent.glob(f".{name}.new*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def stage_sites(jobs: list[tuple[Path, Path]], *, progress=None,
                excludes: dict[Path, tuple[str, ...]] | None = None) -> list[tuple[Path, Path]]:
    """Stage several sites, ``(config_file, site_dir)`` each, at the same time on a machine with more
    than one core; return ``(staging, site_dir)`` pairs. Either every site is staged or none is (the
    first failure is raised, every staging folder removed). ``excludes`` maps a site_dir to the extra
    ``exclude_docs`` patterns of its build.

    The last job runs in this process and reports progress; the others run in worker processes."""
    import concurrent.futures as cf

    from closeread.processes import context, pool_errors, worker_count

    excludes = excludes or {}
    staged: list[tuple[Path, Path]] = []
    try:
        if len(jobs) < 2 or worker_count() < 2:
            for config_file, site_dir in jobs:
                staged.append((stage_site(config_file=config_file, site_dir=site_dir, progress=progress,
                                          exclude=excludes.get(site_dir, ())), site_dir))
            return staged
        *others, (config_file, site_dir) = jobs
        with pool_errors(), cf.ProcessPoolExecutor(max_workers=len(others), mp_context=context()) as pool:
            futures = [(pool.submit(stage_site, config_file=c, site_dir=d, exclude=excludes.get(d, ())), d) for c, d in others]
            try:
                mine = stage_site(config_file=config_file, site_dir=site_dir, progress=progress,
                                  exclude=excludes.get(site_dir, ()))
            finally:
                # wait for every worker, so that no staging folder is left behind whatever fails
                for future, other_dir in futures:
                    if future.exception() is None:
                        staged.append((future.result(), other_dir))
            staged.append((mine, site_dir))
            for future, _ in futures:
                if future.exception() is not None:
                    raise future.exception()
        return staged
    except BaseException:
        for staging, _ in staged:
            shutil.rmtree(staging, ignore_errors=True)
        raise


def build_site(*, config_file: Path, site_dir: Path) -> None:
    """Build one site; the old site stays until the new one is complete."""
    swap_in(stage_site(config_file=config_file, site_dir=site_dir), site_dir)
