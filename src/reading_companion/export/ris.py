"""RIS with standard tags (TY/AU/TI/T2/PY/VL/IS/SP/EP/DO/UR/ER), as Zotero reads it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Paper

TYPES = {"inproceedings": "CPAPER", "article": "JOUR", "book": "BOOK", "incollection": "CHAP",
         "phdthesis": "THES", "mastersthesis": "THES", "techreport": "RPRT", "software": "COMP",
         "online": "ELEC", "misc": "GEN"}


def to_ris(papers: Iterable[Paper]) -> str:
    return join_ris([ris_record(p) for p in papers])


def ris_record(paper: Paper) -> str:
    return "\r\n".join(_lines(paper)) + "\r\n"


def join_ris(records: list[str]) -> str:
    return "".join(records)


def _lines(paper: Paper) -> Iterator[str]:
    yield f"TY  - {TYPES.get(paper.entry_type, 'GEN')}"
    for person in paper.authors:
        given = " ".join(part for part in (person.first,) if part)
        family = person.surname
        yield f"AU  - {family}, {given}".rstrip(", ") if given else f"AU  - {family}"
    yield f"TI  - {paper.title}"
    if paper.venue.full and paper.entry_type != "misc":
        yield f"T2  - {paper.venue.full}"
    if paper.year:
        yield f"PY  - {paper.year}"
    for tag, name in (("VL", "volume"), ("IS", "number"), ("PB", "publisher")):
        if paper.fields.get(name):
            yield f"{tag}  - {paper.fields[name]}"
    pages = re.split(r"\s*[-\u2013]+\s*", paper.fields.get("pages", "").strip())
    if pages[0]:
        yield f"SP  - {pages[0]}"
        if len(pages) > 1 and pages[1]:
            yield f"EP  - {pages[1]}"
    if paper.doi:
        yield f"DO  - {paper.doi}"
    for url in _urls(paper):
        yield f"UR  - {url}"
    if paper.arxiv_id:
        yield f"N1  - arXiv:{paper.arxiv_id}"
    yield "ER  - "


def _urls(paper: Paper) -> list[str]:
    found = [paper.links.url, paper.links.cvf, paper.links.arxiv]
    return list(dict.fromkeys(u for u in found if u))
