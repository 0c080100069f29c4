"""The kit as PDFs: the whole kit and each sheet, each printed by Chromium as its own tagged PDF.

Why this is written here rather than taken from a plugin: mkdocs-print-site-plugin (the closest
maintained tool) only gathers the pages of the navigation and prints each page as it is; the kit
prints its examples and tools as a catalogue made from the validated records (odd17/print/catalogue.py:
several per page, 60 pages + 1 per 4 examples at most), and WeasyPrint-based exporters were
measured 6x slower than Chromium. So:

1. one print document is assembled: the argumentaire, the method and the trainers' page (the
   built pages' articles), the examples and the tools as catalogues (the tools with the tool map
   by lever and by step). A link to a place the kit prints is a cross-reference, resolved for
   each PDF: « (p. 12) » when the PDF holds the place, else its public address, printed. Running
   headers and page numbers are CSS page-margin boxes (one named page per chapter).
2. Chromium has no CSS ``target-counter()``: the whole kit is printed once without numbers
   (untagged: only its named destinations, the page of each place, are read). Every chapter
   starts on a new page, so a sheet's pages are the kit's, shifted by its cover and contents.
3. Each PDF (the kit, each sheet: its cover, its contents when it has 8 pages or more, its
   chapter) is printed with its numbers, tagged (structure tree, language, bookmarks), two at a
   time; one whose places moved is printed again with the numbers read from it.
4. pikepdf finishes them: headings' text in the bookmarks, a description on every link, the
   page-margin boxes marked as artifacts, XMP metadata claiming PDF/UA-1 (the machine-checkable
   part is tested with PyPI pdfua), title and dates.

The cost is two prints of the kit's content (one untagged), linear in the number of records.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import io
import logging
import os
import posixpath
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from odd17.content.kinds import EXAMPLE, TOOL
from odd17.content.kit import Kit
from odd17.content.typography import french_html
from odd17.print import catalogue
from odd17.site.text import escape, escape_text, french_date

log = logging.getLogger("mkdocs.plugins.odd17")
T = TypeVar("T")
PDF_DIR = "pdf"
SITE_NAME = "L’ODD 17 en pratique"
SUBTITLE = "Faire alliance entre associations, entreprises et acteurs publics"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic"]


@dataclass(frozen=True)
class Sheet:
    slug: str          # file name of the PDF (pdf/<slug>.pdf) and id of its chapter
    title: str
    prefixes: tuple[str, ...]  # page URLs it gathers (URL prefixes)
    web_page: str = ""         # its page on the site, for the QR code of its cover


KIT = Sheet("kit-complet", "L’ODD 17 en pratique — kit complet",
            ("argumentaire/", "methode/", f"{EXAMPLE.section}/", f"{TOOL.section}/", "formateurs/"))
EXAMPLES = Sheet("exemples-inspirants", "Les exemples inspirants", (f"{EXAMPLE.section}/",),
                 f"{EXAMPLE.section}/")
SHEETS = [
    Sheet("argumentaire", "L’argumentaire", ("argumentaire/",), "argumentaire/"),
    Sheet("kit-methodologique", "Le kit méthodologique", ("methode/",), "methode/"),
    EXAMPLES,
    Sheet("cartographie-des-outils", "La cartographie des outils", (f"{TOOL.section}/",), f"{TOOL.section}/"),
]
# The trainers' page prints in the whole kit only (its own PDF would be one page of addresses).
TRAINERS = Sheet("formateurs", "Pour les formateurs", ("formateurs/",), "formateurs/")
KIT_CHAPTERS = [*SHEETS, TRAINERS]
CONTENTS_FROM = 8  # a sheet of this many pages or more opens with its own contents
TOC_LINES = 45  # about the lines of contents on a page (a guess, for the kit's first numbering)
CATALOGUES = {"exemples-inspirants": catalogue.examples_html,
              "cartographie-des-outils": catalogue.tools_html}


def sheet_of(url: str) -> Sheet | None:
    """The sheet (its own PDF) that prints a page of the site."""
    return next((s for s in SHEETS if url.startswith(s.prefixes)), None)


def chapter_of(url: str) -> Sheet | None:
    """The chapter of the whole kit that prints a page of the site."""
    return next((s for s in KIT_CHAPTERS if url.startswith(s.prefixes)), None)


def chapter_id(sheet: Sheet) -> str:
    return f"chapitre-{sheet.slug}"


def build_date() -> dt.date:
    """The date on the cover: SOURCE_DATE_EPOCH (reproducible builds) or today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()


# --- Built pages, as they print -------------------------------------------------------------------

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_DROP = [re.compile(p, re.S) for p in (
    r'<a class="headerlink"[^>]*>.*?</a>',          # ¶ permalinks
    r'<nav class="md-tags"[^>]*>.*?</nav>',         # tags
    r'<p class="odd17-share">.*?</p>',              # « Copier le lien »
    r'<div class="odd17-pdf-links">.*?</div>',      # « Télécharger en PDF »
    r'<form class="odd17-filters".*?</form>',       # interactive filters
    r'<form class="odd17-selector".*?</form>',      # the model selector's choices
)]
# Other web-only elements (class odd17-web-only: « choisissez… », empty lists) are hidden by
# print.css, so that they are in neither the printed page nor the PDF's text.


def page_id(url: str) -> str:
    """The id of a built page's section in the print document (``methode/leviers/`` → p-methode-leviers)."""
    return "p-" + (url.strip("/").replace("/", "-") or "accueil")


def _article(site: Path, url: str) -> str:
    text = (site / url / "index.html").read_text(encoding="utf-8")
    match = _ARTICLE.search(text)
    body = match.group(1) if match else ""
    for pattern in _DROP:
        body = pattern.sub("", body)
    return body


def _hosts_whole(body: str) -> str:
    """Addresses written in the text keep their host name on one line (see catalogue.address)."""
    parts = re.split(r"(<[^>]+>)", body)
    return "".join(part if n % 2 else catalogue.HOST_IN_TEXT.sub(
        lambda m: f'<span class="url-host">{m.group(0)}</span>', part) for n, part in enumerate(parts))


