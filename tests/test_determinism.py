"""Two builds of the same commit give the same files, byte for byte.

Both builds are made as ``bash scripts/task build`` makes them (conftest.publish: the site, its
PDFs, data files and offline zip). The second differs in everything that should not matter: its
folder, its moment and Python's hash seed (which reorders sets and dicts built from them).
SOURCE_DATE_EPOCH is the last commit's date in both, which fixes the dates MkDocs writes into
sitemap.xml and the gzip header of sitemap.xml.gz, the date on the PDF covers and in the PDF
metadata (odd17.print.printing), and the file dates inside the offline zip.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import MEASURES, ROOT, publish

# Files allowed to differ between two builds, with the reason. Empty: none may.
EXCEPTIONS: dict[str, str] = {}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_builds_of_one_commit_are_identical(published_site: Path, tmp_path: Path, builds: None) -> None:
    again = tmp_path / "autre-dossier" / "site"
    result = publish(ROOT, again, PYTHONHASHSEED="4242")
    assert result.returncode == 0, result.stderr
    first, second = tree(published_site), tree(again)
    assert sorted(first) == sorted(second)
    different = sorted(p for p in first if first[p] != second[p] and p not in EXCEPTIONS)
    MEASURES.append(f"déterminisme : {len(first)} fichiers comparés octet par octet, "
                    f"{len(different)} différent(s), exceptions admises : {len(EXCEPTIONS)}")
    assert not different, different


def test_no_build_path_or_machine_detail_leaks_into_the_site(published_site: Path) -> None:
    """The site does not name the folder it was built in (it would differ on every machine)."""
    leaks = [p.relative_to(published_site).as_posix() for p in published_site.rglob("*")
             if p.is_file() and p.suffix in (".html", ".json", ".xml", ".csv", ".js", ".css", ".txt",
                                             ".pdf")
             and (str(published_site).encode() in p.read_bytes() or str(ROOT).encode() in p.read_bytes())]
    assert not leaks, leaks
