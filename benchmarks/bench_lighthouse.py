"""Lighthouse scores of the site, mobile and desktop, against the project's targets. Prints figures; asserts nothing.

The site is built (or taken with --site), served under a sub-path as GitHub Pages serves it, and each page (home
and one lesson, in each language) is audited 3 times per form factor with Debian's Chromium; the median run (by
Performance score) is reported. Targets: Accessibility, Best practices and SEO 100; mobile Performance >= 95;
CLS 0. "host" is Lighthouse's benchmarkIndex of the machine (a loaded or slow CPU lowers it, and mobile
Performance with it). Below the table, every audit that cost points in the median runs, with the elements it names.
(Lighthouse 12.2.3 cannot attribute layout shifts or the LCP element with Chromium 156's traces: those audits say
"not available"; benchmarks/bench_site.py prints which elements shift.)

Lighthouse 12.2.3 (13.x needs Node 22) is installed on first use into .cache/lighthouse (git-ignored).
The server gzips text as GitHub Pages does (--no-gzip serves raw bytes, as the tests' server does).
To judge a change, compare two builds: --against OTHER (say, a build of main before the change) audits both on
mobile, run after run in turn, so that the machine's load swings hit both alike; single runs here vary by 5 points.
Run: .venv/bin/python benchmarks/bench_lighthouse.py [--site PATH] [--runs 3] [--lesson 02-diffusion-intuition]
     [--no-gzip] [--against OTHER_SITE]   (--lesson foundations/02-bayes-reverse-step for another series)
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from course_site import SUB_PATH, site_or_build  # noqa: E402
from site_server import SiteServer, _Handler, free_port  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
CACHE = REPO / ".cache" / "lighthouse"
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BestPr", "seo": "SEO"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}  # performance: mobile only
LANG_ROOTS = {"en": "", "ko": "ko/"}
# Informative audits (no weight of their own) printed under a page that misses mobile Performance or CLS.
DIAGNOSTICS = ("largest-contentful-paint-element", "layout-shifts", "render-blocking-resources", "bootup-time",
               "mainthread-work-breakdown", "unused-javascript", "unused-css-rules", "uses-text-compression",
               "total-byte-weight", "unsized-images", "font-display")
ALWAYS_SHOWN = {"largest-contentful-paint-element", "bootup-time"}


TEXT_TYPES = ("text/", "javascript", "json", "xml", "svg")


class _GzipHandler(_Handler):
    """The tests' sub-path server, but text bodies are gzipped for clients that accept it, as GitHub Pages does."""

    def do_GET(self) -> None:
        local = self._local()
        if local is None:
            return self._not_found()
        body, content_type = local.read_bytes(), self.guess_type(str(local))
        packed = "gzip" in self.headers.get("Accept-Encoding", "") and any(t in content_type for t in TEXT_TYPES)
        if packed:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if packed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path, port: int, *, compress: bool) -> Iterator[str]:
    """Base URL of the site under SUB_PATH; gzipped like GitHub Pages unless compress is False."""
    if not compress:
        with SiteServer(site, port=port, prefix=SUB_PATH) as server:
            yield server.url
        return
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(_GzipHandler, site=site, prefix=SUB_PATH))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{SUB_PATH}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass(frozen=True)
class Run:
    scores: dict[str, int]  # category id -> 0..100
    cls: float
    report: dict  # the full Lighthouse JSON report


def ensure_lighthouse() -> None:
    if CLI.is_file():
        return
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {CACHE.relative_to(REPO)} ...", flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--silent", "-E",
                    f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)


def lighthouse(url: str, form_factor: str) -> Run:
    command = ["node", str(CLI), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True,
                          timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout)
    scores = {cat: round(100 * (report["categories"][cat]["score"] or 0)) for cat in CATEGORIES}
    return Run(scores, float(report["audits"]["cumulative-layout-shift"]["numericValue"]), report)


def host_speed(run: Run) -> int:
    """Lighthouse's benchmarkIndex of this machine during the run: lower means a busier or slower CPU, and a
    simulated mobile CPU (4x slower than the host) then inflates Total Blocking Time."""
    return round(run.report.get("environment", {}).get("benchmarkIndex", 0))


def median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda run: run.scores["performance"])
    return ordered[len(ordered) // 2]


def shortfalls(run: Run, form_factor: str) -> list[str]:
    """Targets this run misses, as short labels."""
    missed = [f"{CATEGORIES[cat]} {run.scores[cat]} < {target}" for cat, target in TARGETS.items()
              if run.scores[cat] < target and (cat != "performance" or form_factor == "mobile")]
    if run.cls > 0:
        missed.append(f"CLS {run.cls:.3f} > 0")
    return missed


def lost_points(report: dict) -> list[str]:
    """Audits that cost points, per category, each with up to 3 elements or URLs from its details."""
    lines = []
    for cat in CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] == 0 or audit["score"] is None or audit["score"] >= 1:
                continue
            shown = audit.get("displayValue", "")
            lines.append(f"  [{CATEGORIES[cat]}] {ref['id']} (score {audit['score']:.2f}) {shown}".rstrip())
            lines.extend(f"      {item}" for item in detail_items(audit)[:3])
    return lines


def diagnostics(report: dict) -> list[str]:
    """Why Performance or CLS fell short: the informative audits that explain the metrics."""
    lines = []
    for audit_id in DIAGNOSTICS:
        audit = report["audits"].get(audit_id)
        if audit is None or (audit["score"] is not None and audit["score"] >= 1 and audit_id not in ALWAYS_SHOWN):
            continue
        if audit.get("scoreDisplayMode") == "error":  # listed once by unavailable()
            continue
        lines.append(f"  [diag] {audit_id} {audit.get('displayValue', '')}".rstrip())
        lines.extend(f"      {item}" for item in detail_items(audit)[:4])
    return lines


