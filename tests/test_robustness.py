"""Any input, however broken, gives clean messages: never a traceback, never a lost entry."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reading_companion.bibformat import format_bib_text
from reading_companion.diagnostics import Diagnostic
from reading_companion.loader import load_bib_file
from tests.conftest import REPO, Project, run_companion

REFS = sorted(REPO.glob("refs/*.bib"))
BIBTEX_ALPHABET = st.sampled_from(list('@{}=,"#%\\ \n\tabcxyz019_-:./') + ["@misc{", "@string{", "title = {",
                                                                             "author", " and ", "\\'e", "{\\\"u}"])
bibtexish = st.lists(BIBTEX_ALPHABET, max_size=300).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(text: str | bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.bib"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        return load_bib_file(path, "x.bib")


def _assert_clean(loaded) -> None:
    assert all(isinstance(d, Diagnostic) and d.line >= 1 and d.path == "x.bib" for d in loaded.diagnostics)


@FAST
@given(bibtexish)
def test_generated_bibtex_never_crashes(text: str) -> None:
    _assert_clean(_load(text))
    formatted = format_bib_text(text, "x.bib")
    if formatted.text is not None:
        assert format_bib_text(formatted.text, "x.bib").text == formatted.text


@FAST
@given(st.binary(max_size=500))
def test_binary_garbage_never_crashes(data: bytes) -> None:
    _assert_clean(_load(data))


@FAST
@given(st.sampled_from(REFS), st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["del", "dup", "{", "}", ",",
                                                                                           "@", "\"", "\n"])),
                                        min_size=1, max_size=8))
def test_mutations_of_our_refs_never_crash(path: Path, edits: list[tuple[int, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    for position, edit in edits:
        i = position % (len(text) or 1)
        if edit == "del":
            text = text[:i] + text[i + 1:]
        elif edit == "dup":
            text = text[:i] + text[i:i + 40] + text[i:]
        else:
            text = text[:i] + edit + text[i:]
    loaded = _load(text)
    _assert_clean(loaded)
    format_bib_text(text, "x.bib")


EDGE_CASES = [
    pytest.param(b"", id="empty"),
    pytest.param(b"\x00\xff\xfe garbage \x80" * 1000, id="binary"),
    pytest.param("@misc{a, title={Caf\xe9}, year={2019}}\n".encode("latin-1"), id="latin-1"),
    pytest.param(b"@misc{deep, title=" + b"{" * 10_000 + b"x" + b"}" * 10_000 + b", year={2019}}\n", id="nested-10k"),
    pytest.param(b"@misc{open, title=" + b"{" * 10_000 + b"x\n", id="unclosed-10k"),
    pytest.param(b"@misc{big, title={Big}, year={2019}, abstract={" + b"word " * 10_500_000 + b"}}\n", id="50-MB"),
]


@pytest.mark.parametrize("content", EDGE_CASES)
def test_cli_check_reports_edge_cases_without_a_traceback(project: Project, content: bytes) -> None:
    (project.root / "refs/edge.bib").write_bytes(content)
    result = run_companion("check", cwd=project.root)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr + result.stdout
    for line in result.stdout.splitlines():
        assert line.startswith("refs/"), line


def test_a_directory_named_like_a_bib_file(project: Project) -> None:
    (project.root / "refs/x.bib").mkdir()
    result = run_companion("check", cwd=project.root)
    assert result.returncode == 1
    assert "refs/x.bib:1: error[unreadable-file]" in result.stdout and "Traceback" not in result.stderr
