"""The same site builds under ProperDocs, the maintained fork of MkDocs."""

from __future__ import annotations

from tests.conftest import Project


def test_properdocs_builds_the_site(project: Project) -> None:
    result = project.build(tool="properdocs")
    assert result.returncode == 0, result.stderr
    html = project.html("papers/liu2019darts/index.html")
    assert "<h1>DARTS: Differentiable Architecture Search</h1>" in html
    assert "language-bibtex" in html
