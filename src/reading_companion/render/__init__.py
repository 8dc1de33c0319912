"""Page specs for the site, rendered from the Bibliography with Jinja templates."""

from __future__ import annotations

from .pages import PageSpec, RenderOptions, render_cites, render_site, render_topic_cards

__all__ = ["PageSpec", "RenderOptions", "render_cites", "render_site", "render_topic_cards"]
