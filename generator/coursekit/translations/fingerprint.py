"""A source page's fingerprint: what a translator translated, blind to whitespace.

It covers the body and the front matter fields readers read (TRANSLATED_FIELDS: the title, the one-line summary,
a page's description). The other fields are the same in every language and not translated (id, number, tags,
level, status, minutes, course_page…), so re-tagging a lesson or publishing it does not make its translations
outdated. Re-wrapping a paragraph or re-indenting changes nothing either.

Records written before this rule hold a fingerprint of the whole file (LEGACY_PREFIX); they are still compared as
such, so a source edited since is still reported, and `record`/`upgrade` rewrite them in the current form.
"""

from __future__ import annotations

import hashlib
import re

from coursekit.lessons.frontmatter import FrontMatterError, split_front_matter

_WHITESPACE = re.compile(r"\s+")
PREFIX = "text-sha256:"  # body and TRANSLATED_FIELDS
LEGACY_PREFIX = "sha256:"  # the whole file, front matter included
TRANSLATED_FIELDS = ("title", "summary", "description")
PATTERN = re.compile(rf"^(?:{re.escape(PREFIX)}|{re.escape(LEGACY_PREFIX)})[0-9a-f]{{20}}$")


def normalise(text: str) -> str:
    """The text with every run of whitespace (spaces, tabs, line breaks) made one space, and the ends trimmed.

    Paragraph breaks collapse too: moving a line break, or adding a blank line, changes nothing a translator
    would have to redo.
    """
    return _WHITESPACE.sub(" ", text).strip()


def translated_text(text: str) -> str:
    """The part of a page a translation follows: the translated front matter fields, then the body. A page whose
    front matter cannot be read counts whole, so no edit to it goes unnoticed."""
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError:
        return text
    fields = "".join(f"{name}: {meta[name]}\n" for name in TRANSLATED_FIELDS if meta.get(name) is not None)
    return fields + "\n" + body


def _digest(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:20]  # 80 bits: no accidental match


def fingerprint(text: str) -> str:
    return PREFIX + _digest(translated_text(text))


def legacy_fingerprint(text: str) -> str:
    return LEGACY_PREFIX + _digest(text)


def matches(recorded: str, text: str) -> bool:
    """Whether a recorded fingerprint, of either form, is the one of `text`."""
    current = legacy_fingerprint(text) if recorded.startswith(LEGACY_PREFIX) else fingerprint(text)
    return recorded == current
