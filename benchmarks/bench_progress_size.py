"""Print the gzipped size of the reader-progress scripts and stylesheet, as shipped, and what each kind of page loads
of them, against the 14 KB budget.

The scripts are measured as the build ships them (comments stripped by coursekit/progress/assets.py) and, for
reference, as written. Usage: .venv/bin/python benchmarks/bench_progress_size.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coursekit.progress.assets import BUDGET_BYTES, compact_css, compact_js, gzipped_size, page_loads  # noqa: E402

ASSETS = REPO / "generator" / "coursekit" / "theme" / "assets" / "course"


def shipped_bytes(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8")
    return (compact_js(text) if path.suffix == ".js" else compact_css(text)).encode("utf-8")


def main() -> None:
    paths = sorted((ASSETS / "progress").glob("*.js")) + [ASSETS / "progress.css"]
    total_source = total_shipped = 0
    print(f"{'file':24} {'source gz':>10} {'shipped':>9} {'shipped gz':>11}")
    for path in paths:
        source = gzipped_size(path.read_bytes())
        shipped = shipped_bytes(path)
        packed = gzipped_size(shipped)
        total_source, total_shipped = total_source + source, total_shipped + packed
        print(f"{path.relative_to(ASSETS)!s:24} {source:9d}B {len(shipped):8d}B {packed:10d}B")
    print(f"{'all files':24} {total_source:9d}B {'':9} {total_shipped:10d}B")
    shipped = {p.name: gzipped_size(shipped_bytes(p)) for p in paths if p.suffix == ".js"}
    loads = page_loads(shipped, (ASSETS / "progress" / "main.js").read_text(encoding="utf-8"),
                       gzipped_size(shipped_bytes(ASSETS / "progress.css")))
    for page, size in loads.items():
        print(f"page load, {page:28} {size:6d}B  -> {size / 1024:.2f} KB of {BUDGET_BYTES // 1024} KB "
              f"({100 * size / BUDGET_BYTES:.0f}% of the budget)")


if __name__ == "__main__":
    main()
