"""The house keeps itself: the linter, the type checker and the import contracts, configured in
pyproject.toml, run with the tests (so by CI, through `bash scripts/task test`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_no_unused_import_undefined_name_or_unsorted_imports() -> None:
    result = _run(str(BIN / "ruff"), "check", "--no-cache", "odd17", "tests", "scripts", "macros")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_checks_the_whole_package() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_run_one_way_without_any_circle() -> None:
    """The layers of pyproject.toml (content <- site | contribute <- publish | search | print <-
    plugin | cli), MkDocs imported by the plugin only, no circle, imports inside functions
    included."""
    result = _run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