def unavailable(report: dict) -> list[str]:
    """Diagnostics this Lighthouse could not compute here (12.2.3 cannot read some trace events of newer Chromium)."""
    return [f"{audit_id}: {report['audits'][audit_id].get('errorMessage', '')[:100]}" for audit_id in DIAGNOSTICS
            if report["audits"].get(audit_id, {}).get("scoreDisplayMode") == "error"]


def detail_items(audit: dict) -> list[str]:
    return list(_items((audit.get("details") or {}).get("items", [])))


def _items(items: list[dict]) -> list[str]:
    found = []
    for item in items:
        if item.get("type") == "table":  # list details (LCP element) nest tables
            found.extend(_items(item.get("items", [])))
            continue
        node = item.get("node") or {}
        figures = ", ".join(f"{key} {round(item[key])}" for key in ("score", "total", "scripting", "wastedMs",
                                                                    "transferSize", "wastedBytes", "duration")
                            if isinstance(item.get(key), (int, float)) and key != "score") or (
            f"shift {item['score']:.3f}" if isinstance(item.get("score"), float) else "")
        if node:
            found.append(f"{node.get('selector', '')}  {node.get('snippet', '')[:120]}  {figures}".rstrip())
        elif "url" in item:
            found.append(f"{str(item['url'])[-90:]}  {figures}".rstrip())
        elif "phase" in item:
            found.append(f"LCP phase {item['phase']}: {round(item.get('timing', 0))} ms")
    return found


def bench(base_url: str, pages: dict[str, str], runs: int) -> None:
    print(f"\n== Lighthouse {LIGHTHOUSE_VERSION}, median of {runs} runs (by Performance) ==")
    print(f"{'page':26} {'form':8} " + " ".join(f"{label:>6}" for label in CATEGORIES.values())
          + f" {'CLS':>6} {'perf runs':>12} {'host':>5}  misses")
    details: list[str] = []
    missing: dict[str, None] = {}
    for label, path in pages.items():
        for form_factor in ("mobile", "desktop"):
            done = [lighthouse(base_url + path, form_factor) for _ in range(runs)]
            run = median_run(done)
            missed = shortfalls(run, form_factor)
            perf_runs = "/".join(str(r.scores["performance"]) for r in done)
            print(f"{label:26} {form_factor:8} " + " ".join(f"{run.scores[c]:6d}" for c in CATEGORIES)
                  + f" {run.cls:6.3f} {perf_runs:>12} {host_speed(run):5d}  {'; '.join(missed) or 'all targets met'}",
                  flush=True)
            missing.update(dict.fromkeys(unavailable(run.report)))
            lost = lost_points(run.report) + (diagnostics(run.report) if missed else [])
            if lost:
                details.append(f"{label} ({form_factor}):")
                details.extend(lost)
    if details:
        print("\n== Audits that cost points (median runs) ==")
        print("\n".join(details))
    if missing:
        print("\nDiagnostics not available with this Chromium (bench_site.py prints the elements that shift):")
        print("\n".join(f"  {line}" for line in missing))


def compare(bases: dict[str, str], pages: dict[str, str], runs: int) -> None:
    """Mobile Performance and Total Blocking Time of each site, medians of runs taken in turn."""
    print(f"\n== Lighthouse {LIGHTHOUSE_VERSION}, mobile, {runs} runs per site taken in turn ==")
    print(f"{'page':12} {'site':40} {'Perf':>5} {'TBT ms':>7}  {'perf runs':14} host")
    for label, path in pages.items():
        done: dict[str, list[Run]] = {name: [] for name in bases}
        for _ in range(runs):
            for name, base_url in bases.items():
                done[name].append(lighthouse(base_url + path, "mobile"))
        for name, site_runs in done.items():
            perf = [run.scores["performance"] for run in site_runs]
            blocking = [run.report["audits"]["total-blocking-time"]["numericValue"] for run in site_runs]
            print(f"{label:12} {name[-40:]:40} {statistics.median(perf):5g} {statistics.median(blocking):7.0f}  "
                  f"{'/'.join(map(str, perf)):14} {'/'.join(str(host_speed(run)) for run in site_runs)}",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (Korean under ko/) instead of building one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-gzip", action="store_true", help="serve uncompressed, as the tests' server does")
    parser.add_argument("--lesson", default="02-diffusion-intuition",
                        help="the lesson's slug (same in both languages), in lessons/ unless it names its series "
                             "folder (foundations/02-bayes-reverse-step)")
    parser.add_argument("--against", type=Path, help="another built site to compare with, mobile only, runs in turn")
    args = parser.parse_args()
    ensure_lighthouse()
    pages = {f"{lang} {kind}": root + path for lang, root in LANG_ROOTS.items()
             for kind, path in (("home", ""), ("lesson", f"{args.lesson if '/' in args.lesson else 'lessons/' + args.lesson}/"))}
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        site = site_or_build(args.site, Path(tmp), port=port)
        with serve(site, port, compress=not args.no_gzip) as base_url:
            print(f"serving {'without' if args.no_gzip else 'with'} gzip (GitHub Pages gzips text)")
            if args.against is None:
                bench(base_url, pages, args.runs)
                return
            with serve(args.against, free_port(), compress=not args.no_gzip) as other_url:
                compare({str(args.site or "this checkout"): base_url, str(args.against): other_url}, pages, args.runs)


if __name__ == "__main__":
    main()
