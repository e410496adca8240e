"""Build real course sites for tests: the repository's own, or small fixture courses written into a folder.

Builds run MkDocs in a subprocess exactly as `make build` does, so tests see what readers would get.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SUB_PATH = "/diffusion-course/"


@dataclass
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as an author sees them

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_build(config_file: Path, site_dir: Path, *, site_url: str, strict: bool = True,
              engine: str = "mkdocs") -> BuildResult:
    """One language build, in a subprocess, with the environment `make build` uses."""
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    command = [sys.executable, "-m", engine, "build", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout + done.stderr)


def build_both(root: Path, site_dir: Path, *, site_url: str, strict: bool = True, engine: str = "mkdocs") -> BuildResult:
    """English into site_dir, then Korean into site_dir/ko (the order matters: the first build cleans site_dir)."""
    english = run_build(root / "mkdocs.yml", site_dir, site_url=site_url, strict=strict, engine=engine)
    if not english.ok:
        return english
    korean = run_build(root / "mkdocs.ko.yml", site_dir / "ko", site_url=site_url, strict=strict, engine=engine)
    return BuildResult(korean.returncode, english.output + korean.output)


def lesson_text(*, id: str, number: int, title: str, lang: str = "en", status: str = "published",
                tags: str = "[diffusion]", extra: str = "", body: str | None = None) -> str:
    """A small but complete lesson file; `extra` adds or overrides front matter lines."""
    blocks = {
        "en": ("Key takeaways", "Further reading", "Exercise"),
        "ko": ("핵심 정리", "더 읽을거리", "연습 문제"),
    }[lang]
    default_body = textwrap.dedent(f"""\
        Noise is added step by step, and $\\bar\\alpha_t$ says how much signal is left.

        ## A section

        Some prose about lesson {number} in {lang}.

        !!! takeaways "{blocks[0]}"

            - One point.

        !!! links "{blocks[1]}"

            - [DDPM, arXiv:2006.11239](https://arxiv.org/abs/2006.11239)

        !!! exercise "{blocks[2]}"

            Write down one number.
        """)
    return (f"---\nid: {id}\nnumber: {number}\ntitle: \"{title}\"\nsummary: \"Summary of {title}.\"\n"
            f"tags: {tags}\nlevel: beginner\nstatus: {status}\n{extra}---\n\n{body if body is not None else default_body}")


def write_fixture_course(root: Path, lessons: dict[str, dict[str, str]], *, course_yml: str | None = None) -> Path:
    """A course in `root`: lessons maps 'en'/'ko' to {file name: text}. Configs point at the real theme and hooks."""
    for lang in ("en", "ko"):
        (root / "docs" / lang / "lessons").mkdir(parents=True, exist_ok=True)
        (root / "docs" / lang / "index.md").write_text(
            f"---\ntitle: Home {lang}\ncourse_page: home\n---\n\n# Home {lang}\n\nWelcome.\n", encoding="utf-8")
        for name, text in lessons.get(lang, {}).items():
            (root / "docs" / lang / "lessons" / name).write_text(text, encoding="utf-8")
    (root / "course.yml").write_text(course_yml or (REPO / "course.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        INHERIT: {REPO / 'mkdocs.yml'}
        docs_dir: docs/en
        site_dir: site
        watch: [docs, course.yml]
        theme:
          custom_dir: {REPO / 'overrides'}
        hooks:
          - {REPO / 'build_hooks' / 'mkdocs_course.py'}
          - {REPO / 'build_hooks' / 'mkdocs_figures.py'}
          - {REPO / 'build_hooks' / 'mkdocs_progress.py'}
        """), encoding="utf-8")
    (root / "mkdocs.ko.yml").write_text(textwrap.dedent(f"""\
        INHERIT: {root / 'mkdocs.yml'}
        docs_dir: docs/ko
        site_dir: site/ko
        theme:
          language: ko
        plugins:
          - search:
              lang: ko
        """), encoding="utf-8")
    return root


def two_lesson_course() -> dict[str, dict[str, str]]:
    """The smallest valid course: two published lessons in both languages."""
    return {
        lang: {
            "01-first.md": lesson_text(id="first", number=1, title=f"First {lang}", lang=lang),
            "02-second.md": lesson_text(id="second", number=2, title=f"Second {lang}", lang=lang),
        }
        for lang in ("en", "ko")
    }


def site_or_build(given: Path | None, workdir: Path, *, port: int) -> Path:
    """A built site to measure: the one given, or this repository built into workdir for 127.0.0.1:port."""
    if given is not None:
        return given
    site = workdir / "site"
    result = build_both(REPO, site, site_url=f"http://127.0.0.1:{port}{SUB_PATH}")
    if not result.ok:
        raise SystemExit(result.output)
    return site
