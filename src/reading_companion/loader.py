"""Reading .bib files into Papers. The only module that calls bibtexparser's parser."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares import RemoveEnclosingMiddleware, ResolveStringReferencesMiddleware
from bibtexparser.middlewares.middleware import LibraryMiddleware, Middleware
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, Field, ImplicitComment, ParsingFailedBlock

from .diagnostics import Diagnostic, Severity
from .latex import clean_url, to_text
from .model import Links, Location, Paper, Person, Venue

# We report the parser's problems ourselves, with locations; its own log lines would only repeat them.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False

TEXT_FIELDS = frozenset({
    "title", "booktitle", "journal", "publisher", "organization", "institution", "school",
    "howpublished", "series", "address", "note", "citedas", "edition",
})
URL_FIELDS = ("url", "pdf", "cvf", "code", "project", "video")
ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(\.[A-Z]{2})?/\d{7})(v\d+)?$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_AND = re.compile(r"\s+and\s+")
_ACRONYM = re.compile(r"\(([^()]{1,20})\)\s*$")
_LOOKS_LIKE_DATA = re.compile(r"[={}]")


@dataclass(frozen=True)
class LoadedFile:
    papers: list[Paper]
    diagnostics: list[Diagnostic]


class ResolveCrossrefMiddleware(LibraryMiddleware):
    """Fills an entry's missing fields from the entry its `crossref` names (same file). Field names are
    compared without case: the stack does not normalise them (to_paper does, in the same pass it reads them)."""

    def transform(self, library: Library) -> Library:
        by_key = {e.key.lower(): e for e in library.entries}
        for entry in library.entries:
            parent_key = next((str(f.value) for f in entry.fields if f.key.lower() == "crossref"), None)
            parent = by_key.get(parent_key.lower()) if parent_key is not None else None
            if parent is None:
                continue
            own = {f.key.lower() for f in entry.fields}
            for field in parent.fields:
                name = field.key.lower()
                if name not in own and name not in ("crossref", "id", "entrytype"):
                    entry.set_field(Field(name, field.value))
                    own.add(name)
            title = next((f.value for f in parent.fields if f.key.lower() == "title"), None)
            if "booktitle" not in own and title is not None:
                entry.set_field(Field("booktitle", title))
        return library


# Each of these middlewares costs a pass over every field of every entry: a text that cannot need one skips
# it. The patterns may match more than they must (a title that mentions @string), never less. Without `\b`
# in front, the engine can skip to the pattern's first letter (one with `\b` took 0.15 s on 4 MB).
DEFINES_STRINGS = re.compile(r"@\s*string\b", re.IGNORECASE)
USES_CROSSREF = re.compile(r"[cC][rR][oO][sS][sS][rR][eE][fF]\s*=")


def parse_stack(text: str) -> list[Middleware]:
    """Our explicit parse stack for `text`: macros (if it defines any), enclosing, crossref (if it uses
    any). Field names are lowercased by to_paper."""
    stack: list[Middleware] = []
    if DEFINES_STRINGS.search(text):
        stack.append(ResolveStringReferencesMiddleware(True))
    stack.append(RemoveEnclosingMiddleware(True))
    if USES_CROSSREF.search(text):
        stack.append(ResolveCrossrefMiddleware(True))
    return stack


def load_bib_file(path: Path, shown_as: str) -> LoadedFile:
    """Parse one file; bad input becomes diagnostics, never an exception."""
    return load_segment(read_segment(path, shown_as)).loaded


@dataclass(frozen=True)
class Segment:
    """A file's text, or a run of whole blocks of it: `line_offset` lines of the file come before it.
    `file_diagnostics` are the file's own problems (encoding, unreadable), reported with its first segment."""

    text: str
    shown_as: str
    line_offset: int = 0
    file_diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class LoadedSegment:
    loaded: LoadedFile
    keys: frozenset[str]
    clean: bool
    """No block failed to parse: the segment may be joined to the rest of its file as it is."""


def read_segment(path: Path, shown_as: str) -> Segment:
    """A whole file as one segment; a file that cannot be read is an empty one with its diagnostic."""
    text, problem = read_text(path)
    if text is None:
        return Segment("", shown_as, 0, (Diagnostic(shown_as, 1, "", "unreadable-file", problem),))
    return Segment(text, shown_as, 0, (Diagnostic(shown_as, 1, "", "encoding", problem),) if problem else ())


