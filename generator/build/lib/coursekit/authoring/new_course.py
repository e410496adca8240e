"""`coursekit new-course DIR --languages en,ja --title "…"`: a standalone course folder from the template
(coursekit/template/), ready for `make serve`, `make build` and `make test`.

Everything is composed in memory first and written only when nothing is wrong, so a mistake writes nothing. Pages and
course.yml texts exist in the template for some languages (template/text/<lang>.yml, template/docs/<lang>/); another
language gets the English ones to translate, and, when the generator ships no UI strings for it, an English copy of
them in i18n/<lang>.yml.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import coursekit
from coursekit.i18n import REFERENCE, shipped_languages
from coursekit.yaml_loading import load_yaml

TEMPLATE = Path(__file__).resolve().parents[1] / "template"
# Where the generator is published; a new course's publish workflow installs it from here (overridable there).
GENERATOR_URL = "git+https://github.com/diffusion-course/diffusion-course#subdirectory=generator"
# Template paths that hold their files under a name packaging tools skip or treat specially.
RENAMED = {"github/": ".github/", "gitignore": ".gitignore"}
TEXT_DIR = "text/"  # course.yml's texts per language: read here, never copied
_CODE = re.compile(r"^[a-z]{2}$")
# Korean search: Material's Korean settings keep brackets and quotes on tokens, so "이름(name)을" would match
# nothing; splitting at punctuation too makes each part a word, and a dot splits only when no digit follows.
_KOREAN = {"words_per_minute": 215, "characters_per_minute": 430,
           "search_separator": "'[\\s\\-,:;!?=()\\[\\]{}<>/|\"“”‘’«»「」『』·…]+|\\.(?!\\d)|&[lg]t;'"}


class NewCourseError(Exception):
    """A mistake in the command's arguments: one line, nothing written."""


@dataclass
class Plan:
    files: dict[str, str] = field(default_factory=dict)  # path in the new folder -> text
    notes: list[str] = field(default_factory=list)  # one line each, for the author


def parse_languages(raw: str) -> list[str]:
    codes = [code.strip() for code in raw.split(",") if code.strip()]
    if not codes:
        raise NewCourseError("LANGUAGES: give one or more two-letter codes, the primary first, e.g. LANGUAGES=en,ko")
    for code in codes:
        if not _CODE.match(code):
            raise NewCourseError(f"LANGUAGES: {code!r} is not a two-letter lowercase language code such as en or ja")
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise NewCourseError(f"LANGUAGES: {twice[0]!r} is listed twice; list each language once")
    return codes


