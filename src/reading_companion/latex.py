"""Turning BibTeX field values into display text, decoding LaTeX only where there is any."""

from __future__ import annotations

import re
from functools import lru_cache

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


def to_text(value: str) -> str:
    """Display text of a field: accents decoded, protective braces gone, spaces folded.

    Most values hold no LaTeX at all; they take the fast path, so a large
    bibliography pays the decoder only for the fields that need it.
    """
    if "\\" in value or "$" in value:
        try:
            value = _decoder().latex_to_text(value)
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
