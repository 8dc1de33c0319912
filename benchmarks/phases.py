"""Where a build's time goes: `mkdocs build` of one project, timed by phase without a profiler.

Usage: .venv/bin/python benchmarks/phases.py N     (a synthetic companion of N papers and its floor, as run.py)
       .venv/bin/python benchmarks/phases.py PATH  (the project whose mkdocs.yml is in PATH)

Each build runs in a fresh process of its own. Phases: plugin events (all plugins), Markdown, the theme's
Jinja rendering, our own Jinja rendering (inside the files event), writing files, and the cyclic collector.
A profiler would slow Jinja's many small calls far more than the rest; these wrappers cost little.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run import TOPICS, make_companion, make_floor

TIMED_BUILD = """import gc, json, os, sys, time
os.environ["NO_MKDOCS_2_WARNING"] = "1"
import jinja2, markdown
from mkdocs import plugins, utils
from mkdocs.commands import build
from mkdocs.config import load_config

spent = {}
def add(label, since):
    spent[label] = spent.get(label, 0.0) + time.perf_counter() - since

def timed(owner, name, label_of):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            add(label_of(*args), start)
    setattr(owner, name, wrapper)
    return wrapper

timed(plugins.PluginCollection, "run_event", lambda self, name, *rest: "event " + name)
timed(markdown.Markdown, "convert", lambda *args: "markdown")
timed(jinja2.Template, "render", lambda self, *rest: "theme templates" if "material" in (self.filename or "")
      else "our templates (inside event files)")
build.utils.write_file = timed(utils, "write_file", lambda *args: "write files")
collecting = [0.0]
gc.callbacks.append(lambda phase, info: collecting.__setitem__(0, time.perf_counter()) if phase == "start"
                    else add("cyclic collector", collecting[0]))
start = time.perf_counter()
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build.build(config)
spent["total"] = time.perf_counter() - start
print(json.dumps({k: round(v, 2) for k, v in sorted(spent.items(), key=lambda kv: -kv[1]) if v >= 0.01}))
"""


def phases(project: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as site:
        done = subprocess.run([sys.executable, "-c", TIMED_BUILD, str(project / "mkdocs.yml"), site],
                              capture_output=True, text=True, cwd=project)
    if done.returncode:
        raise SystemExit(f"build of {project} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit(__doc__)
    print(f"# command: python benchmarks/phases.py {argv[0]}", flush=True)
    if not argv[0].isdigit():
        print(json.dumps({"project": argv[0], **phases(Path(argv[0]).resolve())}), flush=True)
        return
    n = int(argv[0])
    work = Path(tempfile.mkdtemp(prefix=f"companion-phases-{n}-"))
    try:
        make_companion(work / "companion", n)
        make_floor(work / "floor", n, TOPICS)
        for name in ("companion", "floor"):
            print(json.dumps({"n": n, "site": name, **phases(work / name)}), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
