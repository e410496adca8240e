"""The `rules:` section of course.yml: what this course asks of its published lessons, each check set to warn or fail.

A course that says nothing asks nothing: every rule is off unless course.yml turns it on, for the whole course or
for one series (`rules.series.<id>`, which replaces the course-wide setting of the rules it names). Pure: takes the
parsed YAML and the series ids, adds one line per problem in the style of config.py (file: key: what; the fix).

    rules:
      questions: {min: 4, max: 6}           # question blocks per lesson; `level: warn` to only warn
      worked_answer: fail                   # the exercise block holds a `??? answer "…"` block
      computed_figure: fail                 # at least one ```figure block
      reading_minutes: {min: 10, max: 20, level: warn}
      closing_blocks: fail                  # every block of lessons.closing_blocks
      terms: warn                           # avoided wordings of glossary.yml
      korean_particles: warn                # Korean particle spacing and form (Korean pages only)
      plain_math: warn                      # math written as plain Unicode outside $…$
      series:
        foundations: {reading_minutes: off}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

FAIL, WARN, OFF = "fail", "warn", "off"
LEVELS = (FAIL, WARN, OFF)
# Rules with a range of counts ({min, max, level}) and rules that are simply on or off (a level).
RANGE_RULES = ("questions", "reading_minutes")
SWITCH_RULES = ("worked_answer", "computed_figure", "closing_blocks", "terms", "korean_particles", "plain_math")
RULES = RANGE_RULES + SWITCH_RULES
# Rules that read a page's prose: they also check pages outside any series (home, glossary) and the UI strings,
# with the course-wide setting.
PROSE_RULES = ("terms", "korean_particles", "plain_math")
_UNITS = {"questions": "questions", "reading_minutes": "minutes"}


@dataclass(frozen=True)
class Rule:
    """One rule as it applies to a lesson: its level, its range (range rules only) and where course.yml sets it."""

    name: str
    level: str = OFF
    min: int | None = None
    max: int | None = None
    source: str = ""  # the key that set it, e.g. rules.series.foundations.questions ("" when not set)

    @property
    def on(self) -> bool:
        return self.level != OFF

    def allows(self, value: int) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)

    def wanted(self) -> str:
        """The range in words: '4 to 6', 'at least 4', 'at most 20'."""
        if self.min is not None and self.max is not None:
            return f"{self.min} to {self.max}" if self.min != self.max else str(self.min)
        return f"at least {self.min}" if self.min is not None else f"at most {self.max}"


@dataclass(frozen=True)
class Rules:
    course: Mapping[str, Rule] = field(default_factory=dict)  # the rules set course-wide, by name
    series: Mapping[str, Mapping[str, Rule]] = field(default_factory=dict)  # series id -> the rules it overrides

    def rule(self, name: str, series: str | None = None) -> Rule:
        """The rule as it applies to a lesson of `series` (None: a page outside any series)."""
        override = self.series.get(series, {}).get(name) if series is not None else None
        return override or self.course.get(name) or Rule(name)

    def any_on(self, name: str) -> bool:
        return any(rule.on for rule in (self.course.get(name), *(s.get(name) for s in self.series.values())) if rule)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _level(value: object, where: str, problems: list[str]) -> str | None:
    # YAML 1.1 reads a bare `off` as False: take it as the word the author wrote.
    value = OFF if value is False else value
    if value in LEVELS:
        return str(value)
    problems.append(f"{where}: expected fail, warn or off; fail stops the build, warn prints a warning "
                    "(which a strict build turns into a failure), off skips the check")
    return None


def _range_rule(name: str, value: object, where: str, source: str, problems: list[str]) -> Rule | None:
    if not isinstance(value, Mapping):
        if value is False or value == OFF:
            return Rule(name, OFF, source=source)
        problems.append(f"{where}: expected {{min: N, max: N}} (either may be left out; add level: warn to only "
                        f"warn) or off")
        return None
    before = len(problems)
    for key in sorted(set(map(str, value)) - {"min", "max", "level"}):
        problems.append(f"{where}.{key}: unknown key; use min, max and level")
    bounds = {}
    for key in ("min", "max"):
        bound = value.get(key)
        if bound is not None and (not _is_int(bound) or bound < 0):
            problems.append(f"{where}.{key}: expected a whole number of {_UNITS[name]} (0 or more)")
        else:
            bounds[key] = bound
    if len(problems) == before and bounds.get("min") is None and bounds.get("max") is None:
        problems.append(f"{where}: give min, max or both (or write off to turn the rule off)")
    elif len(problems) == before and bounds["min"] is not None and bounds["max"] is not None \
            and bounds["min"] > bounds["max"]:
        problems.append(f"{where}: min {bounds['min']} is above max {bounds['max']}; swap them")
    level = _level(value.get("level", FAIL), f"{where}.level", problems)
    if len(problems) > before or level is None:
        return None
    return Rule(name, level, bounds["min"], bounds["max"], source)


def _rule_set(section: Mapping, where: str, source: str, problems: list[str], *,
              allow_series: bool) -> dict[str, Rule]:
    known = RULES + (("series",) if allow_series else ())
    found: dict[str, Rule] = {}
    for key in sorted(set(map(str, section)) - set(known)):
        problems.append(f"{where}.{key}: unknown rule; use {', '.join(known)}")
    for name in RULES:
        if name not in section:
            continue
        at, key = f"{where}.{name}", f"{source}.{name}"
        if name in RANGE_RULES:
            rule = _range_rule(name, section[name], at, key, problems)
        else:
            level = _level(section[name], at, problems)
            rule = Rule(name, level, source=key) if level is not None else None
        if rule is not None:
            found[name] = rule
    return found


def parse_rules(raw: Mapping, series_ids: frozenset[str], problems: list[str], *,
                source: str = "course.yml") -> Rules:
    """The rules section (absent: no rule at all); adds one line per problem."""
    section = raw.get("rules")
    if section is None:
        return Rules()
    if not isinstance(section, Mapping):
        problems.append(f"{source}: rules: expected a mapping of rule names to fail, warn or off (see AUTHORING.md)")
        return Rules()
    course = _rule_set(section, f"{source}: rules", "rules", problems, allow_series=True)
    overrides = section.get("series", {})
    by_series: dict[str, dict[str, Rule]] = {}
    if not isinstance(overrides, Mapping):
        problems.append(f"{source}: rules.series: expected a mapping of series ids to the rules they change, "
                        "e.g. foundations: {reading_minutes: off}")
        overrides = {}
    for series_id, rules in overrides.items():
        where = f"{source}: rules.series.{series_id}"
        if series_id not in series_ids:
            problems.append(f"{where}: unknown series; use one of {', '.join(sorted(series_ids))}")
            continue
        if not isinstance(rules, Mapping):
            problems.append(f"{where}: expected a mapping of rule names to fail, warn or off")
            continue
        by_series[str(series_id)] = _rule_set(rules, where, f"rules.series.{series_id}", problems,
                                              allow_series=False)
    return Rules(course, by_series)
