"""Search as French readers type: accents optional, elisions split, plurals match singulars."""

from __future__ import annotations

import pytest

from odd17.search_folding import extra_forms


def test_extra_forms_fold_accents_and_plurals() -> None:
    forms = extra_forms("<p>Le mécénat de compétences et l'évaluation des réseaux</p>")
    assert {"mecenat", "competences", "competence", "evaluation", "reseaux", "reseau"} <= set(forms)
    assert "mécénat" not in forms  # already in the text


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
])
def test_search_finds(page, site_url: str, query: str, expected: str) -> None:  # noqa: ANN001
    hrefs = search(page, site_url, query)
    assert any(expected in href for href in hrefs[:12]), (query, hrefs[:12])
