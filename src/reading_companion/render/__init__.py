"""Page specs for the site, rendered from the Bibliography with Jinja templates."""

from __future__ import annotations

from .pages import PageSpec, Renderer, RenderOptions
from .site import Site, render_site

__all__ = ["PageSpec", "RenderOptions", "Renderer", "Site", "render_site"]
