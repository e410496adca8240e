"""What a course adds to the generator: figure kinds, scenes, computed answers, UI strings and reading rules.

A course names its content modules in mkdocs.yml (`plugins: - coursekit: content: [build_hooks]`); each module
exposes `CONTENT = Content(...)`. The generator imports them by name, as mkdocstrings finds its handlers, and never
imports a course's code otherwise. With no content at all the generator still builds: lessons, questions with typed
answers, progress, glossary and translations need none of it.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coursekit.figures.kind import KindDef

# A computed answer: the question's `answer: {compute: name, ...}` mapping in, (value, None) or (None, the fix) out.
AnswerFunction = Callable[[Mapping[str, Any]], "tuple[float | None, str | None]"]


class ContentError(ValueError):
    """A content module that cannot be used; the message names the config key and the fix."""


@dataclass(frozen=True)
class Content:
    """One course's additions. Every field is optional."""

    figure_kinds: tuple["KindDef", ...] = ()
    # scene:<name> images a figure may use, each drawn at a given size (float pixels in [-1, 1]).
    scenes: Mapping[str, Callable[[int], Any]] = field(default_factory=dict)
    answers: Mapping[str, AnswerFunction] = field(default_factory=dict)
    # A folder of <lang>.yml files merged into the generator's UI strings (a figure kind's captions, say).
    strings_dir: Path | None = None
    # How words a course uses are read aloud in Korean ("vowel", "rieul" or "consonant"), for the particle check.
    korean_words: Mapping[str, str] = field(default_factory=dict)
    # Browser files the content's figure kinds name in `browser_assets`, by their site path below this folder
    # (assets/course/scrubber.js): copied into every language's site, and linked only from pages that use them.
    assets_dir: Path | None = None
    # Where the content's code lives: its files go into the figure cache key, so an edit recomputes figures.
    code_dir: Path | None = None


@dataclass(frozen=True)
class Registry:
    """Every content module of a course, merged; names must not clash."""

    modules: tuple[str, ...] = ()
    contents: tuple[Content, ...] = ()

    @cached_property
    def figure_kinds(self) -> dict[str, "KindDef"]:
        return _merged("figure kind", ((k.name, k) for c in self.contents for k in c.figure_kinds))

    @cached_property
    def scenes(self) -> dict[str, Callable[[int], Any]]:
        return _merged("scene", (item for c in self.contents for item in c.scenes.items()))

    @cached_property
    def answers(self) -> dict[str, AnswerFunction]:
        return _merged("computed answer", (item for c in self.contents for item in c.answers.items()))

    @cached_property
    def korean_words(self) -> dict[str, str]:
        return {word.lower(): final for c in self.contents for word, final in c.korean_words.items()}

    @property
    def assets_dirs(self) -> tuple[Path, ...]:
        return tuple(c.assets_dir for c in self.contents if c.assets_dir is not None)

    @property
    def strings_dirs(self) -> tuple[Path, ...]:
        return tuple(c.strings_dir for c in self.contents if c.strings_dir is not None)

    @cached_property
    def code_digest(self) -> str:
        """A digest of every content module's Python files (part of each figure's cache key)."""
        digest = hashlib.sha256()
        for folder in sorted({c.code_dir for c in self.contents if c.code_dir is not None}):
            for path in sorted(folder.rglob("*.py")):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
        return digest.hexdigest()[:16]


def _merged(what: str, items: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in items:
        if name in out:
            raise ContentError(f"mkdocs.yml: plugins.coursekit.content: two content modules define the {what} "
                               f"{name!r}; rename one")
        out[name] = value
    return out


def load(modules: Iterable[str]) -> Registry:
    """Import each named module and read its CONTENT; one-line ContentError naming the module on any mistake."""
    found: list[Content] = []
    names = tuple(modules)
    for name in names:
        where = f"mkdocs.yml: plugins.coursekit.content: {name!r}"
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            raise ContentError(f"{where} cannot be imported ({error}); give an importable module name, "
                               "such as build_hooks, and install or place it beside mkdocs.yml") from None
        content = getattr(module, "CONTENT", None)
        if not isinstance(content, Content):
            raise ContentError(f"{where} has no CONTENT = coursekit.content.Content(...); define it in the module")
        if content.code_dir is None and getattr(module, "__file__", None):
            content = Content(**{**content.__dict__, "code_dir": Path(module.__file__).resolve().parent})
        found.append(content)
    registry = Registry(names, tuple(found))
    for attribute in ("figure_kinds", "scenes", "answers"):
        getattr(registry, attribute)  # raises on a clash now, not mid-build
    return registry


_active = Registry()


def install(registry: Registry) -> None:
    """Make `registry` the one the figure and question code reads (set by the plugin at each configuration)."""
    global _active
    _active = registry


def active() -> Registry:
    return _active
