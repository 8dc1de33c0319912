"""The same key twice, and the same paper under two keys."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..model import Bibliography, Paper


def check_duplicate_keys(papers: list[Paper]) -> Iterator[Diagnostic]:
    """duplicate-key: keys are case-insensitive in BibTeX; the first one seen wins."""
    first_seen: dict[str, Paper] = {}
    for paper in papers:
        earlier = first_seen.setdefault(paper.key.lower(), paper)
        if earlier is not paper:
            where = f"{earlier.location.path}:{earlier.location.line}"
            yield Diagnostic(paper.location.path, paper.location.line, paper.key, "duplicate-key",
                             f"key already used at {where}; rename one of them")


def check_same_paper(bibliography: Bibliography) -> Iterator[Diagnostic]:
    """duplicate-paper: same normalised title, arXiv id or DOI under different keys."""
    seen: dict[tuple[str, str], Paper] = {}
    for paper in bibliography.papers.values():
        for kind, value in identities(paper):
            earlier = seen.setdefault((kind, value), paper)
            if earlier is not paper and not _declared_versions(paper, earlier, kind):
                yield Diagnostic(paper.location.path, paper.location.line, paper.key, "duplicate-paper",
                                 f"same {kind} as {earlier.key} ({earlier.location.path}:"
                                 f"{earlier.location.line}); keep one entry")
                break


def _declared_versions(a: Paper, b: Paper, kind: str) -> bool:
    """A journal version may share its conference version's title when `related` links them."""
    return kind == "title" and (a.key in b.related or b.key in a.related)


_VERSION = re.compile(r"v\d+$")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def normalised_title(title: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", title.lower())


def identities(paper: Paper) -> Iterator[tuple[str, str]]:
    """What makes two entries the same paper: its arXiv id (any version), DOI or normalised title."""
    if paper.arxiv_id:
        yield "arXiv id", _VERSION.sub("", paper.arxiv_id)
    if paper.doi:
        yield "DOI", paper.doi.lower()
    title = normalised_title(paper.title)
    if len(title) >= 12:
        yield "title", title