def kebab(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def course_name(title: str, folder: Path, name: str | None) -> str:
    """The course's kebab-case name (it prefixes the keys kept in readers' browsers): given, or from the title, or
    from the folder when the title has no Latin letters or digits."""
    chosen = name if name is not None else (kebab(title) or kebab(folder.name))
    if not re.match(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", chosen or ""):
        raise NewCourseError(f"NAME: {chosen!r} is not a kebab-case name such as intro-to-rust; give NAME=…")
    return chosen


def generator_source() -> str:
    """The folder holding the generator's pyproject.toml when it runs from a checkout, else its git URL."""
    folder = Path(coursekit.__file__).resolve().parents[1]
    return str(folder) if (folder / "pyproject.toml").is_file() else GENERATOR_URL


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _text(lang: str) -> dict:
    path = TEMPLATE / TEXT_DIR / f"{lang}.yml"
    return load_yaml((path if path.is_file() else TEMPLATE / TEXT_DIR / "en.yml").read_text(encoding="utf-8"))


def _by_language(codes: list[str], pick) -> str:
    return "{" + ", ".join(f"{lang}: {_quoted(pick(_text(lang)))}" for lang in codes) + "}"


def course_yml(name: str, title: str, codes: list[str]) -> str:
    """course.yml with every section the build asks for today, each text in every language."""
    english = _text("en")
    tags = "".join(f"  {tag}: {_by_language(codes, lambda t, tag=tag: t['tags'][tag])}\n" for tag in english["tags"])
    blocks = "".join(f"    {block}: {_by_language(codes, lambda t, block=block: t['closing_blocks'][block])}\n"
                     for block in english["closing_blocks"])
    levels = "".join(f"  - {{level: {index}, percent: {percent}, name: "
                     f"{_by_language(codes, lambda t, index=index: t['levels'][index])}}}\n"
                     for index, percent in enumerate((0, 100)))
    rules = {"first-step": ("material/sprout", "{count: lessons_completed, at_least: 1}"),
             "graduate": ("material/school", "{count: lessons_completed, at_least: all}")}
    achievements = "".join(
        f"  - id: {ident}\n    icon: {icon}\n"
        f"    name: {_by_language(codes, lambda t, ident=ident: t['achievements'][ident][0])}\n"
        f"    description: {_by_language(codes, lambda t, ident=ident: t['achievements'][ident][1])}\n"
        f"    rule: {rule}\n" for ident, (icon, rule) in rules.items())
    return (
        "# The course: its name, title and description in each language, its series, its tags, what every lesson\n"
        "# ends with, and the reader-progress rules. The build checks this file and fails with one line per problem.\n\n"
        "course:\n"
        "  # Prefix of every key kept in a reader's browser: change it only before anyone has read the course.\n"
        f"  name: {name}\n"
        f"  title: {{{', '.join(f'{lang}: {_quoted(title)}' for lang in codes)}}}\n"
        f"  description: {_by_language(codes, lambda t: t['description'])}\n\n"
        "# The series, in the order the site lists them; a series' lessons live in docs/<language>/<folder>/.\n"
        "# Add one with `make series`.\n"
        "series:\n"
        "  - id: lessons\n    folder: lessons\n"
        f"    title: {_by_language(codes, lambda t: t['series_title'])}\n"
        f"    summary: {_by_language(codes, lambda t: t['series_summary'])}\n\n"
        "# What every published lesson ends with: admonition blocks, in this order, titled in each language.\n"
        "# The `exercise` block holds the reader's \"exercise done\" control.\n"
        f"lessons:\n  closing_blocks:\n{blocks}\n"
        "# Tag ids a lesson may use in its front matter, with their label in each language.\n"
        f"tags:\n{tags}\n"
        "# Reader progress: XP for learning actions only; levels as a percent of the course's total XP, the top at 100.\n"
        "xp:\n  lesson_completed: 100\n  exercise_done: 50\n\n"
        f"levels:\n{levels}\n"
        "# Rules: {count: <metric>, at_least: N or all}, {series: <id>} or {series: <id>, lessons: [numbers]}.\n"
        f"achievements:\n{achievements}")


def native_name(code: str) -> str:
    """The language's name in itself (the language menu lists each language so), from Babel's locale data."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # Babel comes with Material; without it the author writes the name
        return code
    try:
        name = Locale.parse(code).get_display_name(code)
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:] if name else code


def strings_copy(code: str) -> str:
    """The shipped English UI strings, to translate into `code`: its language menu name already written."""
    english = REFERENCE.read_text(encoding="utf-8").split("\n", 1)[1]
    english = re.sub(r"(?m)^(  language_name:).*$", lambda m: f"{m.group(1)} {_quoted(native_name(code))}", english)
    return (f"# UI strings in {code}: an English copy to translate (keep every key; the build checks them).\n"
            + english)


def languages_yml(codes: list[str]) -> str:
    lines = []
    for code in codes:
        if code == "ko":
            lines.append("        - code: ko")
            lines.append("          # Reading rates for Korean text. Search splits at punctuation too, so that a word glued")
            lines.append("          # to a gloss and a particle, 이름(name)을, is found by 이름 and by name.")
            lines += [f"          {key}: {value}" for key, value in _KOREAN.items()]
        else:
            lines.append(f"        - {code}")
    return "\n".join(lines)


def _substitute(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    return text


def _target_path(relative: str) -> str:
    for old, new in RENAMED.items():
        if relative == old or relative.startswith(old):
            return new + relative[len(old):]
    return relative


def plan_course(target: Path, codes: list[str], title: str, *, name: str | None = None,
                generator: str | None = None) -> Plan:
    title = title.strip()
    if not title:
        raise NewCourseError('TITLE: give the course\'s title, e.g. TITLE="Intro to Rust"')
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewCourseError(f"DIR: {target} exists and is not empty; choose a new folder")
    name = course_name(title, target, name)
    generator = generator or generator_source()
    values = {"TITLE": title, "TITLE_YAML": _quoted(title), "NAME": name, "PRIMARY": codes[0],
              "LANGUAGES": languages_yml(codes), "GENERATOR": generator, "GENERATOR_URL": GENERATOR_URL,
              "LANGUAGE_LIST": ", ".join(codes)}
    plan = Plan()
    for path in sorted(p for p in TEMPLATE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = path.relative_to(TEMPLATE).as_posix()
        if relative.startswith(("docs/", TEXT_DIR)):
            continue
        plan.files[_target_path(relative)] = _substitute(path.read_text(encoding="utf-8"), values)
    for code in codes:
        source = code if (TEMPLATE / "docs" / code).is_dir() else "en"
        for path in sorted(p for p in (TEMPLATE / "docs" / source).rglob("*.md")):
            plan.files[f"docs/{code}/{path.relative_to(TEMPLATE / 'docs' / source).as_posix()}"] = _substitute(
                path.read_text(encoding="utf-8"), values)
        if code not in shipped_languages():
            plan.files[f"i18n/{code}.yml"] = strings_copy(code)
            plan.notes.append(f"{code}: translate i18n/{code}.yml (the UI strings), docs/{code}/ and the {code} texts "
                              "of course.yml; they are English copies for now")
        elif source != code:
            plan.notes.append(f"{code}: translate docs/{code}/ and the {code} texts of course.yml; they are English "
                              "copies for now")
    plan.files["course.yml"] = course_yml(name, title, codes)
    return plan


def write_plan(target: Path, plan: Plan) -> None:
    for relative, text in plan.files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
