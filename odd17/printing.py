"""The kit as PDFs: the whole kit printed once by Chromium, the sheets cut out of it.

Why this is written here rather than taken from a plugin: mkdocs-print-site-plugin (the closest
maintained tool) only gathers the pages of the navigation and prints each page as it is; the kit
prints its examples and tools as a catalogue made from the validated records (odd17/catalogue.py:
several per page, 60 pages + 1 per 4 examples at most), and WeasyPrint-based exporters were
measured 6x slower than Chromium. So:

1. one print document is assembled: a cover, the table of contents, the argumentaire and the
   method (the built pages' articles, links rewritten to work inside the PDF), then the examples
   and the tools as catalogues. Running headers and page numbers are CSS page-margin boxes (one
   named page per chapter; the cover has none).
2. Chromium prints it once (Playwright, Debian's chromium), with bookmarks and tags.
3. Chromium has no CSS ``target-counter()``: the page of every entry of the contents is read
   from the printed PDF's named destinations (Chromium names each link target by its id), then
   only the front pages (cover, contents, the sheets' covers: a few pages) are printed again with
   the numbers. Their layout is the same as in the first print (fixed-width number column), so
   their text replaces that of the first print's front pages, whose links are kept (pikepdf).
4. Each sheet's PDF is cut out of the whole kit by the range of its chapter (pikepdf): its cover,
   its pages, its bookmarks; its links to pages outside it go to the web (or are removed when
   the kit has no public address).

The cost is one print of the kit and one of a few pages, linear in the number of records.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import posixpath
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import catalogue
from .kit import Kit
from .typography import french_html
from .text import french_date

log = logging.getLogger("mkdocs.plugins.odd17")
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
            ("argumentaire/", "methode/", "exemples/", "outils/"))
EXAMPLES = Sheet("exemples-inspirants", "Les exemples inspirants", ("exemples/",), "exemples/")
SHEETS = [
    Sheet("argumentaire", "L’argumentaire", ("argumentaire/",), "argumentaire/"),
    Sheet("kit-methodologique", "Le kit méthodologique", ("methode/",), "methode/"),
    EXAMPLES,
    Sheet("cartographie-des-outils", "La cartographie des outils", ("outils/",), "outils/"),
]
CATALOGUES = {"exemples-inspirants": catalogue.examples_html,
              "cartographie-des-outils": catalogue.tools_html}


def sheet_of(url: str) -> Sheet | None:
    return next((s for s in SHEETS if url.startswith(s.prefixes)), None)


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


_EXAMPLE_LIST = re.compile(r"<ul>\s*((?:<li><a href=\"#fiche-exemple-[^\"]+\">.*?</a></li>\s*)+)</ul>", re.S)
LIST_LENGTH = 5  # examples named in a list of a printed page (all are in the catalogue)


def _shorten_example_lists(body: str, catalogue_id: str) -> str:
    """Lists of examples in the method's pages (the typology names every example of each model)
    print their first few, then point to the catalogue, which holds them all: with thousands of
    examples, the typology alone would otherwise run to a hundred pages."""
    def shorten(match: re.Match[str]) -> str:
        items = re.findall(r"<li>.*?</li>", match.group(1), re.S)
        if len(items) <= LIST_LENGTH + 1:
            return match.group(0)
        more = len(items) - LIST_LENGTH
        return ("<ul>" + "".join(items[:LIST_LENGTH]) + f'<li class="more">et {more:,}'.replace(",", "\u202f")
                + f'\u00a0autres, dans <a href="#{catalogue_id}">le catalogue des exemples</a></li></ul>')
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
    """Rewrites the links of built pages for the print document: to a place inside it when it
    holds the target (a page, a card of the catalogue), else to the public address, else (no
    site_url) to nothing: the link's text stays, without a link."""

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
        for sheet in SHEETS:
            if url == sheet.web_page and sheet.slug in CATALOGUES:
                return chapter_id(sheet)
        match = re.fullmatch(r"(exemples|outils)/([a-z0-9-]+)/", url)
        if match:
            section, slug = match.groups()
            records = self.kit.examples if section == "exemples" else self.kit.tools
            if slug in records:
                return (catalogue.EXAMPLE_ID if section == "exemples" else catalogue.TOOL_ID).format(slug)
        match = re.fullmatch(r"exemples/(modeles|categories)/([a-z0-9-]+)/", url)
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
                return f'<a href="{html.escape(href)}">{content}</a>{note}'
            url, anchor = target
            place = self.inside(url, anchor)
            if place is not None:
                address = self.web(url, anchor)
                if address:
                    self.web_address.setdefault(place, address)
                return f'<a href="#{html.escape(place)}">{content}</a>'
            address = self.web(url, anchor)
            return f'<a href="{html.escape(address)}">{content}</a>' if address else content
        return re.sub(r"<a\b([^>]*)>(.*?)</a>", link, body, flags=re.S)


