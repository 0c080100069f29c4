"""The scale benchmark works (with a tiny N: figures are not asserted against targets here;
they are measured by ``bash scripts/task bench`` and recorded in maintainers/performances.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402


@pytest.mark.slow
def test_bench_script_measures_the_kit_beside_plain_material(tmp_path: Path, builds: None) -> None:
    out = tmp_path / "mesures.json"
    result = subprocess.run([sys.executable, "scripts/bench.py", "--examples", "3,6",
                             "--validator-records", "30", "--lighthouse-at", "0", "--pdf-max", "3",
                             "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    small, large = figures["builds"]
    assert large["examples"] - small["examples"] == 3
    for run in (small, large):
        assert run["kit_build_s"] > 0 and run["plain_build_s"] > 0
        assert run["page_html_kb"] > 1
        assert "search" in run and "index" in run  # measured, or the reason why not
    assert small["published_build_s"] > 0 and small["pdf_mb"] > 0 and "pdf_ratio" not in large
    assert figures["validator"]["records"] >= 30 and figures["validator"]["seconds"] > 0
    assert "| construction du kit, site seul (s) |" in result.stdout
    assert "rapport kit / plancher" in result.stdout and "Linéarité" in result.stdout
    assert "Commande : bash scripts/task bench --examples 3,6" in result.stdout
    assert not list(ROOT.glob("content/examples/fictif-*.yml"))  # the work tree is left alone


def test_synthetic_examples_are_varied_and_valid(tmp_path: Path) -> None:
    project = bench.copy_project(tmp_path / "kit")
    slugs = bench.write_examples(project / "content", 20)
    texts = [(project / "content/examples" / f"{s}.yml").read_text(encoding="utf-8") for s in slugs]
    descriptions = {t.split("description:", 1)[1][:200] for t in texts}
    assert len(descriptions) == 20  # no two alike: copies would compress to nothing
    assert len(set(bench.vocabulary())) > 300
    report = bench.validate(project / "content")
    assert not report.errors and len(report.kit.examples) >= 20


def test_gzip_server_serves_compressed_pages(tmp_path: Path) -> None:
    import gzip
    import urllib.request
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>bonjour</p>" * 100, encoding="utf-8")
    server, url = bench.serve_gzipped(tmp_path)
    try:
        request = urllib.request.Request(url + "a/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == "<p>bonjour</p>" * 100
    finally:
        server.shutdown()
