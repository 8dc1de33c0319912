"""Per-entry field rules: required fields, and well-formed year, arXiv id, DOI and URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic, Severity
from ..loader import ARXIV_ID, DOI, URL_FIELDS
from ..model import Bibliography, Paper

REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("title",), ("author",), ("journal",), ("year", "date")),
    "inproceedings": (("title",), ("author",), ("booktitle",), ("year", "date")),
    "incollection": (("title",), ("author",), ("booktitle",), ("year", "date")),
    "book": (("title",), ("author", "editor"), ("publisher",), ("year", "date")),
    "phdthesis": (("title",), ("author",), ("school",), ("year", "date")),
    "mastersthesis": (("title",), ("author",), ("school",), ("year", "date")),
    "techreport": (("title",), ("author",), ("institution",), ("year", "date")),
    "misc": (("title",), ("author", "organization"), ("year", "date")),
    "software": (("title",), ("author", "organization"), ("url",)),
    "online": (("title",), ("url",)),
}
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.\-+]*$")
YEAR = re.compile(r"^\d{4}$")


def check_fields(bibliography: Bibliography) -> Iterator[Diagnostic]:
    for paper in bibliography.papers.values():
        yield from _check_paper(paper)


def _check_paper(paper: Paper) -> Iterator[Diagnostic]:
    fields = paper.fields
    where = (paper.location.path, paper.location.line, paper.key)
    if not KEY.match(paper.key):
        yield Diagnostic(*where, "bad-key", "keys may hold letters, digits and _:.-+ only")
    for alternatives in REQUIRED.get(paper.entry_type, (("title",),)):
        if not any(fields.get(name, "").strip() for name in alternatives):
            wanted = "' or '".join(alternatives)
            yield Diagnostic(*where, "missing-field", f"no '{wanted}' (required for @{paper.entry_type})")
    year = fields.get("year")
    if year is not None and not YEAR.match(year.strip()):
        yield Diagnostic(*where, "bad-year", f"year {year!r} is not four digits")
    eprint = fields.get("eprint", "").strip()
    if eprint and paper.arxiv_id is None:
        prefix = fields.get("archiveprefix", fields.get("eprinttype", "")).strip().lower()
        if prefix == "arxiv" and not ARXIV_ID.match(eprint):
            yield Diagnostic(*where, "bad-arxiv-id", f"arXiv id {eprint!r} is malformed (expected e.g. 1806.09055)")
    if paper.doi is None and fields.get("doi", "").strip():
        yield Diagnostic(*where, "bad-doi", f"DOI {fields['doi'].strip()!r} is malformed (expected 10.NNNN/...)")
    for name in URL_FIELDS:
        if name in fields:
            yield from _check_url(name, fields[name].strip(), where)


def _check_url(name: str, value: str, where: tuple[str, int, str]) -> Iterator[Diagnostic]:
    if not value:
        return
    if "\\url" in value or "\\_" in value:
        yield Diagnostic(*where, "url-escape", f"'{name}' has a \\url{{}} wrapper or \\_ escapes; "
                         "write the plain URL (companion fmt fixes it)", Severity.WARNING)
    plain = value.replace("\\url{", "").lstrip()
    if not plain.lower().startswith(("http://", "https://")):
        yield Diagnostic(*where, "unsafe-url", f"'{name}' is not an http(s) URL and will not be linked",
                         Severity.WARNING)


__all__ = ["DOI", "check_fields"]
