"""giscus comments: absent by default (see test_pages), one thread per lesson id in both languages when configured."""

from __future__ import annotations

import re
from pathlib import Path

from course_site import build_site, two_lesson_course, write_fixture_course

GISCUS = """
extra:
  giscus:
    repo: example/course
    repo_id: R_abc
    category: Lessons
    category_id: DIC_xyz
"""


def test_configured_comments_share_one_thread_per_lesson_across_languages(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path / "course", two_lesson_course())
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + GISCUS, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(root, site, site_url="http://127.0.0.1:9/diffusion-course/")
    assert result.ok, result.output
    terms = {}
    for lang, prefix in (("en", ""), ("ko", "ko/")):
        html = (site / prefix / "lessons" / "02-second" / "index.html").read_text(encoding="utf-8")
        script = re.search(r'<script src="https://giscus.app/client.js"(.*?)></script>', html, re.DOTALL)
        assert script, f"no giscus on the {lang} lesson"
        attrs = dict(re.findall(r'(data-[\w-]+)="([^"]*)"', script.group(1)))
        assert attrs["data-lang"] == lang and attrs["data-mapping"] == "specific" and attrs["data-repo"] == "example/course"
        terms[lang] = attrs["data-term"]
        assert "giscus" not in (site / prefix / "index.html").read_text(encoding="utf-8")  # lessons only
    assert terms == {"en": "second", "ko": "second"}
