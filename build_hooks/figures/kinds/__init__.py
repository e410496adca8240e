"""One module per figure kind, each exporting `KIND` (the generator's KindDef); ALL_KINDS lists them in the order
authors are told about them (README.md beside the kinds' folder)."""

from . import (bound_weights, denoiser_error, forward, gaussian_sum, guidance, langevin, latent, paths2d, ran, reverse,
               reverse_posterior, schedule, scrubber, spectrum, steps)

ALL_KINDS = (
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
    ran.KIND,
)
