"""A forked child computes a value for its parent, or reports that it could not."""

from __future__ import annotations

import os

import pytest

from reading_companion.forked import Forked, can_fork, in_child

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs os.fork")


def test_a_child_runs_in_another_process_and_sends_its_value() -> None:
    child = Forked.start(os.getpid)
    assert child is not None
    assert child.result() not in (None, os.getpid())


def test_a_failing_child_returns_none_so_the_caller_does_the_work() -> None:
    def fails() -> int:
        raise RuntimeError("in the child")

    child = Forked.start(fails)
    assert child is not None
    assert child.result() is None


def test_a_value_that_cannot_be_sent_returns_none() -> None:
    child = Forked.start(lambda: (lambda: None))  # a function does not pickle
    assert child is not None
    assert child.result() is None


def test_in_child_gives_the_childs_value_or_does_the_work_itself() -> None:
    parent = os.getpid()
    assert in_child(os.getpid)() != parent

    def only_here() -> str:
        if os.getpid() != parent:
            raise RuntimeError("fails in the child")
        return "made here"

    assert in_child(only_here)() == "made here"
