"""The plugin's whole user-facing interface."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class CompanionConfig(Config):
    bibliography = opt.ListOfItems(opt.Type(str), default=["refs/**/*.bib"])
    """Glob patterns of .bib files, relative to the folder of mkdocs.yml."""
    topics = opt.Type(str, default="refs/topics.yml")
    plans = opt.Type(str, default="refs/plans/*.yml")
    outline = opt.Type(str, default="refs/talk.yml")
    """The source talk's sections and citations, for the slide-by-slide page (optional file)."""
    notes = opt.Type(str, default="notes/papers")
    """Reading notes, `<key>.md`, relative to docs_dir; merged into paper pages, never pages themselves."""
    intros = opt.Type(str, default="notes/topics")
    """Topic introductions, `<slug>.md`, relative to docs_dir."""
    templates = opt.Optional(opt.Dir(exists=True))
    """A folder of templates that override the packaged ones, file by file."""
    nav_placeholder = opt.Type(str, default="companion:topics")
    """A nav entry with this value is replaced by the topics, grouped by part."""
    downloads = opt.Type(bool, default=True)
    offline_zip = opt.Type(bool, default=False)
    """On `build`, also build the site for file:// and offer it as downloads/companion-offline.zip."""
    print_page = opt.Type(bool, default=False)
    """Add print/: the whole companion on one page, for printing."""
