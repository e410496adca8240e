"""Metadata: every page has a title, a meta description (a lesson's is its summary), a canonical link and hreflang
links to itself in each language (written rel=" alternate" on purpose, so rel is read as a token list)."""

from __future__ import annotations

import re

import pytest
import yaml

from coursekit.page.summary import summary_plain
from coursekit.testing.crawl import is_missing_page_url
from course_site import REPO
from page_survey import PageRecord
from site_languages import LANGUAGES, by_language

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def lesson_summaries(lang: str) -> dict[str, str]:
    """Lesson URL path under the language root -> summary from its front matter, its $…$ as plain text."""
    summaries = {}
    for path in sorted((REPO / "docs" / lang / "lessons").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        summaries[f"lessons/{path.stem}/"] = summary_plain(meta["summary"])
    return summaries


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_a_title_and_a_description_in_its_language(page_records: dict[str, PageRecord], lang: str) -> None:
    problems = []
    for record in by_language(page_records, lang):
        title, description = record.measure["title"].strip(), (record.measure["description"] or "").strip()
        if not title:
            problems.append(f"{record.url}: no <title>")
        if len(description) < 20:
            problems.append(f"{record.url}: meta description missing or too short: {description!r}")
        if lang == "ko" and not (HANGUL.search(title) and HANGUL.search(description)):
            problems.append(f"{record.url}: title/description not in Korean: {title!r} / {description!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_lesson_s_description_is_its_summary(page_records: dict[str, PageRecord], site_server: str, lang: str) -> None:
    summaries = lesson_summaries(lang)
    records = {record.url: record for record in by_language(page_records, lang)}
    lessons = {site_server + LANGUAGES[lang] + path: summary for path, summary in summaries.items()}
    assert set(lessons) <= set(records), "some lessons were not visited"
    wrong = [f"{url}: {records[url].measure['description']!r} != {summary!r}"
             for url, summary in lessons.items() if records[url].measure["description"] != summary]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_canonical_and_hreflang_links_to_itself(page_records: dict[str, PageRecord], site_server: str,
                                                              lang: str) -> None:
    problems = []
    for record in by_language(page_records, lang):
        hreflang = record.measure["hreflang"]
        if set(hreflang) != {*LANGUAGES, "x-default"}:
            problems.append(f"{record.url}: hreflang for {sorted(hreflang)}")
            continue
        if any(not href.startswith(site_server) for href in hreflang.values()):
            problems.append(f"{record.url}: hreflang outside the site: {hreflang}")
        if hreflang["x-default"] != hreflang["en"]:
            problems.append(f"{record.url}: x-default {hreflang['x-default']} is not the English page")
        if is_missing_page_url(record.url):
            continue  # a 404 answer has no address of its own to declare; its hreflang links point at the homes
        if record.measure["canonical"] != record.url:
            problems.append(f"{record.url}: canonical is {record.measure['canonical']!r}")
        if hreflang[lang] != record.url:
            problems.append(f"{record.url}: hreflang {lang} is {hreflang[lang]}")
    assert not problems, "\n".join(problems)
