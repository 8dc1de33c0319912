"""Page titles that stay text in every place a theme prints them."""

from __future__ import annotations

from markupsafe import escape


class TextTitle(str):
    """A title from a .bib field, HTML-escaped once for themes that print it raw.

    MkDocs themes render without autoescaping; Material prints `page.title` raw in the
    header and through `striptags` (which unescapes once) in `<title>`. As a str this is
    escaped once; `__html__` (which `striptags` reads) is escaped twice, so both stay text.
    """

    plain: str

    def __new__(cls, plain: str) -> TextTitle:
        title = super().__new__(cls, str(escape(plain)))
        title.plain = plain
        return title

    def __html__(self) -> str:
        return str(escape(str(self)))
