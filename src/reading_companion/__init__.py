"""Reading companion: turn a BibTeX reading list into a Material for MkDocs site."""

from __future__ import annotations

__version__ = "0.1.0"
