"""`companion add`: real exports from arXiv, CVF, DBLP, Scholar and Zotero become canonical entries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reading_companion.bibfile import write_atomic
from tests.conftest import DATA, SAMPLE_BIB, Project, make_project, run_companion

SAMPLES = sorted((DATA / "imports").glob("*.bib"))
SAMPLES = [s for s in SAMPLES if not s.name.endswith(".expected.bib")]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_real_export_imports_as_expected(tmp_path: Path, sample: Path) -> None:
    project = make_project(tmp_path, bib=SAMPLE_BIB.split("@inproceedings{liu2019darts")[0])
    target = project.root / "refs/graphs.bib"
    result = run_companion("add", str(sample), "--topic", "graphs", cwd=project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = sample.with_suffix(".expected.bib")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(target.read_text())
    assert target.read_text() == expected.read_text()
    assert run_companion("check", cwd=project.root).returncode == 0


ARXIV = """@misc{liu2018darts,
      title={DARTS: Differentiable Architecture Search},
      author={Hanxiao Liu and Karen Simonyan and Yiming Yang},
      year={2019},
      eprint={1806.09055},
      archivePrefix={arXiv},
      primaryClass={cs.LG},
      url={https://arxiv.org/abs/1806.09055},
}
"""


def test_add_refuses_a_duplicate_and_writes_nothing(project: Project) -> None:
    path = project.root / "refs/papers.bib"
    before = path.read_bytes()
    result = run_companion("add", "-", "--topic", "nas", cwd=project.root, stdin=ARXIV)
    assert result.returncode == 1
    assert "duplicate-paper" in result.stdout and "liu2019darts (refs/papers.bib:4)" in result.stdout
    assert path.read_bytes() == before


def test_add_appends_and_leaves_every_other_byte_alone(project: Project) -> None:
    path = project.write("refs/nas.bib", "% hand-kept comment\n@misc{keep,\n title = \"Odd  layout\" ,year=2019}")
    before = path.read_bytes()
    stdin = ARXIV.replace("1806.09055", "1806.09056").replace("DARTS: Differentiable", "Another")
    result = run_companion("add", "-", "--topic", "nas", cwd=project.root, stdin=stdin)
    assert result.returncode == 0, result.stdout
    after = path.read_bytes()
    assert after.startswith(before)
    assert "added liu2019another to refs/nas.bib" in result.stdout
    added = after[len(before):].decode()
    assert "@misc{liu2019another," in added and "archiveprefix = {arXiv}" in added and "topics        = {nas}" in added
    assert "author        = {Liu, Hanxiao and Simonyan, Karen and Yang, Yiming}" in added


def test_add_rejects_an_unknown_topic_and_bad_input(project: Project) -> None:
    assert run_companion("add", "-", "--topic", "nope", cwd=project.root, stdin=ARXIV).returncode == 2
    result = run_companion("add", "-", "--topic", "nas", cwd=project.root, stdin="@misc{x, title={oops}\n")
    assert result.returncode == 1 and "parse-error" in result.stdout


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.bib"
    path.write_text("old\n")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bib"]
