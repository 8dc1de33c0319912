"""CSL-JSON, the input of citeproc processors (Zotero, Pandoc, citeproc-py)."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable

from ..model import Paper

TYPES = {"inproceedings": "paper-conference", "article": "article-journal", "book": "book",
         "incollection": "chapter", "phdthesis": "thesis", "mastersthesis": "thesis",
         "techreport": "report", "software": "software", "online": "webpage"}


def to_csl_json(papers: Iterable[Paper]) -> str:
    return join_csl([csl_record(p) for p in papers])


def csl_record(paper: Paper) -> str:
    """One item as JSON, indented as it stands inside the file's array."""
    return textwrap.indent(json.dumps(to_csl_item(paper), ensure_ascii=False, indent=2), "  ")


def join_csl(records: list[str]) -> str:
    """The same text as json.dumps(items, indent=2), from items serialised once each."""
    return ("[\n" + ",\n".join(records) + "\n]\n") if records else "[]\n"


def to_csl_item(paper: Paper) -> dict[str, object]:
    item: dict[str, object] = {"id": paper.key, "type": _type(paper), "title": paper.title}
    if paper.authors:
        item["author"] = [{"family": p.surname, "given": p.first} if p.first else {"family": p.surname}
                          for p in paper.authors]
    elif paper.fields.get("organization"):
        item["author"] = [{"literal": paper.fields["organization"]}]
    if paper.year.isdigit():
        item["issued"] = {"date-parts": [[int(paper.year)]]}
    if paper.venue.full and paper.entry_type in ("inproceedings", "article", "incollection"):
        item["container-title"] = paper.venue.full
    for csl, name in (("volume", "volume"), ("issue", "number"), ("publisher", "publisher")):
        if paper.fields.get(name):
            item[csl] = paper.fields[name]
    if paper.fields.get("pages"):
        item["page"] = re.sub(r"\s*[-\u2013]+\s*", "-", paper.fields["pages"])
    if paper.doi:
        item["DOI"] = paper.doi
    url = paper.links.url or paper.links.cvf or paper.links.arxiv or paper.links.code
    if url:
        item["URL"] = url
    if paper.arxiv_id:
        item["number"] = f"arXiv:{paper.arxiv_id}"
    return item


def _type(paper: Paper) -> str:
    if paper.entry_type == "misc":
        return "article" if paper.arxiv_id else "webpage" if paper.links.url else "document"
    return TYPES.get(paper.entry_type, "document")
