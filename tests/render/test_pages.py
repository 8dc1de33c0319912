"""Templates: an override folder wins over the packaged templates, and an edited template is used at once
(compiled templates are cached by source, so a cached copy never hides an edit)."""

from __future__ import annotations

from pathlib import Path

from reading_companion.project import Layout, load_project
from reading_companion.render import Renderer, RenderOptions

REPO = Path(__file__).resolve().parents[2]


def test_an_edited_override_template_is_used_on_the_next_build(tmp_path: Path) -> None:
    bibliography = load_project(Layout(root=REPO)).bibliography
    paper = next(iter(bibliography.papers.values()))
    override = tmp_path / "paper.md.j2"
    for version in ("first", "second"):
        override.write_text(f"# {{{{ paper.title }}}} ({version} override)\n", encoding="utf-8")
        spec = Renderer(bibliography, RenderOptions(templates=tmp_path)).paper_page(paper)
        assert spec.markdown == f"# {paper.title} ({version} override)\n"
    packaged = Renderer(bibliography, RenderOptions()).paper_page(paper)
    assert "override" not in packaged.markdown
