"""Finished HTML held out of the Markdown converter comes back exactly, in place, however Markdown treats its
surroundings (coursekit/page/held.py)."""

from __future__ import annotations

import markdown
import pytest

from coursekit.page.held import HeldHtml

FIGURE = '<link rel="stylesheet" href="x.css"><figure class="f"><svg viewBox="0 0 1 1"></svg><figcaption>A *b*</figcaption></figure>'
QUESTION = '<section class="q"><p>Which?</p><ol><li><button type="button">1 &lt; 2</button></li></ol></section>'


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Some text.", "More text."),
        ("# A heading", "- a list item"),
        ("", ""),
        ("A paragraph\nover two lines.", "!!! note\n    An admonition."),
    ],
)
@pytest.mark.parametrize("html", [FIGURE, QUESTION])
def test_held_html_comes_back_unchanged_between_any_blocks(before: str, after: str, html: str) -> None:
    held = HeldHtml()
    source = f"{before}\n\n{held.hold(html)}\n\n{after}\n"
    page = held.release(markdown.markdown(source, extensions=["admonition"]))
    assert html in page
    assert "data-course-held" not in page
    assert f"<p>{html}" not in page


def test_each_placeholder_gets_its_own_html() -> None:
    held = HeldHtml()
    first, second = held.hold("<div>one</div>"), held.hold("<div>two</div>")
    assert held.release(f"{second}\n{first}") == "<div>two</div>\n<div>one</div>"


def test_html_held_past_search_stays_out_until_the_page_is_finished() -> None:
    held = HeldHtml()
    page = f'{held.hold("<p>now</p>")}{held.hold("<p>later</p>", after_search=True)}'
    converted = held.release(page)
    assert "<p>now</p>" in converted and "later" not in converted
    assert held.release_after_search(converted) == "<p>now</p><p>later</p>"
