"""The achievement metrics the build accepts (Python) are the ones the reader's browser counts (JavaScript): a
name the build accepts but the script does not count would make an achievement that silently never unlocks."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from coursekit.progress.config import COUNT_METRICS

RULES = Path(__file__).resolve().parents[3] / "generator/coursekit/theme/assets/course/progress/rules.js"


def test_the_build_and_the_browser_know_the_same_metrics() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: `make test` needs Node.js 20+", pytrace=False)
    script = (f"import({json.dumps(RULES.as_uri())}).then((m) => console.log(JSON.stringify("
              "Object.keys(m.metrics({lessons: {}, exercises: {}, visits: {}, days: {}}, []).counts))))")
    done = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert sorted(json.loads(done.stdout)) == sorted(COUNT_METRICS)
