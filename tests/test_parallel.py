"""Loading on two cores gives exactly what loading each file whole gives: papers, lines and diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

from reading_companion.forked import can_fork
from reading_companion.parallel import load_bib_files, start_loading_bib_files

REPO = Path(__file__).resolve().parents[1]
REAL = sorted((REPO / "refs").glob("*.bib"))
pytestmark = pytest.mark.skipif(not can_fork(), reason="needs os.fork")


def one_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "all.bib"
    path.write_text(text, encoding="utf-8")
    return path


def real_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in REAL)


def assert_same_either_way(paths: list[Path], root: Path) -> None:
    two = load_bib_files(paths, root, parallel=True)
    one = load_bib_files(paths, root, parallel=False)
    assert two.papers == one.papers
    assert two.diagnostics == one.diagnostics


def test_the_real_bibliography_loads_the_same_on_two_cores() -> None:
    assert_same_either_way(REAL, REPO)


def test_one_large_file_cut_in_two_keeps_every_line_number(tmp_path: Path) -> None:
    path = one_file(tmp_path, real_text())
    assert_same_either_way([path], tmp_path)
    lines = [p.location.line for p in load_bib_files([path], tmp_path, parallel=True).papers]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)


@pytest.mark.parametrize("meanwhile", [10, 10_000])
def test_a_larger_share_for_the_child_loads_the_same(tmp_path: Path, meanwhile: int) -> None:
    path = one_file(tmp_path, real_text())
    finish = start_loading_bib_files([path], tmp_path, parallel=True, meanwhile=meanwhile)
    one = load_bib_files([path], tmp_path, parallel=False)
    two = finish()
    assert (two.papers, two.diagnostics) == (one.papers, one.diagnostics)


def test_a_broken_entry_after_the_cut_is_reported_where_it_is(tmp_path: Path) -> None:
    text = real_text() + "\n@article{broken2019, title = {Unclosed,\n  year = {2019}\n\n@misc{after2020, title={T}}\n"
    path = one_file(tmp_path, text)
    assert_same_either_way([path], tmp_path)
    rules = [d.rule for d in load_bib_files([path], tmp_path, parallel=True).diagnostics]
    assert "parse-error" in rules


def test_a_key_on_both_sides_of_the_cut_is_the_same_duplicate(tmp_path: Path) -> None:
    first = "@misc{twice2019, title = {First of two}, year = {2019}}\n"
    path = one_file(tmp_path, first + real_text() + "\n" + first.replace("First", "Second"))
    assert_same_either_way([path], tmp_path)


def test_string_macros_keep_a_file_whole(tmp_path: Path) -> None:
    text = "@string{iccv = {ICCV}}\n" + real_text() + "\n@inproceedings{late2019, title = {Late}, booktitle = iccv}\n"
    path = one_file(tmp_path, text)
    assert_same_either_way([path], tmp_path)
    late = next(p for p in load_bib_files([path], tmp_path, parallel=True).papers if p.key == "late2019")
    assert late.venue.full == "ICCV"