def assemble(site: Path, nav_urls: list[str], kit: Kit, site_url: str) -> PrintDocument:
    """The chapters of the kit: built pages for the argumentaire and the method, catalogues
    made from the records for the examples and the tools."""
    printed = [u for u in nav_urls if u.startswith(KIT.prefixes) and sheet_of(u) is not None
               and sheet_of(u).slug not in CATALOGUES]  # type: ignore[union-attr]
    targets: set[str] = set()
    catalogues = {}
    for sheet in SHEETS:
        if sheet.slug in CATALOGUES:
            content, entries = CATALOGUES[sheet.slug](kit, site_url, chapter_id(sheet))
            catalogues[sheet.slug] = (content, [Entry(*e) for e in entries])
            targets.update(e.id for e in catalogues[sheet.slug][1])
    linker = Linker(kit, site_url, set(printed), targets)
    chapters = []
    for sheet in SHEETS:
        if sheet.slug in catalogues:
            content, entries = catalogues[sheet.slug]
            chapters.append(Chapter(sheet, content, entries))
            for entry in entries:
                linker.web_address.setdefault(entry.id, linker.web(sheet.web_page))
            continue
        pages = [u for u in printed if u.startswith(sheet.prefixes)]
        if not pages:
            continue
        parts, entries = [], []
        for number, url in enumerate(pages):
            pid = page_id(url)
            body = _shift_headings(_article(site, url), 0 if number == 0 else 1)
            body = re.sub(r"\bid=\"([^\"]+)\"", lambda m, p=pid: f'id="{p}-{m.group(1)}"', body)
            body = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", body)  # print them open
            body = _hosts_whole(linker.rewrite(body, url))
            body = _shorten_example_lists(body, chapter_id(EXAMPLES))
            label = html.escape(_heading_text(body) or url, quote=False)
            entries.append(Entry(pid if number else chapter_id(sheet), label, 1 if number == 0 else 2))
            start = f'<span id="{chapter_id(sheet)}"></span>' if number == 0 else ""
            parts.append(f'<section class="page" id="{pid}">{start}{body}</section>')
            linker.web_address.setdefault(pid, linker.web(url))
        chapters.append(Chapter(sheet, "".join(parts), entries))
    document = PrintDocument(chapters, site_url)
    document.web_address = {k: v for k, v in linker.web_address.items() if v}
    return document


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
    kicker = f"Kit «\u00a0{html.escape(SITE_NAME)}\u00a0»"
    return (f'<section class="cover"><p class="cover-kicker">{kicker}</p>'
            f'<p class="cover-title">{html.escape(sheet.title)}</p>'
            f'<p class="cover-subtitle">{SUBTITLE}</p>'
            f'<p class="cover-date">Édition du {french_date(build_date())}</p>{address}</section>')


def contents(document: PrintDocument, numbers: dict[str, int] | None) -> str:
    """The table of contents; without ``numbers`` (first print) the number column is empty and
    as wide, so that the page count and the links' places are the same in both prints."""
    numbers = numbers or {}
    items = "".join(
        f'<li class="toc-{e.level}"><a href="#{e.id}"><span class="toc-label">{e.label}</span>'
        f'<span class="toc-page">{numbers.get(e.id, "")}</span></a></li>'
        for e in document.entries)
    return (f'<nav class="toc" aria-label="Sommaire"><h1 class="toc-title">Sommaire</h1>'
            f"<ol>{items}</ol></nav>")


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def html_document(title: str, parts: str) -> str:
    css = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")
    # One named page per chapter: its title in the running header.
    pages = "\n".join(f"@page {s.slug} {{ @top-right {{ content: {_css_string(s.title)}; }} }}\n"
                      f".chapter-{s.slug} {{ page: {s.slug}; }}" for s in SHEETS)
    return (f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{css}\n{pages}</style></head>"
            f"<body>{french_html(parts)}</body></html>")  # French typography, as the pages


def full_document(document: PrintDocument) -> str:
    body = "".join(f'<div class="chapter chapter-{c.sheet.slug}">{c.html}</div>'
                   for c in document.chapters)
    return html_document(KIT.title, cover(KIT, document.site_url) + contents(document, None) + body)


def front_document(document: PrintDocument, numbers: dict[str, int]) -> str:
    """The kit's cover and numbered contents, then each sheet's cover (one page each)."""
    covers = "".join(cover(c.sheet, document.site_url) for c in document.chapters)
    return html_document(KIT.title, cover(KIT, document.site_url) + contents(document, numbers)
                         + covers)


# --- Printing and cutting ---------------------------------------------------------------------------

def _squash(title: str) -> str:
    return "".join(html.unescape(title).split())


