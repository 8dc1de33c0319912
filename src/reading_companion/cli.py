"""The `companion` command: a few lines each over the core."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import diagnostics as diag
from .export import FORMATS
from .loader import relative_name
from .project import Layout, load_project
from .settings import layout_from_mkdocs_yml


def _layout(root: Path) -> Layout:
    """The paths the site build uses: the plugin's options in mkdocs.yml, else the defaults."""
    return layout_from_mkdocs_yml(root)


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
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip())


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
        papers = bib.plan_papers(chosen)
    text = FORMATS[fmt].export(papers)
    if output is None:
        click.echo(text, nl=False)
    else:
        from .bibfile import write_atomic

        write_atomic(output, text)
        click.echo(f"wrote {len(papers)} entries to {relative_name(output, root)}", err=True)


@main.command()
@click.argument("source", required=False, default="-")
@click.option("--topic", required=True, help="Topic slug of the new entries.")
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path),
              help="The .bib file to append to (default: refs/<topic>.bib).")
@click.pass_obj
def add(root: Path, source: str, topic: str, into: Path | None) -> None:
    """Import BibTeX (a file, or - for standard input) into the bibliography, in our canonical form."""
    from .bibfile import write_atomic
    from .importer import import_entries
    from .loader import read_text

    if source == "-":
        text, shown = sys.stdin.read(), "<stdin>"
    else:
        path = Path(source)
        if not path.exists():
            raise click.UsageError(f"no such file: {source}")
        read, problem = read_text(path)
        if read is None:
            raise click.UsageError(f"{source}: {problem}")
        text, shown = read, source
    loaded = load_project(_layout(root))
    if loaded.bibliography.topics and loaded.bibliography.topic(topic) is None:
        raise click.UsageError(f"no topic '{topic}' in {_layout(root).topics}")
    entries, problems = import_entries(text, topic, dict(loaded.bibliography.papers), shown)
    if problems:
        click.echo(diag.format_all(problems))
        click.echo("nothing was added", err=True)
        sys.exit(1)
    target = into or root / "refs" / f"{topic}.bib"
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    separator = "" if not old else ("\n" if old.endswith("\n") else "\n\n")
    write_atomic(target, old + separator + "\n".join(e.text for e in entries))
    for entry in entries:
        click.echo(f"added {entry.key} to {relative_name(target, root)}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--check", "check_only", is_flag=True, help="Change nothing; exit 1 if a file would change.")
@click.pass_obj
def fmt(root: Path, paths: tuple[Path, ...], check_only: bool) -> None:
    """Rewrite .bib files in one canonical layout (lossless, idempotent)."""
    from .bibfile import write_atomic
    from .bibformat import format_bib_text
    from .loader import read_text

    files = _expand(paths) if paths else _layout(root).bib_files()
    changed, failed = [], False
    for path in files:
        shown = relative_name(path, root)
        text, problem = read_text(path)
        if text is None or problem:
            click.echo(f"{shown}:1: error[unreadable-file] {problem}")
            failed = True
            continue
        formatted = format_bib_text(text, shown)
        if formatted.text is None:
            click.echo(diag.format_all(formatted.diagnostics))
            failed = True
        elif formatted.text != text:
            changed.append(shown)
            if not check_only:
                write_atomic(path, formatted.text)
    for shown in changed:
        click.echo(f"{'would reformat' if check_only else 'reformatted'} {shown}")
    sys.exit(1 if failed or (check_only and changed) else 0)


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.bib")) if path.is_dir() and path.suffix != ".bib" else [path]
    return found
