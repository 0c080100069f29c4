"""The real content built into a temporary folder, its HTML checked; broken content must fail."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from odd17.content.typography import french_text
from odd17.content.validation import validate
from odd17.site.text import NOT_TEXT

from conftest import CONTENT, TODAY, copy_project, mkdocs_build

KIT = validate(CONTENT, today=TODAY).kit


def text_of(html: str) -> str:
    """The visible text of a page's main article (tags dropped, entities decoded)."""
    article = html[html.index("<article"): html.index("</article>")]

    class Text(HTMLParser):
        parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.parts = []
    parser.feed(article)
    return " ".join(" ".join(parser.parts).split())


def live_markup(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The tags a browser would really create from ``html`` (escaped text is not one)."""

    class Tags(HTMLParser):
        found: list[tuple[str, list[tuple[str, str | None]]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append((tag, attrs))

    parser = Tags()
    parser.found = []
    parser.feed(html)
    return parser.found


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_example_and_tool_has_its_page(built_site: Path) -> None:
    assert KIT is not None and KIT.examples and KIT.tools
    for slug, example in KIT.examples.items():
        html = page(built_site, f"exemples/{slug}")
        # Pages are in French typography (odd17/content/typography.py): ’ and no-break spaces.
        assert french_text(example.partners[0].name) in text_of(html)
        assert french_text(KIT.model(example.model).name) in text_of(html)
    for slug, tool in KIT.tools.items():
        assert french_text(tool.name.split(" ")[0]) in text_of(page(built_site, f"outils/{slug}"))


def test_indexes_link_every_record(built_site: Path) -> None:
    examples = page(built_site, "exemples")
    for slug in KIT.examples:
        assert f'href="{slug}/"' in examples
    tools = page(built_site, "outils")
    for slug in KIT.tools:
        assert f'href="{slug}/"' in tools


def test_examples_are_not_listed_one_by_one_in_the_navigation(built_site: Path) -> None:
    nav = page(built_site, "")
    nav = nav[nav.index('<nav class="md-nav md-nav--primary"'):]
    assert "deloitte-sivc" not in nav


def test_typology_table_shows_all_nine_definitions(built_site: Path) -> None:
    html = page(built_site, "methode/typologie")
    table = html[html.index("<table"): html.index("</table>")]
    table_text = " ".join(text_of(f"<article>{table}</article>").split())
    for model in KIT.typology.models:
        assert " ".join(french_text(model.definition).split()) in table_text
        assert f'id="{model.id}"' in html
    assert "une lecture du tableau source" in text_of(html).lower()


def test_french_heading_anchors(built_site: Path) -> None:
    html = page(built_site, "methode/leviers")
    assert 'id="evaluation"' in html  # « Évaluer sa pertinence » keeps its lever id
    anchors = re.findall(r'<h[1-6] id="([^"]+)"', "".join(
        (built_site / p).read_text(encoding="utf-8") for p in
        ["methode/index.html", "argumentaire/index.html", "methode/co-construction/index.html"]))
    assert anchors and all(re.fullmatch(r"[a-z0-9-]+", a) for a in anchors), anchors


def test_no_third_party_request(built_site: Path) -> None:
    """Nothing a page loads comes from another host (links to read elsewhere are fine)."""
    # Tags that make the browser fetch something (a canonical <link> or an <a> does not).
    loaders = re.compile(r'<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*?\b'
                         r'(?:src|data)="(https?:)?//|<link\b(?![^>]*rel="(?:canonical|alternate)")'
                         r'[^>]*?\bhref="(https?:)?//', re.I)
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not loaders.search(html), html_file
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_search_index_is_french(built_site: Path) -> None:
    """Online, Pagefind's index (odd17/search/site_search.py; the offline copy: tests/test_search.py)."""
    from odd17.search import site_search

    assert list((built_site / site_search.BUNDLE).glob("pagefind.fr_*.pf_meta"))
    assert any("Deloitte" in r["content"] for r in site_search.records(built_site))


HOSTILE = """\
titre: "<script>alert('titre')</script> {{ 7 * 7 }} [lien](javascript:alert(1)) {: onclick=alert(1) }"
partenaires:
  - nom: "<img src=x onerror=alert('nom')> **gras** {% include 'mkdocs.yml' %}"
    type: association
    site_web: "https://example.org/\\"><script>alert('url')</script>"
  - nom: "Entreprise Fictive {{ config.site_name }}"
    type: entreprise
modele: mecenat-classique
description: |
  <iframe src="https://evil.example.org"></iframe>
  [clic](javascript:alert('desc')) ${{ '{' }}} <!-- commentaire --> &amp; &lt;b&gt;

  # Pas un titre
  <style>body{display:none}</style> | tableau | ? |
sources:
  - titre: "Source </a><a href=javascript:alert(1)>piège"
    url: "https://example.org/a(b)c"
ajoute_le: 2025-01-01
verifie_le: 2025-01-01
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "kit")
    (project / "content/examples/fiche-hostile.yml").write_text(HOSTILE, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_hostile_record_is_shown_as_plain_text(hostile_site: Path) -> None:
    html = page(hostile_site, "exemples/fiche-hostile")
    article = html[html.index("<article"): html.index("</article>")]
    tags = live_markup(article)
    assert not {t for t, _ in tags} & {"script", "img", "iframe", "style", "object", "embed"}, tags
    for _, attrs in tags:
        assert not [name for name, _ in attrs if name.startswith("on")], attrs
        assert not [v for name, v in attrs if name in ("href", "src")
                    and (v or "").strip().lower().startswith("javascript:")], attrs
    text = text_of(html)
    assert "<script>alert('titre')</script> {{ 7 * 7 }}" in text
    assert "{% include 'mkdocs.yml' %}" in text and "**gras**" in text
    assert "Entreprise Fictive {{ config.site_name }}" in text
    assert "# Pas un titre" in text and "&amp; &lt;b&gt;" in text
    assert "49" not in text
    assert 'href="https://example.org/%22%3E%3Cscript%3Ealert%28' in article
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and unescape(title).startswith("<script>alert('titre')</script> {{ 7 * 7 }}")
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert "<" not in description
    index = page(hostile_site, "exemples")
    assert "<script>alert" not in index and "&lt;script&gt;alert" in index


def test_broken_content_fails_the_build_with_the_validator_lines(tmp_path: Path, builds: None) -> None:
    project = copy_project(tmp_path / "kit")
    target = project / "content/examples/deloitte-sivc.yml"
    target.write_text(target.read_text(encoding="utf-8").replace("type: non-precise", "type: entrepise", 1),
                      encoding="utf-8")
    (project / "content/examples/vide.yml").write_text("", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/examples/deloitte-sivc.yml:5: partenaires[0].type: « entrepise » n'est pas une valeur permise" in output
    assert "content/examples/vide.yml:1: le fichier est vide" in output
    assert "Traceback" not in output
    assert not (project / "site/exemples/deloitte-sivc/index.html").exists()


def test_record_pages_have_contents_anchors_and_permalinks(built_site: Path) -> None:
    html = page(built_site, "exemples/deloitte-sivc")
    article = html[html.index("<article"): html.index("</article>")]
    assert '<h1 id="deloitte-et-sivc">Deloitte et SIVC<a class="headerlink" href="#deloitte-et-sivc"' in article
    for anchor in ("le-partenariat", "les-partenaires", "sources"):
        assert f'<h2 id="{anchor}">' in article and f'href="#{anchor}" title="Lien vers cette section"' in article
        assert f'<a href="#{anchor}" class="md-nav__link">' in html  # the page's contents
    assert re.search(r"<title>Deloitte et SIVC - ", html)
    # The model and category are links in the key facts, not grey chips leading nowhere.
    # (the tags stay in the page for Material's offline search, hidden).
    assert '<nav class="md-tags" hidden>' in html and html.count('class="md-tags"') == 1
    assert '<a href="../../methode/typologie/#engagement-actif">Engagement actif</a>' in article
    assert '<a href="../categories/mecenat/">Mécénat</a>' in article


def test_record_text_with_markdown_syntax_stays_text(hostile_site: Path) -> None:
    html = page(hostile_site, "exemples/fiche-hostile")
    article = html[html.index("<article"): html.index("</article>")]
    assert "<strong>gras</strong>" not in article and "**gras**" in article
    assert "[clic](javascript:alert(&#x27;desc&#x27;))" in article or "[clic](javascript:alert('desc'))" in article
    assert "<h1 id=\"pas-un-titre\"" not in article


class _FakeFile:
    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri


class _FakePage:
    def __init__(self, src_uri: str, meta: dict, title: str | None = None) -> None:
        self.file = _FakeFile(src_uri)
        self.meta = meta
        self.title = title


def test_a_generated_page_whose_metadata_was_not_read_fails_the_build() -> None:
    from mkdocs.exceptions import PluginError

    from odd17.mkdocs_plugin import KitPlugin
    plugin = KitPlugin()
    plugin.records = {}
    plugin.front_matter_pages = {"exemples/modeles/x.md"}
    with pytest.raises(PluginError, match="n'a pas pu lire"):
        plugin.on_page_markdown("texte", _FakePage("exemples/modeles/x.md", {}), None, None)
    record = next(iter(__import__("odd17.site.render", fromlist=["x"]).record_pages(KIT)))
    plugin.records = {record.path: record}
    broken = _FakePage(record.path, {"title": "ailleurs"})
    with pytest.raises(PluginError, match="titre de la fiche manque"):
        plugin.on_post_page("<title>Autre - kit</title>", broken, None)


def test_escaping_helpers_one_per_context() -> None:
    from odd17.site.text import html_attr, html_text, html_url
    assert html_text("<b>a & b</b> : c") == "&lt;b&gt;a &amp; b&lt;/b&gt;\u00a0: c"
    assert html_attr('x" onclick="y') == "x&quot; onclick=&quot;y"
    assert html_url("https://example.org/a b\"<") == "https://example.org/a%20b%22%3C"
    for bad in ("javascript:alert(1)", "data:text/html,x", " https://x.example.org"):
        with pytest.raises(ValueError):
            html_url(bad)


def test_share_address_and_qr_only_with_a_public_address() -> None:
    """No site_url: no absolute address, no QR code; with one, the address is written and the
    browser draws its QR code (docs/assets/record-qr.js), the build does not."""
    from odd17.site import render
    record = next(r for r in render.record_pages(KIT) if r.kind == "example")

    def link(path: str, anchor: str) -> str:
        return "../../" + path + (f"#{anchor}" if anchor else "")

    without, _ = render.record_html(KIT, record, link, "")
    assert "odd17-qr" not in without and "odd17-share" not in without and "https://" not in without.split("<h2 id=\"sources\"")[0]
    host = "https://kit.exemple-fictif.test/"
    with_url, headings = render.record_html(KIT, record, link, host)
    address = f"{host}exemples/{record.slug}/"
    assert f'<div class="odd17-qr" data-url="{address}" aria-hidden="true" {NOT_TEXT}>' in with_url
    assert "<script" not in with_url  # docs/assets/record-qr.js comes with every page
    assert "<svg" not in with_url  # drawn by the browser, at no cost to the build
    assert [h.id for h in headings][:3] == [render.heading_slug(record.title), "le-partenariat", "les-partenaires"]


def test_record_pages_share_a_navigation_rendered_once_per_folder(built_site: Path) -> None:
    """The cached menu of record pages is the theme's own, with links right from their folder."""
    def nav(path: str) -> str:
        html = page(built_site, path)
        start = html.index('<nav class="md-nav md-nav--primary"')
        return html[start: html.index("</nav>", start)]

    example, other = nav("exemples/deloitte-sivc"), nav("exemples/eiffage-agote")
    assert example == other and 'href="../../methode/typologie/"' in example
    assert "md-nav__link--active" not in example
    tool = nav(f"outils/{next(iter(KIT.tools))}")
    assert 'href="../../methode/typologie/"' in tool
    assert "md-nav__link--active" in nav("methode/typologie")  # pages in the menu: not cached


@pytest.mark.browser
def test_printed_example_page_carries_its_qr_code(published_site: Path, browser) -> None:  # noqa: ANN001
    """The QR code is drawn when the page is printed (not at load: it was a long task), and a
    PDF printed by Chromium right after loading has it, on one A4 page."""
    import io

    from pypdf import PdfReader

    from conftest import serve
    server, url = serve(published_site)
    try:
        page = browser.new_page()
        page.goto(f"{url}exemples/deloitte-sivc/", wait_until="load")
        assert page.locator(".odd17-qr svg").count() == 0  # nothing computed at load
        pdf = page.pdf(format="A4")
        assert page.locator(".odd17-qr svg path").count() == 1
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
        page.close()
    finally:
        server.shutdown()
