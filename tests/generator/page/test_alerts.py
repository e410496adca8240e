"""GitHub alerts become Material admonitions; a lesson's own `# Title` is found. Pure text in, text out."""

from __future__ import annotations

import pytest

from coursekit.lessons.headings import title_headings
from coursekit.page.alerts import convert_alerts

TITLES = {"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"}

CASES = {
    "note": ("> [!NOTE]\n> Read this.\n", '!!! note "Note"\n\n    Read this.\n'),
    "each type, any case": ("> [!caution]\n> Hot.\n", '!!! danger "Caution"\n\n    Hot.\n'),
    "important is info": ("> [!IMPORTANT]\n> Key.\n", '!!! info "Important"\n\n    Key.\n'),
    "nested list, code and math kept": (
        "> [!TIP]\n> Try $x_t$:\n>\n> - one\n>   - two\n>\n> ```python\n> print(1)\n> ```\n",
        '!!! tip "Tip"\n\n    Try $x_t$:\n\n    - one\n      - two\n\n    ```python\n    print(1)\n    ```\n'),
    "interrupting a paragraph": ("Text.\n> [!WARNING]\n> Careful.\nMore.\n",
                                 'Text.\n\n!!! warning "Warning"\n\n    Careful.\n\nMore.\n'),
    "text on the marker line is the title": ("> [!NOTE] In short\n> Body.\n", '!!! note "In short"\n\n    Body.\n'),
    "a plain quote stays": ("> Just a quote.\n> [!NOTE] inside it\n", "> Just a quote.\n> [!NOTE] inside it\n"),
    "inside a fence stays": ("```markdown\n> [!NOTE]\n> Shown as code.\n```\n", "```markdown\n> [!NOTE]\n> Shown as code.\n```\n"),
}


@pytest.mark.parametrize(("source", "expected"), CASES.values(), ids=CASES.keys())
def test_alerts_become_admonitions(source: str, expected: str) -> None:
    converted, unknown = convert_alerts(source, TITLES)
    assert converted == expected and unknown == []


def test_the_title_is_in_the_page_language_and_quotes_cannot_break_it() -> None:
    assert convert_alerts("> [!NOTE]\n> 본문\n", {"note": '참고 "메모"'})[0] == "!!! note \"참고 '메모'\"\n\n    본문\n"


def test_an_unknown_type_stays_a_quote_and_is_named_with_its_line() -> None:
    source = "Intro.\n\n> [!DANGER]\n> Hot.\n"
    converted, unknown = convert_alerts(source, TITLES)
    assert converted == source
    assert [u.message("docs/en/lessons/01-a.md", first_line=10) for u in unknown] == [
        "docs/en/lessons/01-a.md:12: unknown GitHub alert [!DANGER]; use one of [!NOTE], [!TIP], [!IMPORTANT], "
        "[!WARNING], [!CAUTION], or write a Material admonition (!!! note)"]


@pytest.mark.parametrize(("source", "lines"), [
    ("# Forward process\n\nText.\n", [1]),
    ("Text.\n\n  # Indented title #\n", [3]),
    ("## A section\n#hashtag\n", []),
    ("```bash\n# a shell comment\n```\n", []),
    ("~~~~\n```\n# still code\n```\n~~~~\n# Title\n", [6]),
])
def test_a_level_one_heading_outside_code_is_found(source: str, lines: list[int]) -> None:
    assert [found.line for found in title_headings(source)] == lines


def test_the_title_warning_names_the_line_and_the_fix() -> None:
    [found] = title_headings("Text.\n# Forward process\n")
    assert found.message("docs/ko/lessons/03-x.md", first_line=9) == (
        "docs/ko/lessons/03-x.md:10: '# Forward process' is a page title in the body, but the lesson's header "
        "shows its front matter 'title:'; remove the line (move its wording to 'title:'), or make it '## …' for a "
        "section")
