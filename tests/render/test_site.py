"""The site rendered with part of the work in a forked child is the site rendered in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from reading_companion.forked import can_fork
from reading_companion.project import Layout, load_project
from reading_companion.render import Renderer, RenderOptions, render_site

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not can_fork(), reason="needs os.fork")
def test_the_site_renders_the_same_on_two_cores() -> None:
    bibliography = load_project(Layout(root=REPO)).bibliography
    options = RenderOptions(print_page=True)
    two = render_site(Renderer(bibliography, options), parallel=True)
    one = render_site(Renderer(bibliography, options), parallel=False)
    assert [p.src_uri for p in two.pages] == [p.src_uri for p in one.pages]
    assert two == one
    assert any(uri.endswith(".bib") for uri, _ in one.files)
