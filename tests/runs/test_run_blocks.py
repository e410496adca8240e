"""Code that runs during the build (```python {run} blocks), seen from a fixture course as an author and a reader
see it: the printed output under each block, the page's downloadable .py, figures drawn from the run's values,
caching by the code's content, and one-line failures."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

from course_site import build_site, write_fixture_course

FIRST = """```python {run}
import numpy as np
rng = np.random.default_rng(0)
losses = np.round(np.exp(-np.arange(5) / 2) + 0.01 * rng.standard_normal(5), 4)
print("losses:", losses.tolist())
```
"""
SECOND = """```python {run}
final = float(losses[-1])   # the first block's names are still here
print(f"final loss {final:.4f}")
```
"""
FIGURE = """```figure
kind: ran
plot: curve
panels: [[losses]]
labels: {losses: loss}
caption: The losses the code above printed.
```
"""


def _page(*parts: str) -> str:
    return "# Run\n\nSome text.\n\n" + "\n".join(parts)


def _course(tmp_path: Path, page: str, extra: str = "") -> Path:
    root = write_fixture_course(tmp_path / "course", {"en": {"pages/run.md": page}}, languages=("en",),
                                content=("build_hooks",))  # the course's `ran` kind plots a run's values
    if extra:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "mkdocs.yml").write_text(text.replace("content: [build_hooks]", f"content: [build_hooks]\n{extra}"),
                                         encoding="utf-8")
    return root


def _build(root: Path, site: str = "site"):
    return build_site(root, root / site, site_url="http://127.0.0.1:8000/")


def _outputs(html: str) -> list[str]:
    found = re.findall(r'<div class="course-ran" data-course-ran="\d+"[^>]*>(.*?)</div>', html, flags=re.S)
    return [unescape(re.sub(r"<[^>]+>", "", block)) for block in found]


def test_blocks_share_a_namespace_show_their_output_and_download_as_one_script(tmp_path: Path) -> None:
    root = _course(tmp_path, _page(FIRST, "Between the blocks.\n", SECOND))
    result = _build(root)
    assert result.ok, result.output
    html = (root / "site/pages/run/index.html").read_text(encoding="utf-8")
    outputs = _outputs(html)
    assert len(outputs) == 2 and outputs[0].startswith("losses: [") and outputs[1].startswith("final loss ")
    assert 'href="run.py"' in html and "{run}" not in html
    assert html.index('href="run.py"') < html.index("data-course-ran")
    script = root / "site/pages/run/run.py"
    assert "print(\"losses:\"" in script.read_text(encoding="utf-8")
    # A reader's fresh Python with numpy alone prints exactly what the page shows.
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "".join(o + "\n" for o in outputs)


def test_a_figure_plots_the_numbers_the_run_printed(tmp_path: Path) -> None:
    root = _course(tmp_path, _page(FIRST, FIGURE))
    result = _build(root)
    assert result.ok, result.output
    html = (root / "site/pages/run/index.html").read_text(encoding="utf-8")
    printed = json.loads(_outputs(html)[0].removeprefix("losses: "))
    entries = [json.loads(p.read_text()) for p in (root / "generated/figures").glob("*.json")]
    plotted = [e["data"]["panels"][0][0] for e in entries if "panels" in e["data"]]
    assert plotted == [printed]
    assert "<figure" in html and "The losses the code above printed." in html


def test_a_warm_build_runs_nothing_and_new_code_runs_again(tmp_path: Path) -> None:
    root = _course(tmp_path, _page(FIRST, SECOND))
    cold = _build(root)
    assert cold.ok and "1 pages ran, 0 reused" in cold.output, cold.output
    first_html = (root / "site/pages/run/index.html").read_text(encoding="utf-8")
    warm = _build(root, "site2")
    assert warm.ok and "0 pages ran, 1 reused" in warm.output, warm.output
    assert (root / "site2/pages/run/index.html").read_text(encoding="utf-8") == first_html
    page = root / "docs/en/pages/run.md"
    page.write_text(page.read_text(encoding="utf-8").replace(":.4f", ":.3f"), encoding="utf-8")
    edited = _build(root, "site3")
    assert edited.ok and "1 pages ran, 0 reused" in edited.output, edited.output


def test_the_same_sources_give_byte_identical_pages_from_an_empty_cache(tmp_path: Path) -> None:
    pages = []
    for name in ("a", "b"):
        root = _course(tmp_path / name, _page(FIRST, SECOND, FIGURE))
        assert _build(root).ok
        pages.append((root / "site/pages/run/index.html").read_bytes())
        pages.append((root / "site/pages/run/run.py").read_bytes())
    assert pages[0] == pages[2] and pages[1] == pages[3]


def test_a_failing_block_fails_the_build_with_one_line(tmp_path: Path) -> None:
    bad = "```python {run}\nx = 1\ny = [1, 2][x + 1]\n```\n"
    root = _course(tmp_path, _page(FIRST, bad))
    result = _build(root)
    assert not result.ok
    line = "docs/en/pages/run.md:12: run block failed: IndexError: list index out of range (line 2 of the block)"
    assert line in result.output, result.output
    assert "Traceback" not in result.output


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    root = _course(tmp_path, _page("```python {run}\nprint(1)\nprint(2\n```\n"))
    result = _build(root)
    assert not result.ok and "Traceback" not in result.output
    assert ("docs/en/pages/run.md:5: run block failed: SyntaxError: '(' was never closed (line 2 of the block)"
            in result.output), result.output


def test_a_block_past_the_time_limit_fails_the_build_with_one_line(tmp_path: Path) -> None:
    slow = "```python {run}\nimport time\ntime.sleep(30)\n```\n"
    root = _course(tmp_path, _page(slow), extra="      run_timeout: 1")
    result = _build(root)
    assert not result.ok and "Traceback" not in result.output
    assert "docs/en/pages/run.md:5: run block failed: TimeoutError: still running after 1 s" in result.output


def test_a_figure_naming_a_value_the_run_did_not_leave_fails_with_one_line(tmp_path: Path) -> None:
    root = _course(tmp_path, _page(FIRST, FIGURE.replace("[[losses]]", "[[lossez]]")))
    result = _build(root)
    assert not result.ok and "Traceback" not in result.output
    assert "docs/en/pages/run.md:12: figure key 'panels': 'lossez' is not a number or array" in result.output


def test_plain_python_blocks_are_not_run(tmp_path: Path) -> None:
    root = _course(tmp_path, _page("```python\nraise SystemExit(3)\n```\n"))
    result = _build(root)
    assert result.ok, result.output
    assert "data-course-ran" not in (root / "site/pages/run/index.html").read_text(encoding="utf-8")


def test_pruning_keeps_the_figures_drawn_from_a_run(tmp_path: Path) -> None:
    from coursekit.figures.prune import live_keys

    root = _course(tmp_path, _page(FIRST, FIGURE))
    assert _build(root).ok
    cached = {p.stem for p in (root / "generated/figures").glob("*.json")}
    keys, problems = live_keys([root / "docs/en"])
    assert not problems and cached and cached <= keys
