"""Parsing a large bibliography on two cores: the files cut into two runs of whole blocks, one parsed here and
one in a forked child. The result is exactly that of parsing each file whole (a test checks this): where a cut
could matter (a block that fails to parse, a key on both sides, @string or crossref), the file is parsed whole."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from .forked import in_child, worth_forking
from .loader import (
    DEFINES_STRINGS,
    USES_CROSSREF,
    LoadedFile,
    LoadedSegment,
    Segment,
    load_segment,
    read_segment,
    relative_name,
)


def load_bib_files(paths: Sequence[Path], root: Path, parallel: bool | None = None) -> LoadedFile:
    """Parse every file, in order; files are shown relative to `root`. `parallel`: None decides by size
    and by whether a fork is safe here; True always cuts what can be cut, and forks if the system can."""
    return start_loading_bib_files(paths, root, parallel)()


def start_loading_bib_files(paths: Sequence[Path], root: Path, parallel: bool | None = None,
                            meanwhile: int = 0) -> Callable[[], LoadedFile]:
    """As load_bib_files, in two steps: a forked child (if any) starts on its share now, and the function
    returned parses the rest here and joins the two. `meanwhile`: the caller's other work before it calls that
    function, in entries' worth (the project reads its notes); the child takes that much more of the files."""
    segments = [read_segment(path, relative_name(path, root)) for path in paths]
    smallest_cut = 0 if parallel else PARALLEL_MIN_CHARS // 2
    if parallel is None:
        parallel = worth_forking(sum(len(s.text) for s in segments), PARALLEL_MIN_CHARS)
    if not parallel:
        return lambda: _joined([load_segment(segment).loaded for segment in segments])
    # Half of the caller's other work moves to the child, as entries: a block starts at a line's "@".
    entries = max(1, sum(s.text.count("\n@") for s in segments))
    child_share = min(MOST_TO_CHILD, CHILD_SHARE + meanwhile / (2 * entries))
    files = [_halves(segment, smallest_cut, child_share) for segment in segments]
    return _start_on_two_cores(files, child_share)


PARALLEL_MIN_CHARS = 250_000
"""Below about 250 KB (600 entries) a fork costs more than the second core saves."""
CHILD_SHARE = 0.45
"""The child's share of the text when the caller has nothing else to do: the child also has to pickle its
papers, which this process then unpickles."""
MOST_TO_CHILD = 0.8
"""However much else the caller has to do, this process parses at least a fifth of the text itself."""


_BLOCK_START = re.compile(r"\n(?=@)")  # bibtexparser starts a block only after a newline
# The loader's own tests for @string and crossref, and @preamble. A false match (`nocrossref =`) only keeps a
# file whole, which is always correct.
_NEEDS_WHOLE_FILE = (DEFINES_STRINGS, re.compile(r"@\s*preamble\b", re.IGNORECASE), USES_CROSSREF)


def _halves(whole: Segment, smallest: int, child_share: float) -> list[Segment]:
    """A file as two segments cut at a block start near the child's share; a file whose entries refer to
    each other (@string, crossref) or one under `smallest` characters stays whole."""
    text = whole.text
    if len(text) < smallest or any(pattern.search(text) for pattern in _NEEDS_WHOLE_FILE):
        return [whole]
    cut = _BLOCK_START.search(text, int(len(text) * (1 - child_share)))
    if cut is None:
        return [whole]
    first = text[: cut.start() + 1]
    return [Segment(first, whole.shown_as, 0, whole.file_diagnostics),
            Segment(text[cut.start() + 1:], whole.shown_as, first.count("\n"))]


def _start_on_two_cores(files: list[list[Segment]], child_share: float) -> Callable[[], LoadedFile]:
    """The later segments, `child_share` of the text, start in a forked child; the function returned parses
    the earlier ones here, then joins each file, or parses it again whole if a cut turned out to matter (a
    block failed, or a key appears on both sides)."""
    flat = [segment for file_segments in files for segment in file_segments]
    sizes = [len(segment.text) for segment in flat]
    total = sum(sizes)
    split, running = 0, 0
    while split < len(flat) and running + sizes[split] <= total * (1 - child_share):
        running += sizes[split]
        split += 1
    split = max(1, min(split, len(flat) - 1)) if len(flat) > 1 else len(flat)
    later = flat[split:]
    from_child = in_child(lambda: [load_segment(segment) for segment in later]) if later else (lambda: [])

    def finish() -> LoadedFile:
        results = [load_segment(segment) for segment in flat[:split]] + from_child()
        joined: list[LoadedFile] = []
        position = 0
        for file_segments in files:
            parts = results[position: position + len(file_segments)]
            position += len(file_segments)
            if len(parts) > 1 and not _joinable(parts):
                whole = Segment("".join(s.text for s in file_segments), file_segments[0].shown_as, 0,
                                file_segments[0].file_diagnostics)
                parts = [load_segment(whole)]
            joined.append(LoadedFile([p for part in parts for p in part.loaded.papers],
                                     [d for part in parts for d in part.loaded.diagnostics]))
        return _joined(joined)

    return finish


def _joined(loaded: list[LoadedFile]) -> LoadedFile:
    return LoadedFile([p for f in loaded for p in f.papers], [d for f in loaded for d in f.diagnostics])


def _joinable(parts: list[LoadedSegment]) -> bool:
    if not all(part.clean for part in parts):
        return False
    seen: set[str] = set()
    for part in parts:
        if seen & part.keys:
            return False
        seen |= part.keys
    return True


