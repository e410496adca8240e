"""`python -m coursekit.figures`, run as a subprocess the way an author would."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FORWARD = "kind: forward\nimage: scene:blocks\ntimesteps: [0, 500, 1000]\nsize: 48\ncaption: Three steps.\n"
SCHEDULE = "kind: schedule\ncurve: log_snr\ncaption: Log-SNR.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run([sys.executable, "-m", "coursekit.figures", "--content", "build_hooks", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_help_documents_usage(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for word in ("spec", "--output", "--lang", ".webp", ".svg", ".html", "forward", "schedule"):
        assert word in result.stdout


def test_renders_webp_byte_identically(tmp_path: Path) -> None:
    (tmp_path / "spec.yml").write_text(FORWARD, encoding="utf-8")
    digests = []
    for name in ("a.webp", "b.webp"):
        result = run("spec.yml", "-o", name, "--lang", "en", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        data = (tmp_path / name).read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
        digests.append(hashlib.sha256(data).hexdigest())
    assert digests[0] == digests[1]


@pytest.mark.parametrize(("lang", "label"), [("en", "timestep t"), ("ko", "타임스텝 t")])
def test_renders_svg_in_the_chosen_language(tmp_path: Path, lang: str, label: str) -> None:
    (tmp_path / "spec.yml").write_text(SCHEDULE, encoding="utf-8")
    assert run("spec.yml", "-o", "plot.svg", "--lang", lang, cwd=tmp_path).returncode == 0
    svg = (tmp_path / "plot.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and f">{label}</text>" in svg


def test_html_output_writes_the_image_beside_it(tmp_path: Path) -> None:
    (tmp_path / "lesson.md").write_text(f"# X\n\n```figure\n{FORWARD}```\n", encoding="utf-8")
    result = run("lesson.md", "-o", "out/fig.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/fig.html").read_text(encoding="utf-8")
    assert 'src="fig.webp"' in html and "<figcaption>Three steps.</figcaption>" in html
    assert (tmp_path / "out/fig.webp").is_file()


def test_bad_spec_exits_with_one_line_per_problem(tmp_path: Path) -> None:
    (tmp_path / "spec.yml").write_text(FORWARD.replace("[0, 500, 1000]", "[0, 5000]") + "colour: red\n", encoding="utf-8")
    result = run("spec.yml", "-o", "x.webp", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "spec.yml:3: figure key 'timesteps': 5000 is outside 0..1000 (T)" in result.stderr
    assert "spec.yml:6: figure key 'colour' is not used by kind forward" in result.stderr
    assert not (tmp_path / "x.webp").exists()


def test_plot_kind_to_webp_is_refused(tmp_path: Path) -> None:
    (tmp_path / "spec.yml").write_text(SCHEDULE, encoding="utf-8")
    result = run("spec.yml", "-o", "x.webp", cwd=tmp_path)
    assert result.returncode == 2 and "use -o <name>.svg" in result.stderr
