"""The run machinery's pure parts: which fences run, how results are keyed, what a page hands to figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coursekit.runs import cache
from coursekit.runs.blocks import run_blocks
from coursekit.runs.execute import BlockFailed, run_page
from coursekit.runs.worker import _plain


def test_only_python_fences_marked_run_are_found() -> None:
    text = ("```python {run}\na = 1\n```\n\n```python\nb = 2\n```\n\n```python { run }\nc = 3\n```\n\n"
            "````markdown\n```python {run}\nquoted = True\n```\n````\n")
    found = run_blocks(text)
    assert [(b.line, b.code) for b in found] == [(1, "a = 1\n"), (9, "c = 3\n")]


def test_a_blocks_key_covers_every_block_before_it_and_nothing_after() -> None:
    a, b, c = "x = 1\n", "y = x + 1\n", "print(y)\n"
    keys = cache.block_keys([a, b, c])
    assert cache.block_keys([a, b]) == keys[:2]
    assert cache.block_keys(["x = 2\n", b, c])[1:] != keys[1:]  # an earlier edit reruns what follows
    assert len(set(keys)) == 3


def test_values_handed_to_figures_are_numbers_and_arrays_of_numbers() -> None:
    assert _plain(3) == 3 and _plain(0.5) == 0.5 and _plain(np.arange(3)) == [0, 1, 2]
    assert _plain([[1.0, 2.0], [3.0, 4.0]]) == [[1.0, 2.0], [3.0, 4.0]]
    assert _plain(True) is None and _plain("text") is None and _plain(np.zeros(20_001)) is None
    assert _plain(np.array(["a"])) is None and _plain([1, "a"]) is None


def test_a_page_runs_in_one_namespace_and_reports_the_failing_block(tmp_path: Path) -> None:
    run = run_page(["import numpy as np\nv = np.arange(3)\nprint(v.sum())\n", "print(v.tolist())\n"], timeout=60,
                   cwd=tmp_path)
    assert run.outputs == ("3\n", "[0, 1, 2]\n") and run.values["v"] == [0, 1, 2]
    with pytest.raises(BlockFailed) as failure:
        run_page(["a = 1\n", "def f():\n    return 1 / 0\n\nf()\n"], timeout=60, cwd=tmp_path)
    assert (failure.value.index, failure.value.kind, failure.value.line) == (1, "ZeroDivisionError", 2)  # the deepest line in the block
