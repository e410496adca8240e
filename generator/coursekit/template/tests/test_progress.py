"""Progress: a reader who marks a lesson complete sees it done, after a reload and in every language."""

from pathlib import Path

from coursekit.testing.languages import language_roots
from coursekit.testing.progress_check import completion_problems
from coursekit.testing.site_checks import read_manifest

LANGUAGES = language_roots(Path(__file__).resolve().parents[1])


def test_completing_a_lesson_shows_it_done_in_every_language(page, built_site, site_server):
    lesson = read_manifest(built_site)["lessons"][0]["path"]
    urls = {lang: site_server + root + lesson for lang, root in LANGUAGES.items()}
    assert completion_problems(page, urls) == []
