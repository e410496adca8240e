"""The translation record: a source edit makes its translation outdated, whitespace and re-wrapping do not;
`record` is the only writer; `check` lists outdated translations and exits 1.

Whether the repository's own translations are current is not asserted here: an English edit must not fail the
suite (the site still publishes, with the notice); a CI that should insist runs the `check` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.translations.fingerprint import fingerprint

REPO = Path(__file__).resolve().parents[3]
PARAGRAPH = "The forward process adds a little Gaussian noise\nat every step, and the image fades.\n"


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coursekit.translations", "--repo", str(repo), *args],
                          cwd=repo, capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": ""})


@pytest.fixture
def course(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_url: !ENV [SITE_URL, 'http://x/']\nplugins:\n  - coursekit:\n"
                                         "      languages: [en, ko]\n")
    for lang, text in {"en": PARAGRAPH, "ko": "순방향 과정은 스텝마다 노이즈를 조금 더합니다.\n"}.items():
        (tmp_path / "docs" / lang / "lessons").mkdir(parents=True)
        (tmp_path / "docs" / lang / "lessons" / "02-x.md").write_text(text)
        (tmp_path / "docs" / lang / "index.md").write_text(f"# {lang}\n")
    return tmp_path


def test_rewrapping_and_whitespace_keep_the_fingerprint_a_word_changes_it() -> None:
    rewrapped = "The forward process adds a little\nGaussian noise at every step,\n\n  and the image fades.  \n"
    assert fingerprint(rewrapped) == fingerprint(PARAGRAPH)
    assert fingerprint(PARAGRAPH.replace("little", "lot of")) != fingerprint(PARAGRAPH)


def test_check_lists_the_outdated_translation_only_and_record_makes_it_current(course: Path) -> None:
    assert run(course, "record", "--all").returncode == 0
    assert run(course, "check").returncode == 0
    source = course / "docs/en/lessons/02-x.md"
    source.write_text(PARAGRAPH.replace("\nat", " at").replace(".\n", ".\n\n"))  # re-wrapped: still current
    assert run(course, "check").returncode == 0
    source.write_text(PARAGRAPH.replace("little", "lot of"))
    done = run(course, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "docs/ko/lessons/02-x.md: outdated, docs/en/lessons/02-x.md changed since it was translated; update it, "
        "then run: python -m coursekit.translations record docs/ko/lessons/02-x.md"]
    assert run(course, "record", "docs/ko/lessons/02-x.md").returncode == 0
    assert run(course, "check").returncode == 0


def test_a_translation_never_recorded_is_listed(course: Path) -> None:
    run(course, "record", "docs/ko/index.md")
    done = run(course, "check")
    assert done.returncode == 1 and "docs/ko/lessons/02-x.md: no record of the docs/en/lessons/02-x.md version" in done.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (("record", "docs/en/lessons/02-x.md"), "docs/en/lessons/02-x.md: not a translated page; give a file under docs/ko/"),
    (("record", "docs/ko/lessons/03-y.md"), "docs/ko/lessons/03-y.md: no such file; give the path of a translated page"),
])
def test_a_wrong_argument_is_one_line_without_traceback(course: Path, args, expected: str) -> None:
    done = run(course, *args)
    assert done.returncode == 2 and done.stderr.startswith(expected) and len(done.stderr.splitlines()) == 1


def test_a_hand_edited_record_is_refused_with_the_command_to_run(course: Path) -> None:
    run(course, "record", "--all")
    record = course / "translations.yml"
    record.write_text(record.read_text().replace("sha256:", "sha256:x", 1))
    done = run(course, "check")
    assert done.returncode == 2
    assert done.stderr.startswith("translations.yml: ko.index.md: not a fingerprint written by the record command")