_EXAMPLE_LIST = re.compile(
    r"<ul>\s*((?:<li><a href=\"#fiche-exemple-[^\"]+\" class=\"xref\">.*?</a></li>\s*)+)"
    # The web page's last item, « Voir les N exemples … », leads to a list page the PDF lacks.
    r"(<li>(?:(?!</li>).)*?Voir les ([\d\u202f\u00a0 ]+) exemples(?:(?!</li>).)*</li>\s*)?</ul>", re.S)
LIST_LENGTH = 5  # examples named in a list of a printed page (all are in the catalogue)


def _shorten_example_lists(body: str, catalogue_id: str) -> str:
    """Lists of examples in the method's pages (the typology names every example of each model)
    print their first few, then point to the catalogue, which holds them all: with thousands of
    examples, the typology alone would otherwise run to a hundred pages."""
    def shorten(match: re.Match[str]) -> str:
        items = re.findall(r"<li>.*?</li>", match.group(1), re.S)
        total = int(re.sub(r"\D", "", match.group(3))) if match.group(2) else len(items)
        if total <= LIST_LENGTH + 1 and not match.group(2):
            return match.group(0)
        shown = items[:LIST_LENGTH] if total > LIST_LENGTH + 1 else items
        more = total - len(shown)
        if more <= 0:
            return "<ul>" + "".join(shown) + "</ul>"
        return ("<ul>" + "".join(shown) + f'<li class="more">et {more:,}'.replace(",", "\u202f")
                + f'\u00a0autres, dans <a href="#{catalogue_id}" class="xref">le catalogue des exemples</a></li></ul>')
    return _EXAMPLE_LIST.sub(shorten, body)


def _shift_headings(body: str, by: int) -> str:
    if not by:
        return body
    return re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + by}", body)


def _resolve(page_url: str, href: str) -> tuple[str, str] | None:
    """A relative link of a built page → (target page URL, anchor), or None if not internal."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
        return None
    path, _, anchor = href.partition("#")
    path = path.partition("?")[0]
    if not path:
        return page_url, anchor
    target = posixpath.normpath(posixpath.join(page_url, path))
    target = "" if target == "." else target
    target = target.removesuffix("index.html")
    if target and not target.endswith("/") and "." not in posixpath.basename(target):
        target += "/"
    return target, anchor


def _heading_text(body: str) -> str:
    heading = re.search(r"<h[1-6][^>]*>(.*?)</h[1-6]>", body, re.S)
    return re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else ""


# --- The print document ---------------------------------------------------------------------------

@dataclass
class Entry:
    """One line of the table of contents: an id of the document, its title (HTML), its level."""
    id: str
    label: str
    level: int


@dataclass
class Chapter:
    sheet: Sheet
    html: str
    entries: list[Entry]

    @cached_property
    def ids(self) -> frozenset[str]:
        """The places it holds (read once: a catalogue is long, and asked for each place)."""
        return frozenset(re.findall(r'\bid="([^"]+)"', self.html))


@dataclass
class PrintDocument:
    """The whole kit to print: chapters in order, and where each internal target leads on the web."""
    chapters: list[Chapter]
    site_url: str
    web_address: dict[str, str] = field(default_factory=dict)  # id → its public address

    @property
    def entries(self) -> list[Entry]:
        return [e for c in self.chapters for e in c.entries]


class Linker:
    """Rewrites the links of built pages for the print document. A link to a place the kit
    prints (a page, a card of the catalogue) becomes a cross-reference (class ``xref``), which
    each PDF resolves (``resolve_references``): its page number when the PDF holds the place,
    else the public address, else (no site_url) nothing: the link's text stays, unlinked."""

    def __init__(self, kit: Kit, site_url: str, pages: set[str], targets: set[str]) -> None:
        self.kit, self.site_url, self.pages, self.targets = kit, site_url, pages, targets
        self.web_address: dict[str, str] = {}

    def web(self, url: str, anchor: str = "") -> str:
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/" + url + (f"#{anchor}" if anchor else "")

    def inside(self, url: str, anchor: str) -> str | None:
        """The id in the print document of a page (and anchor) of the site, if printed."""
        if url in self.pages:
            return f"{page_id(url)}-{anchor}" if anchor else page_id(url)
        if anchor and f"{page_id(url)}-{anchor}" in self.targets:  # the tool map's parts
            return f"{page_id(url)}-{anchor}"
        for sheet in SHEETS:
            if url == sheet.web_page and sheet.slug in CATALOGUES:
                return chapter_id(sheet)
        section, _, slug = url.rstrip("/").partition("/")
        if section == EXAMPLE.section and slug in self.kit.examples:
            return catalogue.EXAMPLE_ID.format(slug)
        if section == TOOL.section and slug in self.kit.tools:
            return catalogue.TOOL_ID.format(slug)
        match = re.fullmatch(rf"{EXAMPLE.section}/(modeles|categories)/([a-z0-9-]+)/", url)
        if match:
            kind, term = match.groups()
            target = (catalogue.MODEL_ID if kind == "modeles" else catalogue.CATEGORY_ID).format(term)
            return target if target in self.targets else None
        return None

    def rewrite(self, body: str, page_url: str) -> str:
        def link(match: re.Match[str]) -> str:
            attributes, content = match.group(1), match.group(2)
            href_match = re.search(r'href="([^"]*)"', attributes)
            if not href_match:
                return match.group(0)
            href = html.unescape(href_match.group(1))
            target = _resolve(page_url, href)
            if target is None:  # a link to another site: its address printed beside it
                plain = html.unescape(re.sub(r"<[^>]+>", "", content)).strip()
                note = ("" if plain.rstrip("/") == href.rstrip("/") else
                        f'<span class="print-url"> ({catalogue.address(href)})</span>')
                return f'<a href="{escape(href)}">{content}</a>{note}'
            url, anchor = target
            place = self.inside(url, anchor)
            if place is not None:
                address = self.web(url, anchor)
                if address:
                    self.web_address.setdefault(place, address)
                return f'<a href="#{escape(place)}" class="xref">{content}</a>'
            address = self.web(url, anchor)
            return f'<a href="{escape(address)}">{content}</a>' if address else content
        return re.sub(r"<a\b([^>]*)>(.*?)</a>", link, body, flags=re.S)


