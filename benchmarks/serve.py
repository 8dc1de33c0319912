"""`mkdocs serve`: how long a rebuild takes after one note is edited, against a full build of the same project.

Usage: .venv/bin/python benchmarks/serve.py [PROJECT]   (default: this repository, on a copy)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(process: subprocess.Popen[str], pattern: str, timeout: float) -> float:
    """Seconds until a line of the server's log matches."""
    start = time.perf_counter()
    assert process.stderr is not None
    while time.perf_counter() - start < timeout:
        line = process.stderr.readline()
        if re.search(pattern, line):
            return time.perf_counter() - start
    raise TimeoutError(pattern)


def main(project: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="companion-serve-")) / "project"
    shutil.copytree(project, work, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    try:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site-full")], cwd=work,
                       env=env, check=True, capture_output=True)
        full = time.perf_counter() - start
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=work,
                                  env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        try:
            first = wait_for(server, r"Serving on", 600)
            note = next(iter(sorted((work / "docs/notes/papers").glob("*.md"))))
            rebuilds = []
            for i in range(3):
                time.sleep(1.5)
                note.write_text(note.read_text() + f"\n<!-- edit {i} -->\n")
                wait_for(server, r"Building documentation", 60)
                start = time.perf_counter()
                wait_for(server, r"Reloading browsers|Documentation built", 600)
                rebuilds.append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(f"# command: python benchmarks/serve.py {project}")
        print(json.dumps({"full_build_s": round(full, 2), "serve_first_build_s": round(first, 2),
                          "rebuild_after_note_edit_s": [round(r, 2) for r in rebuilds]}))
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO)
