"""Build a synthetic companion of N papers and a bare Material site of N pages; print one JSON line each N.

Usage: .venv/bin/python benchmarks/run.py [--repeat R] 1000 10000   (R: runs per timing, best taken; default 3)
"""

from __future__ import annotations

import json
import os
import random
import resource  # noqa: F401  (used in the child's code)
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ICCV = "Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)"
CVPR = "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
VENUES = [("inproceedings", "booktitle", ICCV, 30),
          ("inproceedings", "booktitle", CVPR, 30),
          ("inproceedings", "booktitle", "Advances in Neural Information Processing Systems (NeurIPS)", 15),
          ("inproceedings", "booktitle", "International Conference on Learning Representations (ICLR)", 10),
          ("article", "journal", "IEEE Transactions on Pattern Analysis and Machine Intelligence (TPAMI)", 5),
          ("misc", "howpublished", "arXiv preprint", 10)]
SURNAMES = ["M{\\\"u}ller", "Ol{\\v{s}}{\\'a}k", "Zhang", "Li", "Wang", "Dollár", "Veli{\\v{c}}kovi{\\'c}", "Smith",
            "Garc{\\'\\i}a", "Nguyen", "Kim", "Rossi", "Schmidt", "Novák", "Chen", "Sato"]
GIVEN = ["Anna", "Jörg", "Wei", "Ming", "Piotr", "José", "Hana", "Lukas", "Marta", "Yuki"]
WORDS = ["deep", "graph", "attention", "network", "learning", "adversarial", "robust", "few-shot", "{ImageNet}",
         "segmentation", "detection", "search", "architecture", "{GAN}", "depth", "sparse", "memory", "3D"]
# A title has one topical word and several from a larger vocabulary, so a query matches a realistic share of
# papers (a vocabulary of 18 words would make every query match a third of the list).
_SYLLABLES = ["ra", "ne", "to", "li", "qu", "an", "mo", "ve", "si", "de", "ta", "ur", "ko", "pe", "fi", "lo"]
VOCABULARY = sorted({a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in ("n", "l", "t", "s", "x")})[:2000]
TOPICS = 12
MKDOCS = """site_name: Benchmark
theme:
  name: material
  font: false
plugins:
  - search
{plugins}
nav:
  - Home: index.md
{nav}
"""


def surname(rng: random.Random) -> str:
    """One in four from the accented list (LaTeX to decode), the rest from a pool of about 2,000 names."""
    if rng.random() < 0.25:
        return rng.choice(SURNAMES)
    return rng.choice(VOCABULARY).capitalize() + rng.choice(["", "ov", "er", "son", "i", "ez"])


