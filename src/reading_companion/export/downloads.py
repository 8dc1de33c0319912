"""The download files of a site: the whole bibliography, each topic and each plan, in each format."""

from __future__ import annotations

from ..model import Bibliography, Paper
from . import FORMATS

DOWNLOADS = "downloads"


def download_path(scope: str, fmt: str) -> str:
    """`downloads/all.bib`, `downloads/topic-nas.ris`, `downloads/plan-essentials.json`."""
    return f"{DOWNLOADS}/{scope}.{FORMATS[fmt].extension}"


def download_files(bibliography: Bibliography) -> list[tuple[str, str]]:
    scopes: list[tuple[str, list[Paper]]] = [("all", list(bibliography.papers.values()))]
    scopes += [(f"topic-{t.slug}", bibliography.papers_in(t.slug)) for t in bibliography.topics]
    scopes += [(f"plan-{plan.slug}", bibliography.plan_papers(plan)) for plan in bibliography.plans]
    files = []
    for fmt, form in FORMATS.items():
        records = {p.key: form.record(p) for p in bibliography.papers.values()}  # each paper once per format
        files += [(download_path(scope, fmt), form.join([records[p.key] for p in papers])) for scope, papers in scopes]
    return files
