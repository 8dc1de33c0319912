"""Every rule: a case that fails with the exact rule, line and key, and one that passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reading_companion.project import Layout, load_project
from tests.conftest import TOPICS_YML

GOOD = "@inproceedings{good2019x, title={Good}, author={A, B}, booktitle={C (ICCV)}, year={2019}, topics={nas}}\n"


def diagnostics(tmp_path: Path, bib: str, notes: dict[str, str] | None = None, plan: str | None = None):
    (tmp_path / "refs").mkdir(parents=True)
    (tmp_path / "refs/topics.yml").write_text(TOPICS_YML)
    (tmp_path / "refs/a.bib").write_text(bib)
    for key, text in (notes or {}).items():
        path = tmp_path / "docs/notes/papers" / f"{key}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    if plan is not None:
        (tmp_path / "refs/plans").mkdir()
        (tmp_path / "refs/plans/p.yml").write_text(plan)
    return load_project(Layout(root=tmp_path)).diagnostics


CASES = [
    pytest.param("@misc{k, title={T}, year={2019},\n", "parse-error", 1, "k", id="unterminated"),
    pytest.param("@misc{k, title={T} year={2019}}\n", "parse-error", 1, "k", id="missing-comma"),
    pytest.param("@inproceedings{k, title={T}, author={A, B}, year={2019}}\n", "missing-field", 1, "k",
                 id="missing-booktitle"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={19x9}}\n", "bad-year", 1, "k", id="bad-year"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={2019}, eprint={18.1}, archiveprefix={arXiv}}\n",
                 "bad-arxiv-id", 1, "k", id="bad-arxiv"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={2019}, doi={11.2/x}}\n", "bad-doi", 1, "k", id="bad-doi"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={2019}, url={javascript:alert(1)}}\n", "unsafe-url", 1,
                 "k", id="javascript-url"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={2019}, url={\\url{https://x.org/a\\_b}}}\n",
                 "url-escape", 1, "k", id="url-wrapper"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={2019}, topics={nope}}\n", "unknown-topic", 1, "k",
                 id="unknown-topic"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={2019}, related={ghost}}\n", "unknown-key", 1, "k",
                 id="unknown-related"),
    pytest.param("\n@misc{k, title={T}, author={A, B}, year={2019}}\n@misc{K, title={U}, author={A, B}, year={2019}}\n",
                 "duplicate-key", 3, "K", id="duplicate-key-case"),
    pytest.param("@misc{a, title={Same Long Title Here}, author={A, B}, year={2019}}\n"
                 "@misc{b, title={Same long title, here}, author={A, B}, year={2019}}\n",
                 "duplicate-paper", 2, "b", id="same-title"),
    pytest.param("@misc{a, title={One paper}, author={A, B}, year={2019}, eprint={1806.09055}, archiveprefix={arXiv}}\n"
                 "@misc{b, title={Other}, author={A, B}, year={2019}, eprint={1806.09055v2}, archiveprefix={arXiv}}\n",
                 "duplicate-paper", 2, "b", id="same-arxiv"),
    pytest.param("@misc{k, title={T}, author={A, B}, year={2019}}\nx = {stray}\n", "stray-text", 2, "", id="stray"),
]


@pytest.mark.parametrize(("bib", "rule", "line", "key"), CASES)
def test_rule_fires_with_location(tmp_path: Path, bib: str, rule: str, line: int, key: str) -> None:
    found = [(d.rule, d.line, d.key) for d in diagnostics(tmp_path, bib)]
    assert (rule, line, key) in found, found


def test_a_clean_entry_passes_every_rule(tmp_path: Path) -> None:
    assert diagnostics(tmp_path, GOOD) == []


def test_note_rules(tmp_path: Path) -> None:
    bib = GOOD + "@misc{talk2019x, title={Talk}, author={A, B}, year={2019}, citedas={Talk, 2019}}\n"
    found = diagnostics(tmp_path, bib, notes={
        "ghost": "Hello\n",
        "good2019x": "---\ntldr: fine\nread_first: [nobody]\n---\nSee [@missing2019] and TODO.\n",
    })
    rules = {(d.rule, d.key, d.line) for d in found}
    assert ("orphan-note", "ghost", 1) in rules
    assert ("unknown-key", "good2019x", 1) in rules  # read_first
    assert ("unknown-key", "good2019x", 5) in rules  # [@missing2019] on the body's first line
    assert ("placeholder", "good2019x", 5) in rules
    assert ("missing-note", "talk2019x", 2) in rules


def test_complete_note_passes(tmp_path: Path) -> None:
    bib = "@misc{talk2019x, title={Talk}, author={A, B}, year={2019}, citedas={Talk, 2019}}\n"
    body = "".join(f"## {s}\nText.\n" for s in ("Problem", "Key idea", "How it works", "Results", "In the talk"))
    note = f"---\ntldr: One line.\nread_first: []\nquestions: ['One?', 'Two?']\n---\n{body}"
    assert diagnostics(tmp_path, bib, notes={"talk2019x": note}) == []
    incomplete = diagnostics(tmp_path / "again", bib, notes={"talk2019x": "---\ntldr: x\n---\n## Problem\n"})
    assert [d.rule for d in incomplete] == ["incomplete-note"]


def test_plan_rules(tmp_path: Path) -> None:
    good = "title: P\nsessions:\n  - title: S1\n    papers: [good2019x]\n"
    assert diagnostics(tmp_path, GOOD, plan=good) == []
    bad = diagnostics(tmp_path.joinpath("b"), GOOD, plan="title: P\nsessions:\n  - title: S1\n    papers: [ghost]\n")
    assert [(d.rule, d.key) for d in bad] == [("unknown-key", "p")]
    broken = diagnostics(tmp_path.joinpath("c"), GOOD, plan="title: [unclosed\n")
    assert [d.rule for d in broken] == ["bad-plan"]
