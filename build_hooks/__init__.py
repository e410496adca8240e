"""The diffusion course's own build code, registered with the generator (mkdocs.yml: plugins: coursekit: content).

What it adds: the figure kinds with their numerics (schedules, samplers, exact denoisers, spectra, 2-D mixtures),
the scenes figures draw, the answers questions may ask the build to compute, the figure captions in every language
(i18n/) and the English words the Korean particle check must know how to read. The generator never imports this
package by itself.
"""

from __future__ import annotations

from pathlib import Path

from coursekit.content import Content
from coursekit.yaml_loading import load_yaml

from .figures.kinds import ALL_KINDS
from .figures.scenes import SCENES
from .questions.compute import ANSWERS

HERE = Path(__file__).resolve().parent

CONTENT = Content(
    figure_kinds=ALL_KINDS,
    scenes=SCENES,
    answers=ANSWERS,
    strings_dir=HERE / "i18n",
    assets_dir=HERE / "static",  # the scrubber's script and stylesheet, and the course's favicon
    korean_words=load_yaml((HERE / "korean_words.yml").read_text(encoding="utf-8")),
    code_dir=HERE,
)
