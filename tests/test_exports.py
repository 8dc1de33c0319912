"""Exports: BibTeX round trip, RIS tags, CSL-JSON that citeproc-py renders."""

from __future__ import annotations

import json
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from reading_companion.export import to_bibtex, to_csl_json, to_ris
from reading_companion.loader import load_bib_file
from tests.conftest import SAMPLE_BIB


def papers(tmp_path: Path, text: str = SAMPLE_BIB):
    path = tmp_path / "a.bib"
    path.write_text(text)
    return load_bib_file(path, "a.bib").papers


def test_bibtex_round_trip_keeps_the_model(tmp_path: Path) -> None:
    first = papers(tmp_path)
    again = papers(tmp_path / "x" if (tmp_path / "x").mkdir() is None else tmp_path, to_bibtex(first))
    assert [(p.key, p.title, p.authors, p.year, p.venue, p.links.arxiv) for p in again] == \
           [(p.key, p.title, p.authors, p.year, p.venue.__class__(p.venue.short, p.venue.full), p.links.arxiv)
            for p in first]
    assert "code" not in to_bibtex(first) and "order" not in to_bibtex(first)


def test_ris_uses_standard_tags(tmp_path: Path) -> None:
    text = to_ris(papers(tmp_path))
    records = [r for r in text.split("ER  - \r\n") if r.strip()]
    assert len(records) == 2
    first = records[0].splitlines()
    assert first[0] == "TY  - CPAPER"
    assert "AU  - Liu, Hanxiao" in first and "TI  - DARTS: Differentiable Architecture Search" in first
    assert "PY  - 2019" in first and "T2  - International Conference on Learning Representations (ICLR)" in first
    assert all(line[:2].isalnum() and line[2:6] == "  - " for line in first)


def test_csl_json_renders_with_citeproc(tmp_path: Path) -> None:
    items = json.loads(to_csl_json(papers(tmp_path)))
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert any("DARTS" in r and "Liu" in r and "2019" in r for r in rendered)
