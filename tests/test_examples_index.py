"""The examples index in headless Chromium: filters, address state, no-JS listing, facet pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from odd17.content.validation import validate

from conftest import CONTENT, TODAY

pytestmark = [pytest.mark.browser]
KIT = validate(CONTENT, today=TODAY).kit


def visible_titles(page) -> list[str]:  # noqa: ANN001
    return [plain(t) for t in page.locator("#resultats .odd17-example:visible a").all_inner_texts()]


def plain(text: str) -> str:
    """Text as in the records: French typography (odd17/content/typography) gives no-break spaces and
    typographic apostrophes to what readers see."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")


def count_line(page) -> str:  # noqa: ANN001
    return page.locator(".odd17-results__count").inner_text().replace("\u202f", " ")


def in_index_order(examples: list[tuple[str, object]]) -> list[str]:
    from odd17.site.examples_index import ordered

    wanted = {slug for slug, _ in examples}
    return [e.title for s, e in ordered(KIT) if s in wanted]


def test_filter_by_model_updates_count_and_address(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/")
    total = len(KIT.examples)
    assert len(visible_titles(page)) == total
    assert count_line(page) == f"{total}\u00a0exemples."
    page.get_by_label("Modèle de partenariat", exact=True).select_option("engagement-actif")
    expected = [e.title for e in KIT.examples.values() if e.model == "engagement-actif"]
    page.wait_for_function("document.querySelector('.odd17-results__count').textContent.includes('correspond')")
    assert visible_titles(page) == expected
    assert count_line(page).startswith(f"{len(expected)} exemple")
    assert "modele=engagement-actif" in page.url
    # The records' own pages are linked (online addresses: « slug/ »).
    assert page.locator("#resultats .odd17-example a").first.get_attribute("href") == "deloitte-sivc/"


def test_only_values_with_examples_are_offered(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/")
    models = page.locator("#filtre-modele option").all_inner_texts()
    used = {e.model for e in KIT.examples.values()}
    assert len(models) == 1 + len(used) and models[0] == "Tous"
    assert "Engagement actif (1)" in models
    types = page.locator("#filtre-type option").evaluate_all("os => os.map(o => o.value)")
    assert "collectivite" not in types  # no partner of the base is one (yet)
    if not any(e.territory for e in KIT.examples.values()):
        assert page.locator("#filtre-territoire").is_hidden()  # until an address asks for it
        page.goto(site_url + "exemples/?territoire=53")
        assert page.get_by_label("Territoire", exact=True).input_value() == "53"
        page.locator(".odd17-filters__none").wait_for(state="visible")


def test_combined_filters_clear_and_keyboard(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/")
    page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)", exact=True).fill("mecenat")  # no accents
    expected = [e.title for e in KIT.examples.values() if KIT.model(e.model).category == "mecenat"]
    page.wait_for_function("document.querySelector('.odd17-results__count').textContent.includes('correspond')")
    assert sorted(visible_titles(page)) == sorted(expected)
    # Partner types: a facet is offered only where a source states one of its values (« non
    # précisé » alone says nothing), and a field offering one value filters nothing.
    stated = {p.type for e in KIT.examples.values() for p in e.partners} - {"non-precise"}
    assert page.locator("#filtre-type").is_visible() == (len(stated) > 1)
    # The active filter is shown above the results, as a button that removes it.
    assert page.get_by_role("button", name="Retirer le filtre Mots").is_visible()
    page.get_by_label("Modèle de partenariat", exact=True).select_option("rd-sociale")  # not a mécénat model
    none = page.locator(".odd17-filters__none")
    none.wait_for(state="visible")
    assert visible_titles(page) == []
    assert none.get_by_role("link", name="proposez un exemple").is_visible()
    assert count_line(page) == f"Aucun des {len(KIT.examples)} exemples ne correspond."
    assert "mots=mecenat" in page.url and "modele=rd-sociale" in page.url
    page.get_by_role("button", name="Effacer les filtres").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#resultats .odd17-example').length > 1")
    assert len(visible_titles(page)) == len(KIT.examples)
    assert "?" not in page.url


def test_shared_address_restores_the_filters(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/?modele=rd-sociale")
    assert page.get_by_label("Modèle de partenariat", exact=True).input_value() == "rd-sociale"
    page.wait_for_function("document.querySelector('.odd17-results__count').textContent.includes('correspond')")
    assert visible_titles(page) == [e.title for e in KIT.examples.values() if e.model == "rd-sociale"]
    page.get_by_label("Modèle de partenariat", exact=True).select_option("audit-pratiques")
    page.go_back()
    page.wait_for_url(re.compile(r".*modele=rd-sociale$"))
    assert page.get_by_label("Modèle de partenariat", exact=True).input_value() == "rd-sociale"
    page.goto(site_url + "exemples/?mots=mecenat")  # not ?q=…: Material would open its search
    assert page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)", exact=True).input_value() == "mecenat"
    assert not page.locator("#__search").is_checked()
    page.goto(site_url + "exemples/?modele=inconnu")  # a broken shared address shows everything
    assert len(visible_titles(page)) == len(KIT.examples)
    # A known value without examples (a shared address): said, not ignored.
    page.goto(site_url + "exemples/?type=collectivite")
    page.locator(".odd17-filters__none").wait_for(state="visible")
    assert page.get_by_label("Type de partenaire", exact=True).input_value() == "collectivite"


def test_without_javascript_the_first_page_and_every_listing(browser, site_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "exemples/")
    assert page.locator("form.odd17-filters").is_hidden()
    assert len(visible_titles(page)) == len(KIT.examples)  # 9 < one page
    listed: list[str] = []
    for link in page.locator("#par-categorie + ul a").all():
        href = link.get_attribute("href")
        other = context.new_page()
        other.goto(site_url + "exemples/" + href)
        listed += [plain(t) for t in other.locator(".odd17-example a").all_inner_texts()]
        other.close()
    assert sorted(listed) == sorted(e.title for e in KIT.examples.values())
    context.close()


def test_facet_pages_list_their_examples(built_site: Path) -> None:
    for model in KIT.typology.models:
        html = (built_site / f"exemples/modeles/{model.id}/index.html").read_text(encoding="utf-8")
        for slug, example in KIT.examples.items():
            assert (f'href="../../{slug}/"' in html) == (example.model == model.id), (model.id, slug)
    for category in KIT.typology.categories:
        html = (built_site / f"exemples/categories/{category.id}/index.html").read_text(encoding="utf-8")
        for slug, example in KIT.examples.items():
            assert (f'href="../../{slug}/"' in html) == (KIT.category_of(example).id == category.id)
    example = (built_site / "exemples/deloitte-sivc/index.html").read_text(encoding="utf-8")
    assert 'href="../modeles/engagement-actif/"' in example and 'href="../categories/mecenat/"' in example
    assert 'href="../../methode/typologie/#engagement-actif"' in example


def test_panorama_reads_well_with_a_small_base(built_site: Path) -> None:
    page = (built_site / "panorama/index.html").read_text(encoding="utf-8")
    per_model = page[page.index('id="modeles"'):]
    table = per_model[: per_model.index("</table>")]
    for model in KIT.typology.models:
        count = sum(e.model == model.id for e in KIT.examples.values())
        row = f'<th scope="row">{html.escape(model.name)}</th>'
        assert (row in table) == (count > 0)
    assert "(aucun exemple)" not in page and "Aucun exemple pour l" not in page
    assert 'href="../contribuer/"' in page
    # Partner types: a type no partner is *stated* to have is not « pas encore d'exemple » (the
    # base's associations may be « non précisé »); with no stated type at all, one sentence.
    assert "Pas encore d’exemple pour ces types" not in page
    if all(p.type == "non-precise" for e in KIT.examples.values() for p in e.partners):
        assert "ne précisent encore le type d’aucun partenaire" in page
        assert 'id="types"' not in page
    if not any(e.territory for e in KIT.examples.values()):
        assert "<svg role=\"img\"" not in page  # no map of zeros
        assert "Où manque-t-il" not in page  # no table of models by territory, nor its promise


def test_tool_map_by_lever_step_and_audience(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "outils/")
    tools = page.locator(".odd17-tool:visible")
    assert tools.count() == len(KIT.tools)
    for slug, tool in KIT.tools.items():
        card = page.locator(f'.odd17-tool[data-slug="{slug}"]')
        assert plain(card.locator("h3 a").first.inner_text()) == tool.name
        if tool.url:
            assert card.locator(f'a[href="{tool.url}"]').count() == 1
        else:
            assert card.locator('a[href^="http"]').count() == 0  # never an invented address
    levers = page.locator(".odd17-map").first
    assert levers.get_by_text("Apprendre à faire alliances").is_visible()
    page.get_by_label("Public").select_option("collectivites")
    expected = [t.name for t in KIT.tools.values() if "collectivites" in t.audiences]
    page.wait_for_function(f"document.querySelectorAll('.odd17-tool:not([hidden])').length === {len(expected)}")
    assert "public=collectivites" in page.url
    assert page.locator(".odd17-map li:visible").count() >= len(expected)
    assert page.locator(".odd17-results__count").inner_text().startswith(f"{len(expected)} outil")


@pytest.fixture(scope="module")
def regional_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    """The real content plus fictional examples placed in regions: 3, then 102 more in one
    region and one model (its pages run over two pages, the index over three)."""
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path_factory.mktemp("regions") / "project")
    placed = [("rd-sociale", "53"), ("engagement-actif", "53"), ("rd-sociale", "84")]
    placed += [("audit-pratiques", "84")] * 102
    for n, (model, region) in enumerate(placed, 1):
        (project / "content/examples" / f"fictif-region-{n:03d}.yml").write_text(
            FICTIONAL.format(title=f"Alliance fictive {n}", n=n, model=model, region=region),
            encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_region_pages_list_their_examples(regional_site: Path) -> None:
    brittany = (regional_site / "exemples/regions/53-bretagne/index.html").read_text(encoding="utf-8")
    assert "<h1" in brittany and "<title>Exemples\u00a0: Bretagne - " in brittany
    links = re.findall(r'href="\.\./\.\./(fictif-region-\d+)/"', brittany)
    assert links == ["fictif-region-002", "fictif-region-001"]  # the index's order: model, slug
    assert 'href="../../?territoire=53"' in brittany  # the same list in the filterable index
    index = (regional_site / "exemples/index.html").read_text(encoding="utf-8")
    assert 'href="regions/53-bretagne/">Bretagne</a> (2\u00a0exemples)' in index
    assert 'href="regions/84-auvergne-rhone-alpes/">Auvergne-Rhône-Alpes</a> (103\u00a0exemples)' in index
    # A region without examples: not listed, named in one line; its page (a published address)
    # invites a contribution instead of saying « none » alone.
    assert 'href="regions/11-ile-de-france/">Île-de-France</a> (' not in index
    assert re.search(r"Pas encore d’exemple\u00a0: .*>Île-de-France</a>", index)
    empty = (regional_site / "exemples/regions/11-ile-de-france/index.html").read_text(encoding="utf-8")
    assert "La base ne compte pas encore d’exemple pour" in empty
    assert 'href="../../../contribuer/"' in empty and 'href="../../#par-territoire"' in empty
    example = (regional_site / "exemples/fictif-region-001/index.html").read_text(encoding="utf-8")
    assert 'href="../regions/53-bretagne/">Bretagne</a>' in example
    # The panorama's tile map (tiles and short names from content/vocabularies.yml).
    panorama = (regional_site / "panorama/index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Bretagne[\s\u00a0\u202f]:[\s\u00a0]2</title>", panorama)
    assert ">BRE</text>" in panorama
    assert '<abbr title="Auvergne-Rhône-Alpes">ARA</abbr>' in panorama
    assert re.search(r"Pas encore d’exemple pour ces territoires\u00a0: [^<]*Corse", panorama)


def test_long_facet_pages_are_paginated(regional_site: Path) -> None:
    first = (regional_site / "exemples/regions/84-auvergne-rhone-alpes/index.html").read_text(encoding="utf-8")
    second = (regional_site / "exemples/regions/84-auvergne-rhone-alpes/page-2/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'class="odd17-example"', first)) == 100
    assert len(re.findall(r'class="odd17-example"', second)) == 3
    assert "Page 1 sur 2" in first and '<a href="page-2/">Page suivante →</a>' in first
    assert "Page 2 sur 2" in second and '<a href="../">← Page précédente</a>' in second
    assert "(page 2 sur 2)" in second  # its own title


def test_results_come_in_pages(page, regional_site: Path) -> None:  # noqa: ANN001
    from conftest import serve

    total = len(KIT.examples) + 105
    server, url = serve(regional_site)
    try:
        page.goto(url + "exemples/")
        assert len(visible_titles(page)) == 50
        page.get_by_label("Territoire", exact=True).select_option("84")
        page.wait_for_function("document.querySelector('.odd17-results__count').textContent.includes('correspondent')")
        assert count_line(page) == f"103 exemples sur {total} correspondent. Page 1 sur 3."
        page.get_by_role("link", name="Page suivante →").click()
        page.wait_for_url(re.compile(r".*territoire=84&page=2$"))
        # Focus moves to the results' heading once the page of results is shown.
        page.wait_for_function("document.activeElement.id === 'resultats-titre'")
        # The newest first (one date for all: then by title, « 10 » before « 9 »).
        from odd17.content.folding import fold

        in_84 = sorted((f"Alliance fictive {n}" for n in range(3, 106)), key=fold)
        assert visible_titles(page)[0] == in_84[50]
        page.go_back()
        page.wait_for_url(re.compile(r".*territoire=84$"))
        page.wait_for_function("document.querySelector('.odd17-results__count').textContent.includes('Page 1')")
        page.goto(url + "exemples/?modele=rd-sociale&territoire=53")
        page.wait_for_function("document.querySelectorAll('#resultats .odd17-example').length === 1")
        assert visible_titles(page) == ["Alliance fictive 1"]
        selection = page.evaluate("window.odd17Selection.items()")
        assert [s["slug"] for s in selection] == ["fictif-region-001"]
        assert selection[0]["href"].endswith("/exemples/fictif-region-001/")
    finally:
        server.shutdown()


def test_typing_words_is_one_step_of_the_history(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/")
    steps = page.evaluate("history.length")
    page.get_by_label("Modèle de partenariat", exact=True).select_option("engagement-actif")
    words = page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)", exact=True)
    words.press_sequentially("deloitte", delay=20)
    assert page.url.endswith("?modele=engagement-actif&mots=deloitte")
    assert page.evaluate("history.length") == steps + 2  # the model, the words (not 8 letters)
    page.go_back()
    page.wait_for_url(re.compile(r".*\?modele=engagement-actif$"))
    assert words.input_value() == ""
    assert len(visible_titles(page)) == len(KIT.examples_by_model["engagement-actif"])


def test_a_facet_is_one_declaration(monkeypatch: pytest.MonkeyPatch) -> None:
    """Declaring a facet on an existing field puts it in the form, the filters' data, the
    facet pages and the open data, with nothing else to write."""
    from odd17.content import facets
    from odd17.publish import opendata
    from odd17.site import examples_index

    added = facets.Facet("modele-essai", "Modèle (essai)", "modeles", field="modele",
                         pages="exemples/essai", data_column="modele_essai")
    derived = facets.Facet("nombre-essai", "Catégorie (essai)", "categories",
                           read=lambda kit, e: (kit.model(e.model).category,), multiple=False,
                           data_column="categorie_essai")
    monkeypatch.setattr(facets, "EXAMPLE_FACETS", (*facets.EXAMPLE_FACETS, added, derived))
    used = [t for t, _ in added.used(KIT, KIT.examples.values())]
    assert used
    form = examples_index.examples_index(KIT)
    assert 'name="modele-essai"' in form and f'value="{used[0].id}"' in form
    assert "### Par modèle (essai)" in form and "essai/" in form
    data = dict(examples_index.data_files(KIT))["exemples/filtres/index.js"]
    assert '"id":"modele-essai"' in data and '"modele-essai":"' in data
    pages = dict(examples_index.facet_pages(KIT))
    page = pages[f"exemples/essai/{used[0].id}.md"]
    holders = [s for s, e in KIT.examples.items() if e.model == used[0].id]
    assert holders and all(f'data-slug="{slug}"' in page for slug in holders)
    header = opendata.examples_csv(opendata.examples_data(KIT, "")).splitlines()[0].split(";")
    assert "categorie_essai" in header and "categorie_essai_nom" in header


FICTIONAL = """titre: "{title}"
partenaires:
  - nom: "Association imaginaire {n}"
    type: association
  - nom: "Commune inventée {n}"
    type: collectivite
modele: {model}
territoire: "{region}"
description: >-
  Exemple fictif pour les tests : une association et une commune imaginaires.
sources:
  - titre: "Source fictive {n}"
ajoute_le: 2026-11-01
verifie_le: 2026-11-01
"""


@pytest.mark.slow
def test_bench_script_measures_the_index_and_the_search_settings(builds: None) -> None:
    """scripts/bench_examples.py works (tiny N; its figures go to maintainers/performances.md)."""
    import subprocess
    import sys

    from conftest import ROOT

    result = subprocess.run([sys.executable, "scripts/bench_examples.py", "--examples", "5"],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Index des exemples, 14 exemples : HTML \d+ ko", result.stdout)
    assert re.search(r"Filtrage .* médiane [\d.]+ ms", result.stdout)
    kit_column = [line.split("|")[5].strip() for line in result.stdout.splitlines()
                  if line.startswith("| reseau |") or line.startswith("| l'evaluation |")]
    assert len(kit_column) == 2 and "absente" not in " ".join(kit_column)
    assert not list(ROOT.glob("content/examples/fictif-*.yml"))


def test_counts_use_french_digit_grouping() -> None:
    from odd17.site.examples_index import _number

    assert _number(9) == "9" and _number(1009) == "1\u202f009" and _number(12345) == "12\u202f345"


@pytest.mark.slow
def test_filters_work_in_the_offline_copy(tmp_path: Path, page) -> None:  # noqa: ANN001
    """From file:// (a USB key): the filters' data are scripts, not fetched JSON."""
    import subprocess
    import sys
    import zipfile

    from conftest import ROOT

    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/make_offline.py"), "--site", str(site)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(site / "kit-hors-ligne.zip") as archive:
        archive.extractall(tmp_path / "usb")
    copy = tmp_path / "usb" / "odd17-en-pratique"
    page.goto((copy / "exemples/index.html").as_uri())
    page.get_by_label("Catégorie", exact=True).select_option("mecenat")
    page.wait_for_function("document.querySelector('.odd17-results__count').textContent.includes('correspond')")
    hrefs = page.locator("#resultats .odd17-example a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.endswith(".html") for h in hrefs)
    page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)", exact=True).fill("deloitte")
    page.wait_for_function("document.querySelectorAll('#resultats .odd17-example').length === 1")
    assert visible_titles(page) == ["Deloitte et SIVC"]
    page.goto((copy / "outils/index.html").as_uri() + "?public=entreprises")
    expected = sum("entreprises" in t.audiences for t in KIT.tools.values())
    page.wait_for_function(f"document.querySelectorAll('.odd17-tool:not([hidden])').length === {expected}")
