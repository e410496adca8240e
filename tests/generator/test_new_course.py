"""`make new-course`: the folder it writes builds strictly in any set of languages, holds no word of the diffusion
course, and reports an author's mistake in one line; the slow test runs the new course's own test suite on it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.testing.languages import language_roots
from course_site import REPO, build_site

URL = "http://127.0.0.1:9/new-course/"
# What this repository's course would leave behind: its subject (in both languages), its name and its repository.
DIFFUSION_WORDS = re.compile(r"diffusion|denois|확산|디노이저|DDPM", re.IGNORECASE)
SPECS = {"en,ja": ("en", "ja"), "ko,en": ("ko", "en"), "en": ("en",)}


def new_course(target: Path, languages: str, title: str = "Intro to Rust") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coursekit", "new-course", str(target), "--languages", languages,
                           "--title", title], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module", params=list(SPECS))
def course(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The folder the command wrote for one set of languages, and what it printed."""
    target = tmp_path_factory.mktemp("courses") / "intro-to-rust"
    done = new_course(target, request.param)
    assert done.returncode == 0, done.stderr
    assert tuple(language_roots(target)) == SPECS[request.param]
    return target, done.stdout


@pytest.fixture(scope="module")
def built(course: tuple[Path, str]) -> Path:
    root, _ = course
    result = build_site(root, root / "site", site_url=URL)
    assert result.ok, result.output
    return root / "site"


def test_the_folder_holds_what_the_readme_promises(course: tuple[Path, str]) -> None:
    root, _ = course
    for path in ("mkdocs.yml", "course.yml", "README.md", "Makefile", "package.json", ".github/workflows/publish.yml",
                 "tests/conftest.py", "tests/test_links.py", "tests/test_accessibility.py", "tests/test_progress.py"):
        assert (root / path).is_file(), path
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme and "@@" not in readme
    assert "coursekit" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_language_has_its_pages(course: tuple[Path, str], built: Path) -> None:
    root, _ = course
    for lang, folder in language_roots(root).items():
        for page in ("index.html", "lessons/01-first-lesson/index.html", "progress/index.html",
                     "achievements/index.html", "review/index.html", "404.html"):
            html = (built / folder / page).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, f"{folder}{page}"
        assert "Intro to Rust" in (built / folder / "index.html").read_text(encoding="utf-8")


def test_no_page_holds_a_word_of_the_diffusion_course(built: Path) -> None:
    found = [f"{path.relative_to(built)}: {match.group(0)}" for path in sorted(built.rglob("*"))
             if path.is_file() and path.suffix in {".html", ".json", ".js", ".css", ".xml", ".svg", ".txt"}
             for match in [DIFFUSION_WORDS.search(path.read_text(encoding="utf-8", errors="replace"))] if match]
    assert not found, "\n".join(found)
    assert not (built / "assets" / "course" / "favicon.svg").exists(), "the diffusion course's favicon"


def test_a_language_without_shipped_strings_gets_an_english_copy_and_one_line(course: tuple[Path, str]) -> None:
    root, stdout = course
    codes = language_roots(root)
    if "ja" in codes:
        strings = (root / "i18n" / "ja.yml").read_text(encoding="utf-8")
        assert 'language_name: "日本語"' in strings and "lesson_of:" in strings
        assert [line for line in stdout.splitlines() if "i18n/ja.yml" in line] == [
            "ja: translate i18n/ja.yml (the UI strings), docs/ja/ and the ja texts of course.yml; they are English "
            "copies for now"]
    else:
        assert not (root / "i18n").exists(), "the generator ships these languages' strings"


def test_a_mistake_in_course_yml_fails_the_build_with_one_line(course: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = course
    path = root / "course.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("name: intro-to-rust", "name: Intro to Rust"), encoding="utf-8")
    try:
        result = build_site(root, tmp_path / "site", site_url=URL)
    finally:
        path.write_text(original, encoding="utf-8")
    assert not result.ok
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if "course.yml" in line]
    assert len(lines) == 1 and "course.name: expected a kebab-case name" in lines[0], result.output


@pytest.mark.parametrize(("args", "message"), [
    (("en,EN",), "LANGUAGES: 'EN' is not a two-letter lowercase language code"),
    (("en,ko,en",), "LANGUAGES: 'en' is listed twice"),
    (("en", "   "), "TITLE: give the course's title"),
    (("en", "서울"), "NAME: '' is not a kebab-case name"),
])
def test_a_wrong_argument_is_one_line_and_writes_nothing(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    target = tmp_path / "서울"  # a folder name with no Latin letters: the title must then give the name
    done = new_course(target, *args)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {done.stderr.strip().removeprefix('error: ')}"]
    assert message in done.stderr
    assert not target.exists()


def test_a_folder_that_holds_files_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = new_course(tmp_path, "en")
    assert done.returncode == 2 and "exists and is not empty" in done.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.whole_site
@pytest.mark.browser
def test_the_new_course_passes_its_own_tests(tmp_path: Path) -> None:
    """What `make test` runs in the new folder (its pytest suite: links, languages, axe, progress in Chromium), with
    this repository's environment standing in for the folder's own .venv and node_modules."""
    target = tmp_path / "intro-to-rust"
    assert new_course(target, "en,ja").returncode == 0
    env = dict(os.environ, AXE_CORE_PATH=str(REPO / "node_modules" / "axe-core" / "axe.min.js"))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=target, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-2000:]


@pytest.mark.parametrize(("languages", "lang", "checked"), [("ko,en", "ko", True), ("en,ja", "ja", False)])
def test_korean_particle_checks_run_only_where_korean_is_listed(tmp_path: Path, languages: str, lang: str,
                                                                 checked: bool) -> None:
    """`$x$을` is wrong in Korean (x reads 엑스, so 를); in a Japanese page the same characters are not checked. A new
    course starts with no rules: the author turns the check on in course.yml."""
    root = tmp_path / "course"
    assert new_course(root, languages).returncode == 0
    with (root / "course.yml").open("a", encoding="utf-8") as course:
        course.write("rules: {korean_particles: fail}\n")
    lesson = root / "docs" / lang / "lessons" / "01-first-lesson.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("## ", "$x$을 본다.\n\n## ", 1), encoding="utf-8")
    result = build_site(root, tmp_path / "site", site_url=URL)
    assert result.ok is not checked, result.output
    if checked:
        assert f"docs/{lang}/lessons/01-first-lesson.md" in result.output and "write '를'" in result.output
