"""Spread independent per-item work (lessons, PDFs) over the machine's cores.

Worker processes are forked where that is safe, so they start in milliseconds with the parent's
imports (and its data) already in memory; with other threads running (``build.py serve``) they are
spawned instead. Small batches run in this process: a pool only pays off for many items.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from closeread.errors import BuildFailed

T = TypeVar("T")
R = TypeVar("R")


def worker_count() -> int:
    """How many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def context() -> multiprocessing.context.BaseContext:
    # fork is fast (the parent's imports come along) but unsafe once other threads run (mkdocs serve)
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def pool_errors() -> Iterator[None]:
    """A worker that dies (killed, out of memory) is a build failure with a one-line message."""
    try:
        yield
    except cf.process.BrokenProcessPool as exc:
        raise BuildFailed(f"a worker process of the build stopped unexpectedly ({exc}); run the build again (the previous sites are left in place)") from None


def map_ordered(fn: Callable[[T], R], items: Iterable[T], *, min_parallel: int = 16, chunk: int = 8) -> Iterator[R]:
    """``map(fn, items)`` in input order, over one process per core when there are at least
    ``min_parallel`` items (and more than one core); ``fn`` must be a module-level function."""
    items = list(items)
    workers = min(worker_count(), max(1, len(items) // chunk))
    if len(items) < min_parallel or workers < 2:
        yield from map(fn, items)
        return
    with pool_errors(), cf.ProcessPoolExecutor(max_workers=workers, mp_context=context()) as pool:
        yield from pool.map(fn, items, chunksize=chunk)


_SHARED: object = None


def _call_shared(job: tuple[Callable, int]):
    fn, index = job
    return fn(_SHARED, index)


def map_forked(fn: Callable[[object, int], R], shared: object, count: int) -> list[R]:
    """``[fn(shared, i) for i in range(count)]``, one item per worker process when they can be forked:
    the workers inherit ``shared`` (say, hundreds of megabytes of PDFs) instead of receiving a pickled
    copy. Without fork, or with one core or item, the calls run here."""
    global _SHARED
    workers = min(worker_count(), count)
    if workers < 2 or context().get_start_method() != "fork":
        return [fn(shared, i) for i in range(count)]
    _SHARED = shared
    try:
        with pool_errors(), cf.ProcessPoolExecutor(max_workers=workers, mp_context=context()) as pool:
            return list(pool.map(_call_shared, [(fn, i) for i in range(count)]))
    finally:
        _SHARED = None
