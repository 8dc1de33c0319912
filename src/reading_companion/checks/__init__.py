"""Validation rules: one function per rule family, each yielding Diagnostics with stable rule ids."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..model import Bibliography, Paper
from .duplicates import check_duplicate_keys, check_same_paper
from .fields import check_fields
from .notes import check_notes
from .references import check_outline, check_references


def run_checks(bibliography: Bibliography, all_papers: list[Paper], intros_dir: str) -> list[Diagnostic]:
    """Every rule over a loaded project. `all_papers` still holds papers whose keys clash."""
    found: list[Diagnostic] = []
    found += check_duplicate_keys(all_papers)
    found += check_same_paper(bibliography)
    found += check_fields(bibliography)
    found += check_references(bibliography)
    found += check_notes(bibliography, intros_dir)
    found += check_outline(bibliography)
    return found
