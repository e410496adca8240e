"""The progress scripts as shipped: comment stripping keeps valid code, and what any page loads fits 14 KB."""

from __future__ import annotations

import re

import shutil
import subprocess
from pathlib import Path

import pytest

from coursekit.progress.assets import BUDGET_BYTES, compact_css, compact_js, gzipped_size, page_loads

ASSETS = Path(__file__).resolve().parents[3] / "generator" / "coursekit" / "theme" / "assets" / "course"
MODULES = sorted((ASSETS / "progress").glob("*.js"))


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is needed to parse the shipped modules")
@pytest.mark.parametrize("module", MODULES, ids=[m.name for m in MODULES])
def test_shipped_module_is_still_valid_javascript(module: Path, tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    shipped = tmp_path / module.name
    shipped.write_text(compact_js(module.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run(["node", "--check", str(shipped)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("source", "shipped"), [
    ("// why\nconst a = 1;\n\n  // more\n  f(a); // kept\n", "const a = 1;\nf(a); // kept\n"),
    ("const url = 'http://x/';\n", "const url = 'http://x/';\n"),
    ("const s = `line one\n  // not a comment\n`;\n", "const s = `line one\n  // not a comment\n`;\n"),
])
def test_compact_js_drops_only_whole_line_comments_and_indentation(source: str, shipped: str) -> None:
    assert compact_js(source) == shipped


def test_what_any_page_loads_stays_under_14_kb_gzipped() -> None:
    shipped = {m.name: gzipped_size(compact_js(m.read_text(encoding="utf-8")).encode()) for m in MODULES}
    loads = page_loads(shipped, (ASSETS / "progress" / "main.js").read_text(encoding="utf-8"),
                       gzipped_size(compact_css((ASSETS / "progress.css").read_text(encoding="utf-8")).encode()))
    # Question code loads only on pages with questions and on the review page (one module for both).
    assert set(loads) == {"every page", "+ achievements.js", "+ progress-page.js", "+ questions.js"}
    assert all(size < BUDGET_BYTES for size in loads.values()), loads


def test_compact_css_keeps_every_rule_and_drops_comments() -> None:
    source = (ASSETS / "progress.css").read_text(encoding="utf-8")
    shipped = compact_css(source)
    assert "/*" not in shipped and "*/" not in shipped
    strip = lambda text: re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL))
    assert strip(shipped) == strip(source)
    assert shipped.count("{") == source.count("{") - sum(c.count("{") for c in re.findall(r"/\*.*?\*/", source, re.DOTALL))
