"""Search as French readers type, online (Pagefind, over http) and in the offline copy (Material's
search, from file://): the same pages for the same queries, accents optional, elisions split,
plurals matching singulars, stop words ignored, titles first, snippets from the text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from odd17.search import site_search
from odd17.search.search_folding import SEPARATOR, extra_forms

from conftest import ROOT, copy_project, mkdocs_build

# --- The query tables ------------------------------------------------------------------------------

# Each query with the page a reader expects among the first three results online (Pagefind);
# the offline copy (Material's search) finds it too, among its first five.
TOP_THREE = [
    ("mecenat de competences", "exemples/deloitte-sivc/"),       # no accents, « de » ignored
    ("mécénat de compétences", "exemples/deloitte-sivc/"),
    ("évaluation", "methode/evaluation/"),                       # title « Évaluer le partenariat »
    ("evaluation", "methode/evaluation/"),
    ("l'évaluation", "methode/evaluation/"),                     # elision
    ("l'evaluation partenariale", "outils/centre-ressources-evaluation-partenariale/"),
    ("Jaccede", "exemples/la-poste-jaccede/"),                   # partners' names
    ("Grameen", "exemples/danone-grameen-bank/"),
    ("GoodPlanet", "exemples/accenture-goodplanet/"),
    ("ASAD", "exemples/la-banque-postale-asad/"),
    ("RATP", "exemples/ratp-asf/"),
    ("Fondation pour l'enfance", "exemples/mitsubishi-electric-fondation-pour-l-enfance/"),
    ("cpies", "exemples/toyota-cpie-bocage-de-l-avesnois/"),     # plural typed, singular written
    ("clauses d'insertion", "exemples/eiffage-agote/"),
    ("typologie", "methode/typologie/"),
    ("levier", "methode/leviers/"),                              # singular typed, plural written
    ("co-construction", "methode/co-construction/"),
    ("ecosysteme", "methode/ecosysteme/"),
    ("catalyse territoriale", "methode/ecosysteme/"),
    ("argumentaire", "argumentaire/"),
    ("reseaux", "outils/reseau-"),                               # « Réseau » in titles
    ("la fonda", "outils/reseau-la-fonda/"),
    ("investisseur societal", "outils/referentiel-modele-d-investisseur-societal/"),
    ("accessibilite", "accessibilite/"),                         # the page titled so, first
    ("donnees ouvertes", "donnees/"),
]
# Queries of the former tests, found by both engines among the first ten results.
FOUND = [
    ("cooperation", "argumentaire/"),                            # « coopération »
    ("competence", "methode/se-former/"),                        # « compétences »
    ("mecenats", "exemples/deloitte-sivc/"),
    ("enjeu social", "argumentaire/"),                           # « enjeux sociaux »
    ("quel modèle de partenariat", "methode/quel-modele/"),
    ("innovation sociale", "methode/typologie/"),
]
# Online, first: the page whose title is the query.
FIRST = [
    ("évaluation", "methode/evaluation/"),
    ("accessibilité", "accessibilite/"),
    ("typologie", "methode/typologie/"),
    ("Jaccede", "exemples/la-poste-jaccede/"),
    ("quel modèle de partenariat", "methode/quel-modele/"),
]


# --- The offline copy's separator and folding (Material's search) ---------------------------------

def test_extra_forms_fold_accents_and_pair_al_aux() -> None:
    forms = extra_forms("<p>Le mécénat de compétences, l'évaluation, les réseaux sociaux, "
                        "un projet régional, Œuvrer</p>")
    assert {"mecenat", "competences", "evaluation", "social", "regional", "regionau",
            "oeuvrer"} <= set(forms)
    assert "mécénat" not in forms  # already in the text
    assert "reseal" not in forms  # « -eaux » is not a plural of « -al »


def tokens(text: str) -> list[str]:
    """The words Material's search indexes (and queries) after the kit's separator."""
    return [w.lower() for w in re.split(SEPARATOR, text) if w]


def test_separator_drops_french_elisions_stop_words_and_plurals() -> None:
    assert tokens("L'évaluation qu'une entreprise d'insertion jusqu'à aujourd'hui "
                  "co-construit") == ["évaluation", "entreprise", "insertion",
                                      "aujourd'hui", "co", "construit"]
    # Plural and singular give the same word, in the text and in the query.
    assert tokens("mécénats réseaux Compétences CPIES") == tokens("mécénat réseau compétence CPIE")
    # Short words keep their last letter (« cas » is not « ca », which would find « capacité »).
    assert tokens("le cas des pays, prix") == ["cas", "pays,", "prix"]
    # Stop words go as whole words only, never inside one, in any case.
    assert tokens("Mécénat DE compétences de la Suède, desserte, Lesquin, À Paris") == [
        "mécénat", "compétence", "suède,", "desserte,", "lesquin,", "pari"]
    assert tokens("mécénat de compétences") == tokens("mécénat compétences")


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    """The offline copy's build (Material's offline plugin, search index inlined)."""
    site = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(ROOT, site, ODD17_OFFLINE="true")
    assert result.returncode == 0, result.stderr
    return site


def test_offline_titles_carry_their_folded_forms(offline_site: Path) -> None:
    import json

    index = json.loads((offline_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["separator"] == SEPARATOR  # the plugin gives Material the kit's
    titles = [d["title"] for d in index["docs"] if d["location"] == "methode/evaluation.html"]
    assert titles and titles[0].endswith("<span hidden>evaluer</span>"), titles
    assert not (offline_site / site_search.BUNDLE).exists()  # one engine per copy


def test_offline_index_holds_the_record_pages_text_only(offline_site: Path) -> None:
    """Citation, BibTeX and dates are not a record page's text: Material's index (the offline
    copy's) skips them as Pagefind does online (``site_search.NOT_TEXT``)."""
    import json

    index = json.loads((offline_site / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if re.match(r"exemples/[a-z0-9-]+\.html", d["location"])]
    assert len({d["location"].split("#")[0] for d in entries}) >= 9
    assert any("Deloitte" in d["text"] for d in entries)  # the pages' own text is there
    for entry in entries:
        for chrome in ("Citer cette fiche", "BibTeX", "@misc", "Ajouté le",
                       "Tous les exemples inspirants"):
            assert chrome not in entry["text"], (entry["location"], chrome)


@pytest.fixture(scope="module")
def many_examples(tmp_path_factory: pytest.TempPathFactory, builds: None) -> tuple[Path, Path, dict[str, str]]:
    """The project with 30 synthetic examples (several per model, so each page lists others),
    built online and offline; their titles by page."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import write_examples

    from odd17.content.validation import validate

    project = copy_project(tmp_path_factory.mktemp("many") / "kit")
    write_examples(project / "content", 30)
    kit = validate(project / "content").kit
    assert kit is not None
    online, offline = project / "site", project / "site-offline"
    for site, env in ((online, {}), (offline, {"ODD17_OFFLINE": "true"})):
        result = mkdocs_build(project, site, **env)
        assert result.returncode == 0, result.stderr[-3000:]
    return online, offline, {slug: e.title for slug, e in kit.examples.items()}


def test_other_examples_listed_on_a_page_are_not_its_text(many_examples) -> None:  # noqa: ANN001
    """« D’autres exemples du même modèle » lists ten other titles: neither engine finds a page
    by them (at 1,000 examples each title would bring ten pages that merely list it)."""
    import json

    online, offline, titles = many_examples

    def plain(text: str) -> str:  # entities, typography's no-break spaces and apostrophes
        return re.sub(r"[\s\u00a0\u202f]+", " ", html.unescape(text)).replace("’", "'")

    titles = {slug: plain(title) for slug, title in titles.items()}
    records = {r["url"]: plain(r["content"]) for r in site_search.records(online)}
    index = json.loads((offline / "search/search_index.json").read_text(encoding="utf-8"))
    listing = 0
    for slug, title in titles.items():
        page = plain((online / "exemples" / slug / "index.html").read_text(encoding="utf-8"))
        if "d-autres-exemples-du-meme-modele" not in page:
            continue
        listing += 1
        others = [t for s, t in titles.items() if s != slug and t in page]
        assert others  # the page does list other examples
        own = records[f"/exemples/{slug}/"]
        offline_text = plain(" ".join(d["title"] + " " + d["text"] for d in index["docs"]
                                      if d["location"].startswith(f"exemples/{slug}.html")))
        assert title in own and title in offline_text  # its own title is found
        for other in others:
            assert other not in own and other not in offline_text, (slug, other)
        assert "autres exemples" not in offline_text
    assert listing >= 20


# --- What Pagefind indexes -------------------------------------------------------------------------

def test_pagefind_indexes_the_pages_text_only(built_site: Path) -> None:
    records = {r["url"]: r for r in site_search.records(built_site)}
    assert "/exemples/deloitte-sivc/" in records and "/methode/evaluation/" in records
    # Lists per category, model and region stay out (each example is found by its own page).
    assert not [u for u in records if re.match(r"/exemples/(categories|modeles|regions)/", u)]
    deloitte = records["/exemples/deloitte-sivc/"]
    assert deloitte["meta"]["title"] == "Deloitte et SIVC"
    assert deloitte["content"].startswith("Deloitte et SIVC.")  # no tags, no chrome before
    for record in records.values():
        if not re.match(r"/(exemples|outils)/.", record["url"]):
            continue  # hand-written pages may name these words in their text
        text = record["content"]
        for chrome in ("Aller au contenu", "Lien vers cette section", "Adresse de cette page",
                       "QR code", "Ajouté le", "Made with", "Citer cette fiche", "@misc",
                       "Modèle de partenariat :", "Proposer une modification"):
            assert chrome not in text, (record["url"], chrome)
    # Material's own index is empty online: readers never download it.
    index = (built_site / "search/search_index.json").read_text(encoding="utf-8")
    assert '"docs":[]' in index.replace(" ", "")


def test_published_snippets_skip_the_download_lines(published_site: Path) -> None:
    records = list(site_search.records(published_site))
    assert len(records) > 40
    for record in records:
        assert "Télécharger en PDF" not in record["content"], record["url"]
        assert "À emporter" not in record["content"], record["url"]


def test_stop_words_are_declared_once_and_written_into_the_script(built_site: Path) -> None:
    script = (built_site / site_search.SCRIPT).read_text(encoding="utf-8")
    assert '"de"' in script and '"qu"' in script and "/*STOP_WORDS*/" not in script
    assert not {"mécénat", "évaluation", "réseau"} & site_search.STOP_WORDS


# --- The engines in Chromium ------------------------------------------------------------------------

def _type_query(page, query: str) -> None:  # noqa: ANN001
    """Type ``query`` in the header's search box as a reader does (both engines share the box)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query)


def online_results(page, query: str) -> list[str]:  # noqa: ANN001
    """Type ``query`` in the header's box as a reader does; the results' paths, in order."""
    _type_query(page, query)
    page.wait_for_function("q => document.querySelector('[data-odd17-search]').dataset.shown"
                           " === q", arg=query, timeout=20000)
    return _listed(page)


def _listed(page) -> list[str]:  # noqa: ANN001
    """The paths of the results listed online, in order."""
    root = page.evaluate("() => new URL(document.querySelector('[data-odd17-search]')"
                         ".dataset.odd17Search, location.href).href")
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "els => els.map(e => e.href)")
    return [h.removeprefix(root) for h in hrefs]


def offline_results(page, query: str) -> list[str]:  # noqa: ANN001
    """The same in the offline copy (Material's search): pages' paths, sections left out."""
    _type_query(page, query)
    page.wait_for_function("() => /trouvé/.test(document.querySelector("
                           "'.md-search-result__meta').textContent)", timeout=20000)
    previous, hrefs = None, []
    while hrefs != previous:  # results of the whole query, not of its first letters
        page.wait_for_timeout(400)
        previous, hrefs = hrefs, page.locator(".md-search-result__item > a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))")
    root = page.evaluate("() => new URL(JSON.parse(document.getElementById('__config')"
                         ".textContent).base, location.href).href")
    paths = [h.split("?")[0].removeprefix(root) for h in hrefs if "#" not in h]
    return [p.removesuffix("index.html") if p.endswith("index.html")
            else re.sub(r"\.html$", "/", p) for p in paths]


@pytest.fixture(scope="module")
def online(page_factory, site_url: str):  # noqa: ANN001, ANN201
    page = page_factory()
    page.goto(site_url)
    return page


@pytest.fixture(scope="module")
def offline(page_factory, offline_site: Path):  # noqa: ANN001, ANN201
    page = page_factory()
    page.goto((offline_site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => !/Initialisation/.test(document.querySelector("
                           "'.md-search-result__meta').textContent)", timeout=20000)
    return page


def _rank(paths: list[str], expected: str) -> int | None:
    return next((i + 1 for i, p in enumerate(paths) if p.startswith(expected)), None)


@pytest.mark.browser
@pytest.mark.parametrize("query,expected", TOP_THREE)
def test_the_expected_page_is_in_the_top_three(online, offline, query: str,  # noqa: ANN001
                                               expected: str) -> None:
    found_online, found_offline = online_results(online, query), offline_results(offline, query)
    assert (_rank(found_online, expected) or 99) <= 3, ("en ligne", query, found_online[:5])
    # Material's lunr ranking of the offline copy is its own: the same page, among the first five.
    assert (_rank(found_offline, expected) or 99) <= 5, ("hors ligne", query, found_offline[:5])


@pytest.mark.browser
@pytest.mark.parametrize("query,expected", FOUND)
def test_both_engines_find_the_page(online, offline, query: str, expected: str) -> None:  # noqa: ANN001
    assert _rank(online_results(online, query), expected), ("en ligne", query)
    assert _rank(offline_results(offline, query), expected), ("hors ligne", query)


@pytest.mark.browser
@pytest.mark.parametrize("query,expected", FIRST)
def test_online_the_page_titled_so_comes_first(online, query: str, expected: str) -> None:  # noqa: ANN001
    found = online_results(online, query)
    assert found and found[0] == expected, (query, found[:3])


@pytest.mark.browser
def test_online_stop_words_are_not_search_terms(online) -> None:  # noqa: ANN001
    def count() -> int:
        text = online.locator(".md-search-result__meta").inner_text()
        return int(re.search(r"(\d+) pages?", text).group(1)) if re.search(r"\d", text) else 0

    with_de = online_results(online, "mecenat de competences")
    with_de_count = count()
    without = online_results(online, "mecenat competences")
    assert with_de == without and 0 < with_de_count == count() < 15
    online_results(online, "de")  # a stop word alone is still searched
    assert count() > 40


@pytest.mark.browser
def test_online_snippets_start_with_the_text(online) -> None:  # noqa: ANN001
    online_results(online, "Deloitte")
    first = online.locator(".md-search-result__item").first
    assert first.locator("h2").inner_text() == "Deloitte et SIVC"
    snippet = first.locator("p").inner_text()
    assert "Deloitte" in snippet and "Télécharger" not in snippet and "Engagement actif Mécénat" \
        not in snippet, snippet
    assert first.locator("mark").count() >= 1


@pytest.mark.browser
def test_online_search_loads_nothing_before_the_reader_searches(browser, site_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(site_url, wait_until="networkidle")
        assert not [u for u in requested if "pagefind" in u or "search_index" in u], requested
        online_results(page, "partenariat")
        assert any("/pagefind/pagefind.js" in u for u in requested)
        assert not [u for u in requested if "search_index" in u or "workers/search" in u]
        assert all(u.startswith(site_url) for u in requested), requested  # no third party
    finally:
        context.close()


@pytest.mark.browser
def test_online_search_by_keyboard(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "methode/")
    page.keyboard.press("/")  # opens the search, as Material's does
    assert page.evaluate("() => document.activeElement.id") == "odd17-search-query"
    assert page.locator("#__search").is_checked()
    page.keyboard.type("GoodPlanet", delay=20)
    page.wait_for_function("() => document.querySelector('[data-odd17-search]').dataset.shown"
                           " === 'GoodPlanet'")
    status = page.get_by_role("status").filter(has_text="trouvée")
    assert re.match(r"\d+ pages? trouvées?", status.inner_text())
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.href")
    assert focused.endswith("/exemples/accenture-goodplanet/")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.id") == "odd17-search-query"
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url("**/exemples/accenture-goodplanet/")
    page.keyboard.press("s")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert page.external_requests == []


@pytest.mark.browser
def test_online_search_on_a_phone(browser, site_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url)
        page.locator("header label[for=__search]").first.click()  # the magnifier button
        page.wait_for_function("() => document.activeElement.id === 'odd17-search-query'")
        page.keyboard.type("réseau", delay=20)
        page.wait_for_function("() => document.querySelector('[data-odd17-search]').dataset.shown"
                               " === 'réseau'")
        # The search overlay opens with a transition: wait until the first result has its
        # phone width (it never gets it if the layout is wrong, and the test then fails).
        first = page.locator(".md-search-result__item").first
        try:
            page.wait_for_function(
                "() => { const r = document.querySelector('.md-search-result__item')"
                ".getBoundingClientRect(); return r.left >= 0 && r.right <= 390; }", timeout=5000)
        except Exception:  # noqa: BLE001 - the assertion below shows the measured box
            pass
        box = first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert first.is_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.browser
def test_offline_copy_makes_no_request_out(offline) -> None:  # noqa: ANN001
    offline_results(offline, "l'evaluation")
    assert offline.external_requests == []


def test_online_and_offline_tables_hold_at_least_fifteen_queries() -> None:
    assert len(TOP_THREE) >= 15 and len({q for q, _ in TOP_THREE}) == len(TOP_THREE)


def test_the_served_site_has_pagefinds_files_only_from_the_binary(built_site: Path) -> None:
    bundle = built_site / site_search.BUNDLE
    assert (bundle / "pagefind.js").exists() and list(bundle.glob("wasm.*.pagefind"))
    # The box loads Pagefind from the site itself (relative address), never from a CDN.
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-odd17-search="./"' in home, re.findall(r'data-odd17-search="[^"]*"', home)
    assert 'import(new URL("pagefind/pagefind.js", root)' in \
        (built_site / site_search.SCRIPT).read_text(encoding="utf-8")


def test_a_build_without_pagefind_says_what_to_install(tmp_path: Path, builds: None) -> None:
    """Pagefind comes from npm (package.json): without it, no site is published without its
    search, and the contributor reads what to run, not a traceback."""
    project = copy_project(tmp_path / "kit")
    (project / "node_modules").unlink()
    (project / "node_modules").mkdir()  # npm ci not run
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Pagefind" in result.stderr and "npm ci" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_online_search_with_results_passes_axe(browser, site_url: str, width: int) -> None:  # noqa: ANN001
    """The open search box and its results, audited like the pages (tests/test_accessibility.py)."""
    from test_accessibility import AXE_TAGS, BLOCKING, axe

    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 844})
    page = context.new_page()
    try:
        page.goto(site_url)
        if width < 500:
            page.locator("header label[for=__search]").first.click()
        online_results(page, "évaluation")
        blocking = [f"[{v['impact']}] {v['id']}: {[n['target'] for n in v['nodes'][:4]]}"
                    for v in axe(page) if v["impact"] in BLOCKING]
        assert not blocking, (AXE_TAGS, blocking)
    finally:
        context.close()


# --- Many results, many pages ----------------------------------------------------------------------

def _status(page) -> str:  # noqa: ANN001
    return page.locator("#odd17-search-status").inner_text()


def all_online_results(page, query: str) -> list[str]:  # noqa: ANN001
    """``online_results``, then « Afficher … résultats de plus » until every result is listed."""
    paths = online_results(page, query)
    more = page.locator(".odd17-search__more button")
    while more.count():
        listed = len(paths)
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__item > a')"
                               ".length > n", arg=listed, timeout=20000)
        paths = _listed(page)
    return paths


@pytest.mark.browser
def test_online_more_results_on_demand(online) -> None:  # noqa: ANN001
    """Ten results first, each loading its own snippet; the button loads the next ten."""
    first = online_results(online, "partenariat")
    total = int(re.match(r"([\d\u202f\u00a0]+) pages trouvées", _status(online))
                .group(1).replace("\u202f", "").replace("\u00a0", ""))
    assert total > 10 and len(first) == 10, (total, first)
    button = online.locator(".odd17-search__more button")
    assert button.inner_text() == f"Afficher {min(10, total - 10)} résultats de plus"
    button.click()
    online.wait_for_function("() => document.querySelectorAll('.md-search-result__item > a')"
                             ".length > 10", timeout=20000)
    listed = _listed(online)
    assert len(listed) == min(20, total) and len(set(listed)) == len(listed), listed
    assert listed[:10] == first  # appended below, the first ten unchanged
    # The keyboard stays where the reader was: on the first of the new results.
    links = online.locator(".md-search-result__item > a")
    assert online.evaluate("() => document.activeElement.href") == links.nth(10).evaluate(
        "e => e.href")
    assert links.nth(10).locator("h2").inner_text() and links.nth(10).locator("p").inner_text()
    assert (online.locator(".odd17-search__more").count() == 0) == (total <= 20)
    assert _status(online).startswith(f"{total}")  # the count of every page found, unchanged


@pytest.mark.browser
def test_online_the_word_being_typed_is_loaded_from_its_fourth_letter(browser, site_url: str) -> None:  # noqa: ANN001
    """Before the pause that starts a search, the index chunks of the word being typed are
    loaded from its fourth letter (the search then only calculates), not before (a word of
    three letters begins too many)."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    chunks: list[str] = []
    page.on("request", lambda r: chunks.append(r.url) if r.url.endswith(".pf_index") else None)
    page.clock.install()
    try:
        page.goto(site_url)
        box = page.locator("[data-odd17-search] input")
        box.focus()
        page.wait_for_event("requestfinished", lambda r: r.url.endswith(".pf_meta"))
        page.clock.pause_at(page.evaluate("Date.now()") + 60_000)  # no pause ever ends
        box.press_sequentially("par")
        page.wait_for_timeout(1000)
        assert not chunks  # three letters: nothing loaded yet
        box.press_sequentially("t")
        for _ in range(50):
            if chunks:
                break
            page.wait_for_timeout(100)
        assert chunks, "the fourth letter loads the word's index chunks"
        assert page.locator(".md-search-result__item").count() == 0  # no search ran
        loaded = set(chunks)
        box.press_sequentially("enariat")
        page.clock.resume()
        page.wait_for_function("() => document.querySelector('[data-odd17-search]')"
                               ".dataset.shown === 'partenariat'", timeout=20000)
        assert page.locator(".md-search-result__item").count() > 0
        assert set(chunks) == loaded  # the chunks of « part » held those of « partenariat »
    finally:
        context.close()
