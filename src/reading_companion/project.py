"""Where a project keeps its files, and loading all of it into one Bibliography."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .checks import run_checks
from .diagnostics import Diagnostic
from .loader import bib_paths, relative_name
from .model import Bibliography, Note, Paper, Plan
from .notes import load_note, load_outline, load_plan, load_topics
from .parallel import start_loading_bib_files


@dataclass(frozen=True)
class Layout:
    """Paths of a project, relative to its root (the folder of mkdocs.yml)."""

    root: Path
    bibliography: tuple[str, ...] = ("refs/**/*.bib",)
    topics: str = "refs/topics.yml"
    plans: str = "refs/plans/*.yml"
    outline: str = "refs/talk.yml"
    notes: str = "docs/notes/papers"
    intros: str = "docs/notes/topics"

    def bib_files(self) -> list[Path]:
        return bib_paths(self.root, self.bibliography)


@dataclass(frozen=True)
class Loaded:
    bibliography: Bibliography
    diagnostics: list[Diagnostic]


def load_project(layout: Layout, bib_files: list[Path] | None = None) -> Loaded:
    """Parse every file once and run every check; problems come back as values."""
    with cyclic_gc_paused():
        return _load_project(layout, bib_files)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Loading allocates a dozen objects per field and no reference cycles, yet every allocation burst makes
    the cyclic collector rescan all that is loaded so far: a third of load time at 10,000 entries. So the
    collector rests while we load, and what was loaded is then frozen (gc.freeze) rather than scanned once
    more: it lives as long as the build anyway, and reference counting still frees it. A long-running caller
    may call gc.unfreeze() when done (the plugin does, after each build)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _load_project(layout: Layout, bib_files: list[Path] | None) -> Loaded:
    root = layout.root
    note_paths = sorted((root / layout.notes).glob("*.md"))
    # On a large bibliography, a forked child parses part of it while this process reads the notes.
    finish_loading = start_loading_bib_files(bib_files if bib_files is not None else layout.bib_files(), root,
                                             meanwhile=len(note_paths))
    parts, topics, topic_problems = load_topics(root / layout.topics, layout.topics)
    notes: dict[str, Note] = {}
    note_problems: list[Diagnostic] = []
    for path in note_paths:
        note, problems = load_note(path, _shown(path, root))
        note_problems += problems
        if note is not None:
            notes[note.key] = note
    loaded = finish_loading()
    diagnostics = [*loaded.diagnostics, *topic_problems, *note_problems]
    intros = {path.stem: path.read_text(encoding="utf-8", errors="replace")
              for path in sorted((root / layout.intros).glob("*.md"))}
    plans: list[Plan] = []
    for path in sorted(root.glob(layout.plans)):
        plan, problems = load_plan(path, _shown(path, root))
        diagnostics += problems
        if plan is not None:
            plans.append(plan)
    outline, outline_problems = load_outline(root / layout.outline, layout.outline)
    diagnostics += outline_problems
    bibliography = Bibliography(
        papers=_first_of_each_key(loaded.papers), parts=parts, topics=topics,
        notes=notes, intros=intros, plans=tuple(plans), outline=outline,
    )
    diagnostics += run_checks(bibliography, loaded.papers, layout.intros)
    return Loaded(bibliography, diagnostics)


def _shown(path: Path, root: Path) -> str:
    """A path found under root, as shown in messages (without resolving it: a thousand notes add up)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return relative_name(path, root)


def _first_of_each_key(papers: list[Paper]) -> dict[str, Paper]:
    unique: dict[str, Paper] = {}
    for paper in papers:
        unique.setdefault(paper.key, paper)
    return unique
