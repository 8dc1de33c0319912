"""Importing BibTeX pasted from arXiv, CVF, DBLP, Google Scholar or Zotero into our canonical form."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bibtexparser.library import Library
from bibtexparser.middlewares import NormalizeFieldKeys, RemoveEnclosingMiddleware, ResolveStringReferencesMiddleware
from bibtexparser.model import DuplicateBlockKeyBlock, Entry

from .bibformat import format_entry_fields
from .checks.duplicates import identities
from .diagnostics import Diagnostic
from .latex import clean_url, to_text
from .loader import ARXIV_ID, failed_block_diagnostic, parse_or_fail, to_paper
from .model import Paper

NOISE = frozenset({"timestamp", "biburl", "bibsource", "file", "urldate", "langid", "keywords", "copyright",
                   "annotation", "shorttitle", "abstractnote", "language", "month_numeric"})
URL_FIELDS = ("url", "pdf", "cvf", "code", "project", "video")
STOPWORDS = frozenset(["a", "an", "the", "on", "of", "for", "to", "in", "with", "via", "and", "or", "by", "from",
                       "at", "towards", "toward", "is", "are", "do", "does", "can", "what", "how", "when", "why"])
_ARXIV_JOURNAL = re.compile(r"arxiv(?: preprint)?(?: arxiv)?[:\s]*(\d{4}\.\d{4,5}|[a-z\-]+/\d{7})(v\d+)?", re.I)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5}|[a-z\-]+/\d{7})(v\d+)?", re.I)
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\S+)$", re.I)


@dataclass(frozen=True)
class Imported:
    key: str
    text: str
    """The entry in canonical layout, ready to append to a .bib file."""


def import_entries(text: str, topic: str, existing: dict[str, Paper],
                   source: str = "<input>") -> tuple[list[Imported], list[Diagnostic]]:
    """Normalise every entry of `text`; refuse duplicates of `existing` and of each other."""
    stack = [ResolveStringReferencesMiddleware(True), RemoveEnclosingMiddleware(True), NormalizeFieldKeys(True)]
    library, failure = parse_or_fail(text, stack, source)
    if failure is not None:
        return [], [failure]
    # Exports reuse keys for different papers (CVF's Li_2019_ICCV); keys are renamed anyway.
    entries = list(library.entries) + [
        _unenclosed(b.ignore_error_block, library) for b in library.failed_blocks
        if isinstance(b, DuplicateBlockKeyBlock) and isinstance(b.ignore_error_block, Entry)]
    problems = [failed_block_diagnostic(b, source) for b in library.failed_blocks
                if not isinstance(b, DuplicateBlockKeyBlock)]
    if not entries and not problems:
        problems.append(Diagnostic(source, 1, "", "no-entry", "no BibTeX entry found in the input"))
    known = dict(existing)
    imported: list[Imported] = []
    for entry in sorted(entries, key=lambda e: e.start_line or 0):
        fields = normalise_fields(entry)
        key = new_key(fields, set(known))
        candidate, paper_problems = to_paper(_as_entry(entry.entry_type, key, fields), source)
        if candidate is None:
            problems += paper_problems
            continue
        duplicate = find_duplicate(candidate, known)
        if duplicate is not None:
            problems.append(Diagnostic(source, candidate.location.line, entry.key, "duplicate-paper",
                                       f"already in the bibliography as {duplicate.key} "
                                       f"({duplicate.location.path}:{duplicate.location.line}); not added"))
            continue
        fields.append(("topics", topic, True))
        imported.append(Imported(key, format_entry_fields(_entry_type(entry, fields), key, fields)))
        known[key] = candidate
    return imported, problems


def _unenclosed(entry: Entry, library: Library) -> Entry:
    """A duplicate-key block skipped the parse stack's enclosing step; give it that step."""
    return NormalizeFieldKeys(True).transform_entry(RemoveEnclosingMiddleware(True).transform_entry(entry, library),
                                                    library)


