"""Every UI string exists in both languages."""

from build_hooks.i18n import LANGUAGES, key_paths, load_strings


def test_every_key_exists_in_every_language() -> None:
    keys = {lang: key_paths(load_strings(lang)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        missing = keys["en"] - keys[lang]
        extra = keys[lang] - keys["en"]
        assert not missing and not extra, f"{lang}.yml: missing {sorted(missing)}, unexpected {sorted(extra)}"


def test_no_string_is_left_empty() -> None:
    def leaves(data, prefix=""):
        for key, value in data.items():
            if isinstance(value, dict):
                yield from leaves(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    for lang in LANGUAGES:
        empty = [key for key, value in leaves(load_strings(lang)) if value in (None, "")]
        assert not empty, f"{lang}.yml has empty strings: {empty}"
