"""The scale benchmark works (with a tiny N: figures are not asserted against targets here;
they are measured by ``bash scripts/task bench`` and recorded in maintainers/performances.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_bench_script_measures_the_kit_beside_plain_material(tmp_path: Path) -> None:
    out = tmp_path / "mesures.json"
    result = subprocess.run([sys.executable, "scripts/bench.py", "--examples", "3", "6",
                             "--validator-records", "30", "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    small, large = figures["builds"]
    assert large["examples"] - small["examples"] == 3
    for run in (small, large):
        assert run["kit_build_s"] > 0 and run["plain_build_s"] > 0
        assert 1 < run["kit_page_html_mean_kb"] < run["kit_page_html_max_kb"] + 1
        # Online search is Pagefind's (scripts/bench_search.py measures it); Material's index
        # of the kit is left empty online.
        assert run["plain_search_index_kb"] > run["kit_search_index_kb"] > 0
    assert large["published_build_s"] > large["kit_build_s"] and large["pdf_mb"] > 0
    assert figures["validator"]["records"] >= 30
    assert "| construction du kit (s) |" in result.stdout
    assert "rapport kit / Material simple" in result.stdout
    assert not list(ROOT.glob("content/examples/fictif-*.yml"))  # the work tree is left alone