def synthetic_bib(n: int, topics: list[str], rng: random.Random) -> str:
    weights = [v[3] for v in VENUES]
    parts = []
    for i in range(n):
        kind, field, venue, _ = rng.choices(VENUES, weights)[0]
        year = rng.randint(2012, 2024)
        # Unique titles: the same-paper check would rightly refuse two entries with one title.
        words = [rng.choice(VOCABULARY) for _ in range(rng.randint(3, 9))] + [rng.choice(WORDS)]
        rng.shuffle(words)
        title = " ".join(words).capitalize() + f" {i}"
        authors = " and ".join(f"{surname(rng)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 8)))
        chosen = ", ".join(rng.sample(topics, rng.randint(1, 2)))
        # Unique, as real arXiv ids are.
        links = f"  eprint = {{{1500 + i % 900}.{10000 + i:05d}}},\n  archiveprefix = {{arXiv}},\n"
        if rng.random() < 0.4:
            links += f"  code = {{https://github.com/example/repo{i}}},\n"
        first, last = rng.randint(1, 9000), 0
        last = first + rng.randint(7, 12)
        parts.append(f"@{kind}{{p{i:05d},\n  title = {{{title}}},\n  author = {{{authors}}},\n"
                     f"  {field} = {{{venue}}},\n  year = {{{year}}},\n  pages = {{{first}--{last}}},\n{links}"
                     f"  topics = {{{chosen}}},\n  order = {{{i}}},\n}}\n")
    return "\n".join(parts)


def note(i: int, rng: random.Random) -> str:
    text = " ".join(rng.choice(WORDS).strip("{}") for _ in range(250))
    return (f"---\ntldr: Synthetic note {i}.\nquestions: ['Why {i}?', 'How {i}?']\n---\n"
            f"## Problem\n{text}\n\n## Key idea\n{text[:400]}\n")


def make_companion(root: Path, n: int) -> None:
    rng = random.Random(n)
    topics = [f"topic-{t:02d}" for t in range(TOPICS)]  # fixed, so page sizes compare across N
    (root / "refs").mkdir(parents=True)
    (root / "docs/notes/papers").mkdir(parents=True)
    (root / "refs/topics.yml").write_text("topics:\n" + "".join(
        f"  - slug: {t}\n    title: Topic {t}\n    description: Synthetic topic.\n" for t in topics))
    (root / "refs/synthetic.bib").write_text(synthetic_bib(n, topics, rng), encoding="utf-8")
    for i in range(0, n, 10):  # a note for one paper in ten
        (root / f"docs/notes/papers/p{i:05d}.md").write_text(note(i, rng))
    (root / "docs/index.md").write_text("# Home\n")
    (root / "mkdocs.yml").write_text(MKDOCS.format(plugins="  - companion", nav="  - Topics: companion:topics\n"
                                                   "  - All papers: papers/index.md"))


def make_floor(root: Path, n: int, topics: int) -> None:
    """A bare Material site: N plain pages of similar text, out of the nav, and the companion's nav shape
    (Home; a Topics section with an overview and one page per topic; All papers)."""
    rng = random.Random(n)
    (root / "docs/papers").mkdir(parents=True)
    (root / "docs/topics").mkdir(parents=True)
    for i in range(n):
        body = " ".join(rng.choice(WORDS).strip("{}") for _ in range(120))
        (root / f"docs/papers/p{i:05d}.md").write_text(f"# Paper {i}\n\n{body}\n")
    for t in range(topics):
        (root / f"docs/topics/t{t:02d}.md").write_text(f"# Topic {t}\n")
    (root / "docs/topics/index.md").write_text("# Topics\n")
    (root / "docs/papers/index.md").write_text("# All papers\n")
    (root / "docs/index.md").write_text("# Home\n")
    nav = "  - Topics:\n    - topics/index.md\n" + "".join(
        f"    - Topic {t}: topics/t{t:02d}.md\n" for t in range(topics)) + "  - All papers: papers/index.md"
    (root / "mkdocs.yml").write_text(MKDOCS.format(plugins="", nav=nav) + "not_in_nav: |\n  /papers/p*\n")


BUILD = """import resource, runpy, sys
sys.argv = ["mkdocs", "build", "-q", "-d", sys.argv[1]]
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as done:
    if done.code:
        raise
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(sum(u.ru_utime + u.ru_stime for u in usage), max(u.ru_maxrss for u in usage))
"""


def build(root: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user+system, forked helpers included) and peak RSS (bytes) of one
    `mkdocs build` in a fresh process of its own, into a fresh folder."""
    shutil.rmtree(root / "site", ignore_errors=True)
    os.sync()  # the previous build's writes must not be flushed during this one
    start = time.perf_counter()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-c", BUILD, str(root / "site")], cwd=root, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"build of {root} failed:\n{done.stderr[-3000:]}")
    seconds = time.perf_counter() - start
    cpu, rss = done.stdout.split()[-2:]
    return seconds, float(cpu), int(rss) * 1024


LOAD = """import sys, time
from pathlib import Path
import bibtexparser
from reading_companion.project import Layout, load_project
root = Path(sys.argv[1])
start = time.perf_counter()
if sys.argv[2] == "bare":
    bibtexparser.parse_file(str(root / "refs/synthetic.bib"))
else:
    assert len(load_project(Layout(root=root)).bibliography.papers) == int(sys.argv[3])
print(time.perf_counter() - start)
"""


def load_seconds(root: Path, kind: str, n: int) -> float:
    """Seconds of bibtexparser's bare parse_file ("bare") or of our load+check ("ours"), in a fresh process
    (imports excluded), so neither inherits the other's caches or heap."""
    done = subprocess.run([sys.executable, "-c", LOAD, str(root), kind, str(n)], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"load of {root} failed:\n{done.stderr[-3000:]}")
    return float(done.stdout.split()[-1])


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


LOADS_PER_BUILD = 3


def measure(n: int, repeat: int) -> dict[str, object]:
    """Each timing is the best of `repeat` runs (loads: of 3 x `repeat`), ours and the baseline alternating: on
    a shared machine the minimum is the figure least disturbed by other work (as timeit does). Beside the
    ratio of the best runs, the median of the ratios of runs made one after the other, which drift in the
    machine's speed affects least."""
    work = Path(tempfile.mkdtemp(prefix=f"companion-bench-{n}-"))
    try:
        companion, floor = work / "companion", work / "floor"
        make_companion(companion, n)
        make_floor(floor, n, TOPICS)
        bare_parse = load_check = seconds = floor_seconds = cpu = floor_cpu = float("inf")
        rss = floor_rss = 0
        build_pairs, load_pairs = [], []
        for _ in range(repeat):
            for _ in range(LOADS_PER_BUILD):  # a load is short: more runs steady its figure
                bare, ours_load = load_seconds(companion, "bare", n), load_seconds(companion, "ours", n)
                bare_parse, load_check = min(bare_parse, bare), min(load_check, ours_load)
                load_pairs.append(ours_load / bare)
            ours, ours_cpu, ours_rss = build(companion)
            base, base_cpu, base_rss = build(floor)
            build_pairs.append(ours / base)
            seconds, floor_seconds = min(seconds, ours), min(floor_seconds, base)
            cpu, floor_cpu = min(cpu, ours_cpu), min(floor_cpu, base_cpu)
            rss, floor_rss = max(rss, ours_rss), max(floor_rss, base_rss)
        site = companion / "site"
        pages = [p.stat().st_size for p in (site / "papers").glob("p*/index.html")]
        same_paper = (site / "papers/p00005/index.html").stat().st_size
        index = site / "search/search_index.json"
        return {
            "n": n, "bare_parse_s": round(bare_parse, 3), "load_check_s": round(load_check, 3),
            "load_check_over_bare_parse": round(load_check / bare_parse, 2),
            "load_check_over_bare_parse_median_pair": round(statistics.median(load_pairs), 2),
            "build_s": round(seconds, 2), "floor_build_s": round(floor_seconds, 2),
            "build_over_floor": round(seconds / floor_seconds, 2),
            "build_over_floor_median_pair": round(statistics.median(build_pairs), 2),
            "build_cpu_s": round(cpu, 2), "floor_build_cpu_s": round(floor_cpu, 2),
            "build_cpu_over_floor": round(cpu / floor_cpu, 2),
            "output_bytes": folder_bytes(site), "floor_output_bytes": folder_bytes(floor / "site"),
            "largest_paper_page_bytes": max(pages), "median_paper_page_bytes": int(statistics.median(pages)),
            "paper_p00005_page_bytes": same_paper,
            "search_index_bytes": index.stat().st_size,
            "search_index_bytes_per_paper": round(index.stat().st_size / n),
            "peak_rss_mb": round(rss / 2**20), "floor_peak_rss_mb": round(floor_rss / 2**20),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> None:
    repeat = 3
    if argv[:1] == ["--repeat"]:
        repeat, argv = int(argv[1]), argv[2:]
    sizes = [int(a) for a in argv] or [100, 1000]
    print(f"# command: python benchmarks/run.py --repeat {repeat} {' '.join(map(str, sizes))}", flush=True)
    for n in sizes:
        print(json.dumps({**measure(n, repeat), "repeat": repeat}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
