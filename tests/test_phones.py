"""The site on a phone (390 px wide) in headless Chromium: no page scrolls sideways, wide tables
scroll inside a frame that says so, chart text stays readable."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MEASURES

PHONE = {"width": 390, "height": 844}


def _pages(site: Path) -> list[str]:
    """Every built page but the redirects of old addresses."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        pages.append(path.parent.relative_to(site).as_posix().removeprefix(".") + "/")
    return [p.removeprefix("/") for p in pages]


@pytest.fixture
def phone(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(locale="fr-FR", viewport=PHONE, device_scale_factor=1,
                                  is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(phone, published_site: Path, published_url: str) -> None:  # noqa: ANN001
    wide = []
    pages = _pages(published_site)
    for url in pages:
        phone.goto(published_url + url, wait_until="load")
        width, inner = phone.evaluate(
            "[document.scrollingElement.scrollWidth, window.innerWidth]")
        if width > inner:
            wide.append(f"{url or '/'} : {width} px pour {inner} px")
    MEASURES.append(f"téléphone (390 px) : {len(pages)} pages, {len(wide)} défilent de côté")
    assert len(pages) > 50 and not wide, "\n".join(wide)


def test_a_wide_table_scrolls_in_a_labelled_frame(phone, published_url: str) -> None:  # noqa: ANN001
    phone.goto(published_url + "methode/typologie/")
    frame = phone.locator(".odd17-table").first
    assert frame.get_attribute("role") == "region"
    assert "Tableau" in frame.get_attribute("aria-label")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth")  # wider than the phone: it scrolls
    frame.focus()
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("ArrowRight")
    # Reached and scrolled with the keyboard (Chromium may scroll smoothly: wait up to 3 s).
    frame.evaluate("""f => new Promise((done, fail) => {
        const start = Date.now();
        (function check() {
            if (f.scrollLeft > 0) return done();
            if (Date.now() - start > 3000) return fail(new Error("scrollLeft resté à 0"));
            requestAnimationFrame(check);
        })();
    })""")
    # The frame shows that it scrolls: shadows drawn at its edges.
    assert "radial-gradient" in frame.evaluate("f => getComputedStyle(f).backgroundImage")


def test_chart_text_is_at_least_12_px_on_a_phone(phone, published_url: str) -> None:  # noqa: ANN001
    phone.goto(published_url + "panorama/")
    # Every piece of text of the figures (HTML bars, labels, or SVG text), as rendered.
    sizes = phone.evaluate("""() => {
        const sizes = [];
        for (const figure of document.querySelectorAll('.md-content figure, .md-content svg')) {
            const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode, element = node.parentElement;
                if (!node.textContent.trim() || !element.getClientRects().length) continue;
                const scale = element.getScreenCTM ? (element.getScreenCTM() || {a: 1}).a : 1;
                sizes.push(parseFloat(getComputedStyle(element).fontSize) * scale);
            }
        }
        return sizes;
    }""")
    assert sizes, "aucun texte de graphique sur le panorama"
    assert min(sizes) >= 12, f"plus petit texte de graphique : {min(sizes):.1f} px"
