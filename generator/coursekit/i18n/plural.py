"""Plural forms of UI strings: "1 exercise", "2 exercises".

A string with a count may be a mapping of CLDR plural categories instead of one text, in any language's file:

    change_exercises: {one: "{n} exercise", other: "{n} exercises"}

`other` is required; a language lists only the categories it has (Korean has only `other`, so its file may keep a
plain string). Which placeholder's number picks the form is fixed per key (COUNTED), so neither the strings
files nor the callers name it. The browser picks with Intl.PluralRules (theme/assets/course/progress/dom.js,
which reads COUNTED from the manifest); the build picks with Babel's CLDR data, the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError

CATEGORIES = ("zero", "one", "two", "few", "many", "other")

# section -> key -> the placeholder whose number picks the plural form. Only these keys may have plural forms.
COUNTED: dict[str, dict[str, str]] = {
    "site": {"minutes": "minutes"},
    "progress": {
        "lessons": "total",
        "achievements": "total",
        "change_lessons": "n",
        "change_exercises": "n",
        "change_visits": "n",
        "change_days": "n",
        "change_answers": "n",
        "mastery_new": "total",
        "due": "n",
        "review_count": "n",
    },
}


def is_counted(path: str) -> bool:
    """Whether a dotted key ('progress.change_days') is a string with a count, which may have plural forms."""
    section, _, key = path.partition(".")
    return key in COUNTED.get(section, {})


def is_plural(value: Any) -> bool:
    """A mapping of plural categories, rather than a section of strings."""
    return isinstance(value, Mapping) and bool(value) and all(key in CATEGORIES for key in value)


@lru_cache(maxsize=32)
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def categories(lang: str) -> frozenset[str]:
    """The plural categories `lang` uses (CLDR); every category for a language CLDR does not know."""
    locale = _locale(lang)
    return frozenset(locale.plural_form.tags | {"other"}) if locale else frozenset(CATEGORIES)


def category(lang: str, count: float) -> str:
    locale = _locale(lang)
    return locale.plural_form(count) if locale else "other"


def choose(value: str | Mapping[str, str], count: float, lang: str) -> str:
    """The text for `count`: a plain string as it is, else the form of count's category (or `other`)."""
    if not is_plural(value):
        return value  # type: ignore[return-value]
    return value.get(category(lang, count), value["other"])  # type: ignore[union-attr]


def problems(section: str, key: str, value: Mapping[str, Any]) -> list[str]:
    """What is wrong with a mapping given for one string, as 'section.key: …' lines without the file name. A form
    the language never uses (English's `one` in a copied Japanese file) is harmless: it is never picked."""
    where = f"{section}.{key}"
    if key not in COUNTED.get(section, {}):
        return [f"{where}: plural forms are only for strings with a count ({', '.join(_counted_keys())}); "
                "write one text"]
    unknown = [str(name) for name in value if name not in CATEGORIES]
    if unknown:
        return [f"{where}: {', '.join(repr(name) for name in unknown)} is not a plural category; use "
                f"{', '.join(CATEGORIES)}"]
    return [] if "other" in value else [f"{where}: plural forms need 'other' (the form for any number)"]


def _counted_keys() -> list[str]:
    return [f"{section}.{key}" for section, keys in COUNTED.items() for key in keys]
