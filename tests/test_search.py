"""Search as French readers type: accents optional, elisions split, plurals match singulars."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from odd17.search_folding import SEPARATOR, extra_forms


def test_extra_forms_fold_accents_and_plurals() -> None:
    forms = extra_forms("<p>Le mécénat de compétences et l'évaluation des réseaux</p>")
    assert {"mecenat", "competences", "competence", "evaluation", "reseaux", "reseau"} <= set(forms)
    assert "mécénat" not in forms  # already in the text


def test_separator_drops_french_elisions() -> None:
    """mkdocs.yml gives Material the separator that odd17/search_folding.py documents."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = re.search(r"^      separator: (.*)$", config, re.M)
    assert line and yaml.safe_load(line.group(1)) == SEPARATOR
    words = [w for w in re.split(SEPARATOR, "L'évaluation qu'une entreprise d'insertion "
                                            "jusqu'à aujourd'hui co-construit") if w]
    assert words == ["évaluation", "une", "entreprise", "insertion", "à", "aujourd'hui", "co",
                     "construit"]


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