_MAP = re.compile(r'(<h2 id="carte".*?)(?=<h2 id="liste")', re.S)
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def _tool_map(site: Path) -> tuple[str, tuple[tuple[str, str, int], ...]]:
    """The tool map by lever and by step, from the built page of the tool map (without its
    filters and its list of tools, which the catalogue prints), and its contents entries."""
    url = f"{TOOL.section}/"
    if not (site / url / "index.html").exists():
        return "", ()
    match = _MAP.search(_article(site, url))
    if not match:
        return "", ()
    pid = page_id(url)
    body = re.sub(r"\bid=\"([^\"]+)\"", lambda m: f'id="{pid}-{m.group(1)}"', match.group(1))
    entries = tuple((m.group(2), escape_text(_heading_text(m.group(0))), int(m.group(1)))
                    for m in _HEADING.finditer(body))
    return body, entries


def assemble(site: Path, nav_urls: list[str], kit: Kit, site_url: str,
             made: dict[str, tuple[str, list[tuple[str, str, int]]]] | None = None) -> PrintDocument:
    """The chapters of the kit: built pages for the argumentaire, the method and the trainers'
    page, catalogues made from the records for the examples and the tools (with the tool map by
    lever and by step from its built page). ``made``: catalogues already made (by the print
    during the build), by sheet."""
    printed = [u for u in nav_urls if chapter_of(u) is not None
               and chapter_of(u).slug not in CATALOGUES]  # type: ignore[union-attr]
    map_body, map_entries = _tool_map(site)
    targets: set[str] = {e[0] for e in map_entries}
    linker = Linker(kit, site_url, set(printed), targets)
    catalogues: dict[str, tuple[str, list[Entry]]] = {}
    for sheet in SHEETS:
        if sheet.slug in CATALOGUES:
            extra = {}
            if sheet.slug == "cartographie-des-outils" and map_body:
                extra = {"map_entries": map_entries}
            content, lines = (made or {}).get(sheet.slug) or CATALOGUES[sheet.slug](
                kit, site_url, chapter_id(sheet), **extra)
            catalogues[sheet.slug] = (content, [Entry(*e) for e in lines])
            targets.update(e.id for e in catalogues[sheet.slug][1])
            targets.update(re.findall(r'<article class="card" id="([^"]+)"', content))
    if map_body:  # its links to the tools' pages lead to their cards
        rewritten = _hosts_whole(linker.rewrite(map_body, f"{TOOL.section}/"))
        content, map_chapter = catalogues["cartographie-des-outils"]
        head, _, rest = content.partition("</h1>")
        catalogues["cartographie-des-outils"] = (head + "</h1>" + rewritten + rest, map_chapter)
    chapters = []
    for sheet in KIT_CHAPTERS:
        if sheet.slug in catalogues:
            content, chapter_entries = catalogues[sheet.slug]
            chapters.append(Chapter(sheet, content, chapter_entries))
            for entry in chapter_entries:
                linker.web_address.setdefault(entry.id, linker.web(sheet.web_page))
            continue
        pages = [u for u in printed if u.startswith(sheet.prefixes)]
        if not pages:
            continue
        parts: list[str] = []
        page_entries: list[Entry] = []
        for number, url in enumerate(pages):
            pid = page_id(url)
            body = _shift_headings(_article(site, url), 0 if number == 0 else 1)
            body = re.sub(r"\bid=\"([^\"]+)\"", lambda m: f'id="{pid}-{m.group(1)}"', body)
            body = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", body)  # print them open
            body = _hosts_whole(linker.rewrite(body, url))
            body = _shorten_example_lists(body, chapter_id(EXAMPLES))
            label = escape_text(_heading_text(body) or url)
            page_entries.append(Entry(pid if number else chapter_id(sheet), label,
                                      1 if number == 0 else 2))
            start = f'<span id="{chapter_id(sheet)}"></span>' if number == 0 else ""
            parts.append(f'<section class="page" id="{pid}">{start}{body}</section>')
            linker.web_address.setdefault(pid, linker.web(url))
        chapters.append(Chapter(sheet, "".join(parts), page_entries))
    for card, address in _card_addresses(kit, site_url):
        linker.web_address.setdefault(card, address)
    document = PrintDocument(chapters, site_url)
    document.web_address = {k: v for k, v in linker.web_address.items() if v}
    return document


def _card_addresses(kit: Kit, site_url: str) -> Iterator[tuple[str, str]]:
    for slug in kit.examples:
        yield catalogue.EXAMPLE_ID.format(slug), catalogue.record_url(site_url, "example", slug)
    for slug in kit.tools:
        yield catalogue.TOOL_ID.format(slug), catalogue.record_url(site_url, "tool", slug)


def _qr(url: str, title: str) -> str:
    import segno

    return segno.make_qr(url, error="m").svg_inline(scale=3, svgclass="qr", title=title)


def cover(sheet: Sheet, site_url: str) -> str:
    """A cover: the kit, the title, the date; the kit's address and its QR code only when the
    kit has a public address (site_url)."""
    address = ""
    if site_url:
        url = site_url.rstrip("/") + "/" + (sheet.web_page if sheet is not KIT else "")
        address = (f'<div class="cover-address">{_qr(url, "QR code vers " + url)}'
                   f'<p>En ligne, à jour et avec ses fiches complètes\u00a0:<br>'
                   f'{catalogue.link(url)}</p></div>')
    kicker = f"Kit «\u00a0{escape(SITE_NAME)}\u00a0»"
    return (f'<section class="cover"><p class="cover-kicker">{kicker}</p>'
            f'<p class="cover-title">{escape(sheet.title)}</p>'
            f'<p class="cover-subtitle">{SUBTITLE}</p>'
            f'<p class="cover-date">Édition du {french_date(build_date())}</p>{address}</section>')


