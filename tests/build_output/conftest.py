"""Fixtures for whole-site build tests: a snapshot of the sources, so builds compared with each other see one state,
and the two cold builds of it that the reproducibility and ProperDocs tests share (each costs a full figure run).

Authors may be editing docs/ while tests run; comparing two builds of the live tree would then compare two versions.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from course_site import REPO, SUB_PATH, ColdBuild, cold_build

SITE_URL = f"http://127.0.0.1:8000{SUB_PATH}"


def working_tree_copy(dest: Path) -> Path:
    """The files of the working tree that git tracks or would track: no generated/ figure cache, no site/."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is simply absent
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


@pytest.fixture(scope="session")
def source_snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read-only for tests: copy it (shutil.copytree) before building, since a build writes generated/ beside it."""
    return working_tree_copy(tmp_path_factory.mktemp("snapshot"))


@pytest.fixture(scope="session")
def builds(source_snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[ColdBuild, ColdBuild]:
    """Two cold MkDocs builds of the snapshot on different days, with different hash seeds."""
    first = cold_build(source_snapshot, tmp_path_factory.mktemp("first"), site_url=SITE_URL, hash_seed="1",
                       day=datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc))
    second = cold_build(source_snapshot, tmp_path_factory.mktemp("second"), site_url=SITE_URL, hash_seed="2",
                        day=datetime(2026, 3, 2, 17, 5, tzinfo=timezone.utc))
    return first, second
