"""MkDocs event handlers: each a few lines over the pure core."""

from __future__ import annotations

import gc
import logging
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..bibfile import write_atomic
from ..diagnostics import Severity
from ..model import Bibliography
from ..offline import SHIM, ZIP, OfflineBuild
from ..project import Layout, cyclic_gc_paused, load_project
from ..render import PageSpec, Renderer, RenderOptions, render_site
from ..render.assets import packaged
from ..render.urls import topic_uri
from .config import CompanionConfig
from .titles import TextTitle

log = logging.getLogger("mkdocs.plugins.companion")
TOPIC_CARDS_MARKER = "<!-- companion:topics -->"
OFFLINE_ENV = "COMPANION_OFFLINE"


class CompanionPlugin(BasePlugin[CompanionConfig]):
    """Generates paper, topic and index pages from a BibTeX bibliography."""

    command = "build"
    offline_build: OfflineBuild | None = None
    exits_after_build = False
    """Set when MkDocs' command line runs `build`: the process ends with the build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.exits_after_build = command == "build"

    @event_priority(50)  # before Material's offline plugin, which adds a CDN shim unless one is there
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        gc.unfreeze()  # whatever an earlier build in this process left frozen (see on_post_build)
        # Load and check before MkDocs cleans site_dir: bad input leaves the old site alone.
        self.bibliography = self._load(config)
        self.pages: dict[str, PageSpec] = {}
        config.nav = _expand_nav(config.nav, self.config.nav_placeholder, self.bibliography)
        self.offline = os.environ.get(OFFLINE_ENV) == "true"
        if self.offline:
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
        config.extra_css.append("assets/companion/companion.css")
        config.extra_javascript.append("assets/companion/companion.js")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Read the URL style now: other plugins' on_config (Material's offline) may have changed it.
        self.options = RenderOptions(directory_urls=config.use_directory_urls,
                                     templates=Path(self.config.templates) if self.config.templates else None,
                                     downloads=self.config.downloads, print_page=self.config.print_page)
        self.renderer = Renderer(self.bibliography, self.options)  # one per build, shared by every page
        for file in list(files):
            if _under(file.src_uri, (self.config.notes, self.config.intros)):
                files.remove(file)
        # The pages and files made here live until the build ends: made with the cyclic collector resting,
        # then frozen, like the bibliography (see project.cyclic_gc_paused).
        with cyclic_gc_paused():
            self._generate(files, config)
        return files

    def _generate(self, files: Files, config: MkDocsConfig) -> None:
        site = render_site(self.renderer)
        for spec in site.pages:
            if files.get_file_from_path(spec.src_uri) is None:  # a hand-written page wins
                inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, spec.src_uri, content=spec.markdown, inclusion=inclusion))
                self.pages[spec.src_uri] = spec
        for uri, content in site.files:
            files.append(File.generated(config, uri, content=content))
        if self.offline:
            files.append(File.generated(config, SHIM, content=packaged("vendor/iframe-worker/shim.js")))
        elif self.config.offline_zip and self.command in ("build", "gh-deploy"):
            # Built by a second process on the other core while this build goes on; the zip is written over
            # this placeholder in on_post_build (the placeholder lets pages link to it under --strict).
            self.offline_build = OfflineBuild.start(config.config_file_path, {OFFLINE_ENV: "true"})
            files.append(File.generated(config, ZIP, content=b""))

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.exits_after_build:
            # Python's shutdown would run the cyclic collector over the whole build's heap, several times
            # (half a second at 10,000 papers); frozen, the heap is skipped and the system frees it at exit.
            gc.freeze()
        else:
            gc.unfreeze()  # frozen at load and after generating pages (see project.cyclic_gc_paused)
        offline, self.offline_build = self.offline_build, None
        if offline is not None:
            try:
                data = offline.finish(_slug(config.site_name))
            except RuntimeError as error:
                raise PluginError(f"companion: the offline copy did not build:\n{error}") from None
            write_atomic(Path(config.site_dir) / ZIP, data)

    def on_build_error(self, error: Exception) -> None:
        gc.unfreeze()
        offline, self.offline_build = self.offline_build, None
        if offline is not None:
            offline.cancel()

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            if spec.meta:
                page.meta = {**spec.meta, **page.meta}
            # The title goes on the page, not in its meta: a page in the nav with any meta makes Material's nav
            # template try (and fail, through exceptions) icon, status and subtitle lookups on every page built.
            page.title = TextTitle(spec.title)  # type: ignore[method-assign]
            return markdown
        if TOPIC_CARDS_MARKER in markdown:
            markdown = markdown.replace(TOPIC_CARDS_MARKER, self.renderer.topic_cards(page.file.src_uri))
        return str(self.renderer.cites(markdown, page.file.src_uri))

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        return spec.fill_html(html) if spec is not None else html

    @event_priority(-100)  # after the search plugin has indexed the page, before the theme renders it
    def on_page_context(self, context: TemplateContext, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        spec = self.pages.pop(page.file.src_uri, None)  # done with: its blocks need not stay in memory
        if spec is not None and page.content is not None:
            page.content = spec.fill_late(page.content)
        return context

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        root, layout = _root(config), self._layout(config)
        for path in [*layout.bib_files(), *root.glob(layout.plans), root / layout.topics, root / layout.outline]:
            server.watch(str(path))
        return server

    def _layout(self, config: MkDocsConfig) -> Layout:
        root, docs = _root(config), Path(config.docs_dir)
        return Layout(root=root, bibliography=tuple(self.config.bibliography), topics=self.config.topics,
                      plans=self.config.plans, outline=self.config.outline, notes=_rel(docs / self.config.notes, root),
                      intros=_rel(docs / self.config.intros, root))

    def _load(self, config: MkDocsConfig) -> Bibliography:
        loaded = load_project(self._layout(config))
        errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
        warnings = [d for d in loaded.diagnostics if d.severity is Severity.WARNING]
        for diagnostic in sorted(loaded.diagnostics):
            (log.error if diagnostic.severity is Severity.ERROR else log.warning)(diagnostic.format())
        if errors or (config.strict and warnings):
            raise PluginError(f"companion: {len(errors)} error(s) and {len(warnings)} warning(s) in the "
                              "bibliography, notes or plans (listed above); nothing was built")
        return loaded.bibliography


def _expand_nav(nav: Any, placeholder: str, bibliography: Bibliography) -> Any:
    """Replace the placeholder entry by the topics, grouped by part, in the talk's order."""
    if not isinstance(nav, list):
        return nav
    expanded = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, value), = item.items()
            if value == placeholder:
                expanded.append({title: _topics_nav(bibliography)})
                continue
            expanded.append({title: _expand_nav(value, placeholder, bibliography)})
        else:
            expanded.append(item)
    return expanded


def _topics_nav(bibliography: Bibliography) -> list[Any]:
    entries: list[Any] = ["topics/index.md"]
    grouped = {part.slug for part in bibliography.parts}
    for part in bibliography.parts:
        entries.append({part.title: [{t.title: topic_uri(t.slug)} for t in bibliography.topics_in(part.slug)]})
    entries += [{t.title: topic_uri(t.slug)} for t in bibliography.topics if t.part not in grouped]
    return entries


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "site"


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _under(src_uri: str, folders: tuple[str, ...]) -> bool:
    return any(src_uri.startswith(folder.strip("/") + "/") for folder in folders)
