"""Language: each page declares its own language, and Korean text wraps between words on a phone (390 px)."""

from __future__ import annotations

import pytest

from page_survey import PageRecord
from site_languages import LANGUAGES, by_language

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_matches_the_page_s_language(page_records: dict[str, PageRecord], lang: str) -> None:
    wrong = [f"{record.url}: lang={record.measure['lang']!r}" for record in by_language(page_records, lang)
             if record.measure["lang"] != lang]
    wrong += [f"{record.instant_target} (after instant navigation): lang={record.instant_lang!r}"
              for record in by_language(page_records, lang) if record.instant_target and record.instant_lang != lang]
    assert not wrong, "\n".join(wrong)


def test_korean_text_wraps_between_words_on_a_phone(page_records: dict[str, PageRecord]) -> None:
    records = by_language(page_records, "ko")
    assert all(record.measure["innerWidth"] == 390 for record in records)
    assert all(record.measure["hangulElements"] > 0 for record in records), "a Korean page shows no Hangul"
    offenders = [f"{record.url}: {element}" for record in records for element in record.measure["wrapOffenders"]]
    assert not offenders, "Hangul that may break inside a word (word-break is not keep-all):\n" + "\n".join(offenders[:40])
