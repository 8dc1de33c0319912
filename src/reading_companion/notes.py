"""Reading notes, topic introductions and plans: our own Markdown and YAML files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .loader import read_text
from .model import Citation, Location, Note, Outline, OutlineSection, Part, Plan, PlanSession, Topic

# libyaml's loader when PyYAML was built with it: a thousand notes' front matter parse in a blink.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*(\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Loaded:
    value: object
    diagnostics: list[Diagnostic]


def split_front_matter(text: str) -> tuple[dict[str, object], str, int, str]:
    """(metadata, body, line the body starts on, problem). No front matter: all body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1, ""
    body, body_line = text[match.end():], text.count("\n", 0, match.end()) + 1
    try:
        meta = yaml.load(match.group(1), Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        return {}, body, body_line, f"front matter is not valid YAML: {_yaml_reason(error)}"
    if not isinstance(meta, dict):
        return {}, body, body_line, "front matter must be a mapping"
    return meta, body, body_line, ""


def load_note(path: Path, shown_as: str) -> tuple[Note | None, list[Diagnostic]]:
    key = path.stem
    text, problem = read_text(path)
    if text is None:
        return None, [Diagnostic(shown_as, 1, key, "unreadable-file", problem)]
    meta, body, body_line, meta_problem = split_front_matter(text)
    problems = [Diagnostic(shown_as, 1, key, "bad-note", p) for p in (problem, meta_problem) if p]
    note = Note(
        key=key, location=Location(shown_as, 1), body=body.rstrip() + "\n", body_line=body_line,
        tldr=str(meta.get("tldr", "") or "").strip(),
        read_first=_strings(meta.get("read_first")),
        questions=_strings(meta.get("questions")),
    )
    return note, problems


def read_yaml_mapping(path: Path, shown_as: str, key: str, rule: str,
                      expected: str) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """A YAML file that must hold a mapping; problems as diagnostics under `rule`."""
    text, problem = read_text(path)
    if text is None:
        return None, [Diagnostic(shown_as, 1, key, "unreadable-file", problem)]
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        return None, [Diagnostic(shown_as, _yaml_line(error), key, rule, _yaml_reason(error))]
    if not isinstance(data, dict):
        return None, [Diagnostic(shown_as, 1, key, rule, expected)]
    return data, []


def load_topics(path: Path, shown_as: str) -> tuple[tuple[Part, ...], tuple[Topic, ...], list[Diagnostic]]:
    if not path.exists():
        return (), (), []
    data, problems = read_yaml_mapping(path, shown_as, "", "bad-topics", "expected 'parts' and 'topics' lists")
    if data is None:
        return (), (), problems
    parts = tuple(Part(str(p.get("slug", "")), str(p.get("title", "")), str(p.get("description", "")))
                  for p in _dicts(data.get("parts")))
    topics = tuple(Topic(str(t.get("slug", "")), str(t.get("title", "")), str(t.get("description", "")),
                         str(t.get("part", "")), position)
                   for position, t in enumerate(_dicts(data.get("topics")), start=1))
    problems = [Diagnostic(shown_as, 1, t.slug, "bad-topics", "a topic needs a slug and a title")
                for t in topics if not t.slug or not t.title]
    return parts, topics, problems


def load_plan(path: Path, shown_as: str) -> tuple[Plan | None, list[Diagnostic]]:
    slug, expected = path.stem, "a plan needs a 'title' and a 'sessions' list"
    data, problems = read_yaml_mapping(path, shown_as, slug, "bad-plan", expected)
    if data is None:
        return None, problems
    if not isinstance(data.get("sessions"), list):
        return None, [Diagnostic(shown_as, 1, slug, "bad-plan", expected)]
    sessions = tuple(
        PlanSession(title=str(s.get("title", f"Session {i}")), papers=_strings(s.get("papers")),
                    minutes=_minutes(s.get("minutes")),
                    goal=str(s.get("goal", "") or ""),
                    presenter_notes=_strings(s.get("presenter_notes")))
        for i, s in enumerate(_dicts(data["sessions"]), start=1))
    plan = Plan(slug=slug, title=str(data.get("title", slug)), description=str(data.get("description", "")),
                sessions=sessions, location=Location(shown_as, 1))
    return plan, []


def load_outline(path: Path, shown_as: str) -> tuple[Outline | None, list[Diagnostic]]:
    """The talk's sections and citations (optional file)."""
    if not path.exists():
        return None, []
    data, problems = read_yaml_mapping(path, shown_as, "", "bad-outline", "expected 'title' and a 'sections' list")
    if data is None:
        return None, problems
    sections = tuple(
        OutlineSection(title=str(s.get("title", "")), part=str(s.get("part", "")), topic=str(s.get("topic", "")),
                       citations=tuple(Citation(slide=str(c.get("slide", "")),
                                                key=str(c["key"]) if c.get("key") else None,
                                                remark=str(c.get("remark_ru") or ""),
                                                remark_en=str(c.get("remark_en") or ""))
                                       for c in _dicts(s.get("citations"))))
        for s in _dicts(data.get("sections")))
    return Outline(title=str(data.get("title", "")), speaker=str(data.get("speaker", "")),
                   event=str(data.get("event", "")), sections=sections, location=Location(shown_as, 1)), []


def _minutes(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(item) for item in value if item is not None)
    return ()


def _dicts(value: object) -> list[dict[str, object]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _yaml_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None)
    return mark.line + 1 if mark is not None else 1


def _yaml_reason(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or error).splitlines()[0]
