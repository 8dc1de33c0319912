"""Cross-references: topics, related keys, notes and plans must point at things that exist."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..model import Bibliography


def check_references(bibliography: Bibliography) -> Iterator[Diagnostic]:
    topics = {t.slug for t in bibliography.topics}
    papers = bibliography.papers
    for paper in papers.values():
        where = (paper.location.path, paper.location.line, paper.key)
        for slug in paper.topics:
            if topics and slug not in topics:
                yield Diagnostic(*where, "unknown-topic", f"topic '{slug}' is not defined in the topics file")
        for key in paper.related:
            if key not in papers:
                yield Diagnostic(*where, "unknown-key", f"related key '{key}' has no entry")
    for note in bibliography.notes.values():
        where = (note.location.path, note.location.line, note.key)
        if note.key not in papers:
            yield Diagnostic(*where, "orphan-note", f"note for '{note.key}', which has no entry in the bibliography")
        for key in note.read_first:
            if key not in papers:
                yield Diagnostic(*where, "unknown-key", f"read_first key '{key}' has no entry")
    for plan in bibliography.plans:
        for session in plan.sessions:
            for key in session.papers:
                if key not in papers:
                    yield Diagnostic(plan.location.path, plan.location.line, plan.slug, "unknown-key",
                                     f"session '{session.title}' names '{key}', which has no entry")