def heading_titles(source: str) -> dict[str, str]:
    """Every heading of the print document, by its text without spaces → its text.

    Chromium writes a bookmark's title without the spaces where its heading wrapped (« pour
    l'enfance » on two lines gives « pourl'enfance »): the bookmarks are given their headings'
    text back from this table."""
    titles = {}
    for match in re.finditer(r"<h[1-6][^>]*>(.*?)</h[1-6]>", source, re.S):
        title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())
        titles.setdefault(_squash(title), title)
    return titles


def _outline(pdf) -> Iterator[tuple[object, int]]:  # noqa: ANN001 - a pikepdf Pdf
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


def print_pdfs(site: Path, nav_urls: list[str], kit: Kit, site_url: str, chromium: str) -> list[Path]:
    """Print the whole kit once and cut each sheet out of it, into ``site/pdf/``."""
    import pikepdf
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    document = assemble(site, nav_urls, kit, site_url)
    if not document.chapters:
        return []
    out_dir = site / PDF_DIR
    out_dir.mkdir(exist_ok=True)
    timings = [f"assemblage {time.perf_counter() - started:.1f} s"]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()

        def chromium_print(name: str, source: str) -> Path:
            tick = time.perf_counter()
            path = Path(tmp) / f"{name}.html"
            path.write_text(source, encoding="utf-8")
            page.goto(path.as_uri(), wait_until="load")
            target = Path(tmp) / f"{name}.pdf"
            data = page.pdf(print_background=True, outline=True, tagged=True,
                            prefer_css_page_size=True)
            target.write_bytes(_stable_node_ids(data))
            timings.append(f"impression {name} {time.perf_counter() - tick:.1f} s")
            return target

        source = full_document(document)
        titles = heading_titles(source)
        full = pikepdf.open(chromium_print("kit", source))
        where = destination_pages(full)
        numbers = {e.id: where[e.id] + 1 for e in document.entries if e.id in where}
        missing = [e.id for e in document.entries if e.id not in where]
        if missing:
            raise RuntimeError(f"PDF : sommaire sans page pour {missing[:5]}")
        front = pikepdf.open(chromium_print("couvertures", front_document(document, numbers)))
        browser.close()
        tick = time.perf_counter()
        written = [write_kit(full, front, document, where, titles, out_dir / f"{KIT.slug}.pdf")]
        timings.append(f"kit {time.perf_counter() - tick:.1f} s")
        tick = time.perf_counter()
        starts = [where[chapter_id(c.sheet)] for c in document.chapters] + [len(full.pages)]
        front_pages = where[chapter_id(document.chapters[0].sheet)]
        bookmarks = outline_of(full)
        for number, chapter in enumerate(document.chapters):
            target = out_dir / f"{chapter.sheet.slug}.pdf"
            cut(full, bookmarks, front.pages[front_pages + number],
                range(starts[number], starts[number + 1]), where, document.web_address,
                chapter.sheet.title, target)
            written.append(target)
        timings.append(f"découpe {time.perf_counter() - tick:.1f} s")
        full.close()
        front.close()
    log.info("PDF en %.1f s (%s)", time.perf_counter() - started, ", ".join(timings))
    return written


def _finish(pdf, title: str, target: Path) -> None:  # noqa: ANN001 - a pikepdf Pdf
    """Title, author, subject, bookmarks shown on opening; with SOURCE_DATE_EPOCH (``bash
    scripts/task build`` sets it to the last commit's date) the dates are that one and the file's
    identifier comes from its content, so two builds of a commit give the same bytes."""
    import pikepdf

    info = {"/Title": title, "/Author": f"Kit « {SITE_NAME} »", "/Subject": SUBTITLE + " (ODD 17)",
            "/Producer": "odd17 (Chromium, pikepdf)", "/Creator": "odd17/printing.py"}
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
        info["/CreationDate"] = info["/ModDate"] = stamp
    pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(
        {key: pikepdf.String(value) for key, value in info.items()}))
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    # As Chromium writes them for the whole kit: the language, and the title in the window.
    pdf.Root.Lang = pikepdf.String("fr")
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    pdf.save(target, deterministic_id=True)


def write_kit(full, front, document: PrintDocument, where: dict[str, int],  # noqa: ANN001
              titles: dict[str, str], target: Path) -> Path:
    """The first print with the numbered contents: the text of its front pages (cover, contents)
    is taken from the second print; their links, bookmarks and tags stay those of the first,
    whose places are the same (checked: same page count). pikepdf (qpdf) rather than pypdf here:
    qpdf saves the 1,000-example kit in 0.2 s where pypdf's copy of the document took 2.6 s."""
    front_pages = where[chapter_id(document.chapters[0].sheet)]
    if len(front.pages) != front_pages + len(document.chapters):
        raise RuntimeError("PDF : le sommaire numéroté n'a pas le nombre de pages du premier")
    for number in range(1, front_pages):  # the cover (page 0) is the same in both prints
        page, numbered = full.pages[number].obj, front.pages[number].obj
        for key in ("/Contents", "/Resources"):
            value = numbered[key]
            page[key] = full.copy_foreign(value if value.is_indirect else front.make_indirect(value))
    _fix_outline(full, titles)
    _finish(full, KIT.title, target)
    return target


