"""`[@key]` and `[text](@key)` in our own Markdown: links to paper pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

CITE = re.compile(r"\[@(?P<key>[A-Za-z0-9_:.\-+]+)\]|\[(?P<text>[^\[\]]+)\]\(@(?P<key2>[A-Za-z0-9_:.\-+]+)\)")


def cited_keys(markdown: str) -> Iterator[tuple[int, str]]:
    """(line, key) of every citation in a Markdown text."""
    for match in CITE.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        yield line, match.group("key") or match.group("key2")


def replace_cites(markdown: str, link: Callable[[str, str | None], str]) -> str:
    """Replace citations by `link(key, text)`; text is None for the bare `[@key]` form."""

    def substitute(match: re.Match[str]) -> str:
        if match.group("key"):
            return link(match.group("key"), None)
        return link(match.group("key2"), match.group("text"))

    return CITE.sub(substitute, markdown)
