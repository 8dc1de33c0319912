"""The `companion` command: a few lines each over the core."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import diagnostics as diag
from .export import FORMATS
from .loader import relative_name
from .project import Layout, load_project


def _layout(root: Path) -> Layout:
    return Layout(root=root)


def _project_root(start: Path) -> Path:
    """The nearest folder holding mkdocs.yml (else the current one)."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").exists():
            return folder
    return start


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Project folder (default: the nearest with mkdocs.yml).")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Check, list and export a reading companion's bibliography."""
    ctx.obj = _project_root(Path.cwd()) if root is None else root


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def check(root: Path, paths: tuple[Path, ...], fmt: str) -> None:
    """Report every problem as `path:line: severity[rule] key: message`; exit 1 on errors."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file: {missing[0]}")
    bib_files = _expand(paths) if paths else None
    loaded = load_project(_layout(root), bib_files)
    found = loaded.diagnostics
    if fmt == "json":
        click.echo(diag.to_json_text(found))
    elif found:
        click.echo(diag.format_all(found))
    errors = sum(d.severity is diag.Severity.ERROR for d in found)
    if fmt == "text":
        click.echo(f"{len(loaded.bibliography.papers)} entries, {errors} error(s), "
                   f"{len(found) - errors} warning(s)", err=True)
    sys.exit(1 if errors else 0)


@main.command(name="list")
@click.pass_obj
def list_(root: Path) -> None:
    """Print key, year, venue and topics of every entry as a table."""
    bib = load_project(_layout(root)).bibliography
    rows = [(p.key, p.year, p.venue.short, ", ".join(p.topics)) for p in bib.papers.values()]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(("key", "year", "venue", "topics"))]
    for row in [("key", "year", "venue", "topics"), *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


@main.command()
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), required=True)
@click.option("--topic", help="Only this topic's papers, in reading order.")
@click.option("--plan", help="Only this plan's papers, in session order.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: stdout).")
@click.pass_obj
def export(root: Path, fmt: str, topic: str | None, plan: str | None, output: Path | None) -> None:
    """Write the bibliography (or a topic or plan of it) as BibTeX, RIS or CSL-JSON."""
    bib = load_project(_layout(root)).bibliography
    if topic and plan:
        raise click.UsageError("give --topic or --plan, not both")
    papers = list(bib.papers.values())
    if topic:
        if bib.topic(topic) is None:
            raise click.UsageError(f"no topic '{topic}'")
        papers = bib.papers_in(topic)
    if plan:
        chosen = next((p for p in bib.plans if p.slug == plan), None)
        if chosen is None:
            raise click.UsageError(f"no plan '{plan}'")
        keys = dict.fromkeys(k for s in chosen.sessions for k in s.papers if k in bib.papers)
        papers = [bib.papers[k] for k in keys]
    text = FORMATS[fmt][0](papers)
    if output is None:
        click.echo(text, nl=False)
    else:
        from .bibfile import write_atomic

        write_atomic(output, text)
        click.echo(f"wrote {len(papers)} entries to {relative_name(output, root)}", err=True)


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.bib")) if path.is_dir() and path.suffix != ".bib" else [path]
    return found
