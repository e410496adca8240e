"""Built-in procedural scenes, defined on continuous coordinates so any size renders the same picture.

Each returns float32 H×W×3 in [−1, 1]. They differ in layout and colour so that the reverse-process
reference set (all scenes by default) holds clearly distinct images.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.float32]


def _grid(size: int) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Pixel-centre coordinates in [0, 1): (y, x) as broadcastable column/row arrays."""
    c = (np.arange(size, dtype=np.float64) + 0.5) / size
    return c[:, None], c[None, :]


def _to_signed(rgb01: npt.NDArray[np.float64]) -> Image:
    return (np.clip(rgb01, 0.0, 1.0) * 2.0 - 1.0).astype(np.float32)


def _fill(size: int, colour: tuple[float, float, float]) -> npt.NDArray[np.float64]:
    return np.broadcast_to(np.array(colour, dtype=np.float64), (size, size, 3)).copy()


def blocks(size: int) -> Image:
    """Coarse layout (sky, ground, a house-like block, a sun) plus fine texture (brick and grass lines)."""
    y, x = _grid(size)
    img = _fill(size, (0.55, 0.75, 0.95))
    ground = (y > 0.68) & np.ones_like(x, dtype=bool)
    img[ground] = (0.30, 0.60, 0.25)
    wall = (x > 0.18) & (x < 0.62) & (y > 0.38) & (y < 0.80)
    img[wall] = (0.80, 0.35, 0.25)
    roof = (y > 0.18) & (y <= 0.38) & (np.abs(x - 0.40) < (y - 0.18) * 1.2)
    img[roof] = (0.35, 0.20, 0.15)
    door = (x > 0.34) & (x < 0.46) & (y > 0.58) & (y < 0.80)
    img[door] = (0.20, 0.12, 0.08)
    sun = (x - 0.80) ** 2 + (y - 0.20) ** 2 < 0.09**2
    img[sun] = (1.0, 0.85, 0.20)
    # Fine texture: brick courses 1/32 of the image high, mortar joints offset on alternate rows.
    row = y * 32
    col = x * 16 + 0.5 * (np.floor(row) % 2)
    mortar = ((row % 1.0) < 0.25) | ((col % 1.0) < 0.12)
    img[wall & ~door & mortar] = (0.92, 0.88, 0.80)
    grass = np.broadcast_to(0.10 * np.sin(2 * np.pi * 48 * x + 40 * y), (size, size))
    lawn = ground & ~wall
    img[lawn] += grass[lawn][:, None]
    return _to_signed(img)


def rings(size: int) -> Image:
    """Concentric rings of changing colour around an off-centre point."""
    y, x = _grid(size)
    r = np.hypot(x - 0.45, y - 0.55)
    phase = np.sin(2 * np.pi * 7 * r)
    img = np.stack([0.5 + 0.45 * phase, 0.35 + 0.3 * np.cos(2 * np.pi * 3 * r), 0.6 - 0.35 * phase], axis=-1)
    return _to_signed(img)


def stripes(size: int) -> Image:
    """Diagonal stripes that get finer from left to right."""
    y, x = _grid(size)
    freq = 3 + 9 * x
    s = 0.5 + 0.5 * np.sign(np.sin(2 * np.pi * freq * (x + y)))
    img = np.stack([0.15 + 0.8 * s, 0.2 + 0.3 * s, 0.5 - 0.3 * s + 0 * y], axis=-1)
    return _to_signed(img)


def checker(size: int) -> Image:
    """An 8 × 8 black-and-white checkerboard with a red square over four cells."""
    y, x = _grid(size)
    cells = (np.floor(x * 8) + np.floor(y * 8)) % 2
    img = np.repeat((0.1 + 0.8 * cells)[..., None], 3, axis=-1)
    red = (x > 0.25) & (x < 0.5) & (y > 0.5) & (y < 0.75)
    img[red] = (0.85, 0.1, 0.1)
    return _to_signed(img)


def sunset(size: int) -> Image:
    """A smooth vertical colour gradient, a large low sun and a dark sea horizon."""
    y, x = _grid(size)
    sky = np.stack([0.95 - 0.3 * y + 0 * x, 0.45 + 0.3 * y + 0 * x, 0.35 + 0.4 * y + 0 * x], axis=-1)
    sun = (x - 0.5) ** 2 + (y - 0.62) ** 2 < 0.22**2
    sky[sun] = (1.0, 0.8, 0.3)
    sea = (y > 0.65) & np.ones_like(x, dtype=bool)
    sky[sea] = (0.10, 0.15, 0.35)
    ripples = (y > 0.65) & (np.abs(x - 0.5) < 0.25 - 0.3 * (y - 0.65)) & (np.sin(2 * np.pi * 40 * y) > 0.3)
    sky[ripples] = (0.95, 0.65, 0.30)
    return _to_signed(sky)


SCENES: dict[str, Callable[[int], Image]] = {
    "blocks": blocks,
    "rings": rings,
    "stripes": stripes,
    "checker": checker,
    "sunset": sunset,
}
