"""Build a course site for its checks exactly as `make build` does: MkDocs in a subprocess, every language."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as an author sees them

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_build(config_file: Path, site_dir: Path, *, site_url: str, strict: bool = True,
              engine: str = "mkdocs") -> BuildResult:
    """One build of `config_file` (its plugin builds the other languages into site_dir/<lang>/)."""
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    command = [sys.executable, "-m", engine, "build", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout + done.stderr)


def build_site(root: Path, site_dir: Path, *, site_url: str, strict: bool = True, engine: str = "mkdocs") -> BuildResult:
    """The whole site of the course in `root`, every language, as `make build` makes it."""
    return run_build(root / "mkdocs.yml", site_dir, site_url=site_url, strict=strict, engine=engine)
