"""Loading .bib text into Papers: decoding, macros, crossref, recovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from reading_companion.loader import load_bib_file


def load(tmp_path: Path, text: str, name: str = "refs.bib"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_bib_file(path, name)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param(r"M{\"u}ller", "Müller", id="umlaut"),
        pytest.param(r"Ol{\v{s}}{\'a}k", "Olšák", id="caron-acute"),
        pytest.param("{DARTS}: Differentiable", "DARTS: Differentiable", id="protective-braces"),
        pytest.param("Müller", "Müller", id="utf8-kept"),
        pytest.param("Pages 1--10", "Pages 1–10", id="en-dash"),
        pytest.param(r"Caf\'e and {\&} more", "Café and & more", id="escaped-ampersand"),
    ],
)
def test_title_is_decoded_for_display(tmp_path: Path, field: str, expected: str) -> None:
    loaded = load(tmp_path, f"@misc{{k, title = {{{field}}}, year = {{2019}}}}\n")
    assert loaded.papers[0].title == expected


def test_authors_display_and_short_forms(tmp_path: Path) -> None:
    loaded = load(tmp_path, r"""
@misc{a, title={A}, author={Zoph, Barret and Le, Quoc V.}, year={2017}}
@misc{b, title={B}, author={He, Kaiming and Girshick, Ross and Doll{\'a}r, Piotr}, year={2019}}
@misc{c, title={C}, author={Kaliszyk, Cezary}, year={2018}}
""")
    a, b, c = loaded.papers
    assert a.authors_display == "Barret Zoph, Quoc V. Le"
    assert a.authors_short == "Zoph & Le"
    assert b.authors_short == "He et al."
    assert b.authors[2].display == "Piotr Dollár"
    assert c.authors_short == "Kaliszyk"


def test_string_macros_month_and_crossref_are_resolved(tmp_path: Path) -> None:
    loaded = load(tmp_path, r"""
@string{iccv = "Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)"}
@proceedings{iccv2019, title = iccv, year = {2019}}
@inproceedings{xie2019randomly, title = {Exploring Randomly Wired Networks}, author = {Xie, Saining},
  crossref = {iccv2019}, month = oct}
""")
    paper = next(p for p in loaded.papers if p.key == "xie2019randomly")
    assert paper.venue.short == "ICCV 2019"
    assert paper.venue.full.startswith("Proceedings of the IEEE/CVF")
    assert paper.year == "2019"


def test_several_topics_links_and_missing_optional_fields(tmp_path: Path) -> None:
    loaded = load(tmp_path, r"""
@inproceedings{k, title={T}, author={A, B}, booktitle={Conf (NeurIPS)}, year={2018},
  eprint={1805.07563}, archiveprefix={arXiv}, doi={10.1000/xyz}, topics={nas, graphs},
  code={\url{https://github.com/a/b\_c}}}
""")
    paper = loaded.papers[0]
    assert paper.topics == ("nas", "graphs")
    assert paper.links.arxiv == "https://arxiv.org/abs/1805.07563"
    assert paper.links.doi == "https://doi.org/10.1000/xyz"
    assert paper.links.code == "https://github.com/a/b_c"
    assert paper.links.cvf is None and paper.links.pdf is None
    assert [label for label, _ in paper.links.items()] == ["arXiv", "DOI", "Code"]


def test_raw_bibtex_is_kept_verbatim(tmp_path: Path) -> None:
    text = "@misc{k,\n  title = {{DARTS}},\n  year = {2019},\n}\n"
    assert load(tmp_path, text).papers[0].raw_bibtex == text.strip()


def test_parsing_goes_on_after_a_broken_entry(tmp_path: Path) -> None:
    loaded = load(tmp_path, """@misc{good1, title={One}, year={2019}}

@misc{broken, title={Two, year={2019}

@misc{good2, title={Three}, year={2019}}
""")
    keys = [p.key for p in loaded.papers]
    assert "good1" in keys and "good2" in keys
    assert any(d.rule == "parse-error" and d.line == 3 for d in loaded.diagnostics)


def test_duplicate_key_in_one_file_names_both_places(tmp_path: Path) -> None:
    loaded = load(tmp_path, "@misc{a, title={One}, year={2019}}\n@misc{a, title={Two}, year={2019}}\n")
    [problem] = [d for d in loaded.diagnostics if d.rule == "duplicate-key"]
    assert (problem.line, problem.key) == (2, "a")
    assert "refs.bib:1" in problem.message


def test_invalid_utf8_and_directories_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.bib"
    path.write_bytes(b"@misc{a, title={Caf\xe9}, year={2019}}\n")
    loaded = load_bib_file(path, "bad.bib")
    assert [d.rule for d in loaded.diagnostics] == ["encoding"]
    assert loaded.papers[0].key == "a"
    folder = tmp_path / "x.bib"
    folder.mkdir()
    assert [d.rule for d in load_bib_file(folder, "x.bib").diagnostics] == ["unreadable-file"]


def test_unsafe_urls_never_become_links(tmp_path: Path) -> None:
    loaded = load(tmp_path, "@misc{a, title={A}, year={2019}, url={javascript:alert(1)}, code={data:text/html,x}}\n")
    paper = loaded.papers[0]
    assert paper.links.url is None and paper.links.code is None
    assert loaded.diagnostics == []  # reported by the checks, once


def test_text_without_macros_or_crossref_skips_those_middlewares_and_loads_the_same() -> None:
    import bibtexparser
    from bibtexparser.middlewares import RemoveEnclosingMiddleware, ResolveStringReferencesMiddleware

    from reading_companion.loader import ResolveCrossrefMiddleware, parse_stack, to_paper

    text = "".join(path.read_text(encoding="utf-8") for path in sorted(Path(__file__).parents[1].glob("refs/*.bib")))
    assert [type(m) for m in parse_stack(text)] == [RemoveEnclosingMiddleware]
    full = [ResolveStringReferencesMiddleware(True), RemoveEnclosingMiddleware(True), ResolveCrossrefMiddleware(True)]
    papers = [[to_paper(e, "refs.bib") for e in bibtexparser.parse_string(text, parse_stack=stack).entries]
              for stack in (full, parse_stack(text))]
    assert papers[0] == papers[1] and len(papers[0]) > 50
    assert len(parse_stack("@String{x = {y}}\n@misc{a, crossref = {b}}")) == 3
