"""Spreading work over worker processes: same results, same order, as one by one."""

from __future__ import annotations

import multiprocessing
import os
import threading

import pytest

import closeread.processes as processes


@pytest.fixture
def two_forked(monkeypatch):
    monkeypatch.setattr(processes, "worker_count", lambda: 2)
    monkeypatch.setattr(processes, "context", lambda: multiprocessing.get_context("fork"))


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _nth_and_pid(shared, index: int) -> tuple[str, int]:
    return shared["items"][index], os.getpid()


def test_map_ordered_keeps_the_order_and_uses_workers_for_many_items(two_forked):
    results = list(processes.map_ordered(_square_and_pid, range(40)))
    assert [r for r, _ in results] == [n * n for n in range(40)]
    assert os.getpid() not in {pid for _, pid in results}


def test_map_ordered_runs_few_items_here(two_forked):
    assert {pid for _, pid in processes.map_ordered(_square_and_pid, range(3))} == {os.getpid()}


def test_map_forked_shares_what_cannot_be_pickled(two_forked):
    # a lock cannot be pickled: the workers can only have it by inheriting it
    shared = {"items": ["a4", "letter"], "lock": threading.Lock()}
    results = processes.map_forked(_nth_and_pid, shared, 2)
    assert [r for r, _ in results] == ["a4", "letter"]
    assert os.getpid() not in {pid for _, pid in results}
    assert processes._SHARED is None  # nothing kept alive after the call


def test_map_forked_without_fork_runs_here(monkeypatch):
    monkeypatch.setattr(processes, "worker_count", lambda: 2)
    monkeypatch.setattr(processes, "context", lambda: multiprocessing.get_context("spawn"))
    results = processes.map_forked(_nth_and_pid, {"items": ["x", "y"]}, 2)
    assert results == [("x", os.getpid()), ("y", os.getpid())]


def _die(n: int) -> int:
    os._exit(3)  # as a worker killed by the system would


def test_a_worker_that_dies_is_a_build_failure(two_forked):
    from closeread.errors import BuildFailed

    with pytest.raises(BuildFailed, match="a worker process of the build stopped unexpectedly"):
        list(processes.map_ordered(_die, range(40)))
