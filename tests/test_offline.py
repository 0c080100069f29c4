"""The offline copy: a zip that opens from a USB key (file://) with navigation and search."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/make_offline.py"), "--site", str(site)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    folder = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(site / "kit-hors-ligne.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names) and all(n.startswith("odd17-en-pratique/") for n in names)
        archive.extractall(folder)
    return folder / "odd17-en-pratique"


def test_no_address_of_a_third_party_host(unpacked: Path) -> None:
    for page in unpacked.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page


def test_navigation_from_file(unpacked: Path, page) -> None:  # noqa: ANN001
    page.goto((unpacked / "index.html").as_uri())
    page.get_by_role("link", name="La typologie des partenariats").first.click()
    page.wait_for_url("**/methode/typologie.html")
    assert "9" in page.locator("h1").inner_text() or "typologie" in page.locator("h1").inner_text().lower()
    page.goto((unpacked / "exemples/index.html").as_uri())
    page.locator('a[href="deloitte-sivc.html"]').first.click()
    page.wait_for_url("**/exemples/deloitte-sivc.html")
    assert page.external_requests == []


def test_search_works_from_file(unpacked: Path, page) -> None:  # noqa: ANN001
    page.goto((unpacked / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type("Deloitte", delay=50)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=20000)
    assert "deloitte" in result.get_attribute("href").lower()
    assert page.external_requests == []


def test_workbook_keeps_answers_from_file(unpacked: Path, page, tmp_path: Path) -> None:  # noqa: ANN001
    """The « Carnet d'alliance » from the USB key: answers kept across a reload, exported."""
    page.goto((unpacked / "methode/carnet.html").as_uri())
    question = page.get_by_label("Quelles sont les priorités ?")
    question.fill("Réponse écrite hors ligne")
    page.reload()
    assert question.input_value() == "Réponse écrite hors ligne"
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter (fichier JSON)").click()
    assert "Réponse écrite hors ligne" in Path(download.value.path()).read_text(encoding="utf-8")
    assert page.external_requests == []
