"""Drafts: visible with a badge while an author serves the site, absent from the production build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from coursekit.testing.server import free_port
from course_site import build_site, lesson_text, two_lesson_course, write_fixture_course

URL = "http://127.0.0.1:9/diffusion-course/"


@pytest.fixture
def course_with_draft(tmp_path: Path) -> Path:
    lessons = two_lesson_course()
    for lang in ("en", "ko"):
        lessons[lang]["03-unfinished.md"] = lesson_text(
            id="unfinished", number=3, title=f"Unfinished {lang}", lang=lang, status="draft", body="Notes so far.\n")
    return write_fixture_course(tmp_path / "course", lessons)


def test_production_build_leaves_drafts_out_everywhere(course_with_draft: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(course_with_draft, site, site_url=URL)
    assert result.ok, result.output
    for root in (site, site / "ko"):
        assert not (root / "lessons" / "03-unfinished").exists()
        home = (root / "index.html").read_text(encoding="utf-8")
        assert "Unfinished" not in home and "03-unfinished" not in home  # neither nav nor home list
        assert "03-unfinished" not in (root / "sitemap.xml").read_text(encoding="utf-8")
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert not [doc for doc in index["docs"] if "03-unfinished" in doc["location"]]
        lesson = (root / "lessons" / "02-second" / "index.html").read_text(encoding="utf-8")
        assert "Lesson 02 of 2" in lesson or "2강 / 전체 2강" in lesson  # counts come from published lessons only


def test_serve_shows_drafts_with_a_badge(course_with_draft: Path) -> None:
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}", "-f",
         str(course_with_draft / "mkdocs.yml")],
        cwd=course_with_draft, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        html = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lessons/03-unfinished/", timeout=2) as response:
                    html = response.read().decode("utf-8")
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        assert html, server.stdout.read() if server.poll() is not None else "mkdocs serve did not answer"
        assert 'lesson-badge--draft">Draft<' in html
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            home = response.read().decode("utf-8")
        assert "Unfinished en" in home and "lesson-badge--draft" in home
    finally:
        server.terminate()
        server.wait(timeout=20)
