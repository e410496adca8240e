"""Text that a course writes once per language ({en: …, ko: …}), checked against the course's languages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def translated(value: object, where: str, languages: Sequence[str], problems: list[str], *,
               plain: bool = True) -> dict[str, str]:
    """The text in each language; a missing, empty or unknown language adds a problem line naming it.

    `plain` rejects '<' and '>': these texts reach pages and stored progress as text, never as markup.
    """
    example = ", ".join(f"{lang}: …" for lang in languages)
    if not isinstance(value, Mapping):
        problems.append(f"{where}: expected a text in each language, e.g. {{{example}}}")
        return {}
    result: dict[str, str] = {}
    for lang in languages:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}.{lang}: missing or empty; write the text in that language")
        elif plain and ("<" in text or ">" in text):
            problems.append(f"{where}.{lang}: '<' and '>' are not allowed; write plain text")
        else:
            result[lang] = text.strip()
    for extra in sorted(set(map(str, value)) - set(languages)):
        problems.append(f"{where}.{extra}: not one of the site's languages ({', '.join(languages)}); "
                        "remove it or add the language to the coursekit plugin's languages in mkdocs.yml")
    return result
