"""Accessibility (RGAA / WCAG 2.1 AA): axe-core in headless Chromium on every kind of page,
keyboard use of the interactive parts, French language set.

axe-core (npm, package.json) is injected into each page: the pages are found by crawling the
built site (every hand-written and generated page, two record pages of each kind), so pages added
later are audited too. Only the serious and critical violations fail; the moderate and minor ones
are counted in the figures printed at the end of the run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from odd17.content.validation import validate

from conftest import CONTENT, MEASURES, ROOT, TODAY, serve
from plainsite import plain_material_site
from sitecrawl import Site, sample_urls

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KIT = validate(CONTENT, today=TODAY).kit
AXE = ROOT / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}
# Pages the audit must include whatever the crawl finds (the issue names them).
REQUIRED = ["", "exemples/", "outils/", "methode/typologie/", "panorama/", "accessibilite/"]


@pytest.fixture(scope="module")
def site(published_site: Path) -> Site:
    return Site(published_site)


def audited_urls(site: Site) -> list[str]:
    records = {"exemples": [f"exemples/{s}/index.html" for s in KIT.examples],
               "outils": [f"outils/{s}/index.html" for s in KIT.tools]}
    return sample_urls(site, records)


def axe(page) -> list[dict]:  # noqa: ANN001 - a Playwright page
    """The axe-core violations of the page as it is displayed."""
    if not AXE.exists():
        pytest.fail("axe-core manque : lancez bash scripts/task test, qui l'installe (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", AXE_TAGS)
    return result["violations"]


def _describe(url: str, violation: dict) -> str:
    nodes = "; ".join(" ".join(n["target"]) if isinstance(n["target"][0], str) else str(n["target"])
                      for n in violation["nodes"][:3])
    return f"/{url}: [{violation['impact']}] {violation['id']} ({violation['help']}) → {nodes}"


def test_the_audit_covers_the_pages_the_readers_use(site: Site) -> None:
    urls = audited_urls(site)
    missing = [u or "accueil" for u in REQUIRED if u not in urls]
    assert not missing, f"pages absentes du site : {missing}"
    assert any(u.startswith("methode/") for u in urls)
    assert sum(u.startswith("exemples/") and u.count("/") == 2 for u in urls) >= 1


def _targets(violation: dict) -> set[tuple[str, str]]:
    """(rule, element) pairs; numbers dropped from selectors, since Material numbers its menu ids
    by position (``__nav_3`` in the kit is ``__nav_2`` in the plain site)."""
    return {(violation["id"], re.sub(r"\d+", "N", json.dumps(node["target"])))
            for node in violation["nodes"]}


@pytest.fixture(scope="module")
def theme_violations(page_factory, tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """(rule, element) of every violation of a plain Material site with the kit's theme options:
    what the theme does by itself (docs/accessibilite.md lists them)."""
    site = Site(plain_material_site(tmp_path_factory.mktemp("plain-a11y")))
    server, url = serve(site.root)
    page = page_factory()
    found: set[tuple[str, str]] = set()
    try:
        for path in sample_urls(site, {}):
            page.goto(url + path, wait_until="load")
            for violation in axe(page):
                found |= _targets(violation)
    finally:
        server.shutdown()
    return found


def test_no_serious_or_critical_axe_violation(page, site: Site, published_url: str,  # noqa: ANN001
                                              theme_violations: set) -> None:
    urls = audited_urls(site)
    blocking: list[str] = []
    theme: dict[str, int] = {}
    others: dict[str, int] = {}
    for url in urls:
        page.goto(published_url + url, wait_until="load")
        for violation in axe(page):
            key = f"{violation['id']} ({violation['impact']})"
            if violation["impact"] in BLOCKING and _targets(violation) <= theme_violations:
                theme[key] = theme.get(key, 0) + 1
            elif violation["impact"] in BLOCKING:
                blocking.append(_describe(url, violation))
            else:
                key += ", thème Material" if _targets(violation) <= theme_violations else ", kit"
                others[key] = others.get(key, 0) + len(violation["nodes"])
    MEASURES.append(f"accessibilité (axe-core, {', '.join(AXE_TAGS)}) : {len(urls)} pages, "
                    f"{len(blocking)} violation(s) graves ou critiques du kit ; du thème Material "
                    f"seul (pages touchées) : {json.dumps(theme, ensure_ascii=False)} ; mineures "
                    f"ou modérées (éléments) : {json.dumps(others, ensure_ascii=False)}")
    assert not blocking, "\n".join(blocking)


def test_every_page_says_it_is_in_french(site: Site) -> None:
    wrong = [p for p, parsed in site.pages.items() if parsed.lang != "fr" and not site.is_redirect(p)]
    assert not wrong, wrong


# --- Keyboard ------------------------------------------------------------------------------------

CONTROLS = ("article input:not([type=hidden]):not([disabled]), article select:not([disabled]), "
            "article textarea, article button:not([disabled]), article summary, "
            "article [tabindex]:not([tabindex='-1'])")


def _pages_with_controls(page, published_url: str, urls: list[str]) -> list[str]:  # noqa: ANN001
    found = []
    for url in urls:
        page.goto(published_url + url, wait_until="load")
        if page.locator(CONTROLS).count():
            found.append(url)
    return found


def test_every_control_of_the_content_is_reached_and_shown_with_the_keyboard(
        page, site: Site, published_url: str) -> None:  # noqa: ANN001
    """Tab goes through every form control of the page's content (filters, guided selector…),
    in order, with a visible focus, and never gets stuck."""
    urls = _pages_with_controls(page, published_url, audited_urls(site))
    problems: list[str] = []
    for url in urls:
        page.goto(published_url + url, wait_until="load")
        # A group of radio buttons is one Tab stop (its checked button, or its first one when
        # none is checked; arrows move inside it). Outside a form, the group is the document's.
        expected = page.evaluate("sel => [...document.querySelectorAll(sel)].filter(e => "
                                 "(e.offsetParent !== null || e.getClientRects().length) && "
                                 "!(e.type === 'radio' && !e.checked && ((e.form || document)"
                                 ".querySelector(`input[type=radio][name='${e.name}']:checked`) || "
                                 "(e.form || document).querySelector(`input[type=radio]"
                                 "[name='${e.name}']`)) !== e))"
                                 ".map((e, i) => (e.dataset.kbdProbe = String(i), i))", CONTROLS)
        page.locator("article").first.evaluate("a => { a.tabIndex = -1; a.focus(); }")
        reached: list[int] = []
        unfocused_look: list[str] = []
        for _ in range(len(expected) * 3 + 20):
            page.keyboard.press("Tab")
            info = page.evaluate("""() => {
                const e = document.activeElement;
                if (!e || !e.closest('article')) return {out: true};
                const s = getComputedStyle(e);
                const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                    || s.boxShadow !== 'none' || e.matches(':focus-visible');
                return {probe: e.dataset.kbdProbe, visible, tag: e.tagName};
            }""")
            if info.get("out"):
                break
            if info.get("probe") is not None:
                reached.append(int(info["probe"]))
                if not info["visible"]:
                    unfocused_look.append(info["tag"])
        missed = sorted(set(expected) - set(reached))
        if missed:
            problems.append(f"/{url}: {len(missed)} contrôle(s) sur {len(expected)} jamais atteints "
                            "avec Tab")
        if reached != sorted(reached):
            problems.append(f"/{url}: l'ordre de tabulation ne suit pas l'ordre de la page")
        if unfocused_look:
            problems.append(f"/{url}: focus invisible sur {unfocused_look}")
    MEASURES.append(f"clavier : {len(urls)} page(s) avec des contrôles dans le contenu : "
                    + (", ".join("/" + u for u in urls) or "aucune"))
    assert not problems, "\n".join(problems)


def test_checkboxes_and_selects_of_the_content_work_with_the_keyboard(
        page, site: Site, published_url: str) -> None:  # noqa: ANN001
    """Space ticks a check box or radio button, arrows change a list: and the page responds
    (the filters or the selector change what is shown)."""
    urls = _pages_with_controls(page, published_url, audited_urls(site))
    problems: list[str] = []
    operated = 0
    for url in urls:
        page.goto(published_url + url, wait_until="load")
        boxes = page.locator("article input[type=checkbox]:visible")
        if not boxes.count():
            boxes = page.locator("article input[type=radio]:visible:not(:checked)")
        selects = page.locator("article select:visible")
        for kind, control in (("case", boxes), ("liste", selects)):
            if not control.count():
                continue
            before = page.locator("article").first.inner_text()
            first = control.first
            first.focus()
            if kind == "case":
                was = first.is_checked()
                page.keyboard.press("Space")
                if first.is_checked() == was:
                    problems.append(f"/{url}: Espace ne coche pas la première case")
            else:
                value = first.input_value()
                page.keyboard.press("ArrowDown")
                if first.input_value() == value:
                    problems.append(f"/{url}: la flèche ne change pas la liste")
            page.wait_for_timeout(300)
            if page.locator("article").first.inner_text() == before:
                problems.append(f"/{url}: la page ne réagit pas à la {kind} utilisée au clavier")
            operated += 1
    MEASURES.append(f"clavier : {operated} filtre(s) ou sélecteur(s) actionnés au clavier")
    assert not problems, "\n".join(problems)


def test_offline_search_results_are_readable(page, published_site: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """The offline copy keeps Material's search: its open results panel (meta line, tags, words
    found, in text and in code) passes axe like the online pages, on a computer and a phone."""
    import zipfile

    with zipfile.ZipFile(published_site / "kit-hors-ligne.zip") as archive:
        archive.extractall(tmp_path)
    home = next(tmp_path.glob("*/index.html")).as_uri()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(home)
        # The box on a computer, the magnifier button on a phone.
        page.locator("input.md-search__input" if width > 960 else "label[for=__search]").first.click()
        page.keyboard.type("mecenat", delay=20)
        page.wait_for_function("() => /trouvé/.test(document.querySelector("
                               "'.md-search-result__meta').textContent)", timeout=20000)
        assert page.locator(".md-search-result mark").count() > 0
        blocking = [_describe(f"hors ligne, {width} px", v) for v in axe(page)
                    if v["impact"] in BLOCKING]
        assert not blocking, "\n".join(blocking)
