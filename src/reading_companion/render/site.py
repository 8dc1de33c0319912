"""The whole generated site, pages and static files; on a large site, part of the work done on the second core."""

from __future__ import annotations

from dataclasses import dataclass

from ..forked import in_child, worth_forking
from .assets import asset_files
from .pages import PageSpec, Renderer, index_pages

PARALLEL_MIN_PAPERS = 500
"""Below this many paper pages a fork costs more than the second core saves."""

CHILD_SHARE = 0.55
"""Of the paper pages, the share the forked child renders besides the downloads. The parent renders the topic,
index and picture pages, a little more work than the downloads (measured at 10,000 papers): both then finish
at about the same time. One child, not one per job: three processes on two cores would slow the parent."""


@dataclass(frozen=True)
class Site:
    pages: list[PageSpec]
    files: list[tuple[str, str | bytes]]
    """(site path, content) of our CSS and JS and of the downloads."""


def render_site(r: Renderer, parallel: bool | None = None) -> Site:
    """Every generated page, paper pages first, and every static file. `parallel`: None decides by the number of
    papers and by whether a fork is safe here (see forked); True forces a fork, False forbids it."""
    papers = list(r.bib.papers.values())
    if parallel is None:
        parallel = worth_forking(len(papers), PARALLEL_MIN_PAPERS)
    cut = len(papers) - int(len(papers) * CHILD_SHARE) if parallel else len(papers)

    def later() -> tuple[list[PageSpec], list[tuple[str, str | bytes]]]:
        return [r.paper_page(p) for p in papers[cut:]], asset_files(r.bib, r.options)

    pending = in_child(later) if parallel else later
    first = [r.paper_page(p) for p in papers[:cut]]
    others = index_pages(r)
    rest, files = pending()
    return Site(first + rest + others, files)
