"""The hands-on series: its code is the course's own mixture, its figures plot what its code printed, every number its
text quotes is a number its run printed (or a test recomputes), and each lesson's downloadable .py prints the same
output with a fresh Python and numpy alone."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from course_site import REPO
from coursekit.runs import cache
from coursekit.runs.blocks import run_blocks
from coursekit.runs.execute import PageRun, run_page
from coursekit.runs.script import page_script

LESSONS = ("01-train-a-denoiser", "02-sample-with-it", "03-memorization-and-generalization")

# Numbers each lesson's prose, questions, takeaways and worked answer quote, as its run prints them.
QUOTED = {
    "01-train-a-denoiser": ["5506", "0.457", "0.437", "0.154", "0.198", "0.007", "58%"],
    "02-sample-with-it": ["0.032", "0.064", "0.077", "0.047", "0.030", "0.173"],
    "03-memorization-and-generalization": ["95.8%", "5.9%", "0.161", "0.165", "1.1%", "10.5%", "8.6%", "0.259",
                                           "0.155"],
}


def _codes(lesson: str, lang: str = "en") -> list[str]:
    text = (REPO / "docs" / lang / "handson" / f"{lesson}.md").read_text(encoding="utf-8")
    return [b.code for b in run_blocks(text)]


@lru_cache(maxsize=None)
def _run(lesson: str) -> PageRun:
    """The lesson's run as the build keeps it in generated/runs/, or a fresh run when the cache lacks it."""
    codes = _codes(lesson)
    records = [cache.load(REPO / "generated" / "runs", key) for key in cache.block_keys(codes)]
    if all(records) and "values" in records[-1]:
        return PageRun(tuple(r["output"] for r in records), records[-1]["values"])
    return run_page(codes, timeout=300, cwd=REPO)


def _text(lesson: str, lang: str) -> str:
    return (REPO / "docs" / lang / "handson" / f"{lesson}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lesson", LESSONS)
def test_both_languages_run_the_same_code(lesson: str) -> None:
    assert _codes(lesson, "en") == _codes(lesson, "ko")  # so the Korean page reuses the English run, number for number


def test_the_lessons_mixture_and_exact_denoiser_are_the_course_figures_own() -> None:
    from build_hooks.figures import gmm2d

    namespace: dict[str, object] = {}
    for code in _codes(LESSONS[0]):
        if "def train(" in code or "train(params" in code:
            break  # everything before training: the data, the exact denoiser, the network
        exec(code, namespace)
    mix = gmm2d.default_mixture()
    assert np.array_equal(namespace["means"], mix.means) and np.array_equal(namespace["covs"], mix.covs)
    assert np.allclose(namespace["weights"], mix.weights, rtol=0, atol=1e-15)
    alpha_bar = namespace["alpha_bar"]
    from build_hooks.figures.schedules import make_schedule

    assert np.allclose(alpha_bar, make_schedule("linear", 1000).alpha_bar, rtol=1e-12, atol=0)
    x = np.random.default_rng(0).normal(size=(50, 2)) * 1.5
    for t in (1, 10, 100, 500, 999):
        ab = float(alpha_bar[t])
        course = gmm2d.eps_from_score(gmm2d.noised_score(mix, x, ab), ab)
        assert np.allclose(namespace["exact_eps"](x, t), course, rtol=1e-9, atol=1e-9), t


@pytest.mark.whole_site
@pytest.mark.parametrize("lesson", LESSONS)
def test_every_quoted_number_is_printed_by_the_run_and_quoted_in_both_languages(lesson: str) -> None:
    printed = "".join(_run(lesson).outputs)
    for number in QUOTED[lesson]:
        assert number in printed, (lesson, number)
        plain = number.rstrip("%")
        for lang in ("en", "ko"):
            text = _text(lesson, lang).replace(",", "")  # 5,506 in prose is 5506 in the output
            prose = text[text.index("---", 3):]
            prose = re.sub(r"```python \{run\}.*?```", "", prose, flags=re.S)  # not the code itself
            assert plain in prose, (lesson, lang, number)


