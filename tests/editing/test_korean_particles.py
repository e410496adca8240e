"""Korean particles stay attached to the formula, term or number before them, in the form its reading asks for."""

from pathlib import Path

import pytest

from coursekit.editing.particles import LANGUAGES, scan
from course_site import REPO, site_languages

SOURCES = sorted(path for lang in site_languages() if lang in LANGUAGES
                 for path in (REPO / "docs" / lang).rglob("*.md"))


def test_there_are_korean_sources_to_check() -> None:
    assert len(SOURCES) >= 10


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(REPO)))
def test_no_particle_is_spaced_off_wrongly_chosen_or_starting_a_line(path: Path) -> None:
    findings = scan(path.read_text(encoding="utf-8"))
    assert not findings, "\n".join(f.message(str(path.relative_to(REPO))) for f in findings)


@pytest.mark.parametrize("text, particle", [
    ("위 식에서 $x_0$ 가 바뀝니다.", "가"),
    ("7강에서 DDIM 을 결정론적 샘플러로 봤습니다.", "을"),
    ("$\\sigma$는 0.01 부터 157까지 움직입니다.", "부터"),
    ("$k = 4$ 면 16배입니다.", "면"),
    ("그림 설명에는 품질이 PSNR 로 적혀 있습니다.", "로"),
])
def test_a_space_between_a_formula_or_term_and_its_particle_is_found(text: str, particle: str) -> None:
    (finding,) = scan(text)
    assert (finding.kind, finding.particle) == ("spaced", particle)


@pytest.mark.parametrize("text, wrong, right", [
    ("$\\Delta = 20$로 50 스텝을 밟습니다.", "로", "으로"),
    ("추정값 $\\hat{x}_0$은 거칩니다.", "은", "는"),  # x₀ is read 엑스 제로 course-wide
    ("Stable Diffusion 3는 정류 흐름을 씁니다.", "는", "은"),
    ("SNR을 본 뒤 SNR으로 나눕니다.", "으로", "로"),  # 알: ㄹ takes 로
])
def test_a_particle_that_does_not_fit_the_reading_is_found(text: str, wrong: str, right: str) -> None:
    (finding,) = scan(text)
    assert (finding.kind, finding.particle, finding.right) == ("choice", wrong, right)


def test_a_line_starting_with_a_particle_is_found_but_not_a_determiner() -> None:
    text = "신호 진폭 $\\sqrt{\\bar\\alpha_t}$\n가 0.1 아래입니다. 그래서\n이 과정을 분산 보존 과정이라고 부릅니다.\n"
    assert [(f.line, f.kind, f.particle) for f in scan(text)] == [(2, "line-start", "가")]


def test_code_math_and_figure_specs_are_not_prose() -> None:
    text = ("```python\nx = 1 # DDIM 을\n```\n\n$$\nx 가\n$$\n\n`numpy 를` 씁니다.\n\n"
            "```figure\nkind: steps\ncaption: DDIM 을 돌린 결과\n```\n")
    assert [(f.line, f.particle) for f in scan(text)] == [(13, "을")]  # only the caption is prose


def test_correct_korean_passes() -> None:
    text = ("$x_0$가 바뀌면 DDIM을 $t = 260$에서 멈추고, SNR(t)는 0.01부터 줄어듭니다. "
            "디노이저(denoiser)를 $k^2$으로 나누면 Ho(2021)는 $\\hat\\epsilon$으로 씁니다.\n")
    assert scan(text) == []


def _leaves(data, prefix=""):
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", str(value)


@pytest.mark.parametrize("lang", [lang for lang in site_languages() if lang in LANGUAGES])
def test_no_ui_template_puts_a_sound_dependent_particle_after_a_placeholder(lang: str) -> None:
    from coursekit.editing.particles import placeholder_particles
    from coursekit.i18n import load_strings

    bad = [f"{key}: {value}" for key, value in _leaves(load_strings(lang)) if placeholder_particles(value)]
    assert not bad, "\n".join(bad)


def test_a_particle_after_a_placeholder_is_found() -> None:
    from coursekit.editing.particles import placeholder_particles

    assert placeholder_particles("{image}와 노이즈의 파워 스펙트럼") == ["와"]
    assert placeholder_particles("{schedules} 스케줄의 {curve}를 그린 선 그래프") == ["를"]
    assert placeholder_particles("t = {first}부터 {last}까지, {name} 장면") == []
