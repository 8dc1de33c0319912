"""End-to-end builds of tiny real sites; assertions on the HTML."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import MKDOCS_YML, SAMPLE_BIB, Project, make_project


def test_paper_page_has_buttons_bibtex_and_topics(project: Project) -> None:
    result = project.build()
    assert result.returncode == 0, result.stderr
    html = project.html("papers/liu2019darts/index.html")
    assert "<h1>DARTS: Differentiable Architecture Search</h1>" in html
    assert 'href="https://arxiv.org/abs/1806.09055"' in html
    assert 'href="https://github.com/quark0/darts"' in html
    assert ">PDF<" not in html and ">DOI<" not in html  # no button for a missing link
    assert 'class="language-bibtex"' in html and "@inproceedings{liu2019darts," in html
    reader_block = html.split('class="rc-bibtex highlight')[1].split("</pre>")[0]
    assert "topics" not in reader_block and "archiveprefix" in reader_block  # readers get bibliographic fields
    assert "topics        = {nas}" in html.split('class="rc-source"')[1]  # the entry as kept, in a details block
    assert 'href="../../topics/nas/"' in html
    assert "Hanxiao Liu, Karen Simonyan, Yiming Yang" in html
    assert 'rel="prev"' in html and "Neural Architecture Search with Reinforcement Learning" in html


def test_topic_all_papers_and_home_pages(project: Project) -> None:
    assert project.build().returncode == 0
    topic = project.html("topics/nas/index.html")
    assert topic.index("zoph2017nas") < topic.index("liu2019darts")  # reading order
    assert 'href="../../papers/liu2019darts/"' in topic
    table = project.html("papers/index.html")
    assert table.count("<tr data-key=") == 2
    home = project.html("index.html")
    assert 'class="rc-topic-card"' in home and 'href="topics/nas/"' in home


def test_nav_lists_topics_but_never_papers(project: Project) -> None:
    assert project.build().returncode == 0
    nav = project.html("index.html").split('class="md-content"')[0]
    assert "Architecture search" in nav and "Graph networks" in nav
    assert "papers/liu2019darts" not in nav


def test_links_work_without_directory_urls(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    project.write("mkdocs.yml", (tmp_path / "mkdocs.yml").read_text() + "use_directory_urls: false\n")
    assert project.build().returncode == 0
    html = project.html("papers/liu2019darts.html")
    assert 'href="../topics/nas.html"' in html and 'href="zoph2017nas.html"' in html


def test_hand_written_page_wins(project: Project) -> None:
    project.write("docs/papers/liu2019darts.md", "# My own DARTS page\n")
    assert project.build().returncode == 0
    html = project.html("papers/liu2019darts/index.html")
    assert "My own DARTS page" in html and "language-bibtex" not in html


def test_note_is_merged_and_absent_notes_are_fine(project: Project) -> None:
    project.write("docs/notes/papers/liu2019darts.md",
                  "---\ntldr: Relax the search space.\nquestions: ['Why?', 'How?']\n---\n"
                  "## Key idea\n\nBuilds on [@zoph2017nas].\n")
    assert project.build().returncode == 0
    html = project.html("papers/liu2019darts/index.html")
    assert "Relax the search space." in html and "Discussion questions" in html
    assert re.search(r'<a class="rc-cite" href="\.\./zoph2017nas/"', html)
    assert not (project.site / "notes").exists()  # notes are merged, never pages of their own
    assert "Relax the search space." in project.html("topics/nas/index.html")  # TL;DR on the card


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        pytest.param({"refs/papers.bib": SAMPLE_BIB + "\n@misc{bad, title={x}\n"}, "refs/papers.bib:", id="parse"),
        pytest.param({"docs/notes/papers/ghost2019.md": "Hi\n"},
                     "docs/notes/papers/ghost2019.md:1: error[orphan-note] ghost2019:", id="orphan-note"),
        pytest.param({"refs/papers.bib": SAMPLE_BIB.replace("topics    = {nas, graphs}", "topics = {nope}")},
                     "error[unknown-topic] zoph2017nas: topic 'nope'", id="unknown-topic"),
        pytest.param({"refs/papers.bib": SAMPLE_BIB.replace("related       = {zoph2017nas}", "related = {ghost}")},
                     "error[unknown-key] liu2019darts: related key 'ghost'", id="related"),
    ],
)
def test_strict_build_fails_with_a_located_message(project: Project, broken: dict[str, str], expected: str) -> None:
    project.build()  # a good site first: a failed build must leave it untouched
    before = project.html("papers/liu2019darts/index.html")
    for path, text in broken.items():
        project.write(path, text)
    result = project.build()
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert project.html("papers/liu2019darts/index.html") == before


def test_paper_page_size_does_not_grow_with_the_bibliography(tmp_path: Path) -> None:
    def entry(i: int) -> str:
        return (f"@inproceedings{{p{i:04d},\n  title = {{Paper number {i:04d}}},\n  author = {{Doe, Jane}},\n"
                f"  booktitle = {{Conf (CONF)}},\n  year = {{2019}},\n  topics = {{nas}},\n  order = {{{i}}},\n}}\n")

    sizes = []
    for n in (10, 500):
        project = make_project(tmp_path / str(n), bib="".join(entry(i) for i in range(n)))
        assert project.build().returncode == 0
        sizes.append(len(project.html("papers/p0005/index.html")))
    assert sizes[1] == sizes[0]


def test_hostile_fields_stay_text(tmp_path: Path) -> None:
    hostile = (
        "@misc{evil2019, title = {<script>alert(1)</script> <img src=x onerror=alert(2)> **bold** "
        "[x](javascript:alert(3)) {{ x }} {% raw %}</title>},\n"
        "  author = {<b>Bold</b>, Eve}, year = {2019}, url = {javascript:alert(4)}, topics = {nas},\n"
        "  howpublished = {<iframe src=x>}}\n"
    )
    project = make_project(tmp_path, bib=hostile)
    result = project.build(strict=False)
    assert result.returncode == 0, result.stderr
    for page in ("papers/evil2019/index.html", "topics/nas/index.html", "papers/index.html"):
        html = project.html(page)
        assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html
        assert not re.search(r'(href|src)\s*=\s*"?javascript:', html, re.IGNORECASE)
        assert "<b>Bold</b>" not in html and "<strong>bold</strong>" not in html
    paper = project.html("papers/evil2019/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in paper
    assert "{{ x }}" in paper and "{% raw %}" in paper
    assert "<title>&lt;script&gt;" in paper  # the <title> shows the text, escaped


def test_no_third_party_requests_in_the_html(project: Project) -> None:
    assert project.build().returncode == 0
    html = project.html("papers/liu2019darts/index.html")
    resources = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//[^"]*"', html)
    assert resources == []
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_plans_pictures_and_print_pages(project: Project) -> None:
    project.write("refs/plans/course.yml", "title: A course\ndescription: Two papers.\nsessions:\n"
                  "  - title: Search\n    minutes: 60\n    papers: [zoph2017nas, liu2019darts]\n"
                  "    goal: Know both.\n    presenter_notes: [Show the cell.]\n")
    project.write("mkdocs.yml", project.root.joinpath("mkdocs.yml").read_text().replace(
        "  - companion\n", "  - companion:\n      print_page: true\n"))
    assert project.build().returncode == 0
    plan = project.html("plans/course/index.html")
    assert "Session 1: Search" in plan and "Show the cell." in plan and "min (estimate)" in plan
    assert 'href="../../downloads/plan-course.bib"' in plan
    assert "@inproceedings{zoph2017nas," in (project.site / "downloads/plan-course.bib").read_text()
    pictures = project.html("pictures/index.html")
    assert pictures.count("<circle") == 4  # two papers on the timeline, two on the map (they are related)
    assert 'href="../papers/liu2019darts/"' in pictures
    printed = project.html("print/index.html")
    assert "DARTS: Differentiable Architecture Search" in printed and "https://arxiv.org/abs/1806.09055" in printed


def test_search_index_holds_no_raw_bibtex_and_no_listing_pages(project: Project) -> None:
    assert project.build().returncode == 0
    index = (project.site / "search/search_index.json").read_text()
    assert "@inproceedings" not in index and "archiveprefix" not in index
    assert "DARTS" in index  # the paper page itself is searchable
    assert '"location":"papers/"' not in index.replace(" ", "")  # the all-papers table is not


OFFLINE_YML = MKDOCS_YML.replace("  - companion\n", """\
  - companion:
      offline_zip: true
  - offline:
      enabled: !ENV [COMPANION_OFFLINE, false]
