"""`companion fmt`: one canonical layout, lossless and idempotent, over all of refs/."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reading_companion.bibformat import format_bib_text
from reading_companion.loader import load_bib_file
from tests.conftest import REPO, Project, run_companion

REFS = sorted(REPO.glob("refs/*.bib"))


def _model(path: Path, shown: str):
    # Locations and raw text move when the layout changes; everything else must not.
    return [replace(p, location=None, raw_bibtex="") for p in load_bib_file(path, shown).papers]


@pytest.mark.parametrize("path", REFS, ids=[p.name for p in REFS])
def test_fmt_is_lossless_and_idempotent_over_refs(tmp_path: Path, path: Path) -> None:
    formatted = format_bib_text(path.read_text(encoding="utf-8"), path.name)
    assert formatted.text is not None, formatted.diagnostics
    assert format_bib_text(formatted.text, path.name).text == formatted.text
    copy = tmp_path / path.name
    copy.write_text(formatted.text, encoding="utf-8")
    assert _model(copy, path.name) == _model(path, path.name)


def test_fmt_keeps_macros_comments_and_orders_fields() -> None:
    text = ('% my list\n@String{ iclr = "ICLR" }\n\n\n@InProceedings{k,\n  year = 2019, Title = "A {B} c",\n'
            '  booktitle = iclr # " 2019",\n  author={X, Y}}\n')
    out = format_bib_text(text, "a.bib").text
    assert out == ('% my list\n\n@string{iclr = {ICLR}}\n\n@inproceedings{k,\n  title     = {A {B} c},\n'
                   '  author    = {X, Y},\n  booktitle = iclr # " 2019",\n  year      = {2019},\n}\n')


def test_fmt_leaves_a_broken_file_alone(project: Project) -> None:
    broken = "@misc{a, title={x}\n@misc{b, title={y}}\n"
    path = project.write("refs/papers.bib", broken)
    result = run_companion("fmt", cwd=project.root)
    assert result.returncode == 1 and "error[parse-error]" in result.stdout
    assert path.read_text() == broken


def test_fmt_check_reports_and_changes_nothing(project: Project) -> None:
    path = project.root / "refs/papers.bib"
    before = path.read_text()
    result = run_companion("fmt", "--check", cwd=project.root)
    assert result.returncode == 1 and "would reformat refs/papers.bib" in result.stdout
    assert path.read_text() == before
    assert run_companion("fmt", cwd=project.root).returncode == 0
    assert run_companion("fmt", "--check", cwd=project.root).returncode == 0


def test_the_repository_is_formatted() -> None:
    """What CI asks of every change to refs/: `companion fmt --check` passes."""
    result = run_companion("fmt", "--check", cwd=REPO)
    assert result.returncode == 0, result.stdout