@pytest.mark.whole_site
@pytest.mark.parametrize("lesson", LESSONS)
def test_the_downloadable_script_prints_what_the_page_shows(lesson: str, tmp_path: Path) -> None:
    script = tmp_path / f"{lesson}.py"
    script.write_text(page_script(_codes(lesson), title=lesson, url=f"/handson/{lesson}/"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", str(script)], capture_output=True, text=True, timeout=600,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "".join(_run(lesson).outputs)


@pytest.mark.whole_site
def test_the_figures_plot_the_numbers_the_run_printed() -> None:
    from coursekit.figures.kind import Env
    from coursekit.figures.spec import parse

    from build_hooks.figures.kinds.ran import KIND

    run = _run(LESSONS[0])
    spec = parse("kind: ran\nplot: curve\npanels: [[loss_curve]]\nx: loss_steps\ncaption: Loss.\n")
    plotted = KIND.compute(spec, Env(run=run.values)).data["panels"][0][0]
    printed = [float(m) for m in re.findall(r"mean loss (\d\.\d+)", run.outputs[-4])]
    # The figure keeps four decimals and the print three: equal within the two roundings.
    assert np.allclose([plotted[i] for i in (0, 9, 19, 39)], printed, rtol=0, atol=0.00055)

    run = _run(LESSONS[1])
    spec = parse("kind: ran\nplot: curve\npanels: [[net_ancestral, exact_ancestral, net_ddim, exact_ddim]]\n"
                 "x: step_counts\ncaption: Distances.\n")
    data = KIND.compute(spec, Env(run=run.values)).data
    table = next(o for o in run.outputs if o.startswith("steps  ancestral"))
    rows = [[float(v) for v in line.split()[1:]] for line in table.splitlines()[1:]]
    assert np.allclose([[series[i] for series in data["panels"][0]] for i in range(len(rows))], rows, rtol=0,
                       atol=0.00055)
    assert data["x"] == [int(line.split()[0]) for line in table.splitlines()[1:]]


def _run_changed(lesson: str, changes: list[tuple[str, str]], extra: str = "") -> str:
    codes = "\n".join(_codes(lesson))
    for old, new in changes:
        assert old in codes, old
        codes = codes.replace(old, new)
    done = subprocess.run([sys.executable, "-I", "-c", codes + "\n" + extra], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.whole_site
def test_the_worked_answers_numbers_come_from_running_the_changed_code() -> None:
    out = _run_changed(LESSONS[0], [("train(params, data, 4000,", "train(params, data, 1000,"),
                                    ("reshape(40, 100)", "reshape(10, 100)"), ("np.arange(1, 41)", "np.arange(1, 11)"),
                                    ("np.full(40, floor)", "np.full(10, floor)"), ("(0, 9, 19, 39)", "(0, 9)")])
    assert "steps  901 to 1000: mean loss 0.508" in out
    assert re.search(r"\n\s+50\s+\S+\s+\S+\s+0\.675\n", out) and re.search(r"\n\s+250\s+\S+\s+\S+\s+0\.020\n", out)

    out = _run_changed(LESSONS[1], [], extra=(
        "for steps in (20, 100, 250):\n"
        "    a, b = sample(learned, 1000, steps, 0, seed=10), sample(exact_eps, 1000, steps, 0, seed=10)\n"
        "    print(steps, np.sqrt(np.mean(np.sum((a - b) ** 2, axis=1))).round(3))\n"))
    assert out.splitlines()[-3:] == ["20 0.173", "100 0.137", "250 0.134"]

    out = _run_changed(LESSONS[2], [("radius=0.05", "radius=0.1")])
    for share in ("99.3%", "20.8%", "4.5%", "10.3%", "34.6%", "38.0%"):
        assert share in out, share
    for lang in ("en", "ko"):
        text = _text(LESSONS[2], lang)
        assert all(s in text for s in ("99.3%", "20.8%", "4.5%", "10.3%", "34.6%", "38.0%", "17 ", "4.6 "))
        assert all(s in text for s in ("3.5 ", "14.9", "26.0", "27.5"))
    # The gains in points the worked answer quotes: the wider radius's share minus the printed one at 0.05.
    small = "".join(_run(LESSONS[2]).outputs)
    for wide, narrow, gain in (("99.3%", "95.8%", 3.5), ("20.8%", "5.9%", 14.9), ("34.6%", "8.6%", 26.0),
                               ("38.0%", "10.5%", 27.5)):
        assert narrow in small and round(float(wide[:-1]) - float(narrow[:-1]), 1) == gain, (wide, narrow)
    for lang in ("en", "ko"):
        text = _text(LESSONS[0], lang)
        assert all(s in text for s in ("0.508", "0.675", "0.020"))
        assert all(s in _text(LESSONS[1], lang) for s in ("0.173", "0.137", "0.134"))


@pytest.mark.whole_site
def test_the_claims_the_prose_draws_from_the_tables_hold() -> None:
    # Lesson 1: within one percent of the optimum (in squared terms) from t = 250 on; 58% on the grid against 39% on
    # the data at t = 50, both as root mean squares.
    table = next(o for o in _run(LESSONS[0]).outputs if "relative error" in o)
    rel = {int(line.split()[0]): float(line.split()[-1]) for line in table.splitlines()[1:]}
    assert all(rel[t] < 0.01 for t in rel if t >= 250) and rel[10] > rel[50] > rel[100] > 0.01
    assert round(100 * rel[50] ** 0.5) == 39 and "58%" in "".join(_run(LESSONS[0]).outputs)
    assert all("39%" in _text(LESSONS[0], lang) for lang in ("en", "ko"))

    # Lesson 2: DDIM beats ancestral at few steps; the network never beats the exact denoiser, and trails it by
    # 0.006 to 0.017 from 50 steps on (0.006 to 0.007 with DDIM, within the noise); every column is then within about 0.02 of the floor.
    outputs = _run(LESSONS[1]).outputs
    floor = float(re.search(r"are (\d\.\d+) from", "".join(outputs))[1])
    table = next(o for o in outputs if o.startswith("steps  ancestral"))
    rows = {int(line.split()[0]): [float(v) for v in line.split()[1:]] for line in table.splitlines()[1:]}
    for steps in (10, 20):
        net_anc, exact_anc, net_ddim, exact_ddim = rows[steps]
        assert net_ddim < net_anc and exact_ddim < exact_anc
    assert all(row[0] > row[1] and row[2] > row[3] for row in rows.values())
    gaps = [round(row[i] - row[i + 1], 3) for steps, row in rows.items() if steps >= 50 for i in (0, 2)]
    assert (min(gaps), max(gaps)) == (0.006, 0.017)
    ddim = [round(row[2] - row[3], 3) for steps, row in rows.items() if steps >= 50]
    ancestral = [round(row[0] - row[1], 3) for steps, row in rows.items() if steps >= 50]
    assert (min(ddim), max(ddim)) == (0.006, 0.007) and (min(ancestral), max(ancestral)) == (0.009, 0.017)
    assert round(rows[20][2] - rows[20][3], 3) == 0.012 and rows[20][2:] == [0.064, 0.052]
    assert all(v - floor <= 0.025 for steps, row in rows.items() if steps >= 50 for v in row)

    # Lesson 3: the share near a training point grows with training and passes fresh data; the distance falls.
    out = "".join(_run(LESSONS[2]).outputs)
    shares = [float(s) for s in re.findall(r"^\s+\d+\s+(\d+\.\d)%", out, flags=re.M)]
    distances = [float(d) for d in re.findall(r"%\s+(\d\.\d+)$", out, flags=re.M)]
    assert shares == sorted(shares) and shares[0] < 5.9 < shares[-1] and distances[-1] < distances[0]
