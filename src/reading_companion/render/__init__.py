"""Page specs for the site, rendered from the Bibliography with Jinja templates."""

from __future__ import annotations

from .pages import PageSpec, Renderer, RenderOptions, render_site

__all__ = ["PageSpec", "RenderOptions", "Renderer", "render_site"]
