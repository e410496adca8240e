"""Korean particles stay attached to the formula, term or number before them, in the form its reading asks for.

Whether a course's pages are checked is its rule (course.yml rules.korean_particles, tests/site/test_course_rules.py);
here, what the checker finds."""

import pytest

from coursekit.editing.particles import LANGUAGES, scan
from course_site import site_languages


@pytest.mark.parametrize("text, particle", [
    ("위 식에서 $x_0$ 가 바뀝니다.", "가"),
    ("7강에서 DDIM 을 결정론적 샘플러로 봤습니다.", "을"),
    ("$\\sigma$는 0.01 부터 157까지 움직입니다.", "부터"),
    ("$k = 4$ 면 16배입니다.", "면"),
    ("그림 설명에는 품질이 PSNR 로 적혀 있습니다.", "로"),
    ("## ᾱ 에서 비율로", "에서"),  # a Greek letter, here ᾱ from Greek Extended
    ("선형 스케줄(β 가 1e-4에서 0.02까지)을 만듭니다.", "가"),
    ("x̂ 는 추정값입니다.", "는"),  # a letter under a combining hat
    ("연구인 DPM-Solver++ 는 같은 아이디어를 씁니다.", "는"),
    ("ᾱ가 0.5 아래로 내려가는 260 과도 비교합니다.", "과도"),  # stacked particles: 과 + 도
    ("더 이른 스텝 $s$ 까지의 정확한 해를 씁니다.", "까지의"),
])
def test_a_space_between_a_formula_or_term_and_its_particle_is_found(text: str, particle: str) -> None:
    (finding,) = scan(text)
    assert (finding.kind, finding.particle) == ("spaced", particle)


@pytest.mark.parametrize("text, wrong, right", [
    ("$\\Delta = 20$로 50 스텝을 밟습니다.", "로", "으로"),
    ("추정값 $\\hat{x}_0$은 거칩니다.", "은", "는"),  # x₀ is read 엑스 제로 course-wide
    ("Stable Diffusion 3는 정류 흐름을 씁니다.", "는", "은"),
    ("SNR을 본 뒤 SNR으로 나눕니다.", "으로", "로"),  # 알: ㄹ takes 로
    ("DDPM와도 비교합니다.", "와", "과"),  # in a stack, the first particle's form is checked
])
def test_a_particle_that_does_not_fit_the_reading_is_found(text: str, wrong: str, right: str) -> None:
    (finding,) = scan(text)
    assert (finding.kind, finding.particle, finding.right) == ("choice", wrong, right)


def test_a_line_starting_with_a_particle_is_found_but_not_a_determiner() -> None:
    text = "신호 진폭 $\\sqrt{\\bar\\alpha_t}$\n가 0.1 아래입니다. 그래서\n이 과정을 분산 보존 과정이라고 부릅니다.\n"
    assert [(f.line, f.kind, f.particle) for f in scan(text)] == [(2, "line-start", "가")]


@pytest.mark.parametrize("text, line, particle", [
    ("이므로\n\n$$\\lambda \\approx -2 \\log u$$\n\n가 되고, 이 식은 반대칭입니다.\n", 5, "가"),
    ("성분으로 나누면\n\n$$\nx_t = a x_0 + b \\epsilon\n$$\n\n의 각 주파수 성분은 합입니다.\n", 7, "의"),
    ("잠재 표현에서는\n\n$$\nz_t = a z_0\n$$\n\n이고, 네트워크는 같습니다.\n", 7, "이고"),
    ("규칙으로는\n\n$$x_t = a x_0$$\n\n입니다. 이것으로 끝납니다.\n", 5, "입니다"),
    ("규칙으로는\n$$x_t = a x_0$$\n도 성립합니다.\n", 3, "도"),  # no blank line: still its own line after the formula
])
def test_a_paragraph_opening_with_a_particle_after_a_display_formula_is_found(text: str, line: int,
                                                                              particle: str) -> None:
    (finding,) = scan(text)
    assert (finding.kind, finding.line, finding.particle) == ("after-display", line, particle)


def test_after_a_display_formula_the_determiner_and_a_word_are_not_particles() -> None:
    assert scan("다음과 같습니다.\n\n$$x = 1$$\n\n이 식은 반대칭입니다.\n\n$$y = 2$$\n\n가중치도 같습니다.\n") == []


QUESTION = """```question
id: one-big-jump
prompt: >-
  학습된 네트워크는 한 번의 호출로 $\\hat{x}_0$을 추정할 수 있습니다. 그런데도 샘플링이 작은 걸음을
  여러 번 걷는 이유는 무엇일까요? DDIM
  을 생각해 보세요.
choices:
  - text: "평균을 돌려주는 DDPM 을 씁니다."
    correct: true
    explain: >-
      맞습니다. 제곱 오차로 본 최선의 추측은 SNR 로 정해집니다.
  - text: 아닙니다.
    explain: 아닙니다. 키와 코드는 읽지 않습니다.
id_note: DDIM 을
```
"""


def test_a_question_blocks_prompt_choices_and_explanations_are_prose() -> None:
    found = [(f.line, f.kind, f.particle) for f in scan(QUESTION)]
    assert found == [(4, "choice", "을"), (6, "line-start", "을"), (8, "spaced", "을"), (11, "spaced", "로")]
    assert scan("```question\nid: x\nprompt: 이것은 SNR 로 나눕니다.\n```\n")[0].line == 3


def test_an_admonition_is_prose() -> None:
    text = '!!! note "DDIM 을 쓰는 이유"\n\n    본문에서 SNR 로 나눕니다.\n'
    assert [(f.line, f.particle) for f in scan(text)] == [(1, "을"), (3, "로")]


def test_the_ui_strings_values_are_checked_and_their_keys_are_not() -> None:
    from coursekit.editing.particles import scan_strings

    text = ('site:\n  # 주석의 DDIM 을 읽지 않습니다\n  ok: "{number}강 / 전체 {total}강"\n'
            '  bad: "순방향 과정({schedule} 스케줄)의 SNR 로"\n  list: {en: x, ko: DDPM 을}\n')
    assert [(f.line, f.particle) for f in scan_strings(text)] == [(4, "로"), (5, "을")]


@pytest.mark.parametrize("lang", [lang for lang in site_languages() if lang in LANGUAGES])
def test_the_ui_strings_have_no_particle_problem(lang: str) -> None:
    from coursekit.editing.particles import scan_strings
    from coursekit.i18n import strings_file

    from build_hooks import CONTENT

    for path in (strings_file(lang), CONTENT.strings_dir / f"{lang}.yml"):  # the generator's and the course's
        findings = scan_strings(path.read_text(encoding="utf-8"))
        assert not findings, "\n".join(f.message(path.name) for f in findings)


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
