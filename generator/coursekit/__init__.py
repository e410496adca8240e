"""Build code of the diffusion course: pure libraries plus thin MkDocs hook adapters (mkdocs_*.py)."""
