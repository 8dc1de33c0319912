"""Bibliography exports: pure functions from Papers to text; they never touch disk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Paper
from .bibtex import entry_bibtex, join_bibtex, to_bibtex
from .csl import csl_record, join_csl, to_csl_json
from .ris import join_ris, ris_record, to_ris


@dataclass(frozen=True)
class Format:
    """One export format: each paper's record, how records join into a file, the file ending."""

    record: Callable[[Paper], str]
    join: Callable[[list[str]], str]
    extension: str

    def export(self, papers: list[Paper]) -> str:
        return self.join([self.record(p) for p in papers])


FORMATS = {
    "bibtex": Format(entry_bibtex, join_bibtex, "bib"),
    "ris": Format(ris_record, join_ris, "ris"),
    "csl-json": Format(csl_record, join_csl, "json"),
}

__all__ = ["FORMATS", "Format", "to_bibtex", "to_csl_json", "to_ris"]