hooks:
  - hooks.py
""")


def test_offline_copy_is_built_beside_the_site_and_zipped(tmp_path: Path) -> None:
    project = make_project(tmp_path, mkdocs_yml=OFFLINE_YML)
    project.write("hooks.py", "")
    result = project.build()
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(project.site / "downloads/companion-offline.zip") as archive:
        names = archive.namelist()
        assert "test-companion/index.html" in names
        # Built for file://: links name index.html, and the search shim is served from the copy itself.
        assert "topics/nas.html" in archive.read("test-companion/index.html").decode()
        assert "test-companion/assets/vendor/iframe-worker/shim.js" in names


def test_a_failed_offline_copy_fails_the_build_with_its_message(tmp_path: Path) -> None:
    project = make_project(tmp_path, mkdocs_yml=OFFLINE_YML)
    # A real MkDocs hook that breaks only the offline build (the second process sets COMPANION_OFFLINE).
    project.write("hooks.py", """\
        import os
        from mkdocs.exceptions import PluginError

        def on_config(config):
            if os.environ.get("COMPANION_OFFLINE") == "true":
                raise PluginError("no offline copy today")
        """)
    result = project.build()
    assert result.returncode != 0
    assert "the offline copy did not build" in result.stderr
    assert "no offline copy today" in result.stderr
    assert "Traceback" not in result.stderr
