"""Cross-references: topics, related keys, notes and plans must point at things that exist."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, Severity
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


def check_outline(bibliography: Bibliography) -> Iterator[Diagnostic]:
    """Outline keys exist; every entry the talk cites appears in the outline."""
    outline = bibliography.outline
    if outline is None:
        return
    listed = set()
    for section in outline.sections:
        for citation in section.citations:
            if citation.key is None:
                continue
            listed.add(citation.key)
            if citation.key not in bibliography.papers:
                yield Diagnostic(outline.location.path, outline.location.line, citation.key, "unknown-key",
                                 f"section '{section.title}' cites '{citation.key}', which has no entry")
    for paper in bibliography.papers.values():
        if paper.cited_as and paper.key not in listed:
            yield Diagnostic(paper.location.path, paper.location.line, paper.key, "not-in-outline",
                             "has 'citedas' but the talk outline does not list it", Severity.WARNING)
