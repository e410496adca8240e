"""Run one page's blocks in a fresh Python process, with a time limit per block.

A separate process, not exec() inside MkDocs: a block that loops forever can be stopped, nothing a block imports or
changes leaks into the build (or into the next page), and the code runs as it would for a reader who downloads the
page's .py and runs it with a plain `python`.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

WORKER = Path(__file__).resolve().parent / "worker.py"

# One BLAS thread: the build already runs pages side by side, and a fixed summation order keeps output identical.
_ENV = {"PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONIOENCODING": "utf-8"}


@dataclass(frozen=True)
class PageRun:
    outputs: tuple[str, ...]  # what each block printed
    values: dict[str, Any]  # the page's top-level numbers and arrays after its last block


class BlockFailed(Exception):
    def __init__(self, index: int, kind: str, message: str, line: int | None) -> None:
        super().__init__(f"{kind}: {message}")
        self.index, self.kind, self.message, self.line = index, kind, message, line


def run_page(codes: Sequence[str], *, timeout: float, cwd: Path | None = None) -> PageRun:
    """Every block in order; raises BlockFailed naming the first block that raised or ran past `timeout` seconds."""
    env = {**os.environ, **_ENV}
    process = subprocess.Popen([sys.executable, "-I", str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=cwd, env=env, text=True, encoding="utf-8")
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    stderr: list[str] = []
    drain = threading.Thread(target=lambda: stderr.append(process.stderr.read() if process.stderr else ""), daemon=True)
    drain.start()
    try:
        assert process.stdin is not None
        process.stdin.write(json.dumps({"blocks": list(codes)}))
        process.stdin.close()
        outputs: list[str] = []
        for index in range(len(codes) + 1):  # one line per block, then the values
            try:
                line = lines.get(timeout=timeout)
            except queue.Empty:
                raise BlockFailed(index, "TimeoutError", f"still running after {timeout:g} s "
                                  "(the limit is run_timeout in the coursekit plugin's config)", None) from None
            if line is None:
                drain.join(timeout=5)
                last = "".join(stderr).strip().splitlines()[-1:] or [f"exit code {process.wait()}"]
                raise BlockFailed(index, "WorkerError", f"the Python process ended early: {last[0]}", None)
            record = json.loads(line)
            if "error" in record:
                error = record["error"]
                raise BlockFailed(index, error["type"], error["message"], error["line"])
            if "values" in record:
                return PageRun(outputs=tuple(outputs), values=record["values"])
            outputs.append(record["output"])
        raise BlockFailed(len(codes), "WorkerError", "the Python process wrote no values", None)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
