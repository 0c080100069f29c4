"""Keyboard readers in headless Chromium: at every Tab stop of the pages readers use, on a
computer (1280 px) and on a phone (390 px), the focused control is on screen, not covered (by the
header, the search panel, the closed menu) and drawn with a thick focus indicator (WCAG 2.4.7,
2.4.11). Focus was once hidden or covered at 40 of the first 45 stops."""

from __future__ import annotations

import pytest

from conftest import MEASURES

pytestmark = [pytest.mark.browser]

PAGES = ["", "exemples/", "exemples/deloitte-sivc/", "methode/typologie/"]
WIDTHS = {1280: {"width": 1280, "height": 900}, 390: {"width": 390, "height": 844}}
MAX_STOPS = 120  # enough for every control of these pages on both widths

# What the focused element looks like at this stop: its box, whether the point at its centre (or
# a point inside it, for a box partly scrolled) belongs to it, and its focus indicator.
STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + " « " + (el.textContent || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40) + " »";
  const x0 = Math.max(r.left, 0), x1 = Math.min(r.right, innerWidth);
  const y0 = Math.max(r.top, 0), y1 = Math.min(r.bottom, innerHeight);
  const onScreen = r.width > 0 && r.height > 0 && x1 - x0 >= Math.min(r.width, 4)
    && y1 - y0 >= Math.min(r.height, 4);
  let covered = null;
  if (onScreen) {
    const x = (x0 + x1) / 2, y = (y0 + y1) / 2;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(el.contains(hit) || hit.contains(el) || (el.labels && [...el.labels].some(l => l.contains(hit))))) {
      covered = hit ? hit.tagName.toLowerCase() + "." + String(hit.className).trim().split(/\\s+/).join(".") : "rien";
    }
  }
  const outline = style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0;
  return {name, onScreen, covered, outline, visibility: style.visibility};
}"""


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_focus_is_visible_and_uncovered_at_every_tab_stop(browser, site_url: str, path: str,  # noqa: ANN001
                                                         width: int) -> None:
    context = browser.new_context(locale="fr-FR", viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    problems, stops, seen = [], 0, set()
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        # Material's panels slide and fade (250 ms): the stop is looked at once they stand still.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')",
                               timeout=3000)
        stop = page.evaluate(STOP)
        if stop is None:
            break  # back to the browser's chrome: every stop was visited
        key = page.evaluate("() => { const el = document.activeElement;"
                            " return [...document.querySelectorAll('*')].indexOf(el); }")
        if key in seen:
            break  # Tab came round again
        seen.add(key)
        stops += 1
        if not stop["onScreen"] or stop["visibility"] != "visible":
            problems.append(f"{stops}. hors de l’écran ou invisible : {stop['name']}")
        elif stop["covered"]:
            problems.append(f"{stops}. couvert par {stop['covered']} : {stop['name']}")
        elif stop["outline"] < 3:
            problems.append(f"{stops}. contour de focus de {stop['outline']} px : {stop['name']}")
    # No search panel left open over the page after the search box was passed.
    search_open = page.evaluate("document.getElementById('__search')?.checked ?? false")
    context.close()
    MEASURES.append(f"clavier ({width} px) /{path} : {stops} arrêts, {len(problems)} sans focus visible")
    assert stops >= 10, f"seulement {stops} arrêts de tabulation"
    assert not problems, "\n".join(problems)
    assert not search_open, "le panneau de recherche est resté ouvert"
