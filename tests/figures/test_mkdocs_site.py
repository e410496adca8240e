"""Build a small fixture site with the figures hook: HTML on the page, assets in the site, cache reuse."""

from __future__ import annotations

import re
from pathlib import Path

from course_site import BuildResult, build_site, write_fixture_course

COURSE_CONTENT = ("build_hooks",)  # this course's figure kinds and computed answers

PAGE = """# Figures

Text before.

```figure
kind: forward
image: scene:blocks
timesteps: [0, 500, 1000]
size: 32
caption: {caption}
```

```figure
kind: schedule
curve: alpha_bar
caption: {caption}
```

````markdown
```figure
kind: not-a-kind
```
````
"""


def _site(tmp_path: Path, captions: dict[str, str], page: str | None = None) -> Path:
    """A fixture course whose page pages/x.md holds the figures (one caption per language)."""
    pages = {lang: {"pages/x.md": page or PAGE.format(caption=caption)} for lang, caption in captions.items()}
    return write_fixture_course(tmp_path, pages, languages=tuple(captions), content=COURSE_CONTENT)


def _build(root: Path) -> BuildResult:
    return build_site(root, root / "site", site_url="http://127.0.0.1:8000/", strict=False)


def _summaries(log: str) -> list[str]:
    """The figures hook's line of each language build, in build order."""
    found = re.findall(r"figures: \d+ computed, \d+ reused", log)
    assert found, log
    return found


def test_fixture_site_gets_figures_and_second_build_computes_nothing(tmp_path: Path) -> None:
    en = _site(tmp_path, {"en": "Five steps."})
    first = _build(en)
    assert first.ok, first.output
    assert _summaries(first.output) == ["figures: 2 computed, 0 reused"]
    html = (tmp_path / "site/pages/x/index.html").read_text(encoding="utf-8")
    src = re.search(r'<img src="(\.\./\.\./assets/figures/[0-9a-f]{32}\.webp)" width="\d+" height="\d+" alt="Forward process[^"]*t = 0, 500, 1000', html)
    assert src, html[:2000]
    assert (tmp_path / "site/pages/x" / src.group(1)).resolve().is_file()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and ">timestep t</text>" in html
    assert "<figcaption>Five steps.</figcaption>" in html
    assert "not-a-kind" in html  # a block shown inside another fence is left alone
    assert (tmp_path / "generated" / "figures").is_dir()
    assert not list((tmp_path / "docs").rglob("*.webp"))  # nothing is written into docs/

    second = _build(en)
    assert second.ok, second.output
    assert _summaries(second.output) == ["figures: 0 computed, 2 reused"]
    assert (tmp_path / "site/pages/x/index.html").read_text(encoding="utf-8") == html


def test_second_language_reuses_the_first_languages_figures(tmp_path: Path) -> None:
    both = _build(_site(tmp_path, {"en": "Five steps.", "ko": "다섯 단계."}))
    assert both.ok, both.output
    assert _summaries(both.output) == ["figures: 2 computed, 0 reused", "figures: 0 computed, 2 reused"]
    html = (tmp_path / "site/ko/pages/x/index.html").read_text(encoding="utf-8")
    assert "blocks 장면의 순방향 과정" in html and ">타임스텝 t</text>" in html
    assert "<figcaption>다섯 단계.</figcaption>" in html


def test_bad_figure_fails_the_build_with_file_line_and_key(tmp_path: Path) -> None:
    page = "# X\n\n```figure\nkind: forward\nimage: scene:blocks\ntimesteps: [0, 1200]\ncaption: x\n```\n"
    result = _build(_site(tmp_path, {"en": ""}, page=page))
    assert not result.ok
    assert "docs/en/pages/x.md:6: figure key 'timesteps': 1200 is outside 0..1000 (T)" in result.output
    assert "Traceback" not in result.output


def test_caption_math_is_rendered_and_a_broken_formula_is_named(tmp_path: Path) -> None:
    good = _site(tmp_path, {"en": "'The curve of $\\bar\\alpha_t$ over t.'"})
    result = _build(good)
    assert result.ok, result.output
    html = (tmp_path / "site/pages/x/index.html").read_text(encoding="utf-8")
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html).group(1)
    assert caption.startswith("The curve of <math ") and caption.endswith("</math> over t.")
    assert "$" not in caption

    page = "# X\n\n```figure\nkind: schedule\ncurve: alpha_bar\ncaption: 'Cost $5'\n```\n"
    (tmp_path / "broken").mkdir()
    broken = _build(_site(tmp_path / "broken", {"en": ""}, page=page))
    assert not broken.ok
    assert "docs/en/pages/x.md:6: figure key 'caption': has an unpaired $" in broken.output
    assert "Traceback" not in broken.output


SCRUBBER = "# S\n\n```figure\nkind: scrubber\nimage: scene:blocks\ncount: 3\nsize: 32\ncaption: Frames.\n```\n"


def test_only_pages_with_a_scrubber_load_its_stylesheet_and_script(tmp_path: Path) -> None:
    pages = {"en": {"pages/x.md": PAGE.format(caption="Five steps."), "pages/s.md": SCRUBBER}}
    root = write_fixture_course(tmp_path, pages, languages=("en",), content=COURSE_CONTENT)
    result = _build(root)
    assert result.ok, result.output
    site = tmp_path / "site"
    with_scrubber = (site / "pages/s/index.html").read_text(encoding="utf-8")
    tags = '<link rel="stylesheet" href="../../assets/course/scrubber.css"><script src="../../assets/course/scrubber.js" defer></script>'
    assert with_scrubber.count(tags) == 1
    assert with_scrubber.index(tags) < with_scrubber.index("<figure")
    for other in ("pages/x/index.html", "index.html"):
        assert "scrubber." not in (site / other).read_text(encoding="utf-8"), other
