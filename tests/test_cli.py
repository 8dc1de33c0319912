"""The `companion` command: exit codes and output."""

from __future__ import annotations

import json

from tests.conftest import SAMPLE_BIB, Project, run_companion


def test_check_clean_project_exits_0(project: Project) -> None:
    result = run_companion("check", cwd=project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 entries, 0 error(s)" in result.stderr


def test_check_reports_located_errors_and_exits_1(project: Project) -> None:
    project.write("refs/papers.bib", SAMPLE_BIB + "\n@inproceedings{broken2019, title={x}, year={2019}}\n")
    result = run_companion("check", cwd=project.root)
    assert result.returncode == 1
    assert "refs/papers.bib:26: error[missing-field] broken2019: no 'author'" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_json_output(project: Project) -> None:
    project.write("refs/papers.bib", SAMPLE_BIB + "\n@misc{y2019, title={x}, author={A, B}, year={20x9}}\n")
    result = run_companion("check", "--format", "json", cwd=project.root)
    assert result.returncode == 1
    [problem] = json.loads(result.stdout)
    assert problem["rule"] == "bad-year" and problem["key"] == "y2019" and problem["line"] == 26


def test_check_usage_error_exits_2(project: Project) -> None:
    assert run_companion("check", "missing.bib", cwd=project.root).returncode == 2
    assert run_companion("frobnicate", cwd=project.root).returncode == 2


def test_list_prints_a_table(project: Project) -> None:
    result = run_companion("list", cwd=project.root)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["key", "year", "venue", "topics"]
    assert any(line.startswith("liu2019darts") and "ICLR 2019" in line and "nas" in line for line in lines)


def test_export_topic_to_file(project: Project) -> None:
    result = run_companion("export", "--format", "bibtex", "--topic", "graphs", "-o", "out.bib", cwd=project.root)
    assert result.returncode == 0, result.stderr
    text = (project.root / "out.bib").read_text()
    assert text.startswith("@inproceedings{zoph2017nas,") and "liu2019darts" not in text
    assert "topics" not in text  # site-only fields stay out of downloads
    assert run_companion("export", "--format", "ris", "--topic", "nope", cwd=project.root).returncode == 2


def test_check_uses_the_plugin_options_from_mkdocs_yml(project: Project) -> None:
    project.write("mkdocs.yml", (project.root / "mkdocs.yml").read_text().replace(
        "  - companion\n", "  - companion:\n      bibliography: [lists/*.bib]\n      notes: reading/notes\n"))
    (project.root / "refs/papers.bib").rename(project.root / "refs/elsewhere.txt")
    project.write("lists/main.bib", SAMPLE_BIB)
    project.write("docs/reading/notes/ghost2019.md", "Hello\n")
    result = run_companion("check", cwd=project.root)
    assert result.returncode == 1
    assert "docs/reading/notes/ghost2019.md:1: error[orphan-note] ghost2019" in result.stdout
    assert "2 entries" in result.stderr
    assert project.build().returncode != 0  # the build reads the same options and agrees
