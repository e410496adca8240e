"""Debian's Chromium driven by Playwright, with the flags a sandboxed, offline test machine needs.

Never `playwright install`: the browser is the system's (/usr/bin/chromium, or the one CHROMIUM_PATH names, such as
Google Chrome on GitHub's runners), installed by ensure-chromium.sh.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
ENSURE_SCRIPT = Path(__file__).with_name("ensure-chromium.sh")


def missing_message() -> str | None:
    """One line saying how to get Chromium, or None when it is there."""
    if Path(CHROMIUM).exists():
        return None
    return (f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's chromium) "
            "or set CHROMIUM_PATH")


def launch(playwright: Any, *, extra_args: Sequence[str] = (), show_scrollbars: bool = False) -> Any:
    """A headless Chromium; `show_scrollbars` keeps classic scrollbars, as on a reader's desktop (Playwright hides
    them by default, and a scrollbar that comes or goes is a layout shift)."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args], headless=True,
        ignore_default_args=["--hide-scrollbars"] if show_scrollbars else None)
