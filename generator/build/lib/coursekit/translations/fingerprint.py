"""A source page's fingerprint, blind to whitespace: re-wrapping a paragraph or re-indenting does not change it."""

from __future__ import annotations

import hashlib
import re

_WHITESPACE = re.compile(r"\s+")
PREFIX = "sha256:"


def normalise(text: str) -> str:
    """The text with every run of whitespace (spaces, tabs, line breaks) made one space, and the ends trimmed.

    Paragraph breaks collapse too: moving a line break, or adding a blank line, changes nothing a translator
    would have to redo.
    """
    return _WHITESPACE.sub(" ", text).strip()


def fingerprint(text: str) -> str:
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
    return PREFIX + digest[:20]  # 80 bits: no accidental match between two versions of one page
