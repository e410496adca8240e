"""Build-time figures of the kinds a course registers: numpy numerics, Pillow/SVG rendering, no MkDocs import.

Layout and the kind interface: README.md in this folder. Entry points: pipeline.py (library),
cli.py (`python -m coursekit.figures`), ../mkdocs_figures.py (MkDocs adapter).
"""

from .version import __version__

__all__ = ["__version__"]
