"""The examples index in headless Chromium: filters, address state, no-JS listing, facet pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import CONTENT, TODAY
from odd17.validation import validate

pytestmark = [pytest.mark.browser]
KIT = validate(CONTENT, today=TODAY).kit


def visible_titles(page) -> list[str]:  # noqa: ANN001
    return [t.replace("\u00a0", " ").replace("\u202f", " ")
            for t in page.locator(".odd17-example:visible a").all_inner_texts()]


def test_filter_by_model_updates_count_and_address(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/")
    total = len(KIT.examples)
    assert len(visible_titles(page)) == total
    assert page.locator(".odd17-filters__count").inner_text() == f"{total} exemples sur {total} correspondent."
    page.get_by_label("Modèle de partenariat").select_option(label="Engagement actif")
    expected = [e.title for e in KIT.examples.values() if e.model == "engagement-actif"]
    assert visible_titles(page) == expected
    assert page.locator(".odd17-filters__count").inner_text().startswith(f"{len(expected)} exemple")
    assert "modele=engagement-actif" in page.url
    # Headings of the other models are hidden with their empty groups.
    assert page.get_by_role("heading", name="Mécénat classique").is_hidden()
    toc = page.locator(".md-sidebar--secondary .md-nav--secondary")
    assert toc.get_by_role("link", name="Engagement actif").is_visible()
    assert toc.get_by_role("link", name="Mécénat classique").is_hidden()  # the contents follow


def test_combined_filters_clear_and_keyboard(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/")
    page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)").fill("mecenat")  # no accents
    expected = [e.title for e in KIT.examples.values() if KIT.model(e.model).category == "mecenat"]
    assert sorted(visible_titles(page)) == sorted(expected)
    page.get_by_label("Type de partenaire").select_option("fondation")
    assert visible_titles(page) == ["Mitsubishi Electric et la Fondation pour l'enfance"]
    page.get_by_label("Type de partenaire").select_option("collectivite")
    assert visible_titles(page) == []
    none = page.locator(".odd17-filters__none")
    assert none.is_visible() and none.get_by_role("link", name="proposez un exemple").is_visible()
    assert page.locator(".odd17-filters__count").inner_text() == \
        f"Aucun des {len(KIT.examples)} exemples ne correspond."
    assert "mots=mecenat" in page.url and "type=collectivite" in page.url
    page.get_by_role("button", name="Effacer les filtres").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.odd17-example:not([hidden])').length > 1")
    assert len(visible_titles(page)) == len(KIT.examples)
    assert "?" not in page.url


def test_shared_address_restores_the_filters(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/?modele=rd-sociale")
    assert page.get_by_label("Modèle de partenariat").input_value() == "rd-sociale"
    assert visible_titles(page) == [e.title for e in KIT.examples.values() if e.model == "rd-sociale"]
    page.get_by_label("Modèle de partenariat").select_option("audit-pratiques")
    page.go_back()
    page.wait_for_url(re.compile(r".*modele=rd-sociale$"))
    assert page.get_by_label("Modèle de partenariat").input_value() == "rd-sociale"
    page.goto(site_url + "exemples/?mots=mecenat")  # not ?q=…: Material would open its search
    assert page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)").input_value() == "mecenat"
    assert not page.locator("#__search").is_checked()
    page.goto(site_url + "exemples/?modele=inconnu")  # a broken shared address shows everything
    assert len(visible_titles(page)) == len(KIT.examples)


def test_without_javascript_every_example_is_listed(browser, site_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "exemples/")
    assert page.locator("form.odd17-filters").is_hidden()
    assert len(visible_titles(page)) == len(KIT.examples)
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
    assert '<a href="../">Tous les exemples inspirants</a>' in example


def test_panorama_figures_have_text_alternatives(built_site: Path) -> None:
    page = (built_site / "panorama/index.html").read_text(encoding="utf-8")
    svgs = re.findall(r'<svg role="img" aria-labelledby="([^"]+)"', page)
    assert len(svgs) == 4
    for ids in svgs:
        for one in ids.split():
            assert f'id="{one}"' in page
    per_model = page[page.index('id="modeles-t"'):]
    table = per_model[per_model.index("<table"): per_model.index("</table>")]
    for model in KIT.typology.models:
        count = sum(e.model == model.id for e in KIT.examples.values())
        assert f"<td>{html.escape(model.name)}</td><td>{count}</td>" in table
    assert "Où manque-t-il des exemples" in page and 'href="../contribuer/"' in page


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


@pytest.fixture(scope="module")
def regional_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content plus three fictional examples placed in regions."""
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path_factory.mktemp("regions") / "project")
    for n, (model, region) in enumerate([("rd-sociale", "53"), ("engagement-actif", "53"),
                                         ("rd-sociale", "84")], 1):
        (project / "content/examples" / f"fictif-region-{n}.yml").write_text(
            FICTIONAL.format(title=f"Alliance fictive {n}", n=n, model=model, region=region),
            encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_region_pages_list_their_examples(regional_site: Path) -> None:
    brittany = (regional_site / "exemples/regions/53-bretagne/index.html").read_text(encoding="utf-8")
    assert "<h1" in brittany and "<title>Exemples\u00a0: Bretagne - " in brittany
    links = re.findall(r'href="\.\./\.\./(fictif-region-\d)/"', brittany)
    assert links == ["fictif-region-1", "fictif-region-2"]
    assert "Alliance fictive 3" not in brittany
    assert 'href="../../?territoire=53"' in brittany  # the same list in the filterable index
    index = (regional_site / "exemples/index.html").read_text(encoding="utf-8")
    assert 'href="regions/53-bretagne/">Bretagne</a> (2\u00a0exemples)' in index
    assert 'href="regions/84-auvergne-rhone-alpes/">Auvergne-Rhône-Alpes</a> (1\u00a0exemple)' in index
    # A region without examples has its page too (addresses stay valid), saying so.
    empty = (regional_site / "exemples/regions/11-ile-de-france/index.html").read_text(encoding="utf-8")
    assert "Aucun exemple pour l'instant" in empty and 'href="../../../contribuer/"' in empty
    assert 'href="regions/11-ile-de-france/">Île-de-France</a> (aucun exemple)' in index
    example = (regional_site / "exemples/fictif-region-1/index.html").read_text(encoding="utf-8")
    assert 'href="../regions/53-bretagne/">Bretagne</a>' in example
    assert 'data-territoire="53"' in index


def test_filter_by_region_from_a_shared_address(page, regional_site: Path) -> None:  # noqa: ANN001
    from conftest import serve

    total = len(KIT.examples) + 3
    server, url = serve(regional_site)
    try:
        page.goto(url + "exemples/?modele=rd-sociale&territoire=53")
        assert visible_titles(page) == ["Alliance fictive 1"]
        assert page.get_by_label("Territoire").input_value() == "53"
        assert page.locator(".odd17-filters__count").inner_text() == f"1 exemple sur {total} correspond."
        page.goto(url + "exemples/?territoire=11")  # a region without examples: said, not ignored
        assert visible_titles(page) == []
        assert page.locator(".odd17-filters__count").inner_text() == \
            f"Aucun des {total} exemples ne correspond."
    finally:
        server.shutdown()


def test_typing_words_is_one_step_of_the_history(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "exemples/")
    steps = page.evaluate("history.length")
    page.get_by_label("Modèle de partenariat").select_option("engagement-actif")
    words = page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)")
    words.press_sequentially("deloitte", delay=20)
    assert page.url.endswith("?modele=engagement-actif&mots=deloitte")
    assert page.evaluate("history.length") == steps + 2  # the model, the words (not 8 letters)
    page.go_back()
    page.wait_for_url(re.compile(r".*\?modele=engagement-actif$"))
    assert words.input_value() == ""
    assert len(visible_titles(page)) == len(KIT.examples_by_model["engagement-actif"])


@pytest.mark.slow
def test_bench_script_measures_the_index_and_the_search_settings() -> None:
    """scripts/bench_examples.py works (tiny N; its figures go to docs/performances.md)."""
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
    from odd17.examples_index import _number

    assert _number(9) == "9" and _number(1009) == "1\u202f009" and _number(12345) == "12\u202f345"
