"""Estimated reading time of a paper, derived from its page count (an estimate, said as such)."""

from __future__ import annotations

import re

from ..model import Note, Paper

MINUTES_PER_PAGE = 6
TYPICAL_PAGES = {"inproceedings": 9, "article": 14, "misc": 10, "software": 5, "online": 3}
_PAGES = re.compile(r"^\s*(\d+)\s*[-\u2013]+\s*(\d+)\s*$")


def page_count(paper: Paper) -> int | None:
    match = _PAGES.match(paper.fields.get("pages", ""))
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    return last - first + 1 if 0 < last - first + 1 <= 200 else None


def reading_minutes(paper: Paper, note: Note | None = None) -> int:
    """Minutes for a first careful read: pages x 6, plus the note; rounded up to 5."""
    pages = page_count(paper) or TYPICAL_PAGES.get(paper.entry_type, 10)
    words = len(note.body.split()) if note else 0
    minutes = pages * MINUTES_PER_PAGE + words // 200
    return max(5, -(-minutes // 5) * 5)
