"""Run every benchmarks/bench_*.py in turn, each in its own interpreter, and say which ones failed.

Run: .venv/bin/python benchmarks/run_all.py   (what `make bench` calls)
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n######## {script.name} ########", flush=True)
        start = time.perf_counter()
        # Each script alone, as a reader would run it: no state shared between benchmarks.
        code = subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode
        print(f"######## {script.name}: exit {code}, {time.perf_counter() - start:.0f} s", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
