"""Search as French readers type: accents optional, elisions split, plurals match singulars."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from odd17.search_folding import SEPARATOR, extra_forms


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


def test_separator_drops_french_elisions_and_plurals() -> None:
    """mkdocs.yml gives Material the separator that odd17/search_folding.py documents."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = re.search(r"^      separator: (.*)$", config, re.M)
    assert line and yaml.safe_load(line.group(1)) == SEPARATOR
    assert tokens("L'évaluation qu'une entreprise d'insertion jusqu'à aujourd'hui "
                  "co-construit") == ["évaluation", "une", "entreprise", "insertion", "à",
                                      "aujourd'hui", "co", "construit"]
    # Plural and singular give the same word, in the text and in the query.
    assert tokens("mécénats réseaux Compétences CPIES") == tokens("mécénat réseau compétence CPIE")
    # Short words keep their last letter (« cas » is not « ca », which would find « capacité »).
    assert tokens("le cas des pays, nous, prix") == ["le", "cas", "des", "pays,", "nous,", "prix"]


def test_titles_carry_their_folded_forms(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"] if d["location"] == "methode/evaluation/"]
    assert titles and titles[0].endswith("<span hidden>evaluer</span>"), titles


def search(page, site_url: str, query: str) -> list[str]:  # noqa: ANN001
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    return page.locator(".md-search-result__item > a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.browser
@pytest.mark.parametrize("query,expected", [
    ("mecenat de competences", "exemples/deloitte-sivc/"),       # no accents
    ("mécénat de compétences", "exemples/deloitte-sivc/"),       # with accents
    ("evaluation partenariale", "outils/centre-ressources-evaluation-partenariale/"),
    ("l'évaluation partenariale", "outils/centre-ressources-evaluation-partenariale/"),  # elision
    ("competence", "methode/se-former/"),                        # singular finds « compétences »
    ("Jaccede", "exemples/la-poste-jaccede/"),                   # a partner's name
    ("reseau", "outils/reseau-"),                                # « réseaux » / « réseau »
    ("cooperation", "argumentaire/"),                            # « coopération »
    ("mecenats", "exemples/deloitte-sivc/"),                     # plural typed, singular written
    ("reseaux", "outils/reseau-"),                               # « réseau » in titles
    ("enjeu social", "argumentaire/"),                           # « enjeux sociaux »
])
def test_search_finds(page, site_url: str, query: str, expected: str) -> None:  # noqa: ANN001
    hrefs = search(page, site_url, query)
    assert any(expected in href for href in hrefs[:12]), (query, hrefs[:12])


@pytest.mark.browser
def test_elided_and_accent_free_queries_rank_like_the_written_word(page, site_url: str) -> None:  # noqa: ANN001
    """« l'evaluation » = « evaluation » ≈ « évaluation »: the article is not a search term (it
    used to match every word starting with l) and the folded title keeps its boost."""
    def pages(query: str) -> list[str]:
        hrefs, previous = search(page, site_url, query), None
        while hrefs != previous:  # results of the whole query, not of its first letters
            page.wait_for_timeout(500)
            previous, hrefs = hrefs, page.locator(".md-search-result__item > a").evaluate_all(
                "els => els.map(e => e.getAttribute('href'))")
        return [h.split("?")[0] for h in hrefs if "#" not in h]

    written, plain = pages("évaluation"), pages("evaluation")
    assert pages("l'evaluation") == plain and pages("l'évaluation") == written
    for found in (written, plain):  # « Évaluer le partenariat » among the first pages listed
        assert "methode/evaluation/" in " ".join(found[:4]), found


@pytest.mark.browser
@pytest.mark.parametrize("written,typed", [
    ("collectivités territoriales", "collectivite territoriale"),
    ("réseaux", "reseau"),
    ("mécénat", "mecenats"),
    ("l'évaluation", "evaluations"),
])
def test_typed_forms_find_what_the_written_word_finds(page, site_url: str, written: str,  # noqa: ANN001
                                                      typed: str) -> None:
    """Without accents, in the singular or the plural: at least the pages of the word as
    written, the best of them first too."""
    def found(query: str) -> tuple[int, list[str]]:
        search(page, site_url, query)
        page.wait_for_function("() => /\\d+ documents? trouvé/.test("
                               "document.querySelector('.md-search-result__meta').textContent)")
        page.wait_for_timeout(500)  # the results of the whole query, not of its first letters
        count = int(re.search(r"(\d+) documents?", page.locator(".md-search-result__meta")
                              .inner_text()).group(1))
        hrefs = page.locator(".md-search-result__item > a").evaluate_all(
            "els => els.map(e => e.getAttribute('href').split('?')[0])")
        return count, [h for h in hrefs if "#" not in h]

    (count, pages), (typed_count, typed_pages) = found(written), found(typed)
    assert typed_count >= count > 0, (written, count, typed, typed_count)
    assert set(pages[:3]) <= set(typed_pages), (pages[:3], typed_pages)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy's build (Material's offline plugin, search index inlined)."""
    from conftest import mkdocs_build

    site = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(ROOT, site, ODD17_OFFLINE="true")
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.browser
@pytest.mark.parametrize("query,expected", [
    ("mecenats", "exemples/deloitte-sivc.html"),              # plural, no accents: « mécénat »
    ("l'evaluation", "methode/evaluation.html"),              # elided, no accents
])
def test_offline_copy_search_folds_too(page, offline_site: Path, query: str,  # noqa: ANN001
                                       expected: str) -> None:
    """Opened from the disk (file://), the same search settings apply."""
    page.goto((offline_site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=20000)
    page.wait_for_timeout(500)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    assert any(expected in href for href in hrefs[:12]), (query, hrefs[:12])
    assert page.external_requests == []
