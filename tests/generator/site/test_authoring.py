"""Authors' tools: `make lesson` and `make series` write valid drafts, and `make serve` serves every language with
live rebuilds (the language menu works locally)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from coursekit.testing.server import free_port
from course_site import REPO, build_site, lesson_text, two_lesson_course, write_fixture_course


def author(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coursekit.authoring", "--root", str(root), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


def test_a_new_series_and_its_first_lesson_are_valid_drafts_in_every_language(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path, two_lesson_course())
    made = author(root, "new-series", "foundations", "--title", "Foundations")
    assert made.returncode == 0, made.stderr
    first = author(root, "new-lesson", "foundations", "gaussians", "--title", "Gaussians")
    second = author(root, "new-lesson", "foundations", "bayes-rule")
    more = author(root, "new-lesson", "main", "third")
    assert (first.returncode, second.returncode, more.returncode) == (0, 0, 0), first.stderr + second.stderr + more.stderr
    for lang in ("en", "ko"):
        assert (root / "docs" / lang / "foundations" / "01-gaussians.md").is_file()
        assert (root / "docs" / lang / "foundations" / "02-bayes-rule.md").is_file()
        assert (root / "docs" / lang / "lessons" / "03-third.md").is_file()  # next free number in its own series
    assert "status: draft" in (root / "docs/ko/foundations/01-gaussians.md").read_text(encoding="utf-8")
    assert '!!! takeaways "Key takeaways ko"' in (root / "docs/ko/foundations/01-gaussians.md").read_text(encoding="utf-8")
    result = build_site(root, tmp_path / "site", site_url="http://127.0.0.1:8000/")
    assert result.ok, result.output  # strict: the drafts and the new series are valid
    assert not (tmp_path / "site" / "foundations").exists()  # drafts stay out of a production build


@pytest.mark.parametrize(("args", "message"), [
    (("new-lesson", "nope", "x"), "error: series 'nope' is not in course.yml; use one of main"),
    (("new-lesson", "main", "first"), "error: id 'first' is already used by a lesson; choose another slug"),
    (("new-lesson", "main", "Not Kebab"), "error: slug 'Not Kebab': use kebab-case"),
    (("new-series", "main"), "error: series id 'main' is taken; choose another"),
    (("new-lesson", "main", "x", "--tag", "diffusion,cooking"),
     "error: tag 'cooking' is not defined under tags: in course.yml; use one of diffusion, probability"),
])
def test_a_mistake_is_one_line_and_writes_nothing(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    root = write_fixture_course(tmp_path, two_lesson_course())
    before = sorted(str(p) for p in root.rglob("*")), (root / "course.yml").read_text(encoding="utf-8")
    done = author(root, *args)
    assert done.returncode == 2
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1, done.stderr
    assert (sorted(str(p) for p in root.rglob("*")), (root / "course.yml").read_text(encoding="utf-8")) == before


def test_make_lesson_passes_tag_on(tmp_path: Path) -> None:
    """The Makefile's own command line, run on a fixture course: TAG= reaches the draft's front matter."""
    root = write_fixture_course(tmp_path, two_lesson_course())
    planned = subprocess.run(["make", "-n", "lesson", "SERIES=main", "SLUG=third", "TAG=probability,diffusion"],
                             cwd=REPO, capture_output=True, text=True, timeout=60)
    [command] = [line for line in planned.stdout.splitlines() if "coursekit.authoring" in line]
    command = command.replace("coursekit.authoring", f"coursekit.authoring --root '{root}'", 1)
    done = subprocess.run(["bash", "-c", command], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for lang in ("en", "ko"):
        text = (root / "docs" / lang / "lessons" / "03-third.md").read_text(encoding="utf-8")
        assert "\ntags: [probability, diffusion]\n" in text


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:  # not listening yet
        return 0, ""


def wait_for(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = write_fixture_course(tmp_path, two_lesson_course())
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        if not wait_for(lambda: fetch(url + "ko/")[0] == 200, 60):
            server.kill()
            pytest.fail(server.communicate()[1][-3000:])
        yield root, url
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_serves_every_language_and_rebuilds_on_an_edit_in_either(served: tuple[Path, str]) -> None:
    root, url = served
    status, english = fetch(url + "lessons/02-second/")
    assert status == 200 and '<html lang="en"' in english
    status, korean = fetch(url + "ko/lessons/02-second/")
    assert status == 200 and '<html lang="ko"' in korean
    assert 'href="../../ko/lessons/02-second/" hreflang="ko"' in english  # the language menu leads to a real page
    (root / "docs/ko/lessons/02-second.md").write_text(
        lesson_text(id="second", number=2, title="고친 제목", lang="ko"), encoding="utf-8")
    assert wait_for(lambda: "고친 제목" in fetch(url + "ko/lessons/02-second/")[1], 60)
