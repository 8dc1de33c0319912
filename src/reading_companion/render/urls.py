"""Where generated pages live, and relative URLs between them in either URL style."""

from __future__ import annotations

import posixpath

ALL_PAPERS = "papers/index.md"
TOPICS_INDEX = "topics/index.md"
PLANS_INDEX = "plans/index.md"
COVERAGE = "coverage.md"
PICTURES = "pictures.md"
PRINT = "print.md"


def paper_uri(key: str) -> str:
    return f"papers/{key}.md"


def topic_uri(slug: str) -> str:
    return f"topics/{slug}.md"


def plan_uri(slug: str) -> str:
    return f"plans/{slug}.md"


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page: `papers/x/` or `papers/x.html`; `` or `index.html` for home."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def relative_url(from_src: str, to_url: str, directory_urls: bool) -> str:
    """`to_url` (site-relative) as seen from the page built from `from_src`."""
    here = page_url(from_src, directory_urls)
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here)
    base = base.rstrip("/") or "."
    target_dir, name = (to_url.rstrip("/"), "") if to_url.endswith("/") or to_url == "" else posixpath.split(to_url)
    rel = posixpath.relpath(target_dir or ".", base)
    if name:
        return name if rel == "." else f"{rel}/{name}"
    return "./" if rel == "." else f"{rel}/"


def link(from_src: str, to_src: str, directory_urls: bool) -> str:
    return relative_url(from_src, page_url(to_src, directory_urls), directory_urls)