def contents(entries: list[Entry], numbers: dict[str, int] | None) -> str:
    """The table of contents; without ``numbers`` (the layout print) the number column is empty
    and as wide, so that the pages are the same in both prints."""
    numbers = numbers or {}
    items = "".join(
        f'<li class="toc-{e.level}"><a href="#{e.id}"><span class="toc-label">{e.label}</span>'
        f'<span class="toc-page">{numbers.get(e.id, "")}</span></a></li>'
        for e in entries)
    return (f'<nav class="toc" aria-label="Sommaire"><h1 class="toc-title">Sommaire</h1>'
            f"<ol>{items}</ol></nav>")


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def html_document(title: str, running_title: str, parts: str) -> str:
    css = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")
    # One named page per chapter: its title in the running header; the PDF's own title on the
    # other pages (contents).
    pages = "\n".join(f"@page {s.slug} {{ @top-right {{ content: {_css_string(s.title)}; }} }}\n"
                      f".chapter-{s.slug} {{ page: {s.slug}; }}" for s in KIT_CHAPTERS)
    pages = f"@page {{ @top-right {{ content: {_css_string(running_title)}; }} }}\n{pages}"
    return (f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{css}\n{pages}</style></head>"
            f"<body>{french_html(parts)}</body></html>")  # French typography, as the pages


_XREF = re.compile(r'<a href="#([^"]+)" class="xref">(.*?)</a>', re.S)
HTML_PER_PAGE = 6000  # about the characters of HTML a printed page holds (a guess, see below)


