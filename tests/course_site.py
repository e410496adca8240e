"""Build real course sites for tests: the repository's own, or small fixture courses written into a folder.

Builds run in a subprocess exactly as `make build` (or `make build ENGINE=materialx`) does, so tests see what readers
would get.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from coursekit.course.mkdocs_file import file_languages
from coursekit.testing.build import BuildResult
from coursekit.testing.languages import language_roots

REPO = Path(__file__).resolve().parents[1]


def course_name(root: Path = REPO) -> str | None:
    """The course's name (course.yml `course.name`), which is also its repository's name and so its Pages path;
    None where there is no course (the generator's tests run with this course's files removed)."""
    path = root / "course.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["course"]["name"] if path.is_file() else None


# Where the tests serve the built site, as GitHub Pages serves a project site: under /<repository name>/.
SUB_PATH = f"/{course_name() or 'course'}/"


@dataclass(frozen=True)
class Engine:
    command: tuple[str, ...]  # what runs `build`, as the Makefile runs it
    theme: str  # mkdocs.yml's theme name, read from COURSE_THEME


MATERIALX_VENV = REPO / ".venv-materialx"
ENGINES = {
    # `make build`: MkDocs + Material, in the venv running the tests.
    "material": Engine((sys.executable, "-m", "mkdocs"), "material"),
    # ProperDocs with Material, in the same venv: tests/build_output/test_properdocs.py compares it byte by byte.
    "properdocs": Engine((sys.executable, "-m", "properdocs"), "material"),
    # `make build ENGINE=materialx`: ProperDocs + mkdocs-materialx, which cannot share this venv (both themes install
    # the package `material`), so the build runs .venv-materialx's own properdocs.
    "materialx": Engine((str(MATERIALX_VENV / "bin" / "properdocs"),), "materialx"),
}
# The engines `make build ENGINE=...` offers: the tests marked `both_engines` run against each one's build.
SITE_ENGINES = ("material", "materialx")


def run_build(config_file: Path, site_dir: Path, *, site_url: str, strict: bool = True,
              engine: str = "material") -> BuildResult:
    """One build of config_file, in a subprocess, with the environment `make build ENGINE=<engine>` uses."""
    chosen = ENGINES[engine]
    if not Path(chosen.command[0]).exists():
        raise FileNotFoundError(f"{chosen.command[0]} is missing: run `make setup` (it installs {MATERIALX_VENV.name} "
                                "from requirements/materialx.txt)")
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", COURSE_THEME=chosen.theme)
    command = [*chosen.command, "build", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout + done.stderr)


def build_site(root: Path, site_dir: Path, *, site_url: str, strict: bool = True,
               engine: str = "material") -> BuildResult:
    """The whole site, every language, as `make build` makes it: one build of mkdocs.yml (the other languages are
    built by the plugin into site_dir/<lang>/)."""
    return run_build(root / "mkdocs.yml", site_dir, site_url=site_url, strict=strict, engine=engine)


@dataclass(frozen=True)
class ColdBuild:
    site: Path
    day: datetime  # the build date MkDocs sees (SOURCE_DATE_EPOCH)


def cold_build(snapshot: Path, root: Path, *, site_url: str, day: datetime, hash_seed: str) -> ColdBuild:
    """Every language, strict, from a fresh copy of `snapshot` (so every figure is computed), on the given day."""
    source = Path(shutil.copytree(snapshot, root / "source"))
    assert not (source / "generated").exists()
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED=hash_seed,
               SOURCE_DATE_EPOCH=str(int(day.timestamp())), COURSE_THEME="material")
    site = root / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          cwd=source, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stdout + done.stderr, done.stdout + done.stderr
    return ColdBuild(site, day)


def lesson_text(*, id: str, number: int, title: str, lang: str = "en", status: str = "published",
                tags: str = "[diffusion]", extra: str = "", body: str | None = None) -> str:
    """A small but complete lesson file; `extra` adds or overrides front matter lines."""
    blocks = {
        "ko": ("핵심 정리", "더 읽을거리", "연습 문제"),
    }.get(lang, ("Key takeaways", "Further reading", "Exercise"))
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


def site_languages(root: Path = REPO) -> list[str]:
    """The language codes a course lists in its mkdocs.yml, primary first, as the build reads them."""
    return [language.code for language in file_languages(root / "mkdocs.yml")]


# The repository's languages and where each lives under the site root ('' for the primary), from mkdocs.yml.
LANGUAGE_ROOTS = language_roots(REPO)


def write_fixture_course(root: Path, lessons: dict[str, dict[str, str]], *, course_yml: str | None = None,
                         languages: tuple[str, ...] = ("en", "ko"), strings: dict[str, str] | None = None,
                         extra_yml: str = "", content: tuple[str, ...] = ()) -> Path:
    """A course in `root`: lessons maps a language to {path under docs/<lang>/: text}; a bare file name goes to
    lessons/. `strings` adds i18n/<lang>.yml files; `extra_yml` adds lines to mkdocs.yml; `content` names the
    content modules the coursekit plugin loads (none by default: the generator runs without a course's code)."""
    for lang in languages:
        (root / "docs" / lang / "lessons").mkdir(parents=True, exist_ok=True)
        (root / "docs" / lang / "index.md").write_text(
            f"---\ntitle: Home {lang}\ncourse_page: home\n---\n\n# Home {lang}\n\nWelcome.\n", encoding="utf-8")
        for name, text in lessons.get(lang, {}).items():
            path = root / "docs" / lang / (name if "/" in name else f"lessons/{name}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if "toy_content" in content:  # the generator tests' own figure kind, beside mkdocs.yml
        shutil.copy2(Path(__file__).parent / "generator" / "fixtures" / "toy_content.py", root / "toy_content.py")
    for lang, text in (strings or {}).items():
        (root / "i18n").mkdir(exist_ok=True)
        (root / "i18n" / f"{lang}.yml").write_text(text, encoding="utf-8")
    (root / "course.yml").write_text(course_yml or fixture_course_yml(languages), encoding="utf-8")
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Fixture course
        site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
        edit_uri: ""
        docs_dir: docs/{languages[0]}
        site_dir: site
        theme:
          name: !ENV [COURSE_THEME, material]  # the engine's theme, as in this repository's mkdocs.yml
          language: {languages[0]}
          font: false
          features: [navigation.instant, navigation.sections]
        plugins:
          - search
          - coursekit:
              content: [{', '.join(content)}]
              languages: [{', '.join(languages)}]
        markdown_extensions:
          - admonition
          - attr_list
          - tables
          - toc: {{permalink: true}}
          - pymdownx.details
          - pymdownx.superfences
          - pymdownx.arithmatex: {{generic: true}}
        """) + extra_yml, encoding="utf-8")
    return root


# course.yml rules that turn on the prose checks as warnings (what a strict build fails on), for fixture courses
# that test them; a fixture course has no rules unless given some, as a new course.
PROSE_RULES = "rules: {terms: warn, korean_particles: warn, plain_math: warn}\n"


def fixture_course_yml(languages: tuple[str, ...] = ("en", "ko"), series: tuple[str, ...] = ("lessons",),
                       rules: str = "", repository: str = "https://github.com/example/fixture-course") -> str:
    """A small, valid course.yml for fixture courses: one series per folder (ids 'main', then the folder names), a
    few tags, three levels and achievements that any course of at least two lessons can earn, and the `rules`
    section given (course.yml text; none by default). `repository` is the course's (none when empty)."""
    def text(label: str) -> str:
        return "{" + ", ".join(f'{lang}: "{label} {lang}"' for lang in languages) + "}"

    series_yml = "".join(
        f"  - {{id: {'main' if index == 0 else folder}, folder: {folder}, title: {text(folder.capitalize())}, "
        f"summary: {text('About ' + folder)}}}\n" for index, folder in enumerate(series))
    where = f", repository: {repository}" if repository else ""
    return (f"course: {{name: fixture-course, title: {text('Fixture course')}, description: {text('A fixture')}{where}}}\n"
            f"series:\n{series_yml}"
            f"lessons:\n  closing_blocks:\n    takeaways: {text('Key takeaways')}\n    links: {text('Further reading')}\n"
            f"    exercise: {text('Exercise')}\n"
            f"tags: {{diffusion: {text('diffusion')}, probability: {text('probability')}}}\n"
            "xp: {lesson_completed: 100, exercise_done: 50}\n"
            f"levels:\n  - {{level: 0, percent: 0, name: {text('Start')}}}\n  - {{level: 1, percent: 40, name: {text('Middle')}}}\n"
            f"  - {{level: 2, percent: 100, name: {text('Done')}}}\n"
            "achievements:\n"
            f"  - {{id: first-step, icon: material/sprout, name: {text('First')}, description: {text('One lesson')}, "
            "rule: {count: lessons_completed, at_least: 1}}\n"
            f"  - {{id: everything, icon: material/school, name: {text('All')}, description: {text('Every lesson')}, "
            "rule: {count: lessons_completed, at_least: all}}\n"
            f"  - {{id: main-series, icon: material/wall, name: {text('Main')}, description: {text('The main series')}, "
            "rule: {series: main}}\n" + rules)


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
    result = build_site(REPO, site, site_url=f"http://127.0.0.1:{port}{SUB_PATH}")
    if not result.ok:
        raise SystemExit(result.output)
    return site
