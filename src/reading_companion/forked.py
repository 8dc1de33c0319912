"""Running one function in a forked child while the caller works on: the second core for large sites."""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return hasattr(os, "fork")


def fork_is_safe() -> bool:
    """Fork only where it is cheap and safe: Linux, a single thread (not `mkdocs serve`), and two cores."""
    if not can_fork() or not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    return len(cores) >= 2


def worth_forking(size: int, minimum: int) -> bool:
    """Work of this size pays for a fork (at least `minimum`), and a fork is safe here."""
    return size >= minimum and fork_is_safe()


def in_child(work: Callable[[], T]) -> Callable[[], T]:
    """`work` started in a forked child; the function returned waits for its value. Where the system will not
    fork, or the child fails, that function does the work itself: a fork changes when a value is made, never
    what. (A `work` that returns None is done twice.)"""
    child = Forked.start(work) if can_fork() else None

    def value() -> T:
        made = child.result() if child is not None else None
        return made if made is not None else work()

    return value


@dataclass
class Forked(Generic[T]):
    """A child computing `work()`; `result()` waits for it. None when the child failed in any way:
    the caller then does the work itself, so a fork never changes what is computed, only when."""

    pid: int
    reader: int

    @classmethod
    def start(cls, work: Callable[[], T]) -> Forked[T] | None:
        """The child started; None if the system would not fork (then the caller does the work)."""
        reader, writer = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return None
        if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
            os.close(reader)
            code = 1
            try:
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(writer)
        return cls(pid, reader)

    def result(self) -> T | None:
        with os.fdopen(self.reader, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if status != 0 or not data:
            return None
        try:
            value: T = pickle.loads(data)
        except Exception:  # a truncated message: the child died while sending
            return None
        return value
