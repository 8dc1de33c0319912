"""The project's settings as mkdocs.yml gives them to the plugin, read without importing MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .project import Layout


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name:...; their values do not matter here."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def layout_from_mkdocs_yml(root: Path) -> Layout:
    """The plugin's paths (its options, or their defaults) relative to the project folder."""
    options, docs_dir = _plugin_options(root / "mkdocs.yml")
    notes = options.get("notes", "notes/papers")
    intros = options.get("intros", "notes/topics")
    bibliography = options.get("bibliography", ["refs/**/*.bib"])
    return Layout(
        root=root,
        bibliography=tuple(bibliography) if isinstance(bibliography, list) else (str(bibliography),),
        topics=str(options.get("topics", "refs/topics.yml")),
        plans=str(options.get("plans", "refs/plans/*.yml")),
        outline=str(options.get("outline", "refs/talk.yml")),
        notes=f"{docs_dir}/{notes}".strip("/"),
        intros=f"{docs_dir}/{intros}".strip("/"),
    )


def _plugin_options(path: Path) -> tuple[dict[str, Any], str]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}, "docs"
    if not isinstance(data, dict):
        return {}, "docs"
    docs_dir = str(data.get("docs_dir") or "docs").rstrip("/")
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "companion" in plugin:
            return (plugin["companion"] or {}) if isinstance(plugin["companion"], dict) else {}, docs_dir
    return {}, docs_dir
