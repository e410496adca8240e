"""The patch-PCA linear autoencoder behind the latent figure."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures import pca
from build_hooks.figures.scenes import SCENES

SIZE = 64
IMAGES = {name: make(SIZE).astype(np.float64) for name, make in SCENES.items()}


@pytest.mark.parametrize("shape", [(64, 64, 3), (36, 50, 3), (17, 9), (8, 8, 1)])
def test_patches_round_trip_any_shape(shape: tuple[int, ...]) -> None:
    img = np.random.default_rng(0).random(shape)
    patches = pca.to_patches(img)
    assert patches.shape[1] == 64
    np.testing.assert_array_equal(pca.from_patches(patches, shape), img)


@pytest.mark.parametrize("name", sorted(SCENES))
def test_error_falls_as_the_latent_grows_and_vanishes_at_full_size(name: str) -> None:
    img = IMAGES[name]
    basis = pca.fit([img])
    errors = [pca.mse(pca.reconstruct(basis, img, k), img) for k in range(1, 65)]
    assert all(b <= a + 1e-12 for a, b in zip(errors, errors[1:]))
    assert errors[-1] < 1e-20


@pytest.mark.parametrize("name", ["blocks", "rings", "sunset"])
def test_one_number_per_patch_loses_visible_detail(name: str) -> None:
    img = IMAGES[name]
    assert pca.psnr(pca.reconstruct(pca.fit([img]), img, 1), img, peak=2.0) < 35.0


def test_error_equals_the_variance_of_the_dropped_components() -> None:
    img = IMAGES["blocks"]
    basis = pca.fit([img])
    for k in [1, 4, 16, 40]:
        expected = basis.variances[k:].sum() / 64
        assert pca.mse(pca.reconstruct(basis, img, k), img) == pytest.approx(expected, rel=1e-9, abs=1e-15)


def test_basis_is_orthonormal_and_sorted() -> None:
    a = pca.fit(list(IMAGES.values()))
    np.testing.assert_allclose(a.components.T @ a.components, np.eye(64), atol=1e-12)
    assert np.all(np.diff(a.variances) <= 0)


def test_basis_fitted_on_other_scenes_still_reconstructs_exactly_at_full_size() -> None:
    basis = pca.fit([IMAGES[n] for n in IMAGES if n != "blocks"])
    img = IMAGES["blocks"]
    assert pca.mse(pca.reconstruct(basis, img, 64), img) < 1e-20
    assert pca.mse(pca.reconstruct(basis, img, 8), img) > 1e-4


@pytest.mark.parametrize(("k", "ratio"), [(1, 64.0), (4, 16.0), (16, 4.0), (64, 1.0)])
def test_compression_ratio(k: int, ratio: float) -> None:
    assert pca.compression_ratio(k) == ratio


@pytest.mark.parametrize("k", [0, 65])
def test_latent_size_outside_1_to_64_is_rejected(k: int) -> None:
    with pytest.raises(ValueError, match="1..64"):
        pca.encode(pca.fit([IMAGES["rings"]]), pca.to_patches(IMAGES["rings"]), k)


def test_psnr() -> None:
    img = IMAGES["checker"]
    assert pca.psnr(img, img) == float("inf")
    assert pca.psnr(np.zeros((4, 4)), np.full((4, 4), 0.1), peak=1.0) == pytest.approx(20.0)


def test_latent_forward_process_stays_in_the_latent_subspace() -> None:
    img, k = IMAGES["blocks"], 8
    basis = pca.fit([img])
    clean, noisy = pca.forward_in_latent(basis, img, k, [1.0, 0.3], np.random.default_rng(0))
    np.testing.assert_allclose(clean, pca.reconstruct(basis, img, k), atol=1e-12)
    assert pca.mse(noisy, clean) > 0.01
    # Decoded latent noise is made of the first k patch components only: re-encoding it loses nothing.
    np.testing.assert_allclose(pca.reconstruct(basis, noisy, k), noisy, atol=1e-9)


def test_one_component_keeps_patch_averages_without_adding_texture() -> None:
    # No bias: a flat picture stays (nearly) flat at k = 1; a centred PCA would paint the mean patch's bricks on it.
    basis = pca.fit([IMAGES["blocks"]])
    flat = np.full((SIZE, SIZE, 3), 0.4)
    recon = pca.reconstruct(basis, flat, 1)
    assert pca.to_patches(recon).std(axis=1).max() < 0.02
    assert pca.to_patches(pca.reconstruct(pca.fit([IMAGES["blocks"]], center=True), flat, 1)).std(axis=1).max() > 0.04


def test_latent_scale_gives_unit_variance() -> None:
    z = pca.encode(pca.fit([IMAGES["rings"]]), pca.to_patches(IMAGES["rings"]), 16)
    assert np.std(z / pca.latent_scale(z)) == pytest.approx(1.0)
    assert pca.latent_scale(np.zeros((4, 2))) == 1.0
