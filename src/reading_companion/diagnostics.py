"""Problems found in user input, as values with a location."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: where it is, which rule found it, and what to do."""

    path: str
    line: int
    key: str
    rule: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Compiler-style one-liner: `path:line: severity[rule] key: message`."""
        who = f" {self.key}:" if self.key else ""
        return f"{self.path}:{self.line}: {self.severity.value}[{self.rule}]{who} {self.message}"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def format_all(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(d.format() for d in sorted(diagnostics, key=_sort_key))


def to_json_text(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in sorted(diagnostics, key=_sort_key)], indent=2, ensure_ascii=False)


def _sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    return (d.path, d.line, d.rule, d.key)
