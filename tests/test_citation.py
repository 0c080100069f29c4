"""« Citer cette fiche » on example pages and the kit's CITATION.cff."""

from __future__ import annotations

import re

import pytest
import yaml

from odd17.content.addresses import public_url
from odd17.content.models import Example
from odd17.content.validation import validate
from odd17.site import citation, render
from odd17.site.text import NOT_TEXT

from conftest import CONTENT, ROOT, TODAY

HOSTILE = Example.model_validate({
    "titre": "Les {accolades} & 100 % de <script>alert(1)</script> \\ # _ ~ $ ^ « fin »",
    "partenaires": [{"nom": "A", "type": "association"}, {"nom": "B", "type": "entreprise"}],
    "modele": "engagement-actif", "description": "x", "sources": [{"titre": "s"}],
    "ajoute_le": "2025-01-10", "verifie_le": "2025-03-01"},
    context={"allowed": {"types_partenaires": {"association": "", "entreprise": ""},
                         "modeles": {"engagement-actif": ""}}})


def test_citation_gives_the_stable_address_and_the_date_checked() -> None:
    block = citation.example_citation(HOSTILE, "a-b", "https://kit.example.test/exemples/a-b/")
    assert "Citer cette fiche" in block
    assert "fiche vérifiée le 1er mars 2025" in block
    assert "Disponible à l’adresse\u00a0: https://kit.example.test/exemples/a-b/" in block
    assert "url = {https://kit.example.test/exemples/a-b/}" in block
    assert "@misc{odd17-a-b," in block and "year = {2025}" in block


def test_no_address_without_a_site_address() -> None:
    block = citation.example_citation(HOSTILE, "a-b", "")
    assert "http" not in block and "url =" not in block
    assert "adresse publique" in block  # says why there is none


def test_record_text_is_escaped_for_bibtex_then_html() -> None:
    block = citation.example_citation(HOSTILE, "a-b", "")
    assert "<script>" not in block and "&lt;script&gt;" in block
    entry = citation.bibtex(HOSTILE, "a-b", "")
    title = re.search(r"title = \{\{(.*)\}\},", entry).group(1)
    assert title == ("Les \\textbraceleft{}accolades\\textbraceright{} \\& 100 \\% de "
                     "<script>alert(1)</script> \\textbackslash{} \\# \\_ \\textasciitilde{} "
                     "\\$ \\^{} « fin »")


def read_bibtex(entry: str) -> tuple[str, dict[str, str]]:
    """An entry read as BibTeX reads it: every brace counts, a backslash escapes none; fields
    end at a comma outside braces. (No BibTeX parser is a dependency of the kit.)"""
    head, _, rest = entry.partition("{")
    assert head.startswith("@")
    key, _, rest = rest.partition(",")
    fields: dict[str, str] = {}
    depth, name, value, reading_name = 1, "", "", True
    for char in rest:
        if reading_name:
            if char == "=":
                reading_name = False
            elif char == "}":
                depth -= 1
                break
            else:
                name += char
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                break
        if char == "," and depth == 1:
            fields[name.strip()] = value.strip()
            name, value, reading_name = "", "", True
            continue
        value += char
    else:
        raise AssertionError("entrée BibTeX non fermée")
    if name.strip():
        fields[name.strip()] = value.strip()
    assert depth == 0
    return key, fields


BIBTEX_COMMANDS = {"\\textbraceleft{}": "{", "\\textbraceright{}": "}", "\\textbackslash{}": "\\",
                   "\\textasciitilde{}": "~", "\\^{}": "^", "\\&": "&", "\\%": "%", "\\#": "#",
                   "\\_": "_", "\\$": "$"}


def unescape_bibtex(value: str) -> str:
    pattern = "|".join(re.escape(c) for c in sorted(BIBTEX_COMMANDS, key=len, reverse=True))
    return re.sub(pattern, lambda m: BIBTEX_COMMANDS[m.group()], value)


@pytest.mark.parametrize("title", [
    "Alliance}} , url = \"https://evil.example/\" , year = 1999",
    "Alliance} , author = {Pirate}",
    "{{{ ouvertes sans fin",
    "\\} \\{ \\\\} \\",
    "@misc{autre, title = {x}} % commentaire",
    "Les {accolades} & 100 % de <script>alert(1)</script> \\ # _ ~ $ ^ « fin »",
])
def test_no_title_can_add_or_cut_a_bibtex_field(title: str) -> None:
    """Read as BibTeX reads it, the entry has exactly the kit's fields, the address and the
    authors intact, and the title reads back as the record's title."""
    example = HOSTILE.model_copy(update={"title": title})
    url = "https://kit.example.test/exemples/a-b/"
    key, fields = read_bibtex(citation.bibtex(example, "a-b", url))
    assert key == "odd17-a-b"
    assert list(fields) == ["title", "author", "howpublished", "year", "note", "language", "url"]
    assert fields["url"] == "{" + url + "}" and fields["year"] == "{2025}"
    assert fields["author"] == "{{L’ODD 17 en pratique}}"
    assert unescape_bibtex(fields["title"][2:-2]) == " ".join(title.split())


@pytest.mark.parametrize("site_url", ["", "https://kit.example.test/"])
def test_every_example_page_has_the_block(site_url: str) -> None:
    kit = validate(CONTENT, today=TODAY).kit
    for record in render.record_pages(kit):
        html, _ = render.record_html(kit, record, lambda path, anchor: path, site_url)
        if record.kind == "example":
            assert html.count(f'<details class="quote odd17-cite" {NOT_TEXT}>') == 1
            address = public_url(site_url, record.path) if site_url else None
            assert (address in html) if address else ("Disponible à" not in html)
        else:
            assert "odd17-cite" not in html


def test_citation_cff_is_valid_cff_1_2_0() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and isinstance(cff["title"], str)
    assert cff["authors"] and all("name" in a or "family-names" in a for a in cff["authors"])
    allowed = {"abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
               "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
               "references", "repository", "repository-artifact", "repository-code", "title",
               "type", "url", "version"}
    assert set(cff) <= allowed
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{cff["version"]}"' in pyproject
    # No invented address: none until the kit's addresses are set (ODD17_SITE_URL, ODD17_REPO_URL).
    assert not {"url", "repository-code"} & set(cff)
    assert "example.org" not in (ROOT / "CITATION.cff").read_text(encoding="utf-8")
