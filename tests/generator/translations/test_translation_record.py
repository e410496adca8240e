"""The translation record: a source edit makes its translation outdated, whitespace and re-wrapping do not;
`record` is the only writer; `check` lists outdated translations and exits 1.

Whether the repository's own translations are current is not asserted here: an English edit must not fail the
suite (the site still publishes, with the notice); a CI that should insist runs the `check` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.translations.fingerprint import fingerprint, legacy_fingerprint

REPO = Path(__file__).resolve().parents[3]
PARAGRAPH = "The forward process adds a little Gaussian noise\nat every step, and the image fades.\n"
LESSON = ("---\nid: x\nnumber: 2\ntitle: \"Forward\"\nsummary: \"Noise, step by step.\"\ntags: [diffusion]\n"
          "level: beginner\nstatus: draft\n---\n\n" + PARAGRAPH)


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


@pytest.mark.parametrize(("old", "new"), [
    ("tags: [diffusion]", "tags: [diffusion, probability]"),
    ("status: draft", "status: published"),
    ("level: beginner", "level: advanced"),
    ("number: 2", "number: 3"),
])
def test_untranslated_front_matter_does_not_change_the_fingerprint(old: str, new: str) -> None:
    assert fingerprint(LESSON.replace(old, new)) == fingerprint(LESSON)


@pytest.mark.parametrize(("old", "new"), [
    ('title: "Forward"', 'title: "The forward process"'),
    ("summary: \"Noise, step by step.\"", "summary: \"Noise, one step at a time.\""),
    ("little", "lot of"),
])
def test_the_title_summary_and_body_change_the_fingerprint(old: str, new: str) -> None:
    assert fingerprint(LESSON.replace(old, new)) != fingerprint(LESSON)


def test_a_page_without_readable_front_matter_counts_whole() -> None:
    broken = LESSON.replace("tags: [diffusion]", "tags: [diffusion")
    assert fingerprint(broken.replace("status: draft", "status: published")) != fingerprint(broken)


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



def _legacy_record(course: Path) -> Path:
    """A record as written before the fingerprint left out untranslated front matter: whole-file fingerprints."""
    record = course / "translations.yml"
    pages = {"index.md": course / "docs/en/index.md", "lessons/02-x.md": course / "docs/en/lessons/02-x.md"}
    record.write_text("ko:\n" + "".join(f"  {page}: {legacy_fingerprint(path.read_text())}\n"
                                        for page, path in pages.items()))
    return record


def test_an_older_record_stays_valid_and_still_reports_a_changed_source(course: Path) -> None:
    (course / "docs/en/lessons/02-x.md").write_text(LESSON)
    _legacy_record(course)
    assert run(course, "check").returncode == 0
    (course / "docs/en/lessons/02-x.md").write_text(LESSON.replace("little", "lot of"))
    done = run(course, "check")
    assert done.returncode == 1 and done.stdout.startswith("docs/ko/lessons/02-x.md: outdated")


def test_upgrade_rewrites_current_records_only_then_a_tag_edit_keeps_them_current(course: Path) -> None:
    source = course / "docs/en/lessons/02-x.md"
    source.write_text(LESSON)
    record = _legacy_record(course)
    (course / "docs/en/index.md").write_text("# en, edited\n")  # changed since its translation
    done = run(course, "upgrade")
    assert done.returncode == 0 and done.stdout.splitlines() == [
        "upgraded 1 records to the current fingerprint",
        "docs/ko/index.md: kept as recorded, docs/en/index.md changed since it was translated; update it, then run: "
        "python -m coursekit.translations record docs/ko/index.md"]
    assert "lessons/02-x.md: text-sha256:" in record.read_text() and "index.md: sha256:" in record.read_text()
    source.write_text(LESSON.replace("tags: [diffusion]", "tags: [diffusion, probability]"))
    assert run(course, "check").stdout.splitlines() == [
        "docs/ko/index.md: outdated, docs/en/index.md changed since it was translated; update it, then run: "
        "python -m coursekit.translations record docs/ko/index.md"]
