"""French typography on every built page (odd17/typography.py): ’ and no-break spaces in the
text, code and addresses untouched."""

from __future__ import annotations

import re
from pathlib import Path

from odd17.typography import NBSP, NNBSP, faults, french_html, french_text, measure


def test_text_rules() -> None:
    assert french_text("L'ODD 17 : l'alliance ; oui ! Pourquoi ?") == (
        f"L’ODD 17{NBSP}: l’alliance{NNBSP}; oui{NNBSP}! Pourquoi{NNBSP}?")
    assert french_text("« Faire alliance »") == f"«{NNBSP}Faire alliance{NNBSP}»"
    assert french_text("«alliance»") == f"«{NNBSP}alliance{NNBSP}»"
    assert french_text("l&#x27;accès et d&#39;autres") == "l’accès et d’autres"
    # Nothing is added where the writer put no space: times, addresses, ratios.
    assert french_text("10:30, https://exemple.test/?a=1, 2:1") == "10:30, https://exemple.test/?a=1, 2:1"
    assert french_text(french_text("« L'ODD : oui ? »")) == french_text("« L'ODD : oui ? »")


def test_code_attributes_and_addresses_are_untouched() -> None:
    page = ("<p title=\"l'ODD : titre\">L'alliance : <a href=\"https://x.test/l'a?b=c\">l'adresse "
            "https://x.test/?q=a</a> et <code>l'objet : 'x' ?</code> ; <kbd>Ctrl ; C</kbd></p>"
            "<pre><code>titre: 'L'ODD' ; « x »\n</code></pre><script>var a = 'b' ; c ? d : e;"
            "</script><style>a::after { content: ' : '; }</style><!-- l'ancien : commentaire -->")
    out = french_html(page)
    assert out == page.replace("L'alliance :", f"L’alliance{NBSP}:").replace(
        ">l'adresse", ">l’adresse").replace("</code> ;", f"</code>{NNBSP};")
    assert faults(page) == (2, 2) and faults(out) == (0, 0)


def test_an_apostrophe_before_a_link_is_typographic() -> None:
    assert french_html("du site d'<a href=\"x\">exemples</a>") == "du site d’<a href=\"x\">exemples</a>"


def test_the_built_site_is_in_french_typography(built_site: Path) -> None:
    pages, apostrophes, spaces = measure(built_site)
    assert pages > 50 and (apostrophes, spaces) == (0, 0)
    # A page with code and addresses: its code keeps its straight quotes and spaces.
    page = (built_site / "contribuer/index.html").read_text(encoding="utf-8")
    codes = re.findall(r"<code[^>]*>(.*?)</code>", page, re.S)
    assert any("'" in c for c in codes) and any(" :" in c for c in codes)
    assert not any("’" in c or NNBSP in c for c in codes)
    assert all("’" not in href for href in re.findall(r'href="([^"]*)"', page))
    # Titles: the tab and the navigation too.
    typology = (built_site / "methode/quel-modele/index.html").read_text(encoding="utf-8")
    assert f"<title>Quel modèle de partenariat pour nous{NNBSP}? - L’ODD 17 en pratique</title>" in typology