_NODE_ID = re.compile(rb"\(node(\d{8})\)")


def _stable_node_ids(data: bytes) -> bytes:
    """Chromium names the tagged table headers by its DOM node ids (« node00000333 »), which vary
    from one run to the next: they are renumbered 1, 2, 3… in the same order (the ID tree stays
    sorted) and with the same length (the cross-reference offsets stay valid), so that two builds
    of a commit give the same bytes."""
    ids = sorted({int(m) for m in _NODE_ID.findall(data)})
    renumber = {old: f"{new:08d}".encode() for new, old in enumerate(ids, 1)}
    return _NODE_ID.sub(lambda m: b"(node" + renumber[int(m.group(1))] + b")", data)


@dataclass(frozen=True)
class Bookmark:
    depth: int
    title: str
    page: int           # 0-based, in the whole kit
    top: float | None   # where on the page, from its /XYZ destination


def outline_of(pdf) -> list[Bookmark]:  # noqa: ANN001 - a pikepdf Pdf
    """The whole kit's bookmarks in order, read once for every sheet."""
    index = _page_index(pdf)
    found: list[Bookmark] = []
    for node, depth in _outline(pdf):
        destination = _explicit(node.get("/Dest"))
        if destination is not None and destination[0].objgen in index:
            top = destination[3] if len(destination) > 3 and destination[1] == "/XYZ" else None
            found.append(Bookmark(depth, str(node.Title), index[destination[0].objgen],
                                  float(top) if top is not None else None))
    return found


def cut(full, bookmarks: list[Bookmark], cover, pages: range, where: dict[str, int],  # noqa: ANN001
        web_address: dict[str, str], title: str, target: Path) -> None:
    """One sheet: its cover (from the second print) and its chapter's pages of the whole kit,
    with the bookmarks of that range; links stay inside it, or go to the web."""
    import pikepdf

    sheet = pikepdf.new()
    sheet.pages.append(cover)
    sheet.pages.extend(full.pages[pages.start:pages.stop])
    offset = 1 - pages.start  # page of the kit → page of the sheet
    named = full.Root.get("/Dests", {})
    for page in sheet.pages[1:]:
        annotations = page.obj.get("/Annots")
        if annotations is None:
            continue
        kept = pikepdf.Array()
        for annotation in annotations:
            destination = annotation.get("/Dest")
            if destination is None:
                kept.append(annotation)
                continue
            name = str(destination).lstrip("/")
            if name in where and where[name] in pages:
                place = _explicit(named.get("/" + name))
                top = place[3] if place is not None and len(place) > 3 else None
                annotation.Dest = pikepdf.Array([
                    sheet.pages[where[name] + offset].obj, pikepdf.Name.XYZ, None, top, None])
                kept.append(annotation)
            elif web_address.get(name):
                del annotation.Dest
                annotation.A = pikepdf.Dictionary(S=pikepdf.Name.URI,
                                                  URI=pikepdf.String(web_address[name]))
                kept.append(annotation)
            # else: a place outside this sheet and no public address: the text stays, unlinked
        page.obj.Annots = kept
    _copy_outline(sheet, bookmarks, pages, offset)
    # A sheet's pages carry the whole kit's numbers (its contents point to them): the viewer's
    # page numbers say the same (« aller à la page 21 »), the cover says « couverture ».
    sheet.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([
        0, pikepdf.Dictionary(P=pikepdf.String("couverture")),
        1, pikepdf.Dictionary(S=pikepdf.Name.D, St=pages.start + 1)]))
    _finish(sheet, title, target)


def _copy_outline(sheet, bookmarks: list[Bookmark], pages: range, offset: int) -> None:  # noqa: ANN001
    """The bookmarks of the kit that point into ``pages``, with their nesting."""
    import pikepdf

    with sheet.open_outline() as outline:
        parents: dict[int, pikepdf.OutlineItem] = {}
        for mark in bookmarks:
            if mark.page not in pages:
                continue
            item = pikepdf.OutlineItem(mark.title, mark.page + offset,
                                       "XYZ" if mark.top is not None else "Fit", top=mark.top)
            parent = next((parents[d] for d in range(mark.depth - 1, -1, -1) if d in parents), None)
            parents = {d: p for d, p in parents.items() if d < mark.depth}
            parents[mark.depth] = item
            (parent.children if parent is not None else outline.root).append(item)


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

