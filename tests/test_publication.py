"""The public address and the repository are settings (ODD17_SITE_URL, ODD17_REPO_URL).

A build with them uses them everywhere (pages, sitemap, canonical links, QR codes, PDFs) and holds
no placeholder host; a build without them prints no absolute address of the kit and says so once.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import CONTENT, ROOT, TEST_REPO_URL, TEST_SITE_URL, mkdocs_build, publish

SITE, REPO = TEST_SITE_URL, TEST_REPO_URL  # fictional: the published fixture sets them
PLACEHOLDER = "odd17-en-pratique.example.org"
URL = re.compile(r"https?://[^\s\"'<>();,\\]+")
TEXT_FILES = {".html", ".xml", ".json", ".csv", ".txt", ".js", ".svg", ".webmanifest"}


THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")  # Material's bundles (licences)


def _texts(site: Path):  # noqa: ANN202 - yields (path, text)
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(THEME_ASSETS) or (relative.startswith("pagefind/")
                                                  and path.suffix in (".js", ".css")):
            continue  # third-party bundles (their licence lines name their authors' sites)
        if path.suffix in TEXT_FILES and path.is_file():
            yield path, path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            yield path, _pdf_text(path)


def _pdf_links(path: Path) -> list[str]:
    """The addresses a PDF's links open."""
    from pypdf import PdfReader

    urls = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                urls.append(str(action["/URI"]))
    return urls


def _pdf_text(path: Path) -> str:
    """A PDF's text and the addresses of its links (what a reader sees and what they open)."""
    from pypdf import PdfReader

    return "\n".join([*(p.extract_text() or "" for p in PdfReader(path).pages), *_pdf_links(path)])


@pytest.fixture(scope="module")
def unconfigured_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    """The published build (PDFs, data, offline copy) without the two settings."""
    site = tmp_path_factory.mktemp("unconfigured")
    result = publish(ROOT, site, ODD17_SITE_URL="", ODD17_REPO_URL="")
    assert result.returncode == 0, result.stderr
    return site


def test_configured_build_uses_the_settings_everywhere(published_site: Path) -> None:
    site = published_site
    for path, text in _texts(site):
        assert PLACEHOLDER not in text, path
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) > 50 and all(loc.startswith(SITE) for loc in locs)
    assert f"<loc>{SITE}exemples/deloitte-sivc/</loc>" in sitemap
    page = (site / "exemples/deloitte-sivc/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE}exemples/deloitte-sivc/">' in page
    # The share address and the QR code of an example point at its public address.
    assert f"{SITE}exemples/deloitte-sivc/" in re.search(r'class="odd17-share".*?</p>', page,
                                                         re.S).group(0)
    # (the browser draws the QR code from data-url: docs/assets/record-qr.js, odd17/site/render.py)
    qr_urls = re.findall(r'<div class="odd17-qr" data-url="([^"]+)"', page)
    assert qr_urls == [f"{SITE}exemples/deloitte-sivc/"]
    assert f'href="{REPO}"' in page  # the repository, in the header and the footer
    # The trainers' page gives public addresses to copy.
    trainers = (site / "formateurs/index.html").read_text(encoding="utf-8")
    assert f"<code>{SITE}methode/typologie/</code>" in trainers
    # The feed of new examples, announced on the examples index.
    assert (site / "nouveaux-exemples.xml").is_file()
    index = (site / "exemples/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in index
    assert f'href="{REPO}/issues/new?template=nouvel-exemple.yml"' in index
    # The PDFs: their cover names the public address, their links to pages outside them too.
    kit = _pdf_text(site / "pdf/kit-complet.pdf")
    assert "kit.test" in kit


def _external_hosts() -> set[str]:
    """Every host the sources cite (records, hand-written pages, the contributors' guide) and the
    XML namespaces: the only absolute addresses a build may hold without the settings."""
    hosts = {"www.w3.org", "www.sitemaps.org", "127.0.0.1:8000"}
    sources = [*CONTENT.rglob("*.yml"), *(ROOT / "docs").rglob("*.md"), ROOT / "CONTRIBUTING.md",
               *(ROOT / "docs").rglob("*.js"), *(ROOT / "odd17").rglob("*.py")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        hosts |= {urlsplit(u.rstrip(".:")).netloc for u in URL.findall(text)}
    return hosts


def test_build_without_settings_prints_no_address_of_the_kit(unconfigured_site: Path) -> None:
    site = unconfigured_site
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert not (site / "nouveaux-exemples.xml").exists()  # a feed needs absolute addresses
    allowed = _external_hosts()
    for path, text in _texts(site):
        assert PLACEHOLDER not in text, path
        if path.suffix == ".html":
            assert not re.search(r'rel="canonical" href="https?:', text), path
            assert "odd17-qr" not in text and 'class="odd17-share"' not in text, path
            assert "Proposer une modification" not in text, path
        # A PDF's text wraps long addresses: its links' targets are checked instead.
        urls = _pdf_links(path) if path.suffix == ".pdf" else URL.findall(text)
        for url in urls:
            host = urlsplit(url.rstrip(".:")).netloc
            assert not host or host in allowed, f"{path.relative_to(site)}: {url}"


def test_settings_notice_only_on_a_half_configured_publication_build(tmp_path: Path, builds: None) -> None:
    """A local build (neither setting) is normal: nothing to say (it read like an
    error to contributors). One setting without the other is a publication build half set up:
    one line names the missing one."""
    local = mkdocs_build(ROOT, tmp_path / "site", ODD17_SITE_URL="", ODD17_REPO_URL="")
    assert local.returncode == 0, local.stderr
    assert "ODD17_SITE_URL" not in local.stderr and "ODD17_REPO_URL" not in local.stderr
    half = mkdocs_build(ROOT, tmp_path / "half", ODD17_SITE_URL=SITE, ODD17_REPO_URL="")
    assert half.returncode == 0, half.stderr
    lines = [line for line in half.stderr.splitlines() if "ODD17_REPO_URL" in line]
    assert len(lines) == 1 and "publication" in lines[0] and "ODD17_REPO_URL non définie" in lines[0]
    configured = mkdocs_build(ROOT, tmp_path / "configured", ODD17_SITE_URL=SITE,
                              ODD17_REPO_URL=REPO)
    assert configured.returncode == 0 and "ODD17_SITE_URL" not in configured.stderr
