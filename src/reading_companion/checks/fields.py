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
    def problem(rule: str, message: str, severity: Severity = Severity.ERROR) -> Diagnostic:
        return Diagnostic(paper.location.path, paper.location.line, paper.key, rule, message, severity)

    if not KEY.match(paper.key):
        yield problem("bad-key", "keys may hold letters, digits and _:.-+ only")
    for alternatives in REQUIRED.get(paper.entry_type, (("title",),)):
        if not any(paper.fields.get(name, "").strip() for name in alternatives):
            wanted = "' or '".join(alternatives)
            yield problem("missing-field", f"no '{wanted}' (required for @{paper.entry_type})")
    year = paper.fields.get("year")
    if year is not None and not YEAR.match(year.strip()):
        yield problem("bad-year", f"year {year!r} is not four digits")
    eprint = paper.fields.get("eprint", "").strip()
    prefix = paper.fields.get("archiveprefix", paper.fields.get("eprinttype", "")).strip().lower()
    if eprint and prefix == "arxiv" and not ARXIV_ID.match(eprint):
        yield problem("bad-arxiv-id", f"arXiv id {eprint!r} is malformed (expected e.g. 1806.09055)")
    doi = paper.fields.get("doi", "").strip()
    if doi and paper.doi is None:
        yield problem("bad-doi", f"DOI {doi!r} is malformed (expected 10.NNNN/...)")
    yield from _check_urls(paper, problem)


def _check_urls(paper: Paper, problem):  # type: ignore[no-untyped-def]
    for name in URL_FIELDS:
        value = paper.fields.get(name, "").strip()
        if not value:
            continue
        if "\\url" in value or "\\_" in value:
            yield problem("url-escape", f"'{name}' has a \\url{{}} wrapper or \\_ escapes; "
                          "write the plain URL (companion fmt fixes it)", Severity.WARNING)
        plain = value.replace("\\url{", "").lstrip()
        if not plain.lower().startswith(("http://", "https://")):
            yield problem("unsafe-url", f"'{name}' is not an http(s) URL and will not be linked", Severity.WARNING)


__all__ = ["DOI", "check_fields"]
