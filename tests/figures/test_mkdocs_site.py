"""Build a small fixture site with the figures hook: HTML on the page, assets in the site, cache reuse."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

HOOK = REPO_ROOT / "build_hooks" / "mkdocs_figures.py"
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


def _site(tmp_path: Path, lang: str, caption: str, page: str | None = None) -> Path:
    docs = tmp_path / "docs" / lang / "lessons"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "01-x.md").write_text(page or PAGE.format(caption=caption), encoding="utf-8")
    (tmp_path / "docs" / lang / "index.md").write_text("# Home\n", encoding="utf-8")
    config = tmp_path / f"mkdocs.{lang}.yml"
    config.write_text(
        f"site_name: Fixture\ndocs_dir: docs/{lang}\nsite_dir: site/{lang}\n"
        f"theme:\n  name: material\n  language: {lang}\nhooks:\n  - {HOOK}\n"
        "markdown_extensions:\n  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    return config


def _build(config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=300,
    )


def _summary(log: str) -> str:
    match = re.search(r"figures: (\d+) computed, (\d+) reused", log)
    assert match, log
    return match.group(0)


def test_fixture_site_gets_figures_and_second_build_computes_nothing(tmp_path: Path) -> None:
    en = _site(tmp_path, "en", "Five steps.")
    first = _build(en)
    assert first.returncode == 0, first.stderr
    assert _summary(first.stderr) == "figures: 2 computed, 0 reused"
    html = (tmp_path / "site/en/lessons/01-x/index.html").read_text(encoding="utf-8")
    src = re.search(r'<img src="(\.\./\.\./assets/figures/[0-9a-f]{32}\.webp)" width="\d+" height="\d+" alt="Forward process[^"]*t = 0, 500, 1000', html)
    assert src, html[:2000]
    assert (tmp_path / "site/en/lessons/01-x" / src.group(1)).resolve().is_file()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and ">timestep t</text>" in html
    assert "<figcaption>Five steps.</figcaption>" in html
    assert "not-a-kind" in html  # a block shown inside another fence is left alone
    assert (tmp_path / "generated" / "figures").is_dir()
    assert not list((tmp_path / "docs").rglob("*.webp"))  # nothing is written into docs/

    second = _build(en)
    assert second.returncode == 0, second.stderr
    assert _summary(second.stderr) == "figures: 0 computed, 2 reused"
    assert (tmp_path / "site/en/lessons/01-x/index.html").read_text(encoding="utf-8") == html


def test_second_language_reuses_the_first_languages_figures(tmp_path: Path) -> None:
    assert _build(_site(tmp_path, "en", "Five steps.")).returncode == 0
    ko = _build(_site(tmp_path, "ko", "다섯 단계."))
    assert ko.returncode == 0, ko.stderr
    assert _summary(ko.stderr) == "figures: 0 computed, 2 reused"
    html = (tmp_path / "site/ko/lessons/01-x/index.html").read_text(encoding="utf-8")
    assert "blocks 장면의 순방향 과정" in html and ">시점 t</text>" in html
    assert "<figcaption>다섯 단계.</figcaption>" in html


def test_bad_figure_fails_the_build_with_file_line_and_key(tmp_path: Path) -> None:
    page = "# X\n\n```figure\nkind: forward\nimage: scene:blocks\ntimesteps: [0, 1200]\ncaption: x\n```\n"
    result = _build(_site(tmp_path, "en", "", page=page))
    assert result.returncode != 0
    assert "docs/en/lessons/01-x.md:6: figure key 'timesteps': 1200 is outside 0..1000 (T)" in result.stderr
    assert "Traceback" not in result.stderr


def test_caption_math_is_rendered_and_a_broken_formula_is_named(tmp_path: Path) -> None:
    good = _site(tmp_path, "en", "'The curve of $\\bar\\alpha_t$ over t.'")
    result = _build(good)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/en/lessons/01-x/index.html").read_text(encoding="utf-8")
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html).group(1)
    assert caption.startswith("The curve of <math ") and caption.endswith("</math> over t.")
    assert "$" not in caption

    page = "# X\n\n```figure\nkind: schedule\ncurve: alpha_bar\ncaption: 'Cost $5'\n```\n"
    broken = _build(_site(tmp_path / "broken", "en", "", page=page))
    assert broken.returncode != 0
    assert "docs/en/lessons/01-x.md:6: figure key 'caption': has an unpaired $" in broken.stderr
    assert "Traceback" not in broken.stderr
