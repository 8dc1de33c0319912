"""Where generated pages live, and relative URLs between them in either URL style."""

from __future__ import annotations

from functools import lru_cache

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


@lru_cache(maxsize=4096)
def relative_url(from_src: str, to_url: str, directory_urls: bool) -> str:
    """`to_url` (site-relative) as seen from the page built from `from_src`."""
    here = page_url(from_src, directory_urls)
    base = here if here.endswith("/") or here == "" else here.rpartition("/")[0]
    target_dir, name = (to_url, "") if to_url.endswith("/") or to_url == "" else to_url.rpartition("/")[::2]
    rel = _relative_dir(target_dir, base)
    if name:
        return name if rel == "." else f"{rel}/{name}"
    return "./" if rel == "." else f"{rel}/"


def _relative_dir(target: str, base: str) -> str:
    """posixpath.relpath for two site-relative folders, without its getcwd() per call."""
    to, start = [p for p in target.split("/") if p], [p for p in base.split("/") if p]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def link(from_src: str, to_src: str, directory_urls: bool) -> str:
    return relative_url(from_src, page_url(to_src, directory_urls), directory_urls)
