"""The kinds denoiser-error, guidance, latent, steps and paths2d: validation, determinism, and the numbers their
alt text states."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
import pytest
from PIL import Image

from coursekit.figures import spec as S
from coursekit.figures.kind import Env, Present, Result
from coursekit.figures.registry import kinds
from coursekit.figures.strings import load_strings

SVG_NS = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Rendered:
    result: Result
    html: dict[str, str]  # language -> figure HTML


def render(text: str) -> Rendered:
    """Compute one block and present it in both languages from its JSON round trip (what a warm cache gives)."""
    spec = S.parse(text)
    kind = kinds()[spec.kind]
    result = kind.compute(spec, Env())
    data = json.loads(json.dumps(result.data, allow_nan=False))
    html = {
        lang: kind.present(
            Present(data=data, spec=spec, strings=load_strings(lang), urls={"webp": "fig.webp"}, fig_id="fig-1")
        )
        for lang in ("en", "ko")
    }
    return Rendered(result=result, html=html)


def alt_text(html: str) -> str:
    """The alt text: the img alt attribute, or the SVG <desc>."""
    if "<svg" in html:
        svg = ET.fromstring(html[html.index("<svg") : html.index("</svg>") + 6])
        return "".join(svg.find(f"{SVG_NS}desc").itertext())
    return re.search(r'alt="([^"]*)"', html).group(1)


SMALL = {
    "denoiser-error": "kind: denoiser-error\ncaption: Error against t.\nsamples: 4\n",
    "guidance": "kind: guidance\ncaption: Guidance.\nweights: [0, 2, 6]\nsamples: 300\n",
    "latent": "kind: latent\ncaption: Latents.\nimage: scene:blocks\ndims: [2, 8, 64]\ntimesteps: [0, 400]\nsize: 64\n",
    "steps": "kind: steps\ncaption: Steps.\nsteps: [3, 100]\nsize: 48\n",
    "paths2d": "kind: paths2d\ncaption: Paths.\nsampler: ddpm\nsteps: 40\npaths: 6\n",
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, Rendered]:
    return {name: render(text) for name, text in SMALL.items()}


@pytest.mark.parametrize("name", sorted(SMALL))
def test_figure_html_has_the_caption_and_alt_text_in_both_languages(name: str, rendered: dict[str, Rendered]) -> None:
    html = rendered[name].html
    for lang in ("en", "ko"):
        assert html[lang].startswith("<figure") and "\n" not in html[lang]
        assert "<figcaption>" in html[lang]
        assert len(alt_text(html[lang])) > 80
    assert alt_text(html["en"]) != alt_text(html["ko"])
    assert re.search("[\uac00-\ud7a3]", alt_text(html["ko"]))  # Korean alt text is Korean


@pytest.mark.parametrize("name", ["latent", "steps"])
def test_webp_matches_the_declared_size(name: str, rendered: dict[str, Rendered]) -> None:
    result = rendered[name].result
    with Image.open(io.BytesIO(result.assets["webp"])) as im:
        assert im.format == "WEBP"
        assert im.size == (result.data["width"], result.data["height"])
    assert f'width="{result.data["width"]}"' in rendered[name].html["en"]


def test_guidance_alt_gives_each_weights_spread_and_stronger_guidance_tightens(rendered: dict[str, Rendered]) -> None:
    data = rendered["guidance"].result.data
    spreads = [panel["spread"] for panel in data["panels"]]
    assert all(b < a for a, b in zip(spreads, spreads[1:]))
    assert spreads[0] == pytest.approx(data["exact_spread"], rel=0.08)  # w = 0 is the plain conditional model
    alt = alt_text(rendered["guidance"].html["en"])
    for w, spread in zip(["0", "2", "6"], spreads):
        assert f"w = {w}: {spread:.2f}" in alt
    assert len(re.findall(r"\bw = \d", alt)) == 6  # spread and separation for each of the three weights
    assert all(len(panel["x"]) == 300 for panel in data["panels"])  # every sample is kept for the plot
    svg = rendered["guidance"].html["en"]
    assert all(svg.count(f">class {n}<") == 1 for n in (1, 2, 3))  # one legend entry per class, shared by panels


def test_latent_alt_gives_ratio_and_psnr_per_size(rendered: dict[str, Rendered]) -> None:
    data = rendered["latent"].result.data
    assert data["ratio"] == [32.0, 8.0, 1.0]
    assert data["psnr"][0] < data["psnr"][1] and data["psnr"][2] is None  # 64 numbers per patch is lossless
    alt = alt_text(rendered["latent"].html["en"])
    assert "compression 32:1" in alt and "compression 8:1" in alt and "compression 1:1" in alt
    assert f"PSNR {data['psnr'][0]:.1f} dB" in alt and f"PSNR {data['psnr'][1]:.1f} dB" in alt
    assert "exact" in alt and "t = 0, 400" in alt
    # Rows: reconstructions, then one latent forward row per size.
    with Image.open(io.BytesIO(rendered["latent"].result.assets["webp"])) as im:
        assert im.height > 4 * 64


def test_steps_with_100_ddim_steps_land_on_a_reference(rendered: dict[str, Rendered]) -> None:
    data = rendered["steps"].result.data
    assert data["steps"] == [3, 100]
    assert data["distance"][-1] < 1e-3
    assert data["nearest"][-1].startswith("scene:")
    alt = alt_text(rendered["steps"].html["en"])
    assert "3 steps:" in alt and "100 steps:" in alt
    assert f"from the {data['nearest'][-1][6:]} scene" in alt


def test_paths2d_draws_every_path_and_reports_where_they_end(rendered: dict[str, Rendered]) -> None:
    data = rendered["paths2d"].result.data
    assert len(data["paths"]) == 6 and len(data["paths"][0]) == 41  # 40 steps: 41 visited states
    assert data["inside"] >= 5
    alt = alt_text(rendered["paths2d"].html["en"])
    assert alt.startswith("6 DDPM sampling paths of 40 steps")
    assert f"{data['inside']} of the 6 endpoints" in alt
    svg = rendered["paths2d"].html["en"]
    assert svg.count(">sampling paths<") == 1  # six paths, one legend entry


def test_denoiser_error_alt_gives_per_schedule_numbers(rendered: dict[str, Rendered]) -> None:
    data = rendered["denoiser-error"].result.data
    assert [c["schedule"] for c in data["curves"]] == ["linear", "cosine"]
    linear, cosine = data["curves"]
    assert 0 < linear["exact_until"] < cosine["exact_until"] < 1000  # cosine keeps the image recognisable longer
    alt = alt_text(rendered["denoiser-error"].html["en"])
    assert f"up to t = {linear['exact_until']}" in alt and f"up to t = {cosine['exact_until']}" in alt
    assert f"at t = {linear['eps_peak_t']}" in alt
    assert "32×32" in alt and "4 noise draws" in alt


@pytest.mark.parametrize(
    ("text", "key", "hint"),
    [
        ("kind: guidance\nweights: []\n", "weights", "non-empty list"),
        ("kind: guidance\nweights: [0, -1]\n", "weights", "outside 0..50"),
        ("kind: guidance\nweights: [1, 1]\n", "weights", "repeats"),
        ("kind: guidance\nweights: 3\n", "weights", "e.g. [0, 1, 3, 7]"),
        ("kind: guidance\nsamples: 5\n", "samples", "30..3000"),
        ("kind: guidance\nsize: 64\n", "size", "allowed keys"),
        ("kind: latent\nimage: scene:blocks\ndims: [0, 4]\n", "dims", "1..64"),
        ("kind: latent\nimage: scene:blocks\ndims: [4, 4]\n", "dims", "repeats"),
        ("kind: latent\nimage: scene:nowhere\n", "image", "the course's scenes"),
        ("kind: latent\nimage: scene:blocks\ntimesteps: [0, 1200]\n", "timesteps", "0..1000"),
        ("kind: steps\nsteps: [5, 2000]\n", "steps", "1..1000"),
        ("kind: steps\nT: 50\nsteps: [100]\n", "steps", "1..50"),
        ("kind: steps\nsampler: euler\n", "sampler", "ddpm, ddim"),
        ("kind: paths2d\npaths: 0\n", "paths", "1..40"),
        ("kind: paths2d\nsteps: 0\n", "steps", "1..1000"),
        ("kind: denoiser-error\nschedules: [quadratic]\n", "schedules", "linear, cosine"),
        ("kind: denoiser-error\nsamples: 0\n", "samples", "1..64"),
        ("kind: denoiser-error\nschedule: cosine\n", "schedule", "allowed keys"),
        ("kind: gaussian-sum\ntimesteps: [0, 1200]\n", "timesteps", "0..1000"),
        ("kind: gaussian-sum\ncentres: 0.5\n", "centres", "[-0.8, 0.8]"),
        ("kind: gaussian-sum\ncentres: [0, 9]\n", "centres", "-3..3"),
        ("kind: gaussian-sum\nspread: 0\n", "spread", "0.01..2"),
        ("kind: gaussian-sum\nsamples: 10\n", "samples", "1000..100000"),
        ("kind: gaussian-sum\nsize: 64\n", "size", "allowed keys"),
        ("kind: reverse-posterior\ntimesteps: [1, 10]\n", "timesteps", "2..1000"),
        ("kind: reverse-posterior\ntimesteps: [2, 3, 4, 5, 6]\n", "timesteps", "at most 4"),
        ("kind: reverse-posterior\nx0: 7\n", "x0", "-3..3"),
        ("kind: reverse-posterior\nseed: 1\n", "seed", "allowed keys"),
    ],
)
def test_bad_keys_fail_with_one_line_naming_the_key(text: str, key: str, hint: str) -> None:
    with pytest.raises(S.SpecError) as info:
        S.parse(text + "caption: A caption.\n")
    (problem,) = info.value.problems
    assert f"'{key}'" in problem.message and hint in problem.message
    assert "\n" not in problem.message
    assert problem.line == text.splitlines().index(next(l for l in text.splitlines() if l.startswith(key + ":")))


@pytest.mark.parametrize("name", ["denoiser-error", "guidance", "latent", "steps", "paths2d"])
def test_every_extra_kind_is_registered(name: str) -> None:
    assert name in kinds()


def test_defaults_validate_for_every_extra_kind() -> None:
    for text in [
        "kind: denoiser-error\n",
        "kind: guidance\n",
        "kind: latent\nimage: scene:rings\n",
        "kind: steps\n",
        "kind: paths2d\n",
    ]:
        spec = S.parse(text + "caption: c\n")
        assert spec.caption == "c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One reference: nothing to confuse it with, so the error never leaves 0 and the other sentence is used.
        ("kind: denoiser-error\nimages: [scene:rings]\nschedules: [cosine]\nsamples: 2\n", "at every t"),
        ("kind: guidance\nweights: [2.5]\nsamples: 30\n", "w = 2.5:"),
        ("kind: latent\nimage: scene:sunset\ndims: [1]\nsize: 32\n", "compression 64:1"),
        # T = 10 is below the default counts: the figure says what actually ran.
        ("kind: steps\nT: 10\nsize: 32\n", "5 steps: 0 from"),
        ("kind: paths2d\nT: 10\npaths: 1\n", "1 DDIM sampling paths of 10 steps"),
    ],
)
def test_edge_cases_render_and_say_what_ran(text: str, expected: str) -> None:
    html = render(text + "caption: Edge.\n").html["en"]
    assert expected in alt_text(html)


def test_latent_without_timesteps_is_a_single_row() -> None:
    result = render("kind: latent\nimage: scene:blocks\ndims: [4, 16]\nsize: 64\ncaption: c\n").result
    with Image.open(io.BytesIO(result.assets["webp"])) as im:
        assert 64 < im.height < 2 * 64  # one row of cells plus its label band
        assert im.width >= 3 * 64  # original + two reconstructions
