"""Markdown brought in from elsewhere builds as readers expect: GitHub alerts are admonitions in the page's
language, images in docs/images/ are shared by every language under a sub-path, and an unknown alert type or a
lesson's own `# Title` is one warning line naming the file and line."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from coursekit.mkdocs.shared import shared_files
from course_site import build_site, lesson_text, two_lesson_course, write_fixture_course

URL = "http://127.0.0.1:9/sub-path/"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")  # enough to be a file

ALERT_BODY = """\
Some prose.

> [!WARNING]
> Keep $\\bar\\alpha_t$ below one.
>
> - first point
>   - a nested point

![A shared picture](../images/diagram.png)

## A section

Prose.
"""


def _course(tmp_path: Path, body_en: str, body_ko: str) -> Path:
    """The two-lesson course with lesson 1's body replaced (its closing blocks kept) and docs/images/diagram.png."""
    lessons = two_lesson_course()
    for lang, body in {"en": body_en, "ko": body_ko}.items():
        default = lesson_text(id="first", number=1, title=f"First {lang}", lang=lang)
        closing = default[default.index("!!! takeaways"):]
        lessons[lang]["01-first.md"] = lesson_text(id="first", number=1, title=f"First {lang}", lang=lang,
                                                   body=f"{body}\n{closing}")
    root = write_fixture_course(tmp_path / "course", lessons, content=())
    (root / "docs" / "images").mkdir()
    (root / "docs" / "images" / "diagram.png").write_bytes(PNG)
    return root


def test_alerts_and_shared_images_pass_a_strict_build_in_both_languages(tmp_path: Path) -> None:
    root = _course(tmp_path, ALERT_BODY, ALERT_BODY.replace("Some prose.", "본문입니다."))
    result = build_site(root, tmp_path / "site", site_url=URL)
    assert result.ok, result.output
    for lang_root, title in (("", "Warning"), ("ko/", "경고")):
        page = tmp_path / "site" / lang_root / "lessons/01-first/index.html"
        html = page.read_text(encoding="utf-8")
        admonition = re.search(r'<div class="admonition warning">(.*?)</div>', html, re.DOTALL)
        assert admonition, f"no admonition on {page}"
        assert f'<p class="admonition-title">{title}</p>' in admonition[1]
        assert "<math" in admonition[1] and "a nested point" in admonition[1]
        # The image resolves, from the page's own URL under the sub-path, to a file the build wrote.
        src = re.search(r'<img alt="A shared picture" src="([^"]+)"', html)[1]
        target = urlsplit(urljoin(f"{URL}{lang_root}lessons/01-first/", src)).path
        assert target == f"/sub-path/{lang_root}images/diagram.png"
        assert (tmp_path / "site" / target.removeprefix("/sub-path/")).read_bytes() == PNG


def test_a_language_own_image_wins_over_the_shared_one(tmp_path: Path) -> None:
    root = _course(tmp_path, ALERT_BODY, ALERT_BODY)
    (root / "docs" / "ko" / "images").mkdir()
    (root / "docs" / "ko" / "images" / "diagram.png").write_bytes(PNG + b"ko")
    assert build_site(root, tmp_path / "site", site_url=URL).ok
    assert (tmp_path / "site" / "ko" / "images" / "diagram.png").read_bytes() == PNG + b"ko"
    assert (tmp_path / "site" / "images" / "diagram.png").read_bytes() == PNG


def test_an_unknown_alert_and_a_body_title_are_one_line_each_naming_file_and_line(tmp_path: Path) -> None:
    body = "# First, as on GitHub\n\nText.\n\n> [!DANGER]\n> Hot.\n\n```md\n# a title shown as code\n```\n"
    root = _course(tmp_path, body, "본문입니다.\n")
    strict = build_site(root, tmp_path / "site", site_url=URL)
    assert not strict.ok
    relaxed = build_site(root, tmp_path / "site", site_url=URL, strict=False)
    assert relaxed.ok
    warnings = [line for line in relaxed.output.splitlines() if "docs/en/lessons/01-first.md:" in line]
    # The front matter takes 9 lines and a blank one, so the body starts on line 11.
    assert [re.sub(r"^.*?(docs/)", r"\1", line) for line in warnings] == [
        "docs/en/lessons/01-first.md:11: '# First, as on GitHub' is a page title in the body, but the lesson's "
        "header shows its front matter 'title:'; remove the line (move its wording to 'title:'), or make it "
        "'## …' for a section",
        "docs/en/lessons/01-first.md:15: unknown GitHub alert [!DANGER]; use one of [!NOTE], [!TIP], "
        "[!IMPORTANT], [!WARNING], [!CAUTION], or write a Material admonition (!!! note)"]


def test_only_files_beside_the_languages_are_shared_and_pages_are_not(tmp_path: Path) -> None:
    for name in ("en/lessons/a.png", "ko/b.png", "images/x.png", "images/sub/y.svg", "images/notes.md",
                 ".git/config", "images/.DS_Store", "README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert [uri for uri, _ in shared_files(tmp_path, ("en", "ko"))] == ["images/sub/y.svg", "images/x.png"]
