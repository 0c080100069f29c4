"""Published addresses never die: a renamed record needs a redirect, and the redirect works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from odd17.publish.published_urls import lost_urls, read_manifest

from conftest import copy_project, mkdocs_build, serve


def test_no_published_address_is_lost(built_site: Path) -> None:
    lost = lost_urls(built_site)
    assert lost == [], (
        f"Adresses publiées perdues : {lost}. Une fiche renommée garde son ancienne adresse par son "
        "champ « anciens_slugs » ; une page rédigée, par redirect_maps dans mkdocs.yml.")
    assert "/exemples/deloitte-sivc/" in read_manifest()


def test_every_heading_has_a_permalink(built_site: Path) -> None:
    html = (built_site / "methode/co-construction/index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h[2-4] id=\"[^\"]+\">.*?</h[2-4]>", html, re.S)
    assert headings and all('class="headerlink"' in h for h in headings)


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory, builds: None) -> dict[str, Path]:
    """The example eiffage-agote renamed, once without and once with its former slug."""
    sites = {}
    for variant in ("sans-redirection", "avec-redirection"):
        project = copy_project(tmp_path_factory.mktemp(variant) / "kit")
        old = project / "content/examples/eiffage-agote.yml"
        text = old.read_text(encoding="utf-8")
        if variant == "avec-redirection":
            text += "anciens_slugs: [eiffage-agote]\n"
        (project / "content/examples/eiffage-et-agote.yml").write_text(text, encoding="utf-8")
        old.unlink()
        result = mkdocs_build(project, project / "site")
        assert result.returncode == 0, result.stderr
        sites[variant] = project / "site"
    return sites


def test_renaming_without_redirect_loses_the_address(renamed: dict[str, Path]) -> None:
    assert lost_urls(renamed["sans-redirection"]) == ["/exemples/eiffage-agote/"]


def test_renaming_with_former_slug_keeps_the_address(renamed: dict[str, Path], page) -> None:  # noqa: ANN001
    site = renamed["avec-redirection"]
    assert lost_urls(site) == []
    # The redirect page itself speaks French (a reader without JavaScript or refresh sees it).
    redirect = (site / "exemples/eiffage-agote/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in redirect and "Cette page a changé d’adresse" in redirect
    assert 'href="../eiffage-et-agote/"' in redirect and "redirected" not in redirect
    server, url = serve(site)
    try:
        page.goto(url + "exemples/eiffage-agote/")
        page.wait_for_url(re.compile(r".*/exemples/eiffage-et-agote/$"), timeout=10000)
        assert "Eiffage" in page.locator("h1").inner_text()
    finally:
        server.shutdown()


def test_copy_link_button(page, published_url: str) -> None:  # noqa: ANN001
    # The published build: only a build with ODD17_SITE_URL has public addresses to copy.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(published_url + "exemples/deloitte-sivc/")
    address = page.locator(".odd17-share__url").inner_text()
    assert address.endswith("/exemples/deloitte-sivc/") and address.startswith("https://")
    button = page.get_by_role("button", name="Copier le lien")
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator(".odd17-share__status")
    status.filter(has_text="Lien copié").wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == address


def test_address_is_shown_without_javascript(browser, published_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(published_url + "exemples/deloitte-sivc/")
    assert page.locator(".odd17-share__url").is_visible()
    assert not page.locator(".odd17-share__copy").is_visible()
    context.close()
