"""Labelled image grids drawn with Pillow, and deterministic WebP encoding.

Labels are language-neutral (numbers, math symbols); words go in the HTML caption and alt text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFont

# Lossy WebP at q70, method 4: noise frames barely compress, and q70 keeps the grain visibly noise-like at
# about 40% fewer bytes than q90; method 4 is the encoder's speed/size default. Both are fixed so the bytes
# are identical run after run. No metadata (EXIF/XMP/ICC) is written.
WEBP_QUALITY = 70
WEBP_METHOD = 4
FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)
BACKGROUND = (255, 255, 255)
INK = (20, 20, 20)
GAP = 4  # pixels between cells
LABEL_SCALE = 0.11  # label height relative to the cell side

FloatImage = npt.NDArray[np.floating]
Box = tuple[int, int, int, int]  # x, y, width, height of one cell including its label band


@dataclass(frozen=True)
class Grid:
    image: Image.Image
    boxes: list[Box]  # one per cell, in reading order (the scrubber uses them as sprite frames)


@lru_cache(maxsize=16)
def t_label(t: int) -> str:
    """The label drawn under a frame of timestep t (strips and contact sheets)."""
    return f"t = {t}"


def font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans when the system has it (Debian does), otherwise Pillow's bundled default font."""
    for path in FONT_PATHS:
        if path.is_file():
            return ImageFont.truetype(str(path), px)
    return ImageFont.load_default(size=px)


def to_uint8(x: FloatImage) -> npt.NDArray[np.uint8]:
    """[−1, 1] floats → 0..255 bytes, clipped (noisy frames overshoot the range)."""
    return np.clip(np.rint((np.asarray(x, dtype=np.float64) + 1.0) * 127.5), 0, 255).astype(np.uint8)


def grid(
    rows: list[list[FloatImage]],
    *,
    col_labels: list[str] | None = None,
    row_labels: list[str] | None = None,
    cell_labels: list[list[str]] | None = None,
    columns: int | None = None,
) -> Grid:
    """Cells laid out row by row; labels under each cell (cell_labels or col_labels) and left of each row.

    With `columns`, a single long row is wrapped into lines of that many cells (used by the scrubber).
    """
    if columns is not None and len(rows) == 1:
        cells = rows[0]
        labels = (cell_labels[0] if cell_labels else col_labels) or [""] * len(cells)
        rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
        cell_labels = [labels[i : i + columns] for i in range(0, len(labels), columns)]
        col_labels = None
    side = rows[0][0].shape[0]
    label_px = max(10, round(side * LABEL_SCALE))
    band = round(label_px * 1.5) if (col_labels or cell_labels) else 0
    left = max((_text_width(t, label_px) for t in row_labels), default=0) + 2 * GAP if row_labels else 0
    n_cols = max(len(r) for r in rows)
    width = left + n_cols * side + (n_cols - 1) * GAP
    height = len(rows) * (side + band) + (len(rows) - 1) * GAP
    canvas = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    f = font(label_px)
    boxes: list[Box] = []
    for r, row in enumerate(rows):
        top = r * (side + band + GAP)
        if row_labels:
            draw.text((GAP, top + side / 2), row_labels[r], font=f, fill=INK, anchor="lm")
        for c, cell in enumerate(row):
            x0 = left + c * (side + GAP)
            canvas.paste(Image.fromarray(to_uint8(cell), "RGB"), (x0, top))
            boxes.append((x0, top, side, side + band))
            label = cell_labels[r][c] if cell_labels else (col_labels[c] if col_labels else "")
            if label:
                draw.text((x0 + side / 2, top + side + band / 2), label, font=f, fill=INK, anchor="mm")
    return Grid(image=canvas, boxes=boxes)


def _text_width(text: str, px: int) -> int:
    return int(np.ceil(font(px).getlength(text)))


def encode_webp(image: Image.Image, quality: int = WEBP_QUALITY) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="WEBP", quality=quality, method=WEBP_METHOD, exact=False)
    return buf.getvalue()
