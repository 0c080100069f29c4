"""What readers see says what the seeds say (/work/shared/seeds, cited on the pages): the
corrections of issue 11, the home page's ways in, French chrome."""

from __future__ import annotations

import html
import re
from pathlib import Path

from odd17.content.validation import validate

from conftest import CONTENT, TODAY

KIT = validate(CONTENT, today=TODAY).kit


def text(site: Path, page: str) -> str:
    source = (site / page / "index.html").read_text(encoding="utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    plain = html.unescape(re.sub(r"<[^>]+>", " ", article))
    return " ".join(plain.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'").split())


def test_statements_follow_the_seeds(built_site: Path) -> None:
    typology = text(built_site, "methode/typologie")
    assert "responsabilité sociale de l'entreprise" in typology  # seed 002
    assert "sociétale de l'entreprise" not in typology
    assert "« Eiflage »" in typology and "« aux P.M.E »" in typology  # the source's typos, told
    assert "aplati" not in typology  # the editor's note became a sentence for readers
    argumentaire = text(built_site, "argumentaire")
    assert "mécénat financier et en industrie" in argumentaire  # seed 002: « financier et en industrie »
    assert "valoriser les expérimentations entre associations et entreprises" in argumentaire  # 004
    # « Quelques chiffres » as key figures, the figures as seed 002 gives them (« en moyenne 2,5
    # partenariats sur leur territoire », « plus d'un tiers des associations »), nothing rounded.
    page = (built_site / "argumentaire/index.html").read_text(encoding="utf-8")
    figures = re.findall(r'<span class="odd17-keyfigure__n">([^<]+)</span>', page)
    assert figures == ["2,5", "Plus d’un tiers"]
    assert "2,5 partenariats noués en moyenne par les associations sur leur territoire" in argumentaire
    assert "Plus d'un tiers des associations déclarent nouer des relations partenariales avec des entreprises" in argumentaire
    # The printed kit begins with the argumentaire: it introduces the mission (seed 003 opening).
    assert "une mission sur les alliances stratégiques entre associations et entreprises" in argumentaire
    home = text(built_site, "")
    assert "Ce site les rassemble" not in home and "ne reproduit pas les quatre fiches" in home
    trainers = text(built_site, "formateurs")
    assert "Module 4" not in trainers  # no seed describes a module 4
    tools = " ".join(text(built_site, f"outils/{slug}") for slug in KIT.tools)
    assert "gratuit" not in tools.replace("Gratuit, sur inscription", "")


def test_partner_types_are_stated_only_where_a_source_says_them() -> None:
    stated = {(slug, p.name) for slug, e in KIT.examples.items() for p in e.partners
              if p.type != "non-precise"}
    # Seed 003 writes « Agote (EI) » without expanding EI; its « Entreprise SIAE pour les clauses
    # d'insertion… » may be a second example of the cell, like the other cells': no type stated.
    assert stated == set()


def test_home_says_what_the_kit_is_then_one_action_three_ways_and_the_downloads_lower(
        published_site: Path) -> None:
    source = (published_site / "index.html").read_text(encoding="utf-8")
    lead = source.index('class="odd17-lead"')
    start = source.index("odd17-start")
    assert source.index("</h1>") < lead < start  # one sentence, then one primary action
    assert source.count("md-button--primary") == 1
    assert 'href="methode/"' in source[start - 200:start + 200]
    ways = source[source.index('class="grid cards odd17-ways"'):]
    ways = ways[:ways.index("</div>")]
    assert source.index("odd17-ways") < source.index('class="odd17-pdf-links"')  # downloads lower
    for who in ("une association", "une entreprise", "une collectivité ou un acteur public"):
        assert f"Vous êtes {who}" in ways.replace("\u00a0", " ")
    # Each way its own links: none repeated from one kind of organisation to the next.
    targets = re.findall(r'href="([^"]+)"', ways)
    assert len(targets) == len(set(targets)) >= 6, targets
    for who in ("association", "entreprise", "collectivite"):
        assert f'href="methode/quel-modele/?acteur={who}"' in ways
    # Each way also leads to the workbook, at the section that fits it (never the same link twice).
    for card in ways.split("Vous êtes")[1:]:
        assert 'href="methode/carnet/#' in card, card


def test_footer_and_404_are_french(built_site: Path) -> None:
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in page and "Not found" not in page
    assert "Made with" not in page and "Material for MkDocs" not in page


def test_tools_are_in_french_alphabetical_order_of_their_names() -> None:
    from odd17.content.folding import french_sort_key

    names = [tool.name for tool in KIT.tools.values()]
    assert names == sorted(names, key=french_sort_key)
    assert french_sort_key("Étude")[0] < french_sort_key("Guide")[0] < french_sort_key("plateforme")[0]
