"""One canonical layout for .bib files: field order, indentation, braces. Lossless and idempotent."""

from __future__ import annotations

from dataclasses import dataclass

from bibtexparser.middlewares import NormalizeFieldKeys, RemoveEnclosingMiddleware
from bibtexparser.model import Entry, ExplicitComment, ImplicitComment, Preamble, String

from .diagnostics import Diagnostic
from .loader import failed_block_diagnostic, parse_or_fail

FIELD_ORDER = (
    "title", "author", "editor", "booktitle", "journal", "year", "month", "date", "series", "volume", "number",
    "pages", "edition", "chapter", "publisher", "organization", "institution", "school", "howpublished", "address",
    "doi", "isbn", "issn", "eprint", "archiveprefix", "primaryclass", "eprinttype", "url", "cvf", "pdf",
    "code", "project", "video", "note", "abstract", "crossref", "topics", "order", "related", "followup",
    "citedas", "sources",
)
_RANK = {name: i for i, name in enumerate(FIELD_ORDER)}


@dataclass(frozen=True)
class Formatted:
    text: str | None
    """The canonical text, or None when the file cannot be parsed cleanly (then it is left alone)."""
    diagnostics: list[Diagnostic]


def format_bib_text(text: str, shown_as: str) -> Formatted:
    """The canonical form of a whole file; comments, @string and @preamble blocks are kept in place."""
    library, problem = parse_or_fail(text, [RemoveEnclosingMiddleware(True), NormalizeFieldKeys(True)], shown_as)
    if problem is not None:
        return Formatted(None, [problem])
    if library.failed_blocks:
        return Formatted(None, [failed_block_diagnostic(b, shown_as) for b in library.failed_blocks])
    blocks = [_format_block(block) for block in library.blocks]
    return Formatted("\n".join(b for b in blocks if b), [])


def format_entry_fields(entry_type: str, key: str, fields: list[tuple[str, str, bool]]) -> str:
    """An entry in canonical layout; each field is (name, value, enclosed)."""
    ordered = sorted(enumerate(fields), key=lambda item: (_RANK.get(item[1][0], len(_RANK)), item[0]))
    width = max((len(name) for _, (name, _, _) in ordered), default=0)
    lines = [f"@{entry_type.lower()}{{{key},"]
    for _, (name, value, enclosed) in ordered:
        shown = f"{{{value}}}" if enclosed else value
        lines.append(f"  {name.ljust(width)} = {shown},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _format_block(block: object) -> str:
    if isinstance(block, Entry):
        fields = [(f.key, str(f.value), f.enclosing != "no-enclosing") for f in block.fields]
        return format_entry_fields(block.entry_type, block.key, fields)
    if isinstance(block, String):
        enclosed = block.enclosing != "no-enclosing"
        value = f"{{{block.value}}}" if enclosed else block.value
        return f"@string{{{block.key} = {value}}}\n"
    if isinstance(block, (Preamble, ExplicitComment)):
        return (block.raw or "").strip() + "\n"
    if isinstance(block, ImplicitComment):
        comment = block.comment.strip()
        return comment + "\n" if comment else ""
    return ""


