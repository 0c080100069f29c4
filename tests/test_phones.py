"""The site on a phone (390 px wide) in headless Chromium: no page scrolls sideways, tables are
stacked (one block per row, each cell under its header), chart text stays readable."""

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


@pytest.mark.parametrize("url", ["methode/typologie/", "methode/quel-modele/"])
def test_tables_are_stacked_on_a_phone_every_cell_with_its_label(phone, published_url: str,
                                                                  url: str) -> None:  # noqa: ANN001
    phone.goto(published_url + url)
    cells = phone.evaluate("""() => {
        const out = [];
        for (const table of document.querySelectorAll('.odd17-table table')) {
            const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
            for (const row of table.querySelectorAll('tbody tr')) {
                [...row.cells].forEach((cell, i) => {
                    const box = cell.getBoundingClientRect(), style = getComputedStyle(cell);
                    const label = getComputedStyle(cell, '::before').content;
                    out.push({head: heads[i], text: cell.textContent.trim(), label,
                              shown: style.display !== 'none', display: style.display,
                              left: box.left, right: box.right, overflow: cell.scrollWidth > cell.clientWidth,
                              rowLeft: row.getBoundingClientRect().left});
                });
            }
        }
        return out;
    }""")
    assert cells, "aucun tableau sur la page"
    for cell in cells:
        if not cell["text"]:  # an empty cell (no tick) is left out of the stacked row
            assert not cell["shown"], cell
            continue
        # Every filled cell is shown, as a block of its row (stacked, not a table column)...
        assert cell["shown"] and cell["display"] != "table-cell", cell
        # ... inside the screen, nothing cut and nothing to scroll...
        assert 0 <= cell["left"] and cell["right"] <= PHONE["width"] and not cell["overflow"], cell
        # ... and preceded by its column's header.
        assert cell["label"] == f'"{cell["head"]}"', cell
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    # No frame to scroll or to tab to any more.
    assert phone.locator('.odd17-table[tabindex], .odd17-table[role="region"]').count() == 0


def test_tables_stay_tables_on_a_wide_screen(browser, published_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(published_url + "methode/quel-modele/")
    table = page.locator(".odd17-table table").first
    assert table.evaluate("t => getComputedStyle(t.querySelector('td')).display") == "table-cell"
    # The tick columns stay narrow: « Pourquoi », the text, keeps most of the width.
    widths = table.evaluate("t => [...t.querySelectorAll('thead th')].map(th => th.getBoundingClientRect().width)")
    assert widths[-1] > 0.35 * sum(widths), widths
    context.close()


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


def test_the_examples_index_does_not_move_as_it_loads_on_a_phone(phone, published_url: str) -> None:  # noqa: ANN001
    """The filters fold behind « Filtres » from the first paint, before the script arrives: nothing
    pushes the results down once they are drawn (cumulative layout shift)."""
    # A slow network: the filter script arrives after the first paint (as on a real phone).
    def late(route):  # noqa: ANN001, ANN202
        phone.wait_for_timeout(700)
        route.continue_()
    phone.route("**/examples-filter.js", late)
    phone.add_init_script("""window.__shift = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries())
            if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({type: 'layout-shift', buffered: true});""")
    phone.goto(published_url + "exemples/", wait_until="load")
    phone.wait_for_function("document.querySelector('.odd17-filters--folded')")
    phone.evaluate("document.fonts.ready")
    phone.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert phone.locator(".odd17-filters__fold").count() == 1  # the build's button, not a second one
    assert phone.locator(".odd17-filters__fold").is_visible()
    shift = phone.evaluate("window.__shift")
    MEASURES.append(f"téléphone (390 px) : décalage de mise en page de l'index des exemples {shift:.3f}")
    assert shift < 0.1, f"décalage de mise en page : {shift:.3f}"