def placeholder(html_length: int) -> str:
    """A page number's room in a sheet's layout print: as many digits as its pages will have,
    guessed from its length (a number's width moves the lines after it; a wrong guess costs one
    more print, never a wrong number)."""
    return "0" * len(str(max(1, html_length // HTML_PER_PAGE)))


# The layout print draws nothing: hidden boxes keep their place, and Chromium still writes the
# page of each link target (its named destinations), which is all that print is read for.
LAYOUT_ONLY = "<style>* { visibility: hidden !important; }</style>"
# A link costs more the more there are (10,000 of them: 34 s more for a layout print of 2,000
# pages; 1,000: nothing measurable): beyond this many places, the examples sheet printed during
# the build names its contents' places only, and is laid out again if the kit needs others.
NAME_ALL = 2000
LAYOUT_END = "odd17-fin-de-la-mise-en-page"  # the document's end, before the links that name places


def resolve_references(body: str, held: set[str], numbers: dict[str, int] | None,
                       web_address: dict[str, str], room: str = "00") -> str:
    """The cross-references of one PDF: « (p. 12) » and a link when the PDF holds the place
    (``held``), else the public address printed and linked, else the text alone."""
    def reference(match: re.Match[str]) -> str:
        place, content = html.unescape(match.group(1)), match.group(2)
        if place in held:
            page = str(numbers[place]) if numbers and place in numbers else room
            # The page number follows the link, outside it: a link of one piece of text per
            # line (see print.css, « One box per link »).
            return (f'<a href="#{match.group(1)}">{content}</a>'
                    f'<span class="page-ref">\u00a0(p.\u00a0{page})</span>')
        address = web_address.get(place)
        if address:
            return (f'<a href="{escape(address)}">{content}</a>'
                    f'<span class="print-url"> ({catalogue.address(address)})</span>')
        return content
    return _XREF.sub(reference, body)


@dataclass
class Output:
    """One PDF: the whole kit or a sheet, its chapters, whether it opens with its contents."""
    sheet: Sheet
    chapters: list[Chapter]
    with_contents: bool = True

    @property
    def entries(self) -> list[Entry]:
        return [e for c in self.chapters for e in c.entries]

    @cached_property
    def held(self) -> set[str]:
        """The ids this PDF holds."""
        return set().union(*(c.ids for c in self.chapters))

    def references(self) -> set[str]:
        """The places this PDF gives a page number for: its contents and cross-references."""
        held = self.held
        refs = {html.unescape(m.group(1)) for c in self.chapters for m in _XREF.finditer(c.html)}
        return (refs & held) | ({e.id for e in self.entries} if self.with_contents else set())

    @cached_property
    def room(self) -> str:
        """A page number's room in its layout print (``placeholder``)."""
        return placeholder(sum(len(c.html) for c in self.chapters))

    def chapter(self, document: PrintDocument, chapter: Chapter, numbers: dict[str, int] | None) -> str:
        """One chapter as this PDF prints it (its cross-references depend on what it holds)."""
        return (f'<div class="chapter chapter-{chapter.sheet.slug}">'
                f"{resolve_references(chapter.html, self.held, numbers, document.web_address, self.room)}</div>")

    def source(self, document: PrintDocument, numbers: dict[str, int] | None,
               leave_out: frozenset[str] = frozenset()) -> str:
        """The HTML to print; ``leave_out``: chapters (their sheets' slugs) left out of the body,
        not of the contents (a layout print that takes their pages from elsewhere)."""
        body = "".join(self.chapter(document, c, numbers) for c in self.chapters
                       if c.sheet.slug not in leave_out)
        front = cover(self.sheet, document.site_url)
        if self.with_contents:
            front += contents(self.entries, numbers)
        running = "Kit complet" if self.sheet is KIT else self.sheet.title
        return html_document(self.sheet.title, running, front + body)


# --- Printing and cutting ---------------------------------------------------------------------------

def _squash(title: str) -> str:
    return "".join(html.unescape(title).split())


def heading_titles(source: str) -> dict[str, str]:
    """Every heading of the print document, by its text without spaces → its text.

    Chromium writes a bookmark's title without the spaces where its heading wrapped (« pour
    l'enfance » on two lines gives « pourl'enfance »): the bookmarks are given their headings'
    text back from this table."""
    titles: dict[str, str] = {}
    for match in re.finditer(r"<h[1-6][^>]*>(.*?)</h[1-6]>", source, re.S):
        title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())
        titles.setdefault(_squash(title), title)
    return titles


def _outline(pdf) -> Iterator[tuple[Any, int]]:  # noqa: ANN001 - a pikepdf Pdf
    """Every bookmark of ``pdf`` as Chromium wrote it, with its depth, in reading order (depth
    first: a bookmark's children before its next sibling)."""
    outlines = pdf.Root.get("/Outlines")
    stack = [(outlines.get("/First"), 0)] if outlines is not None else []
    while stack:
        node, depth = stack.pop()
        if node is None:
            continue
        stack.append((node.get("/Next"), depth))
        stack.append((node.get("/First"), depth + 1))
        yield node, depth


def _page_index(pdf) -> dict[tuple[int, int], int]:  # noqa: ANN001 - a pikepdf Pdf
    """Page number (0-based) of each page object, by its object number."""
    return {page.obj.objgen: n for n, page in enumerate(pdf.pages)}


def _fix_outline(pdf, titles: dict[str, str]) -> None:  # noqa: ANN001 - a pikepdf Pdf
    """Give the bookmarks their headings' text back (see ``heading_titles``); their
    destinations and structure elements stay as Chromium wrote them."""
    import pikepdf

    for node, _ in _outline(pdf):
        title = titles.get(_squash(str(node.get("/Title", ""))))
        if title:
            node.Title = pikepdf.String(title)


def _explicit(destination):  # noqa: ANN001, ANN202 - pikepdf objects
    """The explicit destination array ([page /XYZ left top zoom]) of a destination as Chromium
    writes it, or as a dictionary holding it (/D); None for anything else."""
    import pikepdf

    if isinstance(destination, pikepdf.Dictionary):
        destination = destination.get("/D")
    if isinstance(destination, pikepdf.Array) and len(destination):
        return destination
    return None


def destination_pages(pdf) -> dict[str, int]:  # noqa: ANN001 - a pikepdf Pdf
    """Page index (0-based) of each named destination: Chromium names every link target by its
    id, in the catalogue's /Dests dictionary (a target missing here stops the build: see
    ``print_pdfs``)."""
    index = _page_index(pdf)
    pages = {}
    for name, destination in pdf.Root.get("/Dests", {}).items():
        explicit = _explicit(destination)
        number = index.get(explicit[0].objgen) if explicit is not None else None
        if number is not None:
            pages[name.lstrip("/")] = number
    return pages


def outputs(document: PrintDocument) -> list[Output]:
    """The PDFs: the whole kit, then each sheet of the SHEETS that has a chapter."""
    return [Output(KIT, document.chapters)] + [
        Output(c.sheet, [c], with_contents=False) for c in document.chapters if c.sheet in SHEETS]


async def _print(page, source: str, path: Path, tagged: bool) -> bytes:  # noqa: ANN001
    path.write_text(source, encoding="utf-8")
    await page.goto(path.as_uri(), wait_until="load")
    return await page.pdf(print_background=True, outline=tagged, tagged=tagged,
                          prefer_css_page_size=True)


async def _layout_print(page, document: PrintDocument, output: Output, tmp: Path,  # noqa: ANN001
                        guess: dict[str, int] | None = None, leave_out: frozenset[str] = frozenset(),
                        named: set[str] | frozenset[str] = frozenset()) -> tuple[dict[str, int], int]:
    """The layout print of ``output`` (untagged, drawing nothing, with its contents): the page
    (0-based) of each of its places, and its number of pages. ``named``: places given a link
    after the document's end, so that Chromium names them (it names a place only when a link
    leads to it); the pages they take are not counted."""
    import pikepdf

    output.with_contents = True
    source = output.source(document, guess, leave_out).replace("</head>", LAYOUT_ONLY + "</head>", 1)
    if named:  # inside the last chapter (its named page); spaces: lines, not one long word
        links = " ".join(f'<a href="#{escape(i)}">.</a>' for i in sorted(named | {LAYOUT_END}))
        end = source.rindex("</div>")
        source = (f'{source[:end]}<span id="{LAYOUT_END}"></span>'
                  f'<p style="orphans: 1; widows: 1">{links}</p>{source[end:]}')
    data = await _print(page, source, tmp / f"mise-en-page-{output.sheet.slug}.html", tagged=False)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        where, total = destination_pages(pdf), len(pdf.pages)
    if named:
        total = where.pop(LAYOUT_END) + 1
    missing = [e.id for c in output.chapters if c.sheet.slug not in leave_out
               for e in c.entries if e.id not in where]
    if missing:
        raise RuntimeError(f"PDF {output.sheet.slug} : sommaire sans page pour {missing[:5]}")
    return where, total


def _sheet_numbers(output: Output, where: dict[str, int], total: int) -> dict[str, int]:
    """A sheet's page numbers from its layout print; a sheet shorter than CONTENTS_FROM pages
    loses its contents, its numbers shifted."""
    start = where[chapter_id(output.sheet)]  # the page after the cover and contents
    output.with_contents = 1 + total - start >= CONTENTS_FROM
    first = start if output.with_contents else 1
    return {i: n - start + first + 1 for i, n in where.items() if i in output.held}


async def _final_print(page, document: PrintDocument, output: Output, guess: dict[str, int],  # noqa: ANN001
                       tmp: Path) -> tuple[bytes, str, dict[str, int]]:
    """``output`` printed tagged with its numbers until they hold: the PDF, its HTML and its
    numbers."""
    import pikepdf

    wanted = output.references()
    for _ in range(3):
        source = output.source(document, guess)
        data = await _print(page, source, tmp / f"{output.sheet.slug}.html", tagged=True)
        with pikepdf.open(io.BytesIO(data)) as pdf:
            found = {i: n + 1 for i, n in destination_pages(pdf).items()}
        lost = wanted - found.keys()
        if lost:
            raise RuntimeError(f"PDF {output.sheet.slug} : pas de page pour {sorted(lost)[:5]}")
        if all(found[i] == guess.get(i) for i in wanted):
            return data, source, guess
        log.debug("PDF %s : numéros de page à corriger, %s", output.sheet.slug,
                  sorted((i, guess.get(i), found[i]) for i in wanted if found[i] != guess.get(i))[:5])
        guess = found
    raise RuntimeError(f"PDF {output.sheet.slug} : les numéros de page ne se stabilisent pas")


@dataclass
class Ahead:
    """The examples sheet, printed from the records while MkDocs writes the site (its layout and
    tagged prints): used by ``print_pdfs`` if it would print the same HTML."""
    catalogue: tuple[str, list[tuple[str, str, int]]]  # catalogue.examples_html's
    where: dict[str, int]
    total: int
    with_contents: bool
    numbers: dict[str, int]
    data: bytes
    source: str


async def _print_ahead(page, kit: Kit, site_url: str) -> Ahead | None:  # noqa: ANN001
    """The examples catalogue is made from the records alone: its sheet is printed while MkDocs
    writes the pages (one Python thread), on the machine's other core. Its places are named
    for the whole kit's references (all of them, up to NAME_ALL)."""
    made = content, lines = catalogue.examples_html(kit, site_url, chapter_id(EXAMPLES))
    if _XREF.search(content):
        return None
    chapter = Chapter(EXAMPLES, content, [Entry(*e) for e in lines])
    named = chapter.ids if len(chapter.ids) <= NAME_ALL else {e.id for e in chapter.entries}
    document, output = PrintDocument([chapter], site_url), Output(EXAMPLES, [chapter])
    tick = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        where, total = await _layout_print(page, document, output, Path(tmp), named=named)
        laid_out = time.perf_counter()
        numbers = _sheet_numbers(output, where, total)
        data, source, numbers = await _final_print(page, document, output, numbers, Path(tmp))
    log.debug("PDF %s pendant la construction : mise en page %.1f s, impression %.1f s",
              EXAMPLES.slug, laid_out - tick, time.perf_counter() - laid_out)
    return Ahead(made, where, total, output.with_contents, numbers, data, source)


class Printer:
    """Chromium and its pages, started in a thread of their own as soon as the build starts
    (about a second, while MkDocs writes the site), then given the print work (``print_pdfs``).
    With ``kit``, one page prints the examples sheet meanwhile (``_print_ahead``). ``close``
    stops it, whether it printed or not."""

    def __init__(self, chromium: str, kit: Kit | None = None, site_url: str = "") -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="odd17-printer",
                                        daemon=True)
        self._thread.start()
        self._started = asyncio.run_coroutine_threadsafe(self._start(chromium), self._loop)
        self._ahead = (asyncio.run_coroutine_threadsafe(self._ahead_print(kit, site_url), self._loop)
                       if kit is not None else None)

    async def _start(self, chromium: str) -> tuple[Any, Any, list[Any]]:
        from playwright.async_api import async_playwright

        playwright = await async_playwright().start()
        try:
            browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            pages = list(await asyncio.gather(*(browser.new_page() for _ in range(3))))
        except BaseException:
            await playwright.stop()
            raise
        return playwright, browser, pages

    async def _ahead_print(self, kit: Kit, site_url: str) -> Ahead | None:
        _, _, pages = await asyncio.wrap_future(self._started)
        try:
            return await _print_ahead(pages[2], kit, site_url)
        except Exception as error:  # noqa: BLE001 - printed again after the build, where it tells
            log.debug("PDF : impression anticipée abandonnée (%s)", error)
            return None

    def ahead(self) -> Ahead | None:
        """The examples sheet printed during the build, once Chromium has started and printed
        it (None: not printed then)."""
        self._started.result()
        return self._ahead.result() if self._ahead is not None else None

    def run(self, work: Callable[[list[Any]], Coroutine[Any, Any, T]]) -> T:
        """``work(lanes)`` run in the printer's thread; its result."""
        _, _, pages = self._started.result()
        return asyncio.run_coroutine_threadsafe(work(pages[:2]), self._loop).result()

    def close(self) -> None:
        async def stop() -> None:
            try:
                playwright, browser, _ = await asyncio.wrap_future(self._started)
            except Exception:  # noqa: BLE001 - Chromium did not start: nothing to stop
                return
            if self._ahead is not None:  # a build that failed does not wait for it
                ahead = asyncio.wrap_future(self._ahead)
                ahead.cancel()
                await asyncio.wait([ahead])
            await browser.close()
            await playwright.stop()

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(stop(), self._loop).result()
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()


def print_pdfs(site: Path, nav_urls: list[str], kit: Kit, site_url: str, printer: Printer) -> list[Path]:
    """Print the whole kit and each sheet, each as its own tagged PDF, into ``site/pdf/``."""

    started = time.perf_counter()
    ahead = printer.ahead()
    waited = time.perf_counter() - started
    document = assemble(site, nav_urls, kit, site_url,
                        {EXAMPLES.slug: ahead.catalogue} if ahead is not None else None)
    if not document.chapters:
        return []
    out_dir = site / PDF_DIR
    out_dir.mkdir(exist_ok=True)
    timings = [f"attente de Chromium {waited:.1f} s",
               f"assemblage {time.perf_counter() - started - waited:.1f} s"]
    with tempfile.TemporaryDirectory() as tmp:
        written = printer.run(
            lambda lanes: _print_all(document, lanes, ahead, Path(tmp), out_dir, timings))
    log.info("PDF en %.1f s (%s)", time.perf_counter() - started, ", ".join(timings))
    return written


async def _print_all(document: PrintDocument, lanes: list[Any], ahead: Ahead | None, tmp: Path,
                     out_dir: Path, timings: list[str]) -> list[Path]:
    """Each PDF is printed twice by two pages of Chromium side by side, each taking the first
    print of the list that can start (the longest first).

    1. The layout prints (``_layout_print``): only the pages of the places are read. A sheet's
       page references are « 00 » (``placeholder``). A chapter starts on a new page, so a
       chapter without page references prints in the whole kit as in its sheet: the kit's
       layout print leaves it out (the examples catalogue, most of the kit) and takes its pages
       from the sheet's. That print comes after the sheets', its references numbered from
       them (a number's width moves the lines after it).
    2. Printed with its numbers, tagged (``_final_print``).
    The examples sheet printed during the build (``ahead``) is taken as it is when this print
    would give the same HTML."""
    pdfs = outputs(document)
    kit, sheets = pdfs[0], pdfs[1:]
    tick = time.perf_counter()
    own = {o.sheet.slug: o for o in sheets}
    shared = frozenset(c.sheet.slug for c in kit.chapters if c.sheet.slug in own
                       and not _XREF.search(c.html)
                       and kit.chapter(document, c, None) == own[c.sheet.slug].chapter(document, c, None))
    kit_wanted = kit.references()
    # Per chapter: the page of each place from the chapter's first page, and its number of pages.
    pages: dict[str, tuple[dict[str, int], int]] = {}
    numbers: dict[str, dict[str, int]] = {}
    front: list[int] = []  # the kit's cover and contents pages

    def chapter_pages(where: dict[str, int], total: int, chapters: list[Chapter]) -> None:
        starts = [where[chapter_id(c.sheet)] for c in chapters] + [total]
        for c, first, after in zip(chapters, starts, starts[1:]):
            pages[c.sheet.slug] = ({i: n - first for i, n in where.items() if i in c.ids},
                                   after - first)

    def kit_numbers(front: int) -> dict[str, int]:
        """The kit's page numbers from its chapters' pages, after ``front`` pages."""
        found, page = {}, front
        for c in kit.chapters:
            relative, count = pages.get(c.sheet.slug, ({}, 1))
            found.update({i: page + n + 1 for i, n in relative.items()})
            page += count
        return found

    async def layout(lane, output: Output) -> None:  # noqa: ANN001
        if output is kit:  # numbered from the sheets' layouts, its cover and contents guessed
            where, total = await _layout_print(lane, document, kit, tmp, leave_out=shared,
                                               guess=kit_numbers(1 + -(-len(kit.entries) // TOC_LINES)))
            printed = [c for c in kit.chapters if c.sheet.slug not in shared]
            chapter_pages(where, total, printed)
            front.append(where[chapter_id(printed[0].sheet)] if printed else total)
            return
        named = set().union(*(c.ids for c in output.chapters if c.sheet.slug in shared)) & kit_wanted
        where, total = await _layout_print(lane, document, output, tmp, named=named)
        chapter_pages(where, total, output.chapters)
        numbers[output.sheet.slug] = _sheet_numbers(output, where, total)

    labels = place_labels(document)
    written: dict[str, Path] = {}
    finishing: list[asyncio.Task[None]] = []

    def finish(output: Output, data: bytes, source: str) -> None:
        """Finished in a thread while the lanes print the others."""
        target = out_dir / f"{output.sheet.slug}.pdf"
        finishing.append(asyncio.create_task(asyncio.to_thread(
            _finish_file, data, heading_titles(source), labels, output.sheet.title, target)))
        written[output.sheet.slug] = target

    async def final(lane, output: Output) -> None:  # noqa: ANN001
        guess = kit_numbers(front[0]) if output is kit else numbers[output.sheet.slug]
        data, source, _ = await _final_print(lane, document, output, guess, tmp)
        finish(output, data, source)

    def size(output: Output) -> int:
        return sum(len(c.html) for c in output.chapters)

    # The prints, longest first; the kit's layout once the sheets' are done, a final print once
    # its layout is.
    laid_out: set[str] = set()
    todo = ([("mise en page", o) for o in sorted(sheets, key=size, reverse=True)]
            + [("mise en page", kit)] + [("impression", o) for o in sorted(pdfs, key=size, reverse=True)])
    examples = own.get(EXAMPLES.slug)
    if ahead is not None and examples is not None:
        examples.with_contents = ahead.with_contents
        adopted = examples.source(document, ahead.numbers) == ahead.source
        log.debug("PDF : fiche des exemples imprimée pendant la construction %s",
                  "reprise" if adopted else "différente, imprimée à nouveau")
        if adopted:
            chapter_pages(ahead.where, ahead.total, examples.chapters)
            numbers[EXAMPLES.slug] = ahead.numbers
            finish(examples, ahead.data, ahead.source)
            # A place the kit refers to that the print did not name (see NAME_ALL): the sheet
            # is laid out again, naming it, while the others print.
            unnamed = (kit_wanted & examples.held) - ahead.where.keys() if EXAMPLES.slug in shared else set()
            todo = [t for t in todo if t[1] is not examples or (t[0] == "mise en page" and unnamed)]
            if not unnamed:
                laid_out.add(EXAMPLES.slug)

    def ready(step: str, output: Output) -> bool:
        if output is not kit:
            return step == "mise en page" or output.sheet.slug in laid_out
        if step == "mise en page":  # the pages of each sheet's chapter are counted
            return all(o.sheet.slug in pages for o in sheets)
        return all(o.sheet.slug in laid_out for o in pdfs)  # every place has its page

    done = asyncio.Event()

    async def lane_work(lane) -> None:  # noqa: ANN001
        while todo:
            chosen = next((t for t in todo if ready(*t)), None)
            if chosen is None:
                done.clear()
                await done.wait()
                continue
            todo.remove(chosen)
            step, output = chosen
            begun = time.perf_counter()
            if step == "mise en page":
                await layout(lane, output)
                laid_out.add(output.sheet.slug)
            else:
                await final(lane, output)
            log.debug("PDF %s : %s de %.1f à %.1f s", output.sheet.slug, step, begun - tick,
                      time.perf_counter() - tick)
            done.set()

    await asyncio.gather(*(lane_work(lane) for lane in lanes))
    timings.append(f"impression {time.perf_counter() - tick:.1f} s")
    tick = time.perf_counter()
    await asyncio.gather(*finishing)
    timings.append(f"finitions {time.perf_counter() - tick:.1f} s")
    return [written[output.sheet.slug] for output in pdfs]


def _finish_file(data: bytes, titles: dict[str, str], labels: dict[str, str], title: str,
                 target: Path) -> None:
    """Bookmarks' titles, links' descriptions, artifacts, metadata: one PDF, opened and saved once."""
    import pikepdf

    with pikepdf.open(io.BytesIO(_stable_node_ids(data))) as pdf:
        _fix_outline(pdf, titles)
        describe_links(pdf, labels)
        mark_artifacts(pdf)
        _finish(pdf, title, target)


def place_labels(document: PrintDocument) -> dict[str, str]:
    """What each place of the print document is, in words (a heading, a card's title): the
    description of the links that lead to it."""
    labels = {e.id: html.unescape(re.sub(r"<[^>]+>", "", e.label)) for e in document.entries}
    for chapter in document.chapters:
        for match in re.finditer(r'<(?:article|section)[^>]* id="([^"]+)"[^>]*>\s*(?:<span[^>]*></span>)?'
                                 r'<h[1-6][^>]*>(.*?)</h[1-6]>|<h[1-6] id="([^"]+)"[^>]*>(.*?)</h[1-6]>',
                                 chapter.html, re.S):
            place, title = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
            labels.setdefault(place, " ".join(html.unescape(re.sub(r"<[^>]+>", "", title)).split()))
    return labels


def describe_links(pdf, labels: dict[str, str]) -> None:  # noqa: ANN001 - a pikepdf Pdf
    """Every link says where it leads (/Contents, PDF/UA 7.18.5): the place's title and page
    inside the PDF, the address on the web."""
    import pikepdf

    where = destination_pages(pdf)
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots") or []:
            if annotation.get("/Subtype") != "/Link" or "/Contents" in annotation:
                continue
            action, destination = annotation.get("/A"), annotation.get("/Dest")
            if action is not None and action.get("/URI") is not None:
                text = f"Adresse web : {action.URI}"
            elif destination is not None:
                name = str(destination).lstrip("/")
                label = labels.get(name, "")
                number = where.get(name)
                text = ", ".join(t for t in (f"« {label} »" if label else "",
                                             f"page {number + 1}" if number is not None else "") if t)
                text = f"Aller à {text}" if text else "Lien dans le document"
            else:
                continue
            annotation.Contents = pikepdf.String(text)


_TOKEN = re.compile(rb"""\s+|%[^\r\n]*|<<|>>|\[|\]|<[0-9A-Fa-f\s]*>|/[^\s/<>\[\]()%{}]*|[^\s/<>\[\]()%{}]+|\(""")


def _leading_text(data: bytes) -> list[tuple[int, int]]:
    """The text objects (BT … ET) before the first marked-content sequence of a content stream,
    as (start, end) offsets. Only this beginning is read (a few hundred bytes: Chromium draws
    the page-margin boxes first), with a tokenizer that skips strings, so that no byte of a
    string is taken for an operator."""
    found, position, begin = [], 0, None
    while position < len(data):
        match = _TOKEN.match(data, position)
        if match is None:
            break
        token = match.group(0)
        position = match.end()
        if token == b"(":  # a literal string: balanced parentheses, backslash escapes
            depth = 1
            while position < len(data) and depth:
                char = data[position:position + 1]
                position += 2 if char == b"\\" else 1
                depth += {b"(": 1, b")": -1}.get(char, 0)
            continue
        if token in (b"BDC", b"BMC"):
            break
        if token == b"BT":
            begin = match.start()
        elif token == b"ET" and begin is not None:
            found.append((begin, position))
            begin = None
    return found


def mark_artifacts(pdf) -> None:  # noqa: ANN001 - a pikepdf Pdf
    """Chromium tags the document's content but writes the page-margin boxes (running headers,
    page numbers) before it, outside any marked-content sequence: they are wrapped as /Artifact,
    which is what they are (PDF/UA 7.1: content is either tagged or an artifact; the tests check
    every page with PyPI pdfua)."""
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        if contents is None or not hasattr(contents, "read_bytes"):
            continue
        data = contents.read_bytes()
        spans = _leading_text(data)
        if not spans:
            continue
        parts, last = [], 0
        for begin, finish in spans:
            parts += [data[last:begin], b"/Artifact BMC\n", data[begin:finish], b"\nEMC"]
            last = finish
        parts.append(data[last:])
        contents.write(b"".join(parts))


def _finish(pdf, title: str, target: Path) -> None:  # noqa: ANN001 - a pikepdf Pdf
    """Title, author, subject, bookmarks shown on opening, XMP claiming PDF/UA-1 (the tags are
    Chromium's; the machine-checkable part is tested with PyPI pdfua); with SOURCE_DATE_EPOCH
    (``bash scripts/task build`` sets it to the last commit's date) the dates are that one and
    the file's identifier comes from its content, so two builds of a commit give the same bytes."""
    import pikepdf

    info = {"/Title": title, "/Author": f"Kit « {SITE_NAME} »", "/Subject": SUBTITLE + " (ODD 17)",
            "/Producer": "Chromium, pikepdf", "/Creator": f"Kit « {SITE_NAME} »"}
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
        info["/CreationDate"] = info["/ModDate"] = stamp
    else:
        info.pop("/CreationDate", None)
    pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(
        {key: pikepdf.String(value) for key, value in info.items()}))
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(pdf.trailer.Info)
        meta["dc:language"] = ["fr"]
        meta["pdfuaid:part"] = "1"
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    pdf.Root.Lang = pikepdf.String("fr")
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    # Object streams: the structure tree is thousands of small objects, half the file's size
    # when each is written on its own (4.3 → 2.2 MB for the kit of 1,000 examples).
    pdf.save(target, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)


_NODE_ID = re.compile(rb"\(node(\d{8})\)")


def _stable_node_ids(data: bytes) -> bytes:
    """Chromium names the tagged table headers by its DOM node ids (« node00000333 »), which vary
    from one run to the next: they are renumbered 1, 2, 3… in the same order (the ID tree stays
    sorted) and with the same length (the cross-reference offsets stay valid), so that two builds
    of a commit give the same bytes."""
    ids = sorted({int(m) for m in _NODE_ID.findall(data)})
    renumber = {old: f"{new:08d}".encode() for new, old in enumerate(ids, 1)}
    return _NODE_ID.sub(lambda m: b"(node" + renumber[int(m.group(1))] + b")", data)


# --- The booklet printed from the examples index (docs/assets/print-selection.js) ---------------

QR_SCRIPT = "assets/javascripts/qrcode-generator.js"
QR_SOURCE = "node_modules/qrcode-generator/dist/qrcode.js"  # npm package, package.json


def browser_files(kit: Kit, site_url: str, project: Path) -> Iterator[tuple[str, str | bytes]]:
    """The files « Imprimer la sélection » loads when a reader prints: the cards' data and the
    QR code library (the npm package qrcode-generator, served by the site itself: never a CDN).
    Without site_url, the cards have no address and the booklet no QR code (TEAM decision 2)."""
    yield catalogue.SELECTION_DATA, catalogue.selection_data(kit, site_url)
    source = project / QR_SOURCE
    if source.exists():
        yield QR_SCRIPT, source.read_bytes()
    elif site_url:
        log.info("%s absent (npm ci) : livret de la sélection sans QR codes", QR_SOURCE)


def chromium_path() -> str:
    return shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"

