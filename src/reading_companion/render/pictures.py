"""Layouts for the build-time SVG pictures: a timeline by year and topic, and a map of what builds on what."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Bibliography, Paper

LEFT, TOP, YEAR_WIDTH, ROW_HEIGHT, RADIUS = 180, 30, 54, 34, 6


@dataclass(frozen=True)
class Node:
    paper: Paper
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    years: list[tuple[int, float]]
    rows: list[tuple[str, float]]
    nodes: list[Node]
    edges: list[Edge]


def layout(bibliography: Bibliography, only_linked: bool = False) -> Layout:
    """Papers on a grid: x by year, y by their first topic; several in one cell are spread out.

    Years are columns in order, not to scale, so one 1997 paper does not squeeze the 2010s together.
    The timeline (`only_linked=False`) has no edges; the map draws only linked papers, with their links.
    """
    edges_by_key = _edges(bibliography)
    linked = {k for pair in edges_by_key for k in pair}
    papers = [p for p in bibliography.papers.values() if p.year.isdigit() and p.topics
              and (not only_linked or p.key in linked)]
    years = sorted({int(p.year) for p in papers}) or [2019]
    column = {year: i for i, year in enumerate(years)}
    topics = [t for t in bibliography.topics if any(p.topics[0] == t.slug for p in papers)]
    row_of = {t.slug: i for i, t in enumerate(topics)}
    cells: dict[tuple[int, int], list[Paper]] = {}
    for paper in sorted(papers, key=lambda p: (p.followup, p.key)):
        if paper.topics[0] in row_of:
            cells.setdefault((int(paper.year), row_of[paper.topics[0]]), []).append(paper)
    nodes: dict[str, Node] = {}
    for (year, row), members in cells.items():
        for i, paper in enumerate(members):
            dx = (i % 4 - 1.5) * RADIUS * 2.1
            dy = (i // 4 - (len(members) - 1) // 8) * RADIUS * 2.1
            nodes[paper.key] = Node(paper, LEFT + (column[year] + 0.5) * YEAR_WIDTH + dx,
                                    TOP + (row + 0.5) * ROW_HEIGHT + dy)
    edges = [Edge(nodes[a], nodes[b]) for a, b in edges_by_key if a in nodes and b in nodes] if only_linked else []
    return Layout(
        width=int(LEFT + len(years) * YEAR_WIDTH + 20), height=int(TOP + len(topics) * ROW_HEIGHT + 10),
        years=[(y, LEFT + (column[y] + 0.5) * YEAR_WIDTH) for y in years],
        rows=[(t.title, TOP + (i + 0.5) * ROW_HEIGHT) for i, t in enumerate(topics)],
        nodes=list(nodes.values()), edges=edges,
    )


def _edges(bibliography: Bibliography) -> list[tuple[str, str]]:
    """(prerequisite, paper) from the notes' read-first lists and the entries' related keys."""
    pairs: dict[tuple[str, str], None] = {}
    for note in bibliography.notes.values():
        for key in note.read_first:
            pairs[(key, note.key)] = None
    for paper in bibliography.papers.values():
        for key in paper.related:
            pairs[(key, paper.key)] = None
    return [pair for pair in pairs if pair[0] != pair[1]]
