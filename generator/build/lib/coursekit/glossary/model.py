"""Read and validate glossary.yml. Every problem is one line naming the file, the key and the fix."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coursekit.yaml_loading import load_yaml

FILE_NAME = "glossary.yml"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TEXT_KEYS = {"term", "avoid", "definition", "also"}


class GlossaryError(ValueError):
    """glossary.yml is malformed; str() is one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class TermText:
    term: str
    definition: str
    avoid: tuple[str, ...] = ()
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    lesson: str
    text: Mapping[str, TermText]  # language -> wording


@dataclass(frozen=True)
class Symbol:
    symbol: str  # TeX
    lesson: str
    meaning: Mapping[str, str]  # language -> one line


@dataclass(frozen=True)
class Glossary:
    languages: tuple[str, ...]
    terms: tuple[Term, ...]
    notation: tuple[Symbol, ...]


def load(path: Path, languages: tuple[str, ...], lesson_ids: Collection[str] | None = None) -> Glossary:
    """Read and check glossary.yml; raise GlossaryError with one line per problem.

    `lesson_ids`, when given, are the lessons a term or symbol may name as the one that introduces it.
    """
    name = path.name
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GlossaryError([f"{name}: cannot be read ({error.strerror}); create it at the repository root"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise GlossaryError([f"{name}: not valid YAML{where}; check the indentation and quote values with ':'"]) from None
    return parse(raw, languages, lesson_ids, name=name)


def parse(raw: Any, languages: tuple[str, ...], lesson_ids: Collection[str] | None = None, *,
          name: str = FILE_NAME) -> Glossary:
    problems: list[str] = []
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise GlossaryError([f"{name}: expected a mapping with a 'terms:' list and a 'notation:' list"])
    for key in sorted(set(raw) - {"terms", "notation"}):
        problems.append(f"{name}: {key}: unknown section; only 'terms' and 'notation' are read")
    terms = [_term(entry, i, languages, lesson_ids, name, problems) for i, entry in enumerate(raw["terms"])]
    notation_raw = raw.get("notation") or []
    if not isinstance(notation_raw, list):
        problems.append(f"{name}: notation: expected a list of {{symbol, lesson, {', '.join(languages)}}}")
        notation_raw = []
    notation = [_symbol(entry, i, languages, lesson_ids, name, problems) for i, entry in enumerate(notation_raw)]
    _check_ids_and_variants([t for t in terms if t], languages, name, problems)
    if problems:
        raise GlossaryError(problems)
    return Glossary(tuple(languages), tuple(t for t in terms if t), tuple(s for s in notation if s))


def _line(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != "" and "\n" not in value.strip()


def _lesson(entry: dict[str, Any], key: str, lesson_ids: Collection[str] | None, name: str,
            problems: list[str]) -> str:
    lesson = entry.get("lesson")
    if not isinstance(lesson, str) or not lesson:
        problems.append(f"{name}: {key}.lesson: missing; give the id of the lesson that introduces it")
        return ""
    if lesson_ids is not None and lesson not in lesson_ids:
        known = ", ".join(sorted(lesson_ids)[:3])
        problems.append(f"{name}: {key}.lesson: '{lesson}' is not a lesson id; use a lesson's front-matter id "
                        f"(e.g. {known})")
    return lesson


def _unknown_keys(entry: dict[str, Any], own: str, key: str, languages: tuple[str, ...], name: str,
                  problems: list[str]) -> None:
    """A term (own key: id) and a symbol (own key: symbol) take that key, lesson and one key per language."""
    for extra in sorted(set(entry) - {own, "lesson"} - set(languages)):
        problems.append(f"{name}: {key}.{extra}: unknown key; use {own}, lesson, or a language of the course "
                        f"({', '.join(languages)})")


def _strings(value: Any, key: str, name: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(_line(v) for v in value):
        problems.append(f"{name}: {key}: expected a list of one-line strings, e.g. [신경망]")
        return ()
    return tuple(v.strip() for v in value)


def _term(entry: Any, i: int, languages: tuple[str, ...], lesson_ids: Collection[str] | None, name: str,
          problems: list[str]) -> Term | None:
    key = f"terms[{i}]"
    if not isinstance(entry, dict):
        problems.append(f"{name}: {key}: expected a mapping with id, lesson and one entry per language")
        return None
    term_id = entry.get("id")
    if isinstance(term_id, str) and _ID.match(term_id):
        key = f"terms[{i}] ({term_id})"
    else:
        problems.append(f"{name}: {key}.id: expected a kebab-case id such as 'noise-schedule'")
        term_id = ""
    _unknown_keys(entry, "id", key, languages, name, problems)
    lesson = _lesson(entry, key, lesson_ids, name, problems)
    text: dict[str, TermText] = {}
    for lang in languages:
        wording = entry.get(lang)
        if not isinstance(wording, dict):
            problems.append(f"{name}: {key}.{lang}: missing; add {{term: …, definition: …}} in {lang}")
            continue
        for extra in sorted(set(wording) - _TEXT_KEYS):
            problems.append(f"{name}: {key}.{lang}.{extra}: unknown key; use term, avoid, definition or also")
        if not _line(wording.get("term")):
            problems.append(f"{name}: {key}.{lang}.term: missing; write the preferred wording in {lang}")
        if not _line(wording.get("definition")):
            problems.append(f"{name}: {key}.{lang}.definition: expected one line; write a one-line definition "
                            f"in {lang}")
        text[lang] = TermText(
            term=str(wording.get("term") or "").strip(),
            definition=str(wording.get("definition") or "").strip(),
            avoid=_strings(wording.get("avoid"), f"{key}.{lang}.avoid", name, problems),
            also=_strings(wording.get("also"), f"{key}.{lang}.also", name, problems),
        )
    return Term(term_id, lesson, text)


def _symbol(entry: Any, i: int, languages: tuple[str, ...], lesson_ids: Collection[str] | None, name: str,
            problems: list[str]) -> Symbol | None:
    key = f"notation[{i}]"
    if not isinstance(entry, dict) or not _line(entry.get("symbol")):
        problems.append(f"{name}: {key}.symbol: missing; write the symbol in TeX as the lessons do, e.g. x_t")
        return None
    key = f"notation[{i}] ({entry['symbol']})"
    _unknown_keys(entry, "symbol", key, languages, name, problems)
    lesson = _lesson(entry, key, lesson_ids, name, problems)
    meaning: dict[str, str] = {}
    for lang in languages:
        if not _line(entry.get(lang)):
            problems.append(f"{name}: {key}.{lang}: missing; write the symbol's meaning in {lang} on one line")
        meaning[lang] = str(entry.get(lang) or "").strip()
    return Symbol(str(entry["symbol"]).strip(), lesson, meaning)


def _check_ids_and_variants(terms: list[Term], languages: tuple[str, ...], name: str, problems: list[str]) -> None:
    seen: set[str] = set()
    for term in terms:
        if term.id and term.id in seen:
            problems.append(f"{name}: terms ({term.id}).id: used twice; give each term its own id")
        seen.add(term.id)
    for lang in languages:
        preferred = {t.text[lang].term: t.id for t in terms if lang in t.text}
        for term in terms:
            for variant in term.text.get(lang, TermText("", "")).avoid:
                if variant in preferred:
                    problems.append(f"{name}: terms ({term.id}).{lang}.avoid: '{variant}' is the preferred term of "
                                    f"'{preferred[variant]}'; remove it from one of the two")
