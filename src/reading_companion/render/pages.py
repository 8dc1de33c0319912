"""Generated pages as Markdown strings: paper, topic, index and plan pages.

Every value that comes from a .bib file is inserted into raw HTML through Jinja's
autoescaping, so a field is always text, never markup; only our own notes are Markdown.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..cite import replace_cites
from ..export.bibtex import entry_bibtex
from ..export.downloads import download_path
from ..model import Bibliography, Paper, Plan, Topic
from ..notes import split_front_matter
from . import pictures, urls
from .reading import reading_minutes


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    markdown: str
    title: str
    in_nav: bool = False
    html: tuple[str, ...] = ()
    """Finished HTML blocks that the Markdown holds as `<!--rc-html:N-->` placeholders (see fill_html)."""
    meta: dict[str, object] = field(default_factory=dict)
    """The template's front matter, read here with libyaml (MkDocs' own reader is pure Python, and slow at 10,000
    pages); the plugin hands it to the page."""
    late_html: tuple[str, ...] = ()
    """Finished blocks search has no use for (badges, buttons, topic chips, BibTeX, prev/next), held as
    `<!--rc-late:N-->` until the search plugin has indexed the page (see fill_late): it never parses them."""

    def fill_html(self, converted: str) -> str:
        """The page's HTML after Markdown: placeholders (which Markdown may have put in a paragraph of their
        own) replaced by their blocks. str.replace per block: a regex with an optional `<p>` in front would
        try every position of the page."""
        for number, block in enumerate(self.html):
            marker = f"<!--rc-html:{number}-->"
            wrapped = f"<p>{marker}</p>"
            converted = converted.replace(wrapped if wrapped in converted else marker, block, 1)
        return converted

    def fill_late(self, output: str) -> str:
        """The page's HTML once indexed: late placeholders (always inside a stashed block) replaced by their
        blocks, in one pass (a regex with a literal start is fast to search)."""
        if not self.late_html:
            return output
        return LATE_PLACEHOLDER.sub(lambda m: self.late_html[int(m.group(1))], output)


LATE_PLACEHOLDER = re.compile(r"<!--rc-late:(\d+)-->")


@dataclass(frozen=True)
class RenderOptions:
    directory_urls: bool = True
    templates: Path | None = None
    downloads: bool = True
    print_page: bool = False


class Renderer:
    """Holds the template environment and the bibliography for one build."""

    def __init__(self, bibliography: Bibliography, options: RenderOptions) -> None:
        self.bib = bibliography
        self.options = options
        loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("reading_companion", "templates")]
        if options.templates is not None:
            loaders.insert(0, jinja2.FileSystemLoader(str(options.templates)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders), autoescape=True, trim_blocks=True, auto_reload=False,
            bytecode_cache=_bytecode_cache(),
            lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
        )
        self.env.filters["pre"] = _pre_text
        self.env.filters["stash"] = self._stash
        self.env.filters["stash_late"] = self._stash_late
        self._html: list[str] = []
        self._late_html: list[str] = []
        self._meta: dict[str, dict[str, object]] = {}
        self._cards: dict[tuple[str, str], Markup] = {}
        self._neighbours = self._topic_neighbours()

    def url(self, from_src: str, to_src: str) -> str:
        return urls.link(from_src, to_src, self.options.directory_urls)

    def asset(self, from_src: str, to_url: str) -> str:
        return urls.relative_url(from_src, to_url, self.options.directory_urls)

    def cites(self, markdown: str, from_src: str) -> Markup:
        """Our Markdown with `[@key]` turned into links (titles escaped, as they come from .bib)."""

        def link(key: str, text: str | None) -> str:
            paper = self.bib.papers.get(key)
            if paper is None:
                return str(escape(text or key))
            label = escape(text) if text is not None else Markup("<em>{}</em>").format(paper.title)
            href = self.url(from_src, urls.paper_uri(key))
            return str(Markup('<a class="rc-cite" href="{}" title="{}">{}</a>').format(
                href, f"{paper.authors_short} ({paper.year})", label))

        return Markup(replace_cites(markdown, link))

    def page(self, template: str, src_uri: str, title: str, in_nav: bool = False, **context: object) -> PageSpec:
        self._html, self._late_html = [], []
        text = self.env.get_template(template).render(
            src=src_uri, bib=self.bib, r=self, urls=urls, options=self.options, **context)
        meta, markdown = self._front_matter(text)
        return PageSpec(src_uri, markdown, title, in_nav, tuple(self._html), meta, tuple(self._late_html))

    def _front_matter(self, text: str) -> tuple[dict[str, object], str]:
        """(meta, body). Paper pages share a handful of distinct front matters: each is read once."""
        end = text.find("\n---\n", 3) if text.startswith("---\n") else -1
        if end == -1:  # none, or laid out unusually: MkDocs reads it, as for any page
            return {}, text
        head, body = text[: end + 5], text[end + 5:]
        if head not in self._meta:
            meta, _, _, problem = split_front_matter(head)
            if problem:  # a user's template with broken YAML: MkDocs reads and reports it
                return {}, text
            self._meta[head] = meta
        return copy.deepcopy(self._meta[head]), body

    def _stash(self, html: str) -> Markup:
        """Keep a finished HTML block out of Markdown's way: Markdown would only re-parse it, slowly."""
        self._html.append(str(html))
        return Markup(f"\n\n<!--rc-html:{len(self._html) - 1}-->\n\n")

    def _stash_late(self, html: str) -> Markup:
        """Like stash, for a block search has no use for: it joins the page once search has indexed it.
        Used inside a stashed block, where its placeholder is a bare comment."""
        self._late_html.append(str(html))
        return Markup(f"<!--rc-late:{len(self._late_html) - 1}-->")

    def paper_page(self, paper: Paper) -> PageSpec:
        src = urls.paper_uri(paper.key)
        note = self.bib.notes.get(paper.key)
        prev_paper, next_paper = self._neighbours.get(paper.key, (None, None))
        return self.page(
            "paper.md.j2", src, paper.title, paper=paper, note=note,
            body=self.cites(note.body, src) if note else None,
            topics=[t for t in (self.bib.topic(s) for s in paper.topics) if t is not None],
            related=self.bib.resolve(paper.related),
            read_first=self.bib.resolve(note.read_first if note else ()),
            prev_paper=prev_paper, next_paper=next_paper, minutes=reading_minutes(paper, note),
            reader_bibtex=entry_bibtex(paper),
        )

    def topic_page(self, topic: Topic) -> PageSpec:
        src = urls.topic_uri(topic.slug)
        intro = self.bib.intros.get(topic.slug, "")
        return self.page("topic.md.j2", src, topic.title, in_nav=True, topic=topic,
                         intro=self.cites(intro, src), papers=self.bib.papers_in(topic.slug))

    def plan_page(self, plan: Plan) -> PageSpec:
        sessions = []
        for number, session in enumerate(plan.sessions):
            papers = self.bib.resolve(session.papers)
            notes = [self.bib.notes.get(p.key) for p in papers]
            earlier = {k for s in plan.sessions[:number] for k in s.papers}
            prerequisites = self.bib.resolve(k for n in notes if n for k in n.read_first if k not in session.papers)
            sessions.append({
                "session": session, "papers": papers,
                "reading": sum(reading_minutes(p, n) for p, n in zip(papers, notes, strict=True)),
                "prerequisites": [(p, p.key in earlier) for p in prerequisites],
                "questions": [(p, q) for p, n in zip(papers, notes, strict=True) if n for q in n.questions],
            })
        return self.page("plan.md.j2", urls.plan_uri(plan.slug), plan.title, plan=plan, sessions=sessions,
                         keys=" ".join(p.key for p in self.bib.plan_papers(plan)))

    def card(self, paper: Paper, from_src: str) -> Markup:
        """A paper's card (the `card` macro), made once per link target: a paper in two topics shows the
        same card on both topic pages."""
        href = self.url(from_src, urls.paper_uri(paper.key))
        made = self._cards.get((paper.key, href))
        if made is None:
            card = self.env.get_template("_macros.html.j2").module.card  # type: ignore[attr-defined]
            made = self._cards[(paper.key, href)] = Markup(card(paper, href, self.bib.notes.get(paper.key)))
        return made

    def downloads(self, from_src: str, scope: str) -> Markup:
        """Links to a scope's download files, if the site offers downloads."""
        if not self.options.downloads:
            return Markup("")
        links = [Markup('<a class="md-button rc-button" href="{}" download>{}</a>').format(
            self.asset(from_src, download_path(scope, fmt)), label)
            for fmt, label in (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON"))]
        return Markup('<p class="rc-downloads">Download: ') + Markup(" ").join(links) + Markup("</p>")

    def topic_cards(self, from_src: str) -> str:
        """Topic cards for a hand-written page (the home page's `<!-- companion:topics -->`)."""
        return self.env.get_template("topic_cards.html.j2").render(src=from_src, bib=self.bib, r=self, urls=urls)

    def _topic_neighbours(self) -> dict[str, tuple[Paper | None, Paper | None]]:
        """Previous/next of each paper within its first topic's reading order."""
        neighbours: dict[str, tuple[Paper | None, Paper | None]] = {}
        for topic in self.bib.topics:
            members = [p for p in self.bib.papers_in(topic.slug) if p.topics[0] == topic.slug]
            for i, paper in enumerate(members):
                neighbours[paper.key] = (members[i - 1] if i else None,
                                         members[i + 1] if i + 1 < len(members) else None)
        return neighbours


def index_pages(r: Renderer) -> list[PageSpec]:
    """Every generated page but the paper pages: topics, indexes, plans, print, pictures, slide by slide."""
    bibliography, options = r.bib, r.options
    pages = [r.topic_page(t) for t in bibliography.topics]
    pages.append(r.page("topics.md.j2", urls.TOPICS_INDEX, "Topics", in_nav=True))
    names = {t.slug: t.title for t in bibliography.topics}
    pages.append(r.page("all_papers.md.j2", urls.ALL_PAPERS, "All papers", in_nav=True,
                        papers=sorted(bibliography.papers.values(), key=lambda p: (p.year, p.key)),
                        topic_titles=[[t.slug, t.title] for t in bibliography.topics],
                        topic_names={t: names.get(t, t) for p in bibliography.papers.values() for t in p.topics}))
    if bibliography.plans:
        pages += [r.plan_page(plan) for plan in bibliography.plans]
        pages.append(r.page("plans.md.j2", urls.PLANS_INDEX, "Reading plans", in_nav=True))
    if options.print_page:
        pages.append(r.page("print.md.j2", urls.PRINT, "The whole companion", in_nav=False,
                            bodies={k: r.cites(n.body, urls.PRINT) for k, n in bibliography.notes.items()},
                            intros={s: r.cites(t, urls.PRINT) for s, t in bibliography.intros.items()}))
    if bibliography.topics:
        pages.append(r.page("pictures.md.j2", urls.PICTURES, "Timeline and map", in_nav=True,
                            timeline=pictures.layout(bibliography), graph=pictures.layout(bibliography, True)))
    outline = bibliography.outline
    if outline is not None:
        citations = [c for s in outline.sections for c in s.citations]
        pages.append(r.page("coverage.md.j2", urls.COVERAGE, "Slide by slide", in_nav=True, outline=outline,
                            total=len(citations), resolved=sum(c.key is not None for c in citations)))
    return pages


@functools.cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja's per-user cache of compiled templates in the system's temp folder: compiling ours took 90 ms of
    every build. Keyed by each template's source, so an edited or overriding template is compiled afresh."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no private temp folder to be had: compile each time
        return None


def _pre_text(value: str) -> Markup:
    # One line of escaped text: a blank line inside raw HTML would end Markdown's HTML block.
    return Markup(str(escape(value)).replace("\n", "&#10;"))

