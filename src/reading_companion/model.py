"""The bibliography model: our own frozen types, independent of bibtexparser and MkDocs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Location:
    path: str
    line: int


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    von: str = ""
    jr: str = ""

    @property
    def surname(self) -> str:
        return f"{self.von} {self.last}".strip()

    @property
    def display(self) -> str:
        """'Barret Zoph', 'Ludwig van Beethoven, Jr.'"""
        name = " ".join(part for part in (self.first, self.von, self.last) if part)
        return f"{name}, {self.jr}" if self.jr else name


@dataclass(frozen=True)
class Venue:
    short: str
    full: str


@dataclass(frozen=True)
class Links:
    """Outbound links of a paper; only http(s) URLs ever get here."""

    pdf: str | None = None
    arxiv: str | None = None
    doi: str | None = None
    cvf: str | None = None
    code: str | None = None
    project: str | None = None
    video: str | None = None
    url: str | None = None

    def items(self) -> Iterator[tuple[str, str]]:
        """(label, url) for the links that exist, in button order."""
        labels = (("PDF", self.pdf), ("arXiv", self.arxiv), ("DOI", self.doi), ("CVF", self.cvf),
                  ("Code", self.code), ("Project", self.project), ("Video", self.video), ("Web", self.url))
        for label, url in labels:
            if url:
                yield label, url


@dataclass(frozen=True)
class Paper:
    key: str
    entry_type: str
    title: str
    authors: tuple[Person, ...]
    year: str
    venue: Venue
    links: Links
    topics: tuple[str, ...]
    location: Location
    raw_bibtex: str
    order: int | None = None
    related: tuple[str, ...] = ()
    followup: bool = False
    cited_as: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    bibtex_fields: tuple[tuple[str, str], ...] = ()
    """The entry's fields as written (macros resolved, LaTeX kept), in their order."""

    @property
    def authors_display(self) -> str:
        return ", ".join(p.display for p in self.authors)

    @property
    def authors_short(self) -> str:
        """'Zoph & Le', 'He et al.', 'Silver'."""
        names = [p.surname for p in self.authors]
        if not names:
            return self.fields.get("organization", "")
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} & {names[1]}"
        return f"{names[0]} et al."

    @property
    def first_author(self) -> str:
        return self.authors[0].display if self.authors else self.fields.get("organization", "")

    @property
    def has_code(self) -> bool:
        return self.links.code is not None


@dataclass(frozen=True)
class Part:
    slug: str
    title: str
    description: str


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str
    part: str
    position: int


@dataclass(frozen=True)
class Note:
    """A hand-written reading note for one paper (Markdown body, structured head)."""

    key: str
    location: Location
    body: str
    body_line: int = 1
    tldr: str = ""
    read_first: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanSession:
    title: str
    papers: tuple[str, ...]
    minutes: int | None = None
    goal: str = ""
    presenter_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    slug: str
    title: str
    description: str
    sessions: tuple[PlanSession, ...]
    location: Location


@dataclass(frozen=True)
class Citation:
    """One citation on the source talk's slides, and the entry it resolves to (None: unresolved)."""

    slide: str
    key: str | None
    remark: str = ""
    remark_en: str = ""


@dataclass(frozen=True)
class OutlineSection:
    title: str
    part: str
    topic: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Outline:
    """The source talk (or course) as a list of sections with their citations, in its order."""

    title: str
    speaker: str
    event: str
    sections: tuple[OutlineSection, ...]
    location: Location


@dataclass(frozen=True)
class Bibliography:
    """Everything the site is made from, loaded once per build."""

    papers: Mapping[str, Paper]
    parts: tuple[Part, ...] = ()
    topics: tuple[Topic, ...] = ()
    notes: Mapping[str, Note] = field(default_factory=dict)
    intros: Mapping[str, str] = field(default_factory=dict)
    plans: tuple[Plan, ...] = ()
    outline: Outline | None = None

    def topic(self, slug: str) -> Topic | None:
        return self._topics_by_slug.get(slug)

    @cached_property
    def _topics_by_slug(self) -> dict[str, Topic]:
        return {t.slug: t for t in self.topics}

    def papers_in(self, slug: str) -> list[Paper]:
        """A topic's papers in reading order: talk papers by position, follow-ups after."""
        members = [p for p in self.papers.values() if slug in p.topics]
        return sorted(members, key=_reading_key)

    def resolve(self, keys: Iterable[str]) -> list[Paper]:
        """The papers of these keys, in order, each once; keys without an entry are left out."""
        return [self.papers[k] for k in dict.fromkeys(keys) if k in self.papers]

    def plan_papers(self, plan: Plan) -> list[Paper]:
        """A plan's papers in session order."""
        return self.resolve(k for s in plan.sessions for k in s.papers)

    def topics_in(self, part: str) -> list[Topic]:
        return [t for t in self.topics if t.part == part]


def _reading_key(paper: Paper) -> tuple[bool, int, str, str]:
    order = paper.order if paper.order is not None else 1_000_000
    return (paper.followup, order, paper.year, paper.key)
