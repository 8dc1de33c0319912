"""Shared fixtures: tiny real projects in tmp_path, built with the real MkDocs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

TOPICS_YML = """\
parts:
  - slug: one
    title: Part one
    description: The first part.
topics:
  - slug: nas
    part: one
    title: Architecture search
    description: Searching architectures.
  - slug: graphs
    part: one
    title: Graph networks
    description: Networks on graphs.
"""

MKDOCS_YML = """\
site_name: Test companion
theme:
  name: material
  font: false
plugins:
  - search
  - companion
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
nav:
  - Home: index.md
  - Topics: companion:topics
  - All papers: papers/index.md
"""

SAMPLE_BIB = r"""
@string{iclr = "International Conference on Learning Representations (ICLR)"}

@inproceedings{liu2019darts,
  title         = {{DARTS}: Differentiable Architecture Search},
  author        = {Liu, Hanxiao and Simonyan, Karen and Yang, Yiming},
  booktitle     = iclr,
  year          = {2019},
  eprint        = {1806.09055},
  archiveprefix = {arXiv},
  code          = {https://github.com/quark0/darts},
  topics        = {nas},
  order         = {2},
  related       = {zoph2017nas},
}

@inproceedings{zoph2017nas,
  title     = {Neural Architecture Search with Reinforcement Learning},
  author    = {Zoph, Barret and Le, Quoc V.},
  booktitle = iclr,
  year      = {2017},
  topics    = {nas, graphs},
  order     = {1},
}
"""


@dataclass
class Project:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def build(self, *extra: str, strict: bool = True, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", tool, "build", "-q", "-d", str(self.site), *extra]
        if strict:
            command.append("--strict")
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=300,
                              env=_env())

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    return env


def make_project(root: Path, bib: str = SAMPLE_BIB, mkdocs_yml: str = MKDOCS_YML) -> Project:
    project = Project(root)
    project.write("mkdocs.yml", mkdocs_yml)
    project.write("refs/topics.yml", TOPICS_YML)
    project.write("refs/papers.bib", bib)
    project.write("docs/index.md", "# Home\n\n<!-- companion:topics -->\n")
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path)


def run_companion(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reading_companion", *args], cwd=cwd, capture_output=True,
                          text=True, input=stdin, timeout=120, env=_env())
