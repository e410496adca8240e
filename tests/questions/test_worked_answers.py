"""The worked answers to the exercises quote numbers; each one is recomputed here (from the course's schedules,
scenes and the answers' own simulations) and must appear in every language version of the worked answer, so a number
in an answer cannot drift from the mathematics. One table, CASES, names each worked answer and its recomputation."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from build_hooks.figures import gmm2d
from build_hooks.figures.scenes import blocks
from build_hooks.figures.schedules import make_schedule
from course_site import REPO, site_languages


def first_step(values: np.ndarray) -> int:
    """The first step t >= 1 at which the condition holds (values[t] is step t)."""
    return int(np.argmax(values[1:])) + 1


def minus(value: float) -> str:
    """Tables in the answers print a negative number with a true minus sign."""
    return f"{value:.2f}".replace("-", "\u2212")


def worked_answer(lang: str, folder: str, name: str) -> str:
    """The worked answer of docs/<lang>/<folder>/<name>, white space folded: where a line breaks does not matter."""
    text = (REPO / "docs" / lang / folder / name).read_text(encoding="utf-8")
    match = re.search(r'^    \?\?\? answer "[^"]+"\n(.*)', text, re.MULTILINE | re.DOTALL)
    assert match, f"docs/{lang}/{folder}/{name}: no worked answer ('??? answer' inside the exercise block)"
    return " ".join(match.group(1).split())


def lesson_1() -> dict[str, str]:
    # The exercise's toy data, drawn in the same order as the answer's code.
    rng = np.random.default_rng(0)

    def draw(n: int) -> np.ndarray:
        centres = rng.choice([-2.0, 2.0], size=n)
        return np.stack([centres, np.zeros(n)], axis=1) + 0.5 * rng.standard_normal((n, 2))

    train, test = draw(20), draw(1000)

    def mean_log_p(x: np.ndarray, centres: np.ndarray, sigma: float, weights: float) -> float:
        d2 = ((x[:, None, :] - centres[None, :, :]) ** 2).sum(-1)
        logs = -d2 / (2 * sigma**2) - np.log(2 * np.pi * sigma**2)
        return float(np.mean(np.log(np.exp(logs - logs.max(1, keepdims=True)).sum(1) * weights) + logs.max(1)))

    found = {}
    sigmas = (0.01, 0.1, 0.3, 0.5, 1, 2)
    train_scores = [mean_log_p(train, train, s, 1 / 20) for s in sigmas]
    test_scores = [mean_log_p(test, train, s, 1 / 20) for s in sigmas]
    for sigma, on_train, on_test in zip(sigmas, train_scores, test_scores):
        found[f"sigma {sigma}"] = f"| {sigma} | {minus(on_train)} | {minus(on_test)} |"
    assert sigmas[int(np.argmax(train_scores))] == 0.01, "the answer says the smallest sigma wins on training points"
    assert sigmas[int(np.argmax(test_scores))] == 0.5, "the answer says 0.5 wins on test points"
    assert sorted(test_scores)[-2] == test_scores[sigmas.index(0.3)], "the answer says 0.3 comes second"
    found["own-bump score at 0.01"] = minus(-np.log(20 * 2 * np.pi * 0.01**2))
    found["true mixture on test"] = minus(mean_log_p(test, np.array([[-2.0, 0.0], [2.0, 0.0]]), 0.5, 1 / 2))
    return found


def lesson_2() -> dict[str, str]:
    a = make_schedule("linear").alpha_bar
    half = first_step(a < 0.5)
    tenth = first_step(np.sqrt(a) < 0.1)
    return {
        "first t with alpha_bar < 0.5": f"{half}", "alpha_bar there": f"{a[half]:.3f}",
        "alpha_bar at 1000": f"{a[1000]:.2e}",
        "first t with signal weight < 0.1": f"{tenth}", "alpha_bar at that step": f"{a[tenth]:.5f}",
        "alpha_bar at 250": f"{a[250]:.3f}", "alpha_bar at 300": f"{a[300]:.3f}",
        "alpha_bar at 600": f"{a[600]:.3f}", "alpha_bar at 650": f"{a[650]:.3f}",
        "signal weight at 600": f"{np.sqrt(a[600]):.2f}", "signal weight at 650": f"{np.sqrt(a[650]):.2f}",
    }


def lesson_3() -> dict[str, str]:
    linear = make_schedule("linear")
    a = linear.alpha_bar
    # The exercise's Monte Carlo run, drawn in the same order as the answer's code so the digits match.
    rng = np.random.default_rng(0)
    x = np.full(100_000, 0.8)
    for beta in linear.betas[1:501]:
        x = np.sqrt(1 - beta) * x + np.sqrt(beta) * rng.standard_normal(x.size)
    found = {
        "alpha_bar at 500": f"{a[500]:.4f}",
        "closed-form mean": f"{np.sqrt(a[500]) * 0.8:.3f}", "closed-form variance": f"{1 - a[500]:.3f}",
        "sample mean": f"{x.mean():.3f}", "sample variance": f"{x.var():.3f}",
        "standard error of the mean": f"{np.sqrt(x.var() / x.size):.3f}",
        "standard error of the variance": f"{x.var() * np.sqrt(2 / (x.size - 1)):.3f}",
    }
    for name in ("linear", "cosine"):
        alpha_bar = make_schedule(name).alpha_bar
        tenth = first_step(alpha_bar < 0.1)
        found[f"{name} first below 0.5"] = f"{first_step(alpha_bar < 0.5)}"
        found[f"{name} first below 0.1"] = f"{tenth}"
        found[f"{name} steps below 0.1"] = f"{1000 - tenth + 1}"
    assert abs(x.mean() - np.sqrt(a[500]) * 0.8) < 2 * np.sqrt(x.var() / x.size), "the answer says: within two standard errors"
    assert abs(x.var() - (1 - a[500])) < 2 * x.var() * np.sqrt(2 / (x.size - 1)), "the answer says: within two standard errors"
    return found


def lesson_4() -> dict[str, str]:
    found = {}
    for name in ("linear", "cosine"):
        lam = make_schedule(name).log_snr
        found[f"{name} % below -5"] = f"{100 * np.mean(lam[1:] < -5):.1f}"
        found[f"{name} % above +5"] = f"{100 * np.mean(lam[1:] > 5):.1f}"
        found[f"{name} first step below -2"] = f"t = {first_step(lam < -2)}"
    for level in (5, 8, 6):
        side = math.ceil(math.exp(level / 2))
        assert 2 * math.log(side) >= level > 2 * math.log(side - 1)
        found[f"k at -{level}"] = f"k = {side}"
    found["2 log 13"] = f"{2 * math.log(13):.2f}"
    found["2 log 12"] = f"{2 * math.log(12):.2f}"
    found["e^2.5"] = f"{math.exp(2.5):.1f}"
    found["e^4"] = f"{math.exp(4):.1f}"
    found["e^3"] = f"{math.exp(3):.1f}"
    return found


def lesson_5() -> dict[str, str]:
    snr = make_schedule("linear").snr
    k = np.fft.fftfreq(128) * 128
    mag = np.hypot(*np.meshgrid(k, k))
    mag = mag[mag > 0]
    found = {}
    for a in (1, 2, 3, 0.8):
        C = 128**2 * 0.25 / np.sum(mag ** -a)
        fc = np.full_like(snr, np.inf)
        fc[1:] = (C * snr[1:]) ** (1 / a)
        t32, t2 = first_step(fc < 32), first_step(fc < 2)
        found[f"alpha {a}: drop in log-SNR"] = f"{a * np.log(16):.2f}"
        if a == 0.8:
            found["alpha 0.8: steps"] = f"{t2 - t32}"
            found["alpha 0.8: first below 32"] = f"t = {t32}"
            found["alpha 0.8: first below 2"] = f" {t2}"
        else:
            found[f"alpha {a}: row"] = f"| {a} | {C:.2f} | t = {t32} | t = {t2} | {t2 - t32} |"
    return found


def lesson_6() -> dict[str, str]:
    alpha_bar = make_schedule("linear").alpha_bar
    rng = np.random.default_rng(0)
    x0 = rng.normal(0, 0.5, 100_000)
    eps = rng.standard_normal(100_000)
    found = {}
    for t in (100, 250, 500):
        a = alpha_bar[t]
        x_t = np.sqrt(a) * x0 + np.sqrt(1 - a) * eps
        v = np.sqrt(a) * eps - np.sqrt(1 - a) * x0
        guesses = {"ideal": np.sqrt(a) * 0.25 * x_t / (a * 0.25 + 1 - a), "zero": 0 * x_t}
        for name, x0_hat in guesses.items():
            eps_hat = (x_t - np.sqrt(a) * x0_hat) / np.sqrt(1 - a)
            v_hat = np.sqrt(a) * eps_hat - np.sqrt(1 - a) * x0_hat
            e_x, e_e, e_v = (np.mean((p - q) ** 2) for p, q in ((x0_hat, x0), (eps_hat, eps), (v_hat, v)))
            if name == "ideal" or t == 100:
                found[f"{name} t={t} x0 error"] = f"{e_x:.4f}"
                found[f"{name} t={t} eps error"] = f"{e_e:.4f}"
                found[f"{name} t={t} v error"] = f"{e_v:.4f}"
            snr = a / (1 - a)
            assert abs(e_e / e_x - snr) < 1e-9 * snr and abs(e_v / e_x - (1 + snr)) < 1e-9 * (1 + snr)
            found[f"{name} t={t} eps ratio"] = f"{e_e / e_x:.4f}"
            found[f"t={t} SNR"] = f"{snr:.4f}"
            found[f"{name} t={t} v ratio"] = f"{e_v / e_x:.4f}"
    found["rounded x0 error at 100"] = f"{found['ideal t=100 x0 error'][:5]}"
    return found


def lesson_7() -> dict[str, str]:
    points = np.array([[1, 1], [1, -1], [-1, 1], [-1, -1]], float)
    abar = make_schedule("linear").alpha_bar  # abar[0] = 1

    def denoise(x: np.ndarray, a: float) -> np.ndarray:
        d = ((x[:, None, :] - np.sqrt(a) * points) ** 2).sum(-1) / (2 * (1 - a))
        w = np.exp(-(d - d.min(1, keepdims=True)))
        return (w / w.sum(1, keepdims=True)) @ points

    def ddim(x: np.ndarray, steps: int, eta: float, rng: np.random.Generator) -> np.ndarray:
        dt = 1000 // steps
        for t in range(1000, 0, -dt):
            a, a_prev = abar[t], abar[t - dt]
            x0 = denoise(x, a)
            eps = (x - np.sqrt(a) * x0) / np.sqrt(1 - a)
            sigma = eta * np.sqrt((1 - a_prev) / (1 - a) * (1 - a / a_prev))
            x = np.sqrt(a_prev) * x0 + np.sqrt(1 - a_prev - sigma**2) * eps + sigma * rng.standard_normal(x.shape)
        return x

    rng = np.random.default_rng(0)
    start = rng.standard_normal((1000, 2))
    runs = {(s, 0): ddim(start, s, 0.0, rng) for s in (50, 20, 10)}
    runs[(50, 1)] = ddim(start, 50, 1.0, rng)

    def nearest(x: np.ndarray) -> np.ndarray:
        return np.linalg.norm(x[:, None] - points, axis=-1).argmin(1)

    found = {}
    for (steps, eta), x in runs.items():
        dist = np.linalg.norm(x[:, None] - points, axis=-1).min(1)
        cells = (f"{dist.max():.3f}", f"{100 * np.mean(dist > 0.01):.1f}%",
                 f"{100 * np.mean(nearest(x) == nearest(runs[(50, 0)])):.1f}%")
        found[f"{steps} steps, eta {eta}: table row"] = f"$\\eta = {eta}$ | " + " | ".join(cells) + " |"
    return found


def lesson_8() -> dict[str, str]:
    found = {}
    mix = gmm2d.default_mixture()
    means = np.array([gmm2d.class_moments(mix, c)[0] for c in mix.classes])
    for w in (0, 1, 3, 7):  # the guidance figure's own samples (ddim, 100 steps, 400 samples, seed 0)
        x, labels = gmm2d.guided_samples(mix, make_schedule("linear"), w=w, n=400, sampler="ddim", steps=100, seed=0)
        d = np.linalg.norm(x[:, None] - means, axis=-1)
        own = d[np.arange(len(x)), labels]
        d[np.arange(len(x)), labels] = np.inf
        assert not np.any(d.min(1) < own), "the worked answer says no sample is closer to another class's centre"
        found[f"w={w} closest margin"] = f"{(d.min(1) - own).min():.2f}"
        found[f"w={w} spread"] = f"{gmm2d.class_spread(x, labels):.2f}"
    grid = np.linspace(-6, 6, 120_001)

    def pdf(m: float) -> np.ndarray:
        return np.exp(-((grid - m) ** 2) / (2 * 0.8**2))

    for w in (0, 1, 3, 7):
        p = pdf(1) * (pdf(1) / (pdf(1) + pdf(-1))) ** w
        p /= p.sum()
        mean = (p * grid).sum()
        sd = np.sqrt((p * (grid - mean) ** 2).sum())
        share = 100 * p[grid < 0].sum()
        share_text = f"{share:.1f}%" if share >= 1 else f"{share:.2f}%"
        found[f"w={w} target row"] = f"| {w} | {mean:.2f} | {sd:.2f} | {share_text} |"
    found["s=7.5 as w"] = f"$w = {7.5 - 1:g}$"
    found["w=0.3 as s"] = f"$s = {0.3 + 1:g}$"
    return found


def lesson_9() -> dict[str, str]:
    a = make_schedule("linear").alpha_bar
    img = np.asarray(blocks(128), dtype=np.float64)
    patches = img.reshape(16, 8, 16, 8, 3).transpose(4, 0, 2, 1, 3).reshape(-1, 64)
    _, s, vt = np.linalg.svd(patches, full_matrices=False)
    kept = np.cumsum(s**2) / np.sum(s**2)
    coords = patches @ vt[:4].T
    sd = coords.std(axis=0)
    scaled = sd / np.sqrt(np.mean(coords**2))
    found = {"first t with alpha_bar < 0.5": f"t = {first_step(a < 0.5)}"}
    for k, i in ((1, 0), (4, 3), (16, 15)):
        found[f"share kept by {k}"] = f"{kept[i]:.3f}"
        found[f"percent kept by {k}"] = f"{100 * kept[i]:.1f}%"
    found["first component's variance at k = 64"] = f" {64 * kept[0]:.0f}"
    found["0.795 x 64"] = f"{kept[0]:.3f} \\times 64"
    for j in range(4):
        found[f"sd {j + 1}"] = f"{sd[j]:.2f}"
        found[f"scaled sd {j + 1}"] = f"{scaled[j]:.2f}"
    found["first / fourth"] = f"{sd[0] / sd[3]:.1f}"
    return found


def lesson_10() -> dict[str, str]:
    a = make_schedule("linear").alpha_bar

    def ddim(n: int) -> float:
        x, ts = 1.0, np.linspace(1000, 0, n + 1).round().astype(int)
        for t, s in zip(ts[:-1], ts[1:]):
            x0 = np.sqrt(a[t]) * 0.25 * x / (0.25 * a[t] + 1 - a[t])
            eps = (x - np.sqrt(a[t]) * x0) / np.sqrt(1 - a[t])
            x = np.sqrt(a[s]) * x0 + np.sqrt(1 - a[s]) * eps
        return float(x)

    exact = 0.5 / np.sqrt(0.25 * a[1000] + 1 - a[1000])
    found = {"exact end": f"{exact:.3f}"}
    errors = []
    for n in (5, 10, 20, 40):
        value = ddim(n)
        errors.append(exact - value)
        found[f"{n} steps end"] = f"| {value:.3f} "
        found[f"{n} steps error"] = f"| {exact - value:.3f} "
    for i in range(3):
        found[f"ratio {i}"] = f"| {errors[i] / errors[i + 1]:.2f} "
    found["spread at 5 steps"] = f"{ddim(5):.3f} / {exact:.3f}"
    return found


def foundations_1() -> dict[str, str]:
    rng = np.random.default_rng(1)
    betas = np.linspace(1e-4, 0.02, 1000)
    alpha_bar = make_schedule("linear").alpha_bar[1:]
    a = alpha_bar[299]
    x0 = rng.uniform(-1, 1, 100_000)
    x = x0.copy()
    for beta in betas[:300]:
        x = np.sqrt(1 - beta) * x + np.sqrt(beta) * rng.standard_normal(x.shape)
    xb = np.sqrt(a) * x0 + np.sqrt(1 - a) * rng.standard_normal(x0.shape)

    def share(ab, v0):
        return ab * v0 / (ab * v0 + 1 - ab)

    eps = rng.standard_normal(x0.shape)
    xd = x0.copy()
    coefficient = 0.0
    for beta in betas[:300]:
        xd = np.sqrt(1 - beta) * xd + np.sqrt(beta) * eps
        coefficient = np.sqrt(1 - beta) * coefficient + np.sqrt(beta)
    return {
        "alpha_bar at 300": f"{a:.3f}",
        "closed-form variance": f"= {a / 3 + 1 - a:.3f}",
        "chain mean": f"{x.mean():.3f}", "chain variance": f"{x.var():.3f}",
        "one-line mean": f"{xb.mean():.3f}", "one-line variance": f"{xb.var():.3f}",
        "share, v0 = 1/3": f"{100 * share(a, 1 / 3):.1f}%", "share, v0 = 1": f"{100 * share(a, 1.0):.1f}%",
        "first t below half, v0 = 1/3": f"t = {first_step(share(make_schedule('linear').alpha_bar, 1 / 3) < 0.5)}",
        "first t below half, v0 = 1": f"t = {first_step(share(make_schedule('linear').alpha_bar, 1.0) < 0.5)}",
        "reused-noise variance": f"{xd.var():.1f}",
        "noise coefficient": f"{coefficient:.1f}", "its square": f"{coefficient**2:.1f}",
        "1 - alpha_bar": f"= {1 - a:.3f}",
    }


def foundations_2() -> dict[str, str]:
    s = make_schedule("linear")
    ab, beta = s.alpha_bar, s.betas
    rng = np.random.default_rng(0)
    found = {}
    for t in (2, 10, 100, 500):
        prev = np.sqrt(ab[t - 1]) * 0.7 + np.sqrt(1 - ab[t - 1]) * rng.standard_normal(200_000)
        xt = np.sqrt(1 - beta[t]) * prev + np.sqrt(beta[t]) * rng.standard_normal(200_000)
        c1, c0 = np.polyfit(xt, prev, 1)
        slope = np.sqrt(1 - beta[t]) * (1 - ab[t - 1]) / (1 - ab[t])
        intercept = 0.7 * np.sqrt(ab[t - 1]) * beta[t] / (1 - ab[t])
        residual = np.var(prev - (c0 + c1 * xt))
        cells = [f"{c1:.4f}", f"{slope:.4f}", f"{c0:.4f}", f"{intercept:.4f}", f"{residual:.3e}",
                 f"{s.posterior_variance[t]:.3e}", f"{beta[t]:.3e}"]
        found[f"row t = {t}"] = f"| {t} | " + " | ".join(cells) + " |"
    return found


def foundations_3() -> dict[str, str]:
    s = make_schedule("linear")
    ab, beta = s.alpha_bar, s.betas
    rng = np.random.default_rng(0)
    x = 0.3 + np.sqrt(0.4) * rng.standard_normal(200_000)
    log_q = -0.5 * np.log(2 * np.pi * 0.4) - (x - 0.3) ** 2 / 0.8
    log_p = -0.5 * np.log(2 * np.pi * 0.9) - x**2 / 1.8
    closed = 0.5 * (0.4 / 0.9 - 1 + np.log(0.9 / 0.4) + 0.3**2 / 0.9)
    found = {"Monte Carlo KL": f"{np.mean(log_q - log_p):.4f}", "closed-form KL": f"{closed:.4f}"}
    t = np.arange(2, 1001)
    ho = beta[t] ** 2 / (2 * s.posterior_variance[t] * (1 - beta[t]) * (1 - ab[t]))
    snr = s.snr
    simple = 0.5 * (snr[t - 1] / snr[t] - 1)
    np.testing.assert_allclose(ho, simple, rtol=1e-9)
    for step in (2, 10, 100, 500):
        a, b = f"{ho[step - 2]:.4g}", f"{simple[step - 2]:.4g}"
        found[f"omega row t = {step}"] = f"| {step} | {a} | {b} |"
    w, steps = simple[:-1], t[:-1]
    found["share of t <= 100"] = f"{100 * w[steps <= 100].sum() / w.sum():.1f}%"
    found["simple loss share"] = f"{100 * np.mean(steps <= 100):.1f}%"
    return found


def langevin(tau: float, steps: int, record=()) -> tuple[float, dict[int, float]]:
    rng = np.random.default_rng(0)
    x, seen = np.zeros(40_000), {}
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(1, steps + 1):
            x = x + tau / 2 * (-x / 0.5) + np.sqrt(tau) * rng.standard_normal(x.size)
            if k in record:
                seen[k] = float(x.var())
    return float(x.var()), seen


def foundations_4() -> dict[str, str]:
    found = {}
    for tau in (0.01, 0.1, 0.4, 1.0):
        found[f"tau = {tau}"] = f"| {tau} | {langevin(tau, 300)[0]:.4f} | {0.5 / (1 - tau / 2):.4f} |"
    mantissa, exponent = f"{langevin(2.5, 300)[0]:.1e}".split("e+")
    found["tau = 2.5"] = f"${mantissa} \\times 10^{{{int(exponent)}}}$"
    found["growth per step"] = f"{(1 - 2.5) ** 2:.2f}"
    _, seen = langevin(0.01, 300, record=(10, 50, 300))
    stationary = 0.5 / (1 - 0.01 / 2)
    found["stationary"] = f"{stationary:.4f}"
    for k in (10, 50, 300):
        found[f"measured after {k}"] = f"{seen[k]:.4f}"
        found[f"exact after {k}"] = f"{stationary * (1 - 0.99 ** (2 * k)):.4f}"
    return found


# One row per worked answer: its series folder under docs/<lang>/, its file, and the recomputation of its numbers.
CASES = [
    ("lessons", "01-what-a-generative-model-learns.md", lesson_1),
    ("lessons", "02-diffusion-intuition.md", lesson_2),
    ("lessons", "03-forward-process.md", lesson_3),
    ("lessons", "04-signal-to-noise.md", lesson_4),
    ("lessons", "05-spectral-view.md", lesson_5),
    ("lessons", "06-training-objective.md", lesson_6),
    ("lessons", "07-sampling-ddpm-ddim.md", lesson_7),
    ("lessons", "08-guidance.md", lesson_8),
    ("lessons", "09-latent-diffusion.md", lesson_9),
    ("lessons", "10-fewer-steps.md", lesson_10),
    ("foundations", "01-gaussians.md", foundations_1),
    ("foundations", "02-bayes-reverse-step.md", foundations_2),
    ("foundations", "03-variational-bound.md", foundations_3),
    ("foundations", "04-scores-langevin.md", foundations_4),
]


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(("folder", "name", "numbers"), CASES, ids=[f"{folder}/{name}" for folder, name, _ in CASES])
def test_worked_answer_numbers_match_the_course(lang: str, folder: str, name: str, numbers) -> None:
    answer = worked_answer(lang, folder, name)
    missing = {what: value for what, value in numbers().items() if value not in answer}
    assert not missing, f"docs/{lang}/{folder}/{name}: worked answer lacks {missing}"


@pytest.mark.parametrize("lang", site_languages())
def test_foundations_3_code_prints_the_table_its_answer_reports(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The worked answer reports a table of ω_t; its code must print that table, not only compute it."""
    text = (REPO / "docs" / lang / "foundations" / "03-variational-bound.md").read_text(encoding="utf-8")
    code = re.search(r"^        ```python\n(.*?)^        ```$", text, re.MULTILINE | re.DOTALL)
    assert code, f"docs/{lang}/foundations/03-variational-bound.md: no code in the worked answer"
    exec("\n".join(line[8:] for line in code.group(1).splitlines()), {})  # noqa: S102 - the course's own code
    printed = capsys.readouterr().out.splitlines()
    for row in ("2 0.5997 0.5997", "10 0.08644 0.08644", "100 0.01027 0.01027", "500 0.005508 0.005508"):
        assert row in printed, f"docs/{lang}/foundations/03-variational-bound.md: the code does not print {row!r}"
