"""Image references: `scene:<name>` (drawn by a scene the course registers) or a path relative to the docs folder.

Loading is deterministic: any Pillow mode is flattened onto white, the largest centred square is cropped and
resized with Lanczos, and pixels become float32 in [−1, 1].
"""

from __future__ import annotations

import io
from pathlib import Path, PurePosixPath

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from coursekit import content

SCENE_PREFIX = "scene:"
MAX_SOURCE_PIXELS = 40_000_000  # refuse decompression bombs: a figure source needs nothing near this

FloatImage = npt.NDArray[np.float32]


class ImageRefError(ValueError):
    """An image reference that cannot be used; the message says why and what is allowed."""


def is_scene(ref: str) -> bool:
    return ref.startswith(SCENE_PREFIX)


def resolve_path(ref: str, roots: tuple[Path, ...]) -> Path:
    """The first existing file for `ref` under one of `roots`; refuses absolute paths and `..`."""
    rel = PurePosixPath(ref)
    if rel.is_absolute() or ".." in rel.parts or not ref:
        raise ImageRefError(f"{ref!r} must be a relative path inside docs/ (or scene:<name>)")
    for root in roots:
        candidate = root / Path(*rel.parts)
        if candidate.is_file():
            return candidate
    where = ", ".join(str(r) for r in roots) or "(no docs folder)"
    raise ImageRefError(f"{ref!r} not found under {where}; give a path relative to docs/ or scene:<name>")


def check_ref(ref: str, roots: tuple[Path, ...]) -> None:
    """Raise ImageRefError unless `ref` names a scene or a readable image file."""
    if is_scene(ref):
        name = ref[len(SCENE_PREFIX) :]
        scenes = content.active().scenes
        if name not in scenes:
            raise ImageRefError(f"unknown scene {name!r}; the course's scenes: {', '.join(scenes) or 'none'}")
        return
    path = resolve_path(ref, roots)
    try:
        with Image.open(path) as im:
            if im.width * im.height > MAX_SOURCE_PIXELS:
                raise ImageRefError(f"{ref!r} is {im.width}×{im.height}; keep sources under 40 megapixels")
            im.verify()
    except Image.DecompressionBombError:
        raise ImageRefError(f"{ref!r} is too large to decode safely; keep sources under 40 megapixels") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise ImageRefError(f"{ref!r} is not a readable image ({exc.__class__.__name__})") from None


def source_bytes(ref: str, roots: tuple[Path, ...]) -> bytes:
    """What the cache key hashes for `ref`: the file's bytes, or the scene name (scene code is versioned)."""
    if is_scene(ref):
        return ref.encode()
    return resolve_path(ref, roots).read_bytes()


def load(ref: str, roots: tuple[Path, ...], size: int) -> FloatImage:
    """Load `ref` as size × size × 3 float32 in [−1, 1]."""
    if is_scene(ref):
        return content.active().scenes[ref[len(SCENE_PREFIX) :]](size)
    return decode(resolve_path(ref, roots).read_bytes(), size)


def decode(data: bytes, size: int) -> FloatImage:
    """Decode image bytes of any mode/size to size × size × 3 float32 in [−1, 1]."""
    with Image.open(io.BytesIO(data)) as source:
        rgb = _flatten(ImageOps.exif_transpose(source))
    square = ImageOps.fit(rgb, (size, size), method=Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    return (np.asarray(square, dtype=np.float32) / 127.5 - 1.0).astype(np.float32)


def _flatten(im: Image.Image) -> Image.Image:
    """RGB with any transparency composited onto white (palette, LA, RGBA, 16-bit and CMYK included)."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(im, dtype=np.float64)
        peak = 65535.0 if arr.max() > 255 else 255.0
        im = Image.fromarray(np.clip(arr / peak * 255.0, 0, 255).round().astype(np.uint8), "L")
    if im.mode == "F":
        im = im.convert("L")
    if im.mode == "P" or "A" in im.getbands() or "transparency" in im.info:
        rgba = im.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return im.convert("RGB")
