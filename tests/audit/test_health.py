"""Health: no page throws or logs an error (on load and after an instant-navigation click), none overflows a phone."""

from __future__ import annotations

import pytest

from page_survey import PageRecord
from site_languages import LANGUAGES, by_language

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_throws_or_logs_an_error_when_loaded(page_records: dict[str, PageRecord], lang: str) -> None:
    problems = [f"{record.url}: {message}" for record in by_language(page_records, lang)
                for message in record.page_errors + record.console_errors]
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_instant_navigation_to_every_page_is_clean(page_records: dict[str, PageRecord], lang: str) -> None:
    pages = [record for record in by_language(page_records, lang) if record.status == 200]
    no_link = [record.url for record in pages if not record.instant_target]
    assert not no_link, "no link to the next page of the site was found on:\n" + "\n".join(no_link)
    not_instant = [f"{record.url} -> {record.instant_target}" for record in pages if not record.instant_was_instant]
    assert not not_instant, "these clicks reloaded the page instead of navigating instantly:\n" + "\n".join(not_instant)
    problems = [f"{record.url} -> {record.instant_target}: {message}" for record in pages
                for message in record.instant_page_errors + record.instant_console_errors]
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(page_records: dict[str, PageRecord], lang: str) -> None:
    wide = [f"{record.url}: scrollWidth {record.measure['scrollWidth']} > {record.measure['innerWidth']} "
            f"(widest: {record.measure['wideElements']})"
            for record in by_language(page_records, lang)
            if record.measure["scrollWidth"] > record.measure["innerWidth"]]
    assert not wide, "\n".join(wide)
