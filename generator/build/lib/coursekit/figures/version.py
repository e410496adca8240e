"""The library version that goes into every cache key.

`__version__` is bumped by hand for releases; the source digest makes any edit to this package's code
recompute the figures it affects, so a stale cache can never survive a code change.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy
import PIL

from coursekit import content

__version__ = "1.0.0"
PACKAGE_DIR = Path(__file__).resolve().parent


def library_version() -> str:
    """This package's digest with the course's content code (its kinds and numerics) and the libraries' versions."""
    return f"{_own_version()}+{content.active().code_digest}"


@lru_cache(maxsize=1)
def _own_version() -> str:
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(path.read_bytes())
    # numpy's RNG streams and Pillow's encoder decide the pixels, so their versions are inputs too.
    return f"{__version__}+{h.hexdigest()[:16]}+numpy{numpy.__version__}+pillow{PIL.__version__}"
