"""French typography on every built page (odd17/content/typography.py): ’ and no-break spaces in the
text, code and addresses untouched."""

from __future__ import annotations

import html
import re
from pathlib import Path

from odd17.content.typography import NBSP, NNBSP, faults, french_html, french_text, measure


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


META = re.compile(r'<meta (?:name|property)="(?:description|og:description|twitter:description)" '
                  r'content="([^"]*)"')


def test_page_descriptions_have_the_pages_typography(built_site: Path) -> None:
    """<meta name="description"> (and og/twitter if a theme adds them) are written with the same
    function as the pages' text (odd17/content/typography.py french_text), never with straight apostrophes."""
    described = 0
    for path in sorted(built_site.rglob("*.html")):
        for content in META.findall(path.read_text(encoding="utf-8")):
            described += 1
            text = html.unescape(content)
            assert "'" not in text, (path, text)
            assert not re.search(r"[ \t][:;!?]", text), (path, text)
            assert french_text(content) == content, (path, text)
    assert described > 50


# Capitals after « : » in running text are lower case, unless a name, a title or a quotation
# begins. A name is one the kit knows: a term of the typology or of
# the vocabularies (« Nature : Réseau », « Exemples : Bretagne »), a record's title, a partner,
# a tool, its publisher; and these few proper nouns of the hand-written pages.
PROPER_NOUNS = ("MOOC", "Défenseur des droits")
_TAG = re.compile(r"<[^>]+>")
_AFTER_COLON = re.compile(r"\S[\u00a0 ]:[\u00a0\u202f ]+(?![«“\"(])(\w\S*)")


def _names() -> list[str]:
    from odd17.content.validation import validate

    kit = validate(Path(__file__).parent.parent / "content").kit
    assert kit is not None
    names = list(PROPER_NOUNS)
    for group in ("categories", "models", "objectives", "impacts", "levers", "steps", "dynamics"):
        names += [t.name for t in getattr(kit.typology, group)]
    for group in type(kit.vocabularies).model_fields:
        names += [t.name for t in getattr(kit.vocabularies, group)]
    for example in kit.examples.values():
        names += [example.title, *(p.name for p in example.partners)]
    for tool in kit.tools.values():
        names += [tool.name, tool.publisher or ""]
    return [_plain(n.replace("'", "’")) for n in names if n]


def _plain(text: str) -> str:
    return re.sub(r"[\u00a0\u202f ]+", " ", text)


def test_lower_case_after_a_colon_in_running_text(built_site: Path) -> None:
    names = _names()
    wrong = []
    for path in sorted(built_site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        article = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
        if not article or 'http-equiv="refresh"' in page:
            continue
        body = re.sub(r"<(script|style|pre|code|svg)\b[^>]*>.*?</\1>", " ", article.group(1),
                      flags=re.S)
        text = html.unescape(_TAG.sub("", body))
        for match in _AFTER_COLON.finditer(text):
            rest = _plain(text[match.start(1):])
            named = re.sub(r"^(?:Le|La|Les|L’) ", "", rest)  # « La RATP et ASF »
            if match.group(1)[0].isupper() and not any(rest.startswith(n) or named.startswith(n)
                                                       for n in names):
                wrong.append(f"{path.relative_to(built_site)}: …{text[match.start():match.end() + 30]}")
    assert wrong == [], "\n".join(wrong[:20])


def test_a_title_reads_the_same_on_its_page_in_the_index_and_in_the_filter_data() -> None:
    """One typography (odd17/content/typography.py) for the pages and for the text the build
    writes outside them (the filters' data, the feed, the selection's cards)."""
    import json

    from odd17.content.kit import Kit
    from odd17.content.validation import validate
    from odd17.site import examples_index, render

    from conftest import CONTENT, TODAY

    title = "L'alliance « Jardins » : qui ose ?"
    shown = f"L’alliance «{NNBSP}Jardins{NNBSP}»{NBSP}: qui ose{NNBSP}?"
    kit = validate(CONTENT, today=TODAY).kit
    assert kit is not None
    slug, example = next(iter(kit.examples.items()))
    kit = Kit(kit.typology, kit.vocabularies, kit.texts, examples={slug: example.model_copy(update={"title": title})},
              tools=kit.tools)
    record = next(r for r in render.record_pages(kit) if r.slug == slug)
    page = french_text(str(render.page_meta(record)["title"]))  # as the plugin sets the page's title
    index = french_html(examples_index.entry_html(kit, slug, kit.examples[slug], "x/"))
    data = "".join(text for path, text in examples_index.data_files(kit) if "fiches-" in path)
    rows = json.loads(data[data.index("(") + 1:data.rindex(")")])["rows"]
    assert page == shown and shown in index
    assert rows[0][1] == shown
