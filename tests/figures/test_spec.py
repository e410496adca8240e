"""Every author mistake in a figure block becomes one line naming the key and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.figures.spec import SpecError, parse

GOOD = "kind: forward\nimage: scene:blocks\ntimesteps: [0, 500, 1000]\ncaption: A strip.\n"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "broken.png").write_bytes(b"this is not a png")
    return tmp_path


@pytest.mark.parametrize(
    ("block", "line", "message"),
    [
        ("kind: forwards\ncaption: x\n", 0, "figure key 'kind': 'forwards' is not a figure kind; use one of forward, scrubber, reverse"),
        ("caption: x\nimage: scene:blocks\n", None, "figure key 'kind' is missing"),
        (GOOD + "timestep: [1]\n", 4, "figure key 'timestep' is not used by kind forward; allowed keys: caption,"),
        (GOOD + "seed: abc\n", 4, "figure key 'seed': 'abc' is not an integer"),
        (GOOD + "seed: true\n", 4, "figure key 'seed': True is not an integer"),
        ("kind: forward\nimage: scene:blocks\ntimesteps: [0, 1200]\ncaption: x\n", 2, "figure key 'timesteps': 1200 is outside 0..1000 (T)"),
        ("kind: forward\nT: 50\nimage: scene:blocks\ntimesteps: [60]\ncaption: x\n", 3, "figure key 'timesteps': 60 is outside 0..50 (T)"),
        ("kind: forward\nT: 100\nimage: scene:blocks\ncaption: x\n", None,
         "figure key 'timesteps' is not given and its default [0, 250, 500, 750, 1000] does not fit this figure: 250 is "
         "outside 0..100 (T); set timesteps yourself"),
        ("kind: spectrum\nT: 100\nimage: scene:blocks\ncaption: x\n", None, "figure key 'timesteps' is not given and its default"),
        ("kind: forward\nimage: scene:blocks\ntimesteps: []\ncaption: x\n", 2, "figure key 'timesteps': the list is empty"),
        ("kind: forward\nimage: scene:blocks\ntimesteps: 5\ncaption: x\n", 2, "figure key 'timesteps': 5 is not a list"),
        ("kind: forward\nimage: scene:blocks\ntimesteps: [5, 5]\ncaption: x\n", 2, "repeats a timestep"),
        ("kind: forward\nimage: images/nope.png\ncaption: x\n", 1, "figure key 'image': 'images/nope.png' not found under"),
        ("kind: forward\nimage: images/broken.png\ncaption: x\n", 1, "figure key 'image': 'images/broken.png' is not a readable image"),
        ("kind: forward\nimage: ../secret.png\ncaption: x\n", 1, "must be a relative path inside docs/"),
        ("kind: forward\nimage: scene:nothing\ncaption: x\n", 1, "unknown scene 'nothing'; the course's scenes: blocks, rings, stripes, checker, sunset"),
        (GOOD + "size: 5000\n", 4, "figure key 'size': 5000 is outside 32..512"),
        (GOOD + "T: 1\n", 4, "figure key 'T': 1 is outside 10..4000"),
        ("kind: forward\nimage: scene:blocks\n", None, "figure key 'caption' is missing"),
        ("kind: forward\nimage: scene:blocks\ncaption: '  '\n", 2, "figure key 'caption': must be non-empty text"),
        (GOOD + "schedule: quadratic\n", 4, "figure key 'schedule': 'quadratic' is not allowed; use one of linear, cosine"),
        ("kind: schedule\nsize: 64\ncaption: x\n", 1, "figure key 'size' is not used by kind schedule"),
        ("kind: schedule\ncurve: gamma\ncaption: x\n", 1, "figure key 'curve': 'gamma' is not allowed; use one of alpha_bar, log_snr, snr, beta"),
        ("kind: schedule\nschedules: [linear, linear]\ncaption: x\n", 1, "repeats a name"),
        ("kind: reverse\nsteps: 2000\ncaption: x\n", 1, "figure key 'steps': 2000 is outside 1..1000 (T)"),
        ("kind: reverse\nsampler: euler\ncaption: x\n", 1, "figure key 'sampler': 'euler' is not allowed; use one of ddpm, ddim"),
        ("kind: reverse\nimages: []\ncaption: x\n", 1, "figure key 'images': the list is empty"),
        ("kind: scrubber\nimage: scene:blocks\ncount: 1\ncaption: x\n", 2, "figure key 'count': 1 is outside 2..101"),
        ("kind: scrubber\nimage: scene:blocks\ncount: 5\ntimesteps: [0, 10]\ncaption: x\n", 3, "figure key 'timesteps': give either count or timesteps, not both"),
        ("kind: forward\n  image: [\ncaption: x\n", 1, "figure block is not valid YAML"),
        ("- just\n- a list\n", 0, "figure block must be YAML keys"),
    ],
)
def test_bad_spec_gives_one_line_per_problem(docs: Path, block: str, line: int | None, message: str) -> None:
    with pytest.raises(SpecError) as caught:
        parse(block, (docs,))
    problems = caught.value.problems
    assert len(problems) == 1
    assert message in problems[0].message
    assert "\n" not in problems[0].message
    assert problems[0].line == line


def test_several_problems_are_all_reported() -> None:
    with pytest.raises(SpecError) as caught:
        parse("kind: forward\nimage: scene:blocks\ntimesteps: [0, 2000]\nsize: 1\nwhat: 1\n")
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 4  # unknown key, missing caption, timesteps, size
    assert any("'what'" in m for m in messages) and any("'caption' is missing" in m for m in messages)


def test_good_spec_is_normalized_with_defaults() -> None:
    spec = parse(GOOD)
    assert spec.kind == "forward" and spec.caption == "A strip."
    assert spec["schedule"] == ["linear"] and spec["seed"] == 0 and spec["size"] == 128 and spec["T"] == 1000
    assert "caption" not in spec.normalized_json()


def test_same_figure_in_two_languages_has_the_same_normalized_spec() -> None:
    en = parse(GOOD)
    ko = parse(GOOD.replace("caption: A strip.", "caption: 띠 그림."))
    assert en.normalized_json() == ko.normalized_json()


def test_image_file_under_docs_is_accepted(tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "images").mkdir()
    Image.new("P", (40, 30)).save(tmp_path / "images" / "pal.png")
    spec = parse("kind: forward\nimage: images/pal.png\ncaption: x\n", (tmp_path,))
    assert spec["image"] == "images/pal.png"
