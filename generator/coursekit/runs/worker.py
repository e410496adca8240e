"""Runs one page's blocks in order in one namespace, as a notebook would; started by execute.py as a script.

Standard library only, so the reader's code sees nothing but Python and what it imports itself. Reads
{"blocks": [code, ...]} on stdin and writes one JSON line per block to stdout as soon as the block ends:
{"output": text} or {"error": {"type", "message", "line"}}, then {"values": {...}}: the page's top-level numbers
and arrays of numbers, which figures may plot.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback

MAX_ELEMENTS = 20_000  # a value larger than this is not handed to figures (keeps the cache entry small)


def _plain(value: object) -> object | None:
    """A JSON-able copy of a number, or of a (nested) list/tuple/array of numbers; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    tolist = getattr(value, "tolist", None)
    if callable(tolist) and getattr(value, "dtype", None) is not None:
        if getattr(value, "size", MAX_ELEMENTS + 1) > MAX_ELEMENTS or value.dtype.kind not in "iuf":
            return None
        return tolist()
    if isinstance(value, (list, tuple)):
        items = [_plain(v) for v in value]
        if len(items) > MAX_ELEMENTS or any(v is None for v in items):
            return None
        return items
    return None


def _error(exc: BaseException, filename: str) -> dict[str, object]:
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno  # the deepest line of the block itself, not of a library it called
    text = exc.msg if isinstance(exc, SyntaxError) else str(exc)  # a SyntaxError's str() repeats the place
    message = text.splitlines()[0] if text else ""
    return {"type": type(exc).__name__, "message": message, "line": line}


def main() -> int:
    blocks = json.loads(sys.stdin.read())["blocks"]
    out = sys.stdout
    namespace: dict[str, object] = {"__name__": "__main__"}
    for index, code in enumerate(blocks):
        filename = f"<run block {index + 1}>"
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(code, filename, "exec"), namespace)
        except BaseException as exc:  # SystemExit and KeyboardInterrupt in a block are its failure too
            out.write(json.dumps({"error": _error(exc, filename)}) + "\n")
            out.flush()
            return 1
        out.write(json.dumps({"output": printed.getvalue()}) + "\n")
        out.flush()
    values = {}
    for name, value in namespace.items():
        if not name.startswith("_") and (plain := _plain(value)) is not None:
            values[name] = plain
    out.write(json.dumps({"values": values}, sort_keys=True) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
