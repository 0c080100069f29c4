"""« Quel modèle de partenariat pour nous ? » in headless Chromium, and its data."""

from __future__ import annotations

from pathlib import Path

import pytest

from odd17.content.validation import validate

from conftest import CONTENT, TODAY

KIT = validate(CONTENT, today=TODAY).kit


@pytest.mark.browser
def test_company_seeking_innovation_gets_the_innovation_models(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "methode/quel-modele/")
    result = page.locator(".odd17-selector__result")
    assert "Cochez un ou plusieurs objectifs" in result.inner_text()
    page.get_by_label("Une entreprise").check()
    checkbox = page.get_by_label("Innovation", exact=True)
    checkbox.focus()
    page.keyboard.press("Space")  # keyboard use
    expected = [m.name for m in KIT.typology.models if "innovation" in m.objectives]
    assert page.locator(".odd17-model:visible strong").all_inner_texts() == expected
    # One objective ticked: « cet objectif » in both sentences.
    assert result.inner_text() == (f"{len(expected)} modèles répondent à cet objectif. Pour une "
                                   "entreprise, cet objectif relève de la performance.")
    # « Vous êtes » changes the reading of the same objective (MOOC, module 2: seed 001).
    page.get_by_label("Une association").check()
    assert result.inner_text().endswith("Pour une association, cet objectif relève du rayonnement "
                                        "du projet associatif.")
    assert page.locator(".odd17-model:visible strong").all_inner_texts() == expected
    page.get_by_label("Compétences et ressources humaines", exact=True).check()
    assert "à ces objectifs. Pour une association, ces objectifs relèvent" in result.inner_text()
    page.get_by_label("Une fondation").check()
    assert "appels à projets des fondations" in page.locator(".odd17-selector__actor:visible").inner_text()


def test_without_javascript_the_table_gives_every_model(built_site: Path) -> None:
    html = (built_site / "methode/quel-modele/index.html").read_text(encoding="utf-8")
    readings = html[html.index('class="odd17-readings"'):]
    assert "mobilisation" in readings and "rayonnement du projet associatif" in readings
    assert "MOOC « Les partenariats qui changent le monde », module" in readings.replace("\u202f", " ")
    table = html[html.index('id="tous-les-modeles-et-leurs-objectifs"'):]
    table = table[: table.index("</table>")]
    assert table.count("✓") == sum(len(m.objectives) for m in KIT.typology.models)
    for model in KIT.typology.models:
        assert f'href="../typologie/#{model.id}"' in table
