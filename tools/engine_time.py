"""How much of a pytest run each engine took, from its JUnit report: the time of the tests run against each engine's
build (the build itself is in the setup of the first one), and the rest.

    PYTEST_ADDOPTS=--junitxml=/tmp/report.xml make test
    python3 tools/engine_time.py /tmp/report.xml
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ElementTree
from collections import defaultdict

# A test run against one engine's build has the engine as one dash-separated part of its id (tests/conftest.py).
ENGINE = re.compile(r"[\[-](materialx|material)[-\]]")


def main(report: str) -> None:
    seconds: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for case in ElementTree.parse(report).iter("testcase"):
        found = ENGINE.search(case.get("name", ""))
        key = found.group(1) if found else "no engine (build code, fixture sites, crawl, Node-free checks)"
        seconds[key] += float(case.get("time", 0))
        counts[key] += 1
    total = sum(seconds.values())
    for key in sorted(seconds):
        print(f"{seconds[key]:8.1f} s  {counts[key]:5d} tests  {key}")
    print(f"{total:8.1f} s  {sum(counts.values()):5d} tests  in all (pytest only; Node's tests and setup are outside)")


if __name__ == "__main__":
    main(sys.argv[1])