def load_segment(segment: Segment) -> LoadedSegment:
    """Parse one segment; bad input becomes diagnostics, never an exception."""
    name, offset = segment.shown_as, segment.line_offset
    diagnostics = list(segment.file_diagnostics)
    if any(d.rule == "unreadable-file" for d in diagnostics):
        return LoadedSegment(LoadedFile([], diagnostics), frozenset(), True)
    library, failure = parse_or_fail(segment.text, parse_stack(segment.text), name)
    if failure is not None:
        return LoadedSegment(LoadedFile([], diagnostics + [failure]), frozenset(), False)
    diagnostics += [failed_block_diagnostic(block, name, offset) for block in library.failed_blocks]
    diagnostics += list(_stray_text(library, name, offset))
    papers = []
    for entry in library.entries:
        if entry.entry_type.lower() in ("comment", "preamble", "string"):
            continue
        paper, problems = to_paper(entry, name, offset)
        diagnostics += problems
        if paper is not None:
            papers.append(paper)
    keys = frozenset(entry.key.lower() for entry in library.entries)
    return LoadedSegment(LoadedFile(papers, diagnostics), keys, not library.failed_blocks)


def relative_name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path) -> tuple[str | None, str]:
    """The file's text and a problem (if any). Invalid UTF-8 is reported, then replaced."""
    if path.is_dir():
        return None, "is a directory, not a file"
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, f"cannot read: {error.strerror or error}"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
        return text, f"invalid UTF-8 at line {line} (byte {error.start}); save the file as UTF-8"


def _line(block: object, offset: int = 0) -> int:
    """1-based line of a block in its file; `offset` lines of the file come before the parsed text."""
    start = getattr(block, "start_line", None)
    return (start or 0) + 1 + offset


def parse_or_fail(text: str, stack: Sequence[Middleware], shown_as: str) -> tuple[Library, Diagnostic | None]:
    """bibtexparser's parse; if the parser itself gives up (deep nesting, say), a diagnostic instead."""
    try:
        return bibtexparser.parse_string(text, parse_stack=stack), None
    except (RecursionError, MemoryError, ValueError, IndexError, KeyError, TypeError) as error:
        return Library(), Diagnostic(shown_as, 1, "", "parse-error",
                                     f"the BibTeX parser gave up on this file ({type(error).__name__}); "
                                     "check for runaway braces")


def failed_block_diagnostic(block: ParsingFailedBlock, path: str, offset: int = 0) -> Diagnostic:
    if isinstance(block, DuplicateBlockKeyBlock):
        first = _line(block.previous_block, offset)
        return Diagnostic(path, _line(block, offset), block.key, "duplicate-key",
                          f"key already used at {path}:{first}; rename one of them")
    key = _guess_key(block.raw or "")
    reason = getattr(block.error, "abort_reason", None) or str(block.error) or type(block.error).__name__
    reason = reason.splitlines()[0].rstrip(".")
    return Diagnostic(path, _line(block, offset), key, "parse-error",
                      f"cannot parse this entry ({reason}); check braces and commas")


def _guess_key(raw: str) -> str:
    match = re.match(r"\s*@\s*\w+\s*[{(]\s*([^,\s]+)", raw)
    return match.group(1) if match else ""


def _stray_text(library: Library, path: str, offset: int) -> Iterable[Diagnostic]:
    for block in library.blocks:
        if isinstance(block, ImplicitComment) and _LOOKS_LIKE_DATA.search(block.comment):
            yield Diagnostic(path, _line(block, offset), "", "stray-text",
                             "text between entries looks like a broken entry; "
                             "start entries with @type{key,", Severity.WARNING)


def to_paper(entry: Entry, path: str, offset: int = 0) -> tuple[Paper | None, list[Diagnostic]]:
    """Our Paper from a parsed entry; problems with single fields are reported, not fatal."""
    location = Location(path, _line(entry, offset))
    raw: dict[str, str] = {}
    for field in entry.fields:  # one pass: this runs for every field of every entry
        value = field.value if type(field.value) is str else str(field.value)
        if "=" in value and field.enclosing == "no-enclosing":
            return None, [Diagnostic(path, location.line, entry.key, "parse-error",
                                     f"cannot parse this entry (a comma is missing after '{field.key}'); "
                                     "check braces and commas")]
        raw[field.key.lower()] = value
    problems: list[Diagnostic] = []
    fields = {name: (to_text(value) if name in TEXT_FIELDS else value.strip()) for name, value in raw.items()}
    authors, name_problem = _people(raw.get("author", ""))
    if name_problem:
        problems.append(Diagnostic(path, location.line, entry.key, "bad-name", name_problem))
    year = _year(raw)
    arxiv_id, doi = _arxiv_id(raw), _doi(raw)
    links = _links(raw, arxiv_id, doi)
    paper = Paper(
        key=entry.key,
        entry_type=entry.entry_type.lower(),
        title=fields.get("title", ""),
        authors=authors,
        year=year,
        venue=_venue(fields, year, bool(links.arxiv)),
        links=links,
        topics=_list(raw.get("topics", "")),
        location=location,
        raw_bibtex=(entry.raw or "").strip(),
        order=_int(raw.get("order")),
        related=_list(raw.get("related", "")),
        followup=raw.get("followup", "").strip().lower() in ("true", "yes", "1"),
        cited_as=fields.get("citedas") or None,
        arxiv_id=arxiv_id,
        doi=doi,
        fields=fields,
        bibtex_fields=tuple(raw.items()),
    )
    return paper, problems


