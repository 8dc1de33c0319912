"""BibTeX for readers: bibliographic fields only, in a canonical layout."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Paper

SITE_FIELDS = frozenset({"topics", "order", "related", "followup", "citedas", "sources",
                         "code", "project", "video", "cvf", "pdf"})


def to_bibtex(papers: Iterable[Paper]) -> str:
    return join_bibtex([entry_bibtex(p) for p in papers])


def join_bibtex(records: list[str]) -> str:
    return "\n".join(records)


def entry_bibtex(paper: Paper, keep_site_fields: bool = False) -> str:
    fields = [(k, v) for k, v in paper.bibtex_fields if keep_site_fields or k not in SITE_FIELDS]
    return format_entry(paper.entry_type, paper.key, fields)


def format_entry(entry_type: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    fields = list(fields)
    width = max((len(name) for name, _ in fields), default=0)
    lines = [f"@{entry_type}{{{key},"]
    lines += [f"  {name.ljust(width)} = {{{' '.join(value.split())}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines) + "\n"
