"""Notes and introductions: complete, no placeholders, citations that resolve."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from ..cite import cited_keys
from ..diagnostics import Diagnostic, Severity
from ..model import Bibliography, Note

NOTE_SECTIONS = ("Problem", "Key idea", "How it works", "Results", "In the talk")
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|lorem|coming soon)\b", re.IGNORECASE)
_PLACEHOLDER_WORDS = ("todo", "tbd", "fixme", "xxx", "lorem", "coming soon")


def check_notes(bibliography: Bibliography, intros_dir: str = "docs/notes/topics") -> Iterator[Diagnostic]:
    papers = bibliography.papers
    for paper in papers.values():
        if paper.cited_as and paper.key not in bibliography.notes:
            yield Diagnostic(paper.location.path, paper.location.line, paper.key, "missing-note",
                             "a work the talk cites has no reading note", Severity.WARNING)
    for note in bibliography.notes.values():
        yield from _check_note(note, bibliography)
    topics = {t.slug for t in bibliography.topics}
    for slug, text in bibliography.intros.items():
        path = f"{intros_dir}/{slug}.md"
        if topics and slug not in topics:
            yield Diagnostic(path, 1, slug, "unknown-topic", f"introduction for topic '{slug}', which is not defined")
        yield from _check_text(text, path, slug, papers.keys())


def _check_note(note: Note, bibliography: Bibliography) -> Iterator[Diagnostic]:
    path, key = note.location.path, note.key
    yield from _check_text(note.body, path, key, bibliography.papers.keys(), offset=note.body_line - 1)
    yield from _check_text(" ".join((note.tldr, *note.questions)), path, key, bibliography.papers.keys())
    paper = bibliography.papers.get(key)
    if paper is None or not paper.cited_as:
        return
    missing = [s for s in NOTE_SECTIONS if not re.search(rf"^##\s+{re.escape(s)}\s*$", note.body, re.MULTILINE)]
    if not note.tldr:
        missing.insert(0, "tldr")
    if not 2 <= len(note.questions) <= 4:
        missing.append("2-4 questions")
    if missing:
        yield Diagnostic(path, 1, key, "incomplete-note", "note lacks: " + ", ".join(missing), Severity.WARNING)


def _check_text(text: str, path: str, key: str, known: Collection[str], offset: int = 0) -> Iterator[Diagnostic]:
    lowered = text.lower()
    if any(word in lowered for word in _PLACEHOLDER_WORDS):  # rare: only then the regex, line by line
        for number, content in enumerate(text.splitlines(), start=1 + offset):
            match = PLACEHOLDER.search(content)
            if match:
                yield Diagnostic(path, number, key, "placeholder", f"placeholder text {match.group(0)!r}")
    for line, cited in cited_keys(text):
        if cited not in known:
            yield Diagnostic(path, line + offset, key, "unknown-key", f"[@{cited}] names no entry")
