"""The table of figure kinds.

Adding a kind = one module in kinds/ exporting `KIND = KindDef(...)` (types in kind.py) + one line in `KINDS`.
"""

from __future__ import annotations

from .kind import KindDef
from .kinds import (bound_weights, denoiser_error, forward, gaussian_sum, guidance, langevin, latent, paths2d, reverse,
                    reverse_posterior, schedule, scrubber, spectrum, steps)

KINDS: tuple[KindDef, ...] = (
    forward.KIND,
    scrubber.KIND,
    reverse.KIND,
    schedule.KIND,
    spectrum.KIND,
    denoiser_error.KIND,
    guidance.KIND,
    latent.KIND,
    steps.KIND,
    paths2d.KIND,
    gaussian_sum.KIND,
    reverse_posterior.KIND,
    bound_weights.KIND,
    langevin.KIND,
)

_BY_NAME: dict[str, KindDef] = {kind.name: kind for kind in KINDS}
if len(_BY_NAME) != len(KINDS):
    raise RuntimeError("two figure kinds share a name in build_hooks/figures/registry.py")


def kinds() -> dict[str, KindDef]:
    """Every kind by name, in the order authors are told about them."""
    return _BY_NAME
