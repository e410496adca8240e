"""How a numeric question's answer is shown in its explanation (`{answer}`).

The tolerance sets the fewest decimals shown (a reply within 0.01 is right, so the answer shows at least two). A
value that is exact with a few more decimals shows all of them: 9/8 is "1.125", never "1.12", which would read as a
false equality. A value that no short decimal holds (a computed ᾱ_t, a logarithm) is shown rounded, and then its
explanation must say so: every `{answer}` is written after ≈ (`\\approx`), never after "=".
"""

from __future__ import annotations

import re

MAX_DECIMALS = 6
_APPROX_BEFORE = re.compile(r"(?:\\approx|≈)\s*$")


def _decimals_for(tolerance: float) -> int:
    decimals = 0
    while decimals < MAX_DECIMALS and tolerance and tolerance < 0.5 * 10 ** -decimals:
        decimals += 1
    return decimals


def _exact_at(value: float, decimals: int) -> bool:
    return abs(round(value, decimals) - value) <= 1e-9 * max(1.0, abs(value))


def format_answer(value: float, tolerance: float) -> str:
    """The answer with as many decimals as the tolerance asks for (260, 0.079, 29.8), or more when that many make it
    exact (1.125 at a tolerance of 0.01)."""
    decimals = _decimals_for(tolerance)
    for more in range(decimals, MAX_DECIMALS + 1):
        if _exact_at(value, more):
            decimals = more
            break
    text = f"{round(value, decimals):.{decimals}f}"
    return text.lstrip("-") if float(text) == 0 else text


def is_rounded(value: float, tolerance: float) -> bool:
    """True when the shown answer is not the value itself (only ≈ may stand before it)."""
    return not _exact_at(value, len(format_answer(value, tolerance).partition(".")[2]))


def rounding_problem(explain: str, value: float, tolerance: float) -> str | None:
    """Why the explanation shows a rounded answer as if it were exact, or None."""
    if not is_rounded(value, tolerance):
        return None
    shown = format_answer(value, tolerance)
    for match in re.finditer(re.escape("{answer}"), explain):
        if not _APPROX_BEFORE.search(explain[:match.start()]):
            return (f"{{answer}} shows {value:.{MAX_DECIMALS}g} rounded to {shown}; write it after \\approx "
                    "(or ≈), not after '=' or alone")
    return None
