r"""The site's languages, as listed under `plugins: - coursekit: languages:` in mkdocs.yml (the first is the primary one).

An entry is a language code, or a mapping with the code and optional settings:

    languages:
      - en
      - code: ko
        words_per_minute: 215        # Latin-script words in Korean text (two syllables' worth each)
        characters_per_minute: 430   # Hangul syllables, kana and CJK ideographs
        search_lang: ko              # lunr language for Material's search (default: the code)
        search_separator: '[\s\-]+'  # Material's search tokenizer (default: Material's for the language)

Reading-time defaults (`DEFAULT_WORDS_PER_MINUTE`, `DEFAULT_CHARACTERS_PER_MINUTE`) are the rates this course
calibrated for English prose and for Korean text (README, "Reading time").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

SOURCE = "mkdocs.yml"
WHERE = f"{SOURCE}: plugins.coursekit.languages"
DEFAULT_WORDS_PER_MINUTE = 200
DEFAULT_CHARACTERS_PER_MINUTE = 430
# Two lowercase letters: the code names a docs folder, a URL segment and a key in stored progress.
_CODE = re.compile(r"^[a-z]{2}$")
_KEYS = ("code", "words_per_minute", "characters_per_minute", "search_lang", "search_separator")


@dataclass(frozen=True)
class Language:
    code: str
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE
    characters_per_minute: int = DEFAULT_CHARACTERS_PER_MINUTE
    search_lang: str = ""
    search_separator: str | None = None

    @property
    def search(self) -> str:
        return self.search_lang or self.code


def _entry(raw: object, index: int, problems: list[str]) -> Language | None:
    where = f"{WHERE}[{index}]"
    if isinstance(raw, str):
        raw = {"code": raw}
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: expected a language code such as 'en', or a mapping with 'code:'")
        return None
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        problems.append(f"{where}.code: expected a two-letter lowercase language code such as 'en', got {code!r}")
        return None
    for key in sorted(set(map(str, raw)) - set(_KEYS)):
        problems.append(f"{where}.{key}: unknown setting; use {', '.join(_KEYS)}")
    rates = {}
    for key, default in (("words_per_minute", DEFAULT_WORDS_PER_MINUTE),
                         ("characters_per_minute", DEFAULT_CHARACTERS_PER_MINUTE)):
        value = raw.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 20 <= value <= 2000:
            problems.append(f"{where}.{key}: expected a whole number from 20 to 2000, got {value!r}")
            value = default
        rates[key] = value
    texts = {}
    for key in ("search_lang", "search_separator"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, str) or not value):
            problems.append(f"{where}.{key}: expected a non-empty string, or leave it out")
            value = None
        texts[key] = value
    return Language(code=code, search_lang=texts["search_lang"] or "", search_separator=texts["search_separator"],
                    **rates)


def read_languages(settings: object, theme_language: object, problems: list[str]) -> tuple[Language, ...]:
    """`settings` is the coursekit plugin's settings in mkdocs.yml; the first language must be `theme.language`
    (the root build's)."""
    raw = settings.get("languages") if isinstance(settings, Mapping) else None
    if raw is None:
        problems.append(f"{WHERE}: missing; list the site's languages, the primary one first, e.g. [en, ko]")
        return ()
    if not isinstance(raw, list) or not raw:
        problems.append(f"{WHERE}: expected a list such as [en, ko] (one entry per language, the primary one first), "
                        f"got {raw!r}")
        return ()
    languages = [lang for index, entry in enumerate(raw) if (lang := _entry(entry, index, problems))]
    seen: set[str] = set()
    for index, lang in enumerate(languages):
        if lang.code in seen:
            problems.append(f"{WHERE}[{index}]: '{lang.code}' is listed twice; list each language once")
        seen.add(lang.code)
    if languages and theme_language != languages[0].code:
        listed = ", ".join(lang.code for lang in languages)
        fix = (f"set theme.language to '{languages[0].code}' (the first listed language builds the site root)"
               if theme_language in seen else f"use one of {listed}, the first one for the site root")
        problems.append(f"{SOURCE}: theme.language: {theme_language!r} is not the site's primary language; {fix}")
    return tuple(languages)
