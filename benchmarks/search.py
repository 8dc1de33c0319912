"""Search in the browser at scale: index load time and typed-query time, in Debian's Chromium.

Usage: .venv/bin/python benchmarks/search.py 10000
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from run import make_companion  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
QUERIES = ["graph network", "adversarial robust", "segmentation", "memory", "architecture search", "depth"]
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


# In the page: set the query as a keystroke would, and time until the result list changes.
TIME_QUERY = """(query) => new Promise((resolve, reject) => {
    const input = document.querySelector('.md-search__input');
    const results = document.querySelector('.md-search-result');
    const start = performance.now();
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
    observer.observe(results, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { observer.disconnect(); reject(new Error('no results for ' + query)); }, 30000);
    input.value = query;
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: query.slice(-1)}));
})"""


def typed_query(page, query: str) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds from a query's last keystroke to its results in the page (Material answers on keyup)."""
    return float(page.evaluate(TIME_QUERY, query))


def measure(n: int) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix=f"companion-search-{n}-"))
    try:
        make_companion(work, n)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site")], cwd=work, env=env,
                       check=True, capture_output=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                 functools.partial(_Quiet, directory=str(work / "site")))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page()
            page.goto(url)
            start = time.perf_counter()
            page.locator(".md-search__input").first.click()
            page.keyboard.type("graph")
            page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
            first = time.perf_counter() - start
            timings = [typed_query(page, q) for q in QUERIES]
            browser.close()
        server.shutdown()
        index = work / "site/search/search_index.json"
        return {"n": n, "search_index_bytes": index.stat().st_size,
                "index_load_and_first_query_s": round(first, 2),
                "query_ms_median": round(statistics.median(timings)), "query_ms_max": round(max(timings))}
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [1000]
    print(f"# command: python benchmarks/search.py {' '.join(map(str, sizes))}", flush=True)
    for size in sizes:
        print(json.dumps(measure(size)), flush=True)
