"""Static files the site needs besides pages: our CSS and JS, and the downloads."""

from __future__ import annotations

from importlib.resources import files

from ..model import Bibliography
from .pages import RenderOptions

ASSET_DIR = "assets/companion"


def packaged(name: str) -> bytes:
    """A file shipped in the package's assets folder."""
    return (files("reading_companion") / "assets" / name).read_bytes()


def asset_files(bibliography: Bibliography, options: RenderOptions) -> list[tuple[str, str | bytes]]:
    """(site path, content) of every static file the plugin adds."""
    found: list[tuple[str, str | bytes]] = [
        (f"{ASSET_DIR}/{name}", packaged(name)) for name in ("companion.css", "companion.js")
    ]
    if options.downloads:
        from ..export.downloads import download_files

        found += download_files(bibliography)
    return found
