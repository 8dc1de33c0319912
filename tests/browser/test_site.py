"""The companion as a reader uses it, in Chromium."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "talk/", "coverage/", "errata/", "topics/", "topics/nas/", "papers/", "papers/liu2019darts/",
         "plans/", "plans/full-course/", "progress/", "about/"]


def wait_for_results_of(page, query: str) -> None:  # type: ignore[no-untyped-def]
    """Results appear while a query is still being typed ("da"); wait for those of the whole query."""
    page.wait_for_function("q => { const a = document.querySelector('.md-search-result__item a');"
                           " return a && a.href.includes('h=' + q); }", arg=query, timeout=15000)


def test_search_finds_darts_and_a_phrase_from_one_note(site, page) -> None:
    page.goto(site.url)
    page.locator(".md-search__input").first.click()
    page.keyboard.type("DARTS")  # Material's search listens to key events, which fill() does not send
    first = page.locator(".md-search-result__item a").first
    wait_for_results_of(page, "darts")
    assert "papers/liu2019darts" in (first.get_attribute("href") or "")
    page.keyboard.press("Control+A")
    page.keyboard.type("bilevel optimisation")
    # Wait for the results of the whole phrase, not of "bilevel opt" typed on the way: only the whole
    # word puts "optimisation" into a result's highlight parameter.
    page.wait_for_function("[...document.querySelectorAll('.md-search-result__item a')]"
                           ".some(a => a.href.includes('optimisation'))", timeout=15000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("liu2019darts" in h for h in hrefs)


def test_topic_to_paper_to_next(site, page) -> None:
    page.goto(site.url + "topics/nas/")
    page.click("a[href$='papers/zoph2017nas/']")
    page.wait_for_url(re.compile(r"papers/zoph2017nas/$"))
    assert "Neural Architecture Search with Reinforcement Learning" in page.locator("h1").inner_text()
    page.click("a.rc-next")
    page.wait_for_url(re.compile(r"papers/zoph2018transferable/$"))


def test_bibtex_copy_button_copies_the_exact_entry(site, page) -> None:
    page.goto(site.url + "papers/liu2019darts/")
    expected = page.locator(".rc-bibtex code").inner_text()
    page.locator(".rc-bibtex").hover()
    page.locator(".rc-bibtex [data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == expected.strip() and copied.startswith("@inproceedings{liu2019darts,")


def test_light_dark_toggle(site, page) -> None:
    page.goto(site.url)
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert before != after


def test_no_console_errors_and_no_foreign_requests(site, page) -> None:
    for path in PAGES:
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    assert page.console_errors == []
    foreign = [u for u in page.requests if not u.startswith(site.url) and not u.startswith(("data:", "blob:"))]
    assert foreign == []


def test_hostile_fields_run_no_script(hostile_site, page) -> None:
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("papers/evil2019/", "topics/nas/", "papers/", ""):
        page.goto(hostile_site.url + path)
        page.wait_for_load_state("networkidle")
        for link in page.locator("a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:")
    assert dialogs == []
    page.goto(hostile_site.url + "papers/evil2019/")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()


def test_progress_persists_and_exports(site, page) -> None:
    page.goto(site.url + "papers/liu2019darts/")
    page.check("input.rc-read")
    page.reload()
    assert page.is_checked("input.rc-read")
    page.goto(site.url + "topics/nas/")
    assert "1 of" in page.locator(".rc-progress__label").first.inner_text()
    page.goto(site.url + "progress/")
    with page.expect_download() as download:
        page.click("#rc-export")
    data = json.loads(Path(download.value.path()).read_text())
    assert "liu2019darts" in data["read"]


def test_filters_live_in_the_url_and_answer_fast(site, page) -> None:
    page.goto(site.url + "papers/?topic=nas&origin=talk")
    page.wait_for_selector("form.rc-filters")
    labels = page.locator("form.rc-filters fieldset label").all_inner_texts()
    assert labels[0].strip() == "Deep RL and learning on graphs"  # the site's topic order
    assert "Scene graphs, VQA and captioning" in [label.strip() for label in labels]
    visible = page.locator("#rc-all-papers tbody tr:visible")
    keys = visible.evaluate_all("rows => rows.map(r => r.dataset.key)")
    assert "liu2019darts" in keys and "mnih2015human" not in keys
    start = time.perf_counter()
    page.fill("form.rc-filters input[type=search]", "differentiable")
    elapsed = time.perf_counter() - start
    assert page.locator("#rc-all-papers tbody tr:visible").count() >= 1
    assert "q=differentiable" in page.url
    print(f"filter input at {page.locator('#rc-all-papers tbody tr').count()} rows: {elapsed * 1000:.0f} ms")


def test_downloads_are_served(site, page) -> None:
    for name, marker in (("all.bib", "@inproceedings{liu2019darts,"), ("all.ris", "TY  - CPAPER"),
                         ("topic-nas.json", '"id": "liu2019darts"')):
        response = page.request.get(site.url + "downloads/" + name)
        assert response.ok and marker in response.text()


def test_every_internal_link_resolves(site, page) -> None:
    seen, queue, broken = set(), [site.url], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        if not response.ok:
            broken.append(url)
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        for href in re.findall(r'href="([^"#?]+)', response.text()):
            if href.startswith(("http:", "https:", "mailto:", "data:")):
                continue
            target = page.evaluate("([h, b]) => new URL(h, b).href", [href, url])
            if target.startswith(site.url) and target not in seen:
                queue.append(target)
    assert broken == [], broken[:10]
    assert len(seen) > 150


def test_offline_copy_works_from_file_urls(site, page, tmp_path) -> None:
    import io
    import zipfile

    data = page.request.get(site.url + "downloads/companion-offline.zip").body()
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    [top] = list(tmp_path.iterdir())
    page.goto((top / "index.html").as_uri())
    page.locator(".md-search__input").first.click()
    page.keyboard.type("DARTS")
    first = page.locator(".md-search-result__item a").first
    wait_for_results_of(page, "darts")
    assert "papers/liu2019darts.html" in (first.get_attribute("href") or "")
    page.goto((top / "topics/nas.html").as_uri())
    page.click("a[href$='papers/zoph2017nas.html']")
    assert "Neural Architecture Search" in page.locator("h1").inner_text()
    foreign = [u for u in page.requests if not u.startswith(("file:", "data:", "blob:", site.url))]
    assert foreign == [] and page.console_errors == []


def test_pictures_link_every_dot_to_its_paper(site, page) -> None:
    page.goto(site.url + "pictures/")
    dots = page.locator("svg.rc-svg a")
    assert dots.count() > 100
    dots.first.click()
    page.wait_for_url(re.compile(r"/papers/[a-z0-9]+/$"))


def test_accessibility_no_serious_violations(site, page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = {}
    for path in ("", "topics/nas/", "papers/liu2019darts/", "papers/", "plans/full-course/", "coverage/"):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        results = axe.run(page)
        serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    assert problems == {}


def test_progress_import_adds_marks(site, page, tmp_path) -> None:
    export = tmp_path / "progress.json"
    export.write_text(json.dumps({"format": "reading-companion-progress", "version": 1,
                                  "read": {"zoph2017nas": "2026-01-01"}}))
    page.goto(site.url + "progress/")
    page.set_input_files("#rc-import", str(export))
    page.wait_for_selector("text=Imported 1 marks.")
    page.goto(site.url + "papers/zoph2017nas/")
    assert page.is_checked("input.rc-read")


def test_sorting_by_a_column_is_kept_in_the_url(site, page) -> None:
    page.goto(site.url + "papers/")
    page.wait_for_selector("form.rc-filters")
    page.click("#rc-all-papers th:nth-child(3)")  # Year
    years = page.locator("#rc-all-papers tbody tr td:nth-child(3)").all_inner_texts()
    assert years == sorted(years)
    page.click("#rc-all-papers th:nth-child(3)")
    years = page.locator("#rc-all-papers tbody tr td:nth-child(3)").all_inner_texts()
    assert years == sorted(years, reverse=True)
    assert "sort=2%3Adescending" in page.url or "sort=2:descending" in page.url


def test_pages_print_without_navigation_and_with_addresses(site, page) -> None:
    page.emulate_media(media="print")
    for path in ("topics/nas/", "plans/essentials/", "print/"):
        page.goto(site.url + path)
        assert not page.locator(".md-header").is_visible()
        assert not page.locator(".md-sidebar--primary").is_visible()
        assert not page.locator(".rc-mark").first.is_visible()
    link = page.locator(".rc-print-paper a[href^='https://arxiv.org']").first
    shown = page.evaluate("a => getComputedStyle(a, '::after').content", link.element_handle())
    assert "arxiv.org" in shown
    assert len(page.pdf()) > 10_000
