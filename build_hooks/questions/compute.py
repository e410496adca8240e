"""Answers the build computes from the course's own schedules, so a number in a question can never drift from the
mathematics the figures use. An author writes `answer: {compute: <name>, ...}` instead of typing the number."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from build_hooks.figures.schedules import SCHEDULE_NAMES, make_schedule

_CURVES = ("alpha_bar", "log_snr", "signal")


def _curve(schedule: str, curve: str) -> np.ndarray:
    s = make_schedule(schedule)
    return {"alpha_bar": s.alpha_bar, "log_snr": s.log_snr, "signal": np.sqrt(s.alpha_bar)}[curve]


def _at(args: Mapping[str, Any], curve: str) -> float:
    return float(_curve(args["schedule"], curve)[int(args["t"])])


def _first_below(args: Mapping[str, Any]) -> float:
    values = _curve(args["schedule"], args["curve"])
    below = np.nonzero(values[1:] < float(args["below"]))[0]
    if below.size == 0:
        raise ValueError(f"the {args['curve']} curve never falls below {args['below']}")
    return float(below[0] + 1)


def _percent_below(args: Mapping[str, Any]) -> float:
    values = _curve(args["schedule"], "log_snr")[1:]
    return float(100.0 * np.count_nonzero(values < float(args["below"])) / values.size)


# name -> (required keys, function). Each returns a plain float.
COMPUTATIONS: dict[str, tuple[tuple[str, ...], Any]] = {
    "alpha_bar": (("schedule", "t"), lambda a: _at(a, "alpha_bar")),
    "log_snr": (("schedule", "t"), lambda a: _at(a, "log_snr")),
    "first_step_below": (("schedule", "curve", "below"), _first_below),
    "percent_steps_log_snr_below": (("schedule", "below"), _percent_below),
}


def compute(spec: Mapping[str, Any]) -> tuple[float | None, str | None]:
    """(value, None) or (None, what is wrong and how to fix it)."""
    name = spec.get("compute")
    if name not in COMPUTATIONS:
        return None, f"'compute' must be one of {', '.join(sorted(COMPUTATIONS))}"
    needed, function = COMPUTATIONS[name]
    extra = sorted(set(spec) - {"compute", *needed})
    missing = [key for key in needed if key not in spec]
    if missing or extra:
        return None, f"compute '{name}' takes exactly {', '.join(needed)}" + (
            f" (missing {', '.join(missing)})" if missing else f" (unknown {', '.join(extra)})")
    if spec["schedule"] not in SCHEDULE_NAMES:
        return None, f"'schedule' must be one of {', '.join(SCHEDULE_NAMES)}"
    if "curve" in spec and spec["curve"] not in _CURVES:
        return None, f"'curve' must be one of {', '.join(_CURVES)}"
    if "t" in spec and not (isinstance(spec["t"], int) and 0 <= spec["t"] <= 1000):
        return None, "'t' must be a whole step from 0 to 1000"
    if "below" in spec and not isinstance(spec["below"], (int, float)):
        return None, "'below' must be a number"
    try:
        return function(spec), None
    except ValueError as error:
        return None, str(error)


# What the course registers with the generator (build_hooks/__init__.py): every name, answered by compute().
ANSWERS = dict.fromkeys(COMPUTATIONS, compute)
