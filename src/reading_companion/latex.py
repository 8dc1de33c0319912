"""Turning BibTeX field values into display text, decoding LaTeX only where there is any."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

_DASHES = (("---", "\u2014"), ("--", "\u2013"))
_URL_WRAPPER = re.compile(r"^\\url\{(.*)\}$", re.DOTALL)


@lru_cache(maxsize=1)
def _decoder() -> LatexNodes2Text:
    # The same decoder bibtexparser's LatexDecodingMiddleware builds, made once and reused.
    context = get_default_latex_context_db()
    context.add_context_category(
        "companion", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")]
    )
    return LatexNodes2Text(latex_context=context, keep_braced_groups=False, math_mode="verbatim")


_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
            "r": "\u030a", "d": "\u0323", "b": "\u0331"}
# {\"u}, \"u, \"{u}, {\v{s}}, \'{\i}: the accents that make up nearly all LaTeX in author names.
_ACCENT = re.compile(r"\{?\\(?P<mark>[\"'`^~=.]|[uvHckrdb](?=[{\s]))\s*"
                     r"(?:\{(?P<a>\\?[A-Za-z])\}|(?P<b>\\[ij]\b|[A-Za-z]))\}?")
_DOTLESS = {"\\i": "i", "\\j": "j"}


def _accent(match: re.Match[str]) -> str:
    letter = match.group("a") or match.group("b")
    letter = _DOTLESS.get(letter.strip(), letter)
    if letter.startswith("\\"):
        return match.group(0)
    return unicodedata.normalize("NFC", letter + _ACCENTS[match.group("mark")])


@lru_cache(maxsize=1)
def _walker_context() -> object:
    return latexwalker.get_default_latex_context_db()


def _decode(value: str) -> str:
    walker = latexwalker.LatexWalker(value, latex_context=_walker_context(), tolerant_parsing=True)
    nodes, _, _ = walker.get_latex_nodes()
    return _decoder().nodelist_to_text(nodes)


@lru_cache(maxsize=65536)
def to_text(value: str) -> str:
    """Display text of a field: accents decoded, protective braces gone, spaces folded.

    Most values hold no LaTeX at all; they take the fast path, so a large
    bibliography pays the decoder only for the fields that need it.
    """
    if "\\" in value:
        value = _ACCENT.sub(_accent, value)
    if "\\" in value or "$" in value:
        try:
            value = _decode(value)
        except Exception:  # pylatexenc gives up on some malformed input; keep it readable
            value = value.replace("{", "").replace("}", "")
    else:
        value = value.replace("{", "").replace("}", "")
        for tex, char in _DASHES:
            value = value.replace(tex, char)
        value = value.replace("~", "\u00a0")
    return " ".join(value.split())


def clean_url(value: str) -> str:
    """`\\url{...}` wrappers and `\\_` escapes are export noise in URL fields."""
    value = value.strip()
    match = _URL_WRAPPER.match(value)
    if match:
        value = match.group(1).strip()
    return value.replace("\\_", "_").replace("\\%", "%").replace("\\&", "&").replace("\\#", "#")
