"""YAML parsing for everything the build reads (course.yml, strings, front matter, figure and question blocks).

libyaml's loader, when PyYAML was built with it, parses the same documents about ten times faster than the
pure-Python one, which matters with hundreds of blocks per build; without it the pure-Python loader gives the same
values. Both raise yaml.YAMLError with a problem_mark, which callers turn into one line naming the file.
"""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The one YAML document in `text` (None when empty), with safe types only."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 (a safe loader)