def normalise_fields(entry: Entry) -> list[tuple[str, str, bool]]:
    """Drop export noise, unwrap URLs, move arXiv and DOI data to their own fields, names as 'Last, First'."""
    fields: dict[str, str] = {}
    for field in entry.fields:
        name, value = field.key.lower(), str(field.value).strip()
        if name in NOISE or not value:
            continue
        fields[name] = clean_url(value) if name in URL_FIELDS or name == "doi" else value
    _move_arxiv(fields)
    _move_doi(fields)
    if "archiveprefix" in fields and fields["archiveprefix"].lower() == "arxiv":
        fields["archiveprefix"] = "arXiv"
    for name in ("author", "editor"):
        if name in fields:
            fields[name] = _names_last_first(fields[name])
    if fields.get("date") and not fields.get("year"):
        fields["year"] = fields["date"][:4]
    return [(name, " ".join(value.split()) if name != "abstract" else value, True) for name, value in fields.items()]


def new_key(fields: list[tuple[str, str, bool]], taken: set[str]) -> str:
    """`surname + year + word`: the first title word that gives a key not yet taken."""
    values = {name: value for name, value, _ in fields}
    first_author = re.split(r"\s+and\s+", values.get("author", "") or values.get("organization", "anon"))[0]
    surname = first_author.split(",")[0] if "," in first_author else (first_author.split() or ["anon"])[-1]
    surname = _ascii(to_text(surname)) or "anon"
    year = re.sub(r"\D", "", values.get("year", ""))[:4]
    words = [_ascii(w) for w in re.split(r"[\s\-:]+", to_text(values.get("title", "")))]
    words = [w for w in words if w and w not in STOPWORDS] or ["paper"]
    taken_lower = {k.lower() for k in taken}
    for word in words:
        key = f"{surname}{year}{word}"
        if key not in taken_lower:
            return key
    number = 2
    while f"{surname}{year}{words[0]}{number}" in taken_lower:
        number += 1
    return f"{surname}{year}{words[0]}{number}"


def find_duplicate(paper: Paper, known: dict[str, Paper]) -> Paper | None:
    """The known entry that is the same paper, by the rule `companion check` applies."""
    mine = set(identities(paper))
    return next((other for other in known.values() if mine.intersection(identities(other))), None)


def _move_arxiv(fields: dict[str, str]) -> None:
    eprint = fields.get("eprint", "")
    if eprint and (fields.get("archiveprefix", "").lower() == "arxiv" or ARXIV_ID.match(eprint)):
        fields.setdefault("archiveprefix", "arXiv")
        return
    for name in ("journal", "url", "note", "howpublished"):
        match = (_ARXIV_JOURNAL if name != "url" else _ARXIV_URL).search(fields.get(name, ""))
        if match:
            fields["eprint"], fields["archiveprefix"] = match.group(1), "arXiv"
            if name == "journal":  # "arXiv preprint arXiv:1806.09055" is not a journal
                del fields["journal"]
            return


def _move_doi(fields: dict[str, str]) -> None:
    doi = fields.get("doi", "")
    match = _DOI_URL.match(doi)
    if match:
        fields["doi"] = match.group(1)
    url_match = _DOI_URL.match(fields.get("url", ""))
    if url_match:
        if not fields.get("doi"):
            fields["doi"] = url_match.group(1)
        if fields["doi"].lower() == url_match.group(1).lower():
            del fields["url"]  # DBLP's url is just the DOI again


def _names_last_first(value: str) -> str:
    from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

    names = []
    for name in split_multiple_persons_names(value):
        if name.count(",") > 2:  # "A B, C D, E F": not one name; keep it as written rather than guess
            names.append(name)
            continue
        try:
            parts = parse_single_name_into_parts(name, strict=False)
        except Exception:  # keep a name we cannot split exactly as it was
            names.append(name)
            continue
        last = " ".join([*parts.von, *parts.last])
        rest = [" ".join(parts.jr), " ".join(parts.first)] if parts.jr else [" ".join(parts.first)]
        names.append(", ".join([last, *[r for r in rest if r]]))
    return " and ".join(names)


def _entry_type(entry: Entry, fields: list[tuple[str, str, bool]]) -> str:
    kind = entry.entry_type.lower()
    names = {name for name, _, _ in fields}
    if kind == "article" and "journal" not in names and "eprint" in names:
        return "misc"  # arXiv's old export: @article with journal = {arXiv preprint ...}
    return kind


def _as_entry(entry_type: str, key: str, fields: list[tuple[str, str, bool]]) -> Entry:
    from bibtexparser.model import Field

    return Entry(entry_type, key, [Field(name, value) for name, value, _ in fields])


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())
