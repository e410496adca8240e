"""Two clean builds of the same sources give the same bytes, except the files that carry the build date by nature.

Both builds start from one snapshot of the working tree (`source_snapshot`: every file git tracks or would
track, so no generated/ figure cache and no site/). Each runs in its own copy of it, on a different day
(SOURCE_DATE_EPOCH) and with a different Python hash seed, as two CI runs of one commit would. The first of them is
also the MkDocs side of the ProperDocs comparison (the `builds` fixture in conftest.py). The figure hook keeps
its cache next to the config file, so a fresh copy is the only way to start cold without touching the repository's
own generated/.
"""

from __future__ import annotations

import gzip
import re
import struct
from datetime import datetime, timezone
from pathlib import Path

import pytest

from course_site import ColdBuild as Build

# Site-relative path -> why it changes from one build day to the next. Everything else must be byte-identical.
DATED: dict[str, str] = {
    "sitemap.xml": "each <lastmod> is the build date (MkDocs stamps every page with today, or SOURCE_DATE_EPOCH)",
    "sitemap.xml.gz": "it is the gzipped sitemap.xml, and its gzip header mtime is the same build date",
    "ko/sitemap.xml": "as sitemap.xml, for the Korean build",
    "ko/sitemap.xml.gz": "as sitemap.xml.gz, for the Korean build",
}
LASTMOD = re.compile(rb"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>")


def site_files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"first difference at byte {at}: {a[max(0, at - 40):at + 40]!r} vs {b[max(0, at - 40):at + 40]!r}"


def test_both_builds_hold_the_same_files(builds: tuple[Build, Build]) -> None:
    first, second = builds
    assert site_files(first.site) == site_files(second.site)
    assert set(DATED) <= site_files(first.site), "a dated file listed in DATED is no longer built: update DATED"


def test_every_file_without_a_date_is_byte_identical(builds: tuple[Build, Build]) -> None:
    first, second = builds
    differing = {name: first_difference((first.site / name).read_bytes(), (second.site / name).read_bytes())
                 for name in sorted(site_files(first.site) & site_files(second.site) - set(DATED))
                 if (first.site / name).read_bytes() != (second.site / name).read_bytes()}
    assert not differing, "builds of the same sources differ:\n" + "\n".join(f"{k}: {v}" for k, v in differing.items())


def sitemap_without_dates(data: bytes) -> bytes:
    return LASTMOD.sub(b"<lastmod>DATE</lastmod>", data)


def gzip_mtime(data: bytes) -> int:
    return struct.unpack("<I", data[4:8])[0]  # RFC 1952: MTIME is bytes 4-7, little-endian


def midnight(day: datetime) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())


@pytest.mark.parametrize("name", sorted(DATED))
def test_dated_file_differs_only_by_its_build_date(builds: tuple[Build, Build], name: str) -> None:
    raw = [(build.site / name).read_bytes() for build in builds]
    assert raw[0] != raw[1], f"{name} no longer changes with the build date: remove it from DATED"
    if name.endswith(".gz"):
        assert [gzip_mtime(data) for data in raw] == [midnight(build.day) for build in builds]
        raw = [gzip.decompress(data) for data in raw]
    for build, data in zip(builds, raw):
        stamped = set(re.findall(rb"<lastmod>([^<]*)</lastmod>", data))
        assert stamped == {build.day.strftime("%Y-%m-%d").encode()}, f"{name}: {stamped}"
    assert sitemap_without_dates(raw[0]) == sitemap_without_dates(raw[1])
