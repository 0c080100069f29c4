"""Engine exit kept open: the kit builds unchanged under ProperDocs 1.6.x, the maintained fork of
MkDocs 1.x (MkDocs 1.6.1 is the last 1.x). maintainers/exit-plan.md says what moves if MkDocs or
Material must be replaced."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

# The one line that names the engine: <meta name="generator" content="mkdocs-1.6.1, ...">.
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    # Pagefind's index files are named after a hash of what it indexed: compared through the
    # pages they index.
    return {p.relative_to(site).as_posix(): _GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file() and "pagefind" not in p.parts}


def test_the_kit_builds_the_same_site_under_properdocs(built_site: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("properdocs") is None:
        pytest.skip("ProperDocs is not installed: `pip install -e '.[test]'` (bash scripts/task "
                    "test) installs it from PyPI")
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, engine="properdocs")
    assert result.returncode == 0, result.stderr
    assert "ProperDocs" in (site / "index.html").read_text(encoding="utf-8")
    mkdocs, properdocs = _files(built_site), _files(site)
    assert sorted(mkdocs) == sorted(properdocs)
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []
