"""Bibliography exports: pure functions from Papers to text; they never touch disk."""

from __future__ import annotations

from .bibtex import to_bibtex
from .csl import to_csl_json
from .ris import to_ris

FORMATS = {"bibtex": (to_bibtex, "bib"), "ris": (to_ris, "ris"), "csl-json": (to_csl_json, "json")}

__all__ = ["FORMATS", "to_bibtex", "to_csl_json", "to_ris"]
