"""Shared helpers: the project's paths and a site built once per test session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Fixtures are dated; "today" is fixed so that they never become stale (a warning) over time.
TODAY = dt.date(2026, 11, 22)


def mkdocs_build(project: Path, site: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` as a contributor would, in ``project``, into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                           str(project / config), "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources (no site, no venv) that a test may break at will."""
    ignore = shutil.ignore_patterns(".venv", "site", "site-*", ".git", "node_modules",
                                    "__pycache__", ".pytest_cache", "tests")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built once into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site
