"""The companion's own content: complete, checked, and covering every work the talk cites."""

from __future__ import annotations

import re

import pytest

from reading_companion.checks.notes import PLACEHOLDER
from reading_companion.project import Layout, load_project
from tests.conftest import REPO

UNRESOLVED = {"Seen and Thinking, ICCV, 2017", "Adaptive Deep Models across Visual Domains, Kate Saenko, ICCV, 2017"}


@pytest.fixture(scope="module")
def loaded():
    return load_project(Layout(root=REPO))


def test_companion_check_is_clean(loaded) -> None:
    assert [d.format() for d in loaded.diagnostics] == []


def test_every_citation_of_the_talk_has_an_entry(loaded) -> None:
    bib = loaded.bibliography
    citations = [c for s in bib.outline.sections for c in s.citations]
    assert len(citations) >= 65
    unresolved = {c.slide for c in citations if c.key is None}
    assert unresolved == UNRESOLVED  # each discussed on the errata page
    for citation in citations:
        if citation.key:
            assert bib.papers[citation.key].cited_as, citation.key


def test_unresolved_citations_are_on_the_errata_page() -> None:
    errata = (REPO / "docs/errata.md").read_text()
    assert "Seen and Thinking" in errata and "Adaptive Deep Models across Visual Domains" in errata


def test_every_entry_records_its_sources_and_talk_papers_have_complete_notes(loaded) -> None:
    bib = loaded.bibliography
    for paper in bib.papers.values():
        assert paper.fields.get("sources"), paper.key
        assert paper.topics, paper.key
        if paper.cited_as:
            note = bib.notes[paper.key]
            assert note.tldr and 2 <= len(note.questions) <= 4, paper.key
            for section in ("Problem", "Key idea", "How it works", "Results", "In the talk"):
                assert re.search(rf"^## {section}$", note.body, re.M), (paper.key, section)


def test_every_topic_has_an_introduction_with_follow_ups(loaded) -> None:
    bib = loaded.bibliography
    for topic in bib.topics:
        intro = bib.intros[topic.slug]
        assert "## Since 2019" in intro, topic.slug
        follow_ups = [p for p in bib.papers_in(topic.slug) if p.followup]
        assert len(follow_ups) >= 2, topic.slug


def test_no_placeholder_text_anywhere() -> None:
    for path in [*REPO.glob("docs/**/*.md"), *REPO.glob("refs/**/*.yml")]:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            assert not PLACEHOLDER.search(line), f"{path.relative_to(REPO)}:{number}: {line}"