def _people(value: str) -> tuple[tuple[Person, ...], str]:
    if not value.strip():
        return (), ""
    people: list[Person] = []
    names = _AND.split(value.strip()) if "{" not in value else split_multiple_persons_names(value)
    for name in names:
        person = _person(name)
        if isinstance(person, str):
            return tuple(people), f"cannot read author name {name!r}: {person}"
        people.append(person)
    return tuple(people), ""


@lru_cache(maxsize=65536)
def _person(name: str) -> Person | str:
    """One name, parsed once however many entries it appears in; a str is the reason it failed."""
    simple = _simple_person(name)
    if simple is not None:
        return simple
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except Exception as error:  # bibtexparser raises InvalidNameError and friends
        return str(error)
    return Person(first=to_text(" ".join(parts.first)), last=to_text(" ".join(parts.last)),
                  von=to_text(" ".join(parts.von)), jr=to_text(" ".join(parts.jr)))


def _simple_person(name: str) -> Person | None:
    """'Last, First' or 'First Last' with no braces, backslashes or lowercase particles: the common case,
    read without bibtexparser's general (and slower) name grammar. Anything else returns None."""
    if "{" in name or "\\" in name or name.count(",") > 1:
        return None
    if "," in name:
        last, first = (part.strip() for part in name.split(","))
    else:
        words = name.split()
        if not words:
            return None
        first, last = " ".join(words[:-1]), words[-1]
    words = (first + " " + last).split()
    if not last or any(w[:1].islower() for w in words):  # "van", "de la": the von part needs the full grammar
        return None
    return Person(first=" ".join(first.split()), last=" ".join(last.split()))


def _year(raw: dict[str, str]) -> str:
    year = raw.get("year", "").strip()
    if not year and raw.get("date"):
        year = raw["date"].strip()[:4]
    return year


def _venue(fields: dict[str, str], year: str, on_arxiv: bool) -> Venue:
    """Full venue name, and a short label: the trailing acronym, or the name if it is short."""
    full = next((fields[name] for name in ("booktitle", "journal", "howpublished", "publisher",
                                           "organization", "institution", "school") if fields.get(name)), "")
    if not full and on_arxiv:
        full = "arXiv preprint"
    match = _ACRONYM.search(full)
    if match:
        name = match.group(1).strip()
    elif full.startswith("http"):
        name = "Web"
    elif full.lower().startswith("arxiv"):
        name = "arXiv"
    elif len(full) <= 32:
        name = full
    else:
        name = full[:30].rstrip() + "\u2026"
    return Venue(short=f"{name} {year}".strip(), full=full)


def _links(raw: dict[str, str], arxiv_id: str | None, doi: str | None) -> Links:
    """Only http(s) URLs become links; checks.fields reports the others."""
    urls: dict[str, str | None] = dict.fromkeys(URL_FIELDS)
    for name in URL_FIELDS:
        if name in raw:
            value = clean_url(raw[name])
            urls[name] = value if value.lower().startswith(("http://", "https://")) else None
    return Links(
        pdf=urls["pdf"], cvf=urls["cvf"], code=urls["code"], project=urls["project"],
        video=urls["video"], url=urls["url"],
        arxiv=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None,
        doi=f"https://doi.org/{doi}" if doi else None,
    )


def _arxiv_id(raw: dict[str, str]) -> str | None:
    prefix = (raw.get("archiveprefix") or raw.get("eprinttype") or "").strip().lower()
    value = raw.get("eprint", "").strip()
    if prefix == "arxiv" and ARXIV_ID.match(value):
        return value
    return None


def _doi(raw: dict[str, str]) -> str | None:
    if "doi" not in raw:
        return None
    value = clean_url(raw["doi"])
    for prefix in ("https://doi.org/", "http://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix):]
    return value if DOI.match(value) else None


def _list(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in re.split(r"[,;]", value) if item.strip())


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def bib_paths(root: Path, patterns: Iterable[str]) -> list[Path]:
    """The .bib files a project uses, sorted so builds are reproducible."""
    found: set[Path] = set()
    for pattern in patterns:
        found.update(root.glob(pattern))
    return sorted(found, key=lambda p: p.as_posix())
