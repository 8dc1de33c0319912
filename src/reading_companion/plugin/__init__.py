"""The MkDocs / ProperDocs adapter: the only package that imports mkdocs."""
