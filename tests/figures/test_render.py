"""Rendering: image loading, and the HTML each kind writes (both languages). Byte-identical output across runs is
checked on the whole site, in separate processes (tests/build_output/test_reproducible.py)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from coursekit.figures.images import decode, load
from coursekit.figures.pipeline import figure_html, prepare
from coursekit.figures.render_svg import log_ticks, nice_ticks
from coursekit.figures.spec import parse
from coursekit.figures.strings import fmt_num, load_strings
from coursekit.i18n import shipped_languages

SPECS = {
    "forward": "kind: forward\nimage: scene:blocks\ntimesteps: [0, 250, 500, 750, 1000]\nsize: 64\ncaption: CAP\n",
    "forward2": "kind: forward\nimage: scene:rings\ntimesteps: [0, 500]\nschedule: [linear, cosine]\nsize: 32\ncaption: CAP\n",
    "scrubber": "kind: scrubber\nimage: scene:blocks\ncount: 5\nsize: 32\ncaption: CAP\n",
    "reverse": "kind: reverse\nsampler: ddim\nsteps: 20\nframes: 4\nsize: 32\ncaption: CAP\n",
    "schedule": "kind: schedule\ncurve: alpha_bar\nmark: 0.5\ncaption: CAP\n",
    "schedule_log_snr": "kind: schedule\ncurve: log_snr\nmark: -5\ncaption: CAP\n",
    "spectrum": "kind: spectrum\nimage: scene:blocks\ntimesteps: [100, 500]\nsize: 64\ncaption: CAP\n",
}


def _html(name: str, lang: str, tmp_path: Path, page_url: str = "lessons/02-x/") -> tuple[str, dict]:
    spec = parse(SPECS[name])
    prepared = prepare(spec, roots=(), cache_dir=tmp_path)
    urls = {s: f"../../assets/figures/{prepared.key}.{s}" for s in prepared.assets}
    html = figure_html(prepared, spec, strings=load_strings(lang), urls=urls, fig_id="fig-1-abc")
    return html, dict(prepared.data)


@pytest.mark.parametrize("name", ["forward", "forward2", "reverse", "scrubber"])
@pytest.mark.parametrize("lang", shipped_languages())
def test_image_figures_have_size_alt_with_numbers_lazy_loading_and_relative_url(name: str, lang: str, tmp_path: Path) -> None:
    html, data = _html(name, lang, tmp_path)
    img = re.search(r"<img [^>]*>", html)
    assert img is not None
    tag = img.group(0)
    assert f'width="{data["width"]}"' in tag and f'height="{data["height"]}"' in tag
    assert 'loading="lazy"' in tag and 'decoding="async"' in tag
    assert re.search(r'src="\.\./\.\./assets/figures/[0-9a-f]{32}\.webp"', tag)
    alt = unescape(re.search(r'alt="([^"]*)"', tag).group(1))
    assert re.search(r"t = 0|t = 1000", alt) and re.search(r"\d\.\d", alt)
    assert "<figcaption>CAP</figcaption>" in html
    with Image.open(tmp_path / f"{re.search(r'([0-9a-f]{32})', tag).group(1)}.webp") as im:
        assert im.size == (data["width"], data["height"])


@pytest.mark.parametrize(("lang", "word"), [("en", "Forward process of the blocks scene"), ("ko", "blocks 장면의 순방향 과정")])
def test_forward_alt_text_states_the_steps_and_alpha_bar(lang: str, word: str, tmp_path: Path) -> None:
    html, _ = _html("forward", lang, tmp_path)
    alt = unescape(re.search(r'alt="([^"]*)"', html).group(1))
    assert word in alt
    assert "t = 0, 250, 500, 750, 1000" in alt
    assert "ᾱ_t = 1.00, 0.52, 0.08, 0.0034, 0.00004" in alt


@pytest.mark.parametrize(("lang", "axis"), [("en", "timestep t"), ("ko", "타임스텝 t")])
def test_schedule_plot_is_inline_svg_with_axes_in_the_page_language(lang: str, axis: str, tmp_path: Path) -> None:
    html, _ = _html("schedule", lang, tmp_path)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert 'aria-labelledby="fig-1-abc-title fig-1-abc-desc"' in html
    assert f">{axis}</text>" in html
    desc = unescape(re.search(r"<desc[^>]*>(.*?)</desc>", html).group(1))
    assert "260" in desc and "497" in desc  # first steps below ᾱ = 0.5
    assert html.count("<path d=") >= 3  # axes + two curves


def test_log_snr_plot_gives_share_of_steps_below_mark(tmp_path: Path) -> None:
    html, data = _html("schedule_log_snr", "en", tmp_path)
    desc = unescape(re.search(r"<desc[^>]*>(.*?)</desc>", html).group(1))
    shares = [s["share_below"] for s in data["series"]]
    assert f"{shares[0] * 100:.1f}%" in desc and f"{shares[1] * 100:.1f}%" in desc
    assert shares[0] > shares[1]  # the linear schedule spends more steps at low SNR


@pytest.mark.parametrize("lang", shipped_languages())
def test_spectrum_plot_names_the_crossovers(lang: str, tmp_path: Path) -> None:
    html, data = _html("spectrum", lang, tmp_path)
    assert html.count("<circle") >= 1
    desc = unescape(re.search(r"<desc[^>]*>(.*?)</desc>", html).group(1))
    for row in data["noise"]:
        assert f"t = {row['t']}: {row['crossover']:g}" in desc
    # more noise means the crossover moves to lower frequencies
    assert data["noise"][0]["crossover"] > data["noise"][1]["crossover"]


def test_scrubber_has_range_input_with_valuetext_and_live_region(tmp_path: Path) -> None:
    html, data = _html("scrubber", "en", tmp_path)
    assert 'type="range"' in html and 'min="0" max="4"' in html
    assert 'aria-valuetext="t = 0, ᾱ_t = 1.00"' in html
    assert 'aria-live="polite"' in html and "data-scrubber" in html
    assert data["timesteps"] == [0, 250, 500, 750, 1000]
    assert len(data["boxes"]) == 5


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "P", "LA", "I;16", "CMYK"])
def test_any_image_mode_and_size_loads_to_square_rgb_in_range(mode: str, tmp_path: Path) -> None:
    im = Image.new("RGB", (73, 41), (250, 10, 10)).convert(mode)
    path = tmp_path / "img.png"
    if mode == "CMYK":
        path = tmp_path / "img.jpg"
    im.save(path)
    arr = decode(path.read_bytes(), 48)
    assert arr.shape == (48, 48, 3) and arr.dtype == np.float32
    assert arr.min() >= -1.0 and arr.max() <= 1.0
    np.testing.assert_array_equal(arr, decode(path.read_bytes(), 48))


def test_transparent_pixels_become_white(tmp_path: Path) -> None:
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(tmp_path / "clear.png")
    arr = load("clear.png", (tmp_path,), 32)
    assert np.allclose(arr, 1.0)


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [(0, 1000, [0, 200, 400, 600, 800, 1000]), (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1.0]), (-21, 11, [-20, -15, -10, -5, 0, 5, 10])],
)
def test_nice_ticks(lo: float, hi: float, expected: list[float]) -> None:
    assert nice_ticks(lo, hi) == pytest.approx(expected)


def test_log_ticks_cover_decades() -> None:
    assert log_ticks(1e-3, 1e2) == pytest.approx([1e-3, 1e-2, 1e-1, 1, 10, 100])
    assert log_ticks(1, 64) == pytest.approx([1, 2, 5, 10, 20, 50])


@pytest.mark.parametrize(("x", "text"), [(0.5, "0.50"), (1.0, "1.00"), (4.04e-5, "0.00004"), (-0.001, "−0.001"), (-0.0, "0.00")])
def test_number_format(x: float, text: str) -> None:
    assert fmt_num(x) == text


@pytest.mark.parametrize("name", ["schedule", "schedule_log_snr", "spectrum"])
def test_plot_svg_is_well_formed_xml_and_kept_out_of_the_search_index(name: str, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    html, _ = _html(name, "en", tmp_path)
    svg = re.search(r"<svg\b.*</svg>", html, flags=re.S).group(0)
    root = ET.fromstring(svg)
    assert root.get("data-search-exclude") == ""
    assert root.get("role") == "img"


def test_scatter_draws_every_point_in_one_path() -> None:
    from coursekit.figures.render_svg import Axis, Panel, Series, plot

    xs = [i / 10 for i in range(50)]
    svg = plot([Panel(Axis("x", 0, 5), Axis("y", 0, 5), [Series("pts", xs, xs, mode="scatter")])], fig_id="f", title="t", desc="d")
    dots = re.findall(r'<path d="([^"]*)"[^>]*stroke-linecap="round"', svg)
    assert len(dots) == 1 and dots[0].count("h0") == 50


def test_figure_html_written_once_still_follows_language_page_and_caption(tmp_path: Path) -> None:
    """figure_html remembers what it wrote; each input that changes the HTML must still change it."""
    spec = parse(SPECS["schedule"])
    prepared = prepare(spec, roots=(), cache_dir=tmp_path)
    en, ko = load_strings("en"), load_strings("ko")
    first = figure_html(prepared, spec, strings=en, urls={}, fig_id="fig-1-abc")
    assert figure_html(prepared, spec, strings=en, urls={}, fig_id="fig-1-abc") == first
    assert figure_html(prepared, spec, strings=ko, urls={}, fig_id="fig-1-abc") != first
    assert figure_html(prepared, spec, strings=en, urls={}, fig_id="fig-2-abc") != first
    recaptioned = parse(SPECS["schedule"].replace("caption: CAP", "caption: Another"))
    assert "Another" in figure_html(prepared, recaptioned, strings=en, urls={}, fig_id="fig-1-abc")
