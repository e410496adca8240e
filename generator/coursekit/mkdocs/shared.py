"""MkDocs step: files shared by every language, such as images, kept once beside the language folders.

A folder under the docs root that is not a language (docs/images/ beside docs/en/ and docs/ko/) is part of every
language's site at the same path: docs/images/x.png is images/x.png in each language build, so a lesson in
docs/<lang>/lessons/ writes `../images/x.png` in every language. Each language build publishes its own copy
(site/images/, site/ko/images/), so every link stays relative: it works under /ko/ and under a GitHub Pages
sub-path, and MkDocs' strict link check sees the target. A language's own file at the same path wins, for an image
that needs translating (a screenshot with words in it). Markdown files are not shared: a page belongs to one
language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from coursekit.build import CourseBuild


def shared_files(docs_root: Path, languages: tuple[str, ...]) -> list[tuple[str, Path]]:
    """(path inside every language's site, file) for each shared file, in a stable order."""
    if not docs_root.is_dir():
        return []
    folders = [p for p in docs_root.iterdir() if p.is_dir() and p.name not in languages and not p.name.startswith(".")]
    return sorted((path.relative_to(docs_root).as_posix(), path)
                  for folder in folders for path in folder.rglob("*")
                  if path.is_file() and path.suffix != ".md"
                  and not any(part.startswith(".") for part in path.relative_to(docs_root).parts))


def on_files(files: Files, *, build: CourseBuild, config: MkDocsConfig) -> Files:
    for src_uri, path in shared_files(build.docs_root, build.course.codes):
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    return files
