"""The kit as PDFs: one document for the whole kit and one per sheet, printed by Chromium.

Why this is written here rather than taken from a plugin: mkdocs-print-site-plugin (the closest
maintained tool) only gathers the pages of the navigation, and the kit's example and tool pages
are deliberately not in it; WeasyPrint-based exporters were measured 6x slower. So the built
pages' articles are assembled into one print document (links and ids rewritten so they work
inside the PDF), then Debian's headless Chromium prints it through Playwright with bookmarks
(``outline``) and a tagged structure. Chromium has no CSS ``target-counter()``, so the table of
contents gets its page numbers from a first printing's bookmarks (two passes).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .text import french_date

PDF_DIR = "pdf"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic"]


@dataclass(frozen=True)
class Sheet:
    slug: str          # file name of the PDF (pdf/<slug>.pdf)
    title: str
    prefixes: tuple[str, ...]  # page URLs it gathers (URL prefixes; "" would be every page)


KIT = Sheet("kit-complet", "L'ODD 17 en pratique — kit complet",
            ("argumentaire/", "methode/", "exemples/", "outils/"))
SHEETS = [
    Sheet("argumentaire", "L'argumentaire", ("argumentaire/",)),
    Sheet("kit-methodologique", "Le kit méthodologique", ("methode/",)),
    Sheet("exemples-inspirants", "Les exemples inspirants", ("exemples/",)),
    Sheet("cartographie-des-outils", "La cartographie des outils", ("outils/",)),
]


def sheet_of(url: str) -> Sheet | None:
    return next((s for s in SHEETS if url.startswith(s.prefixes)), None)


def build_date() -> dt.date:
    """The date on the cover: SOURCE_DATE_EPOCH (reproducible builds) or today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()


# --- Assembling the print document ---------------------------------------------------------------

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_DROP = [re.compile(p, re.S) for p in (
    r'<a class="headerlink"[^>]*>.*?</a>',          # ¶ permalinks
    r'<nav class="md-tags"[^>]*>.*?</nav>',         # tags
    r'<p class="odd17-share">.*?</p>',              # « Copier le lien » (the QR code replaces it)
    r'<div class="odd17-pdf-links">.*?</div>',      # « Télécharger en PDF »
    r'<form class="odd17-filters".*?</form>',       # interactive filters
)]


def _article(site: Path, url: str) -> str:
    text = (site / url / "index.html").read_text(encoding="utf-8")
    match = _ARTICLE.search(text)
    body = match.group(1) if match else ""
    for pattern in _DROP:
        body = pattern.sub("", body)
    return body


def _resolve(page_url: str, href: str) -> tuple[str, str] | None:
    """A relative link of a built page → (target page URL, anchor), or None if not internal."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
        return None
    path, _, anchor = href.partition("#")
    if not path:
        return page_url, anchor
    target = posixpath.normpath(posixpath.join(page_url, path))
    target = "" if target == "." else target
    target = target.removesuffix("index.html")
    if target and not target.endswith("/") and "." not in posixpath.basename(target):
        target += "/"
    return target, anchor


def _shift_headings(body: str, by: int) -> str:
    if not by:
        return body
    return re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + by}", body)


def _show_addresses(body: str) -> str:
    """External links keep their address in print, for paper readers."""
    def add(match: re.Match[str]) -> str:
        href, text = match.group(1), match.group(2)
        plain = re.sub(r"<[^>]+>", "", text).strip()
        if html.unescape(plain).rstrip("/") == html.unescape(href).rstrip("/"):
            return match.group(0)
        return f'{match.group(0)}<span class="print-url"> ({href})</span>'
    return re.sub(r'<a href="(https?://[^"]+)"[^>]*>(.*?)</a>', add, body, flags=re.S)


def toc_labels(site: Path, urls: list[str]) -> list[str]:
    """The title of each page, as the table of contents shows it."""
    labels = []
    for url in urls:
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", _article(site, url), re.S)
        labels.append(re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else url)
    return labels


def assemble(site: Path, urls: list[str], title: str, site_url: str,
             page_numbers: dict[str, int] | None = None, record_prefixes: tuple[str, ...] = (
                 "exemples/", "outils/")) -> str:
    """The print document of ``urls`` (built pages, in order) as one HTML file."""
    ids = {url: f"p{n}" for n, url in enumerate(urls)}
    sections, toc = [], []
    for url in urls:
        pid = ids[url]
        body = _article(site, url)
        is_record = url.startswith(record_prefixes) and url not in ("exemples/", "outils/")
        body = _shift_headings(body, 1 if is_record else 0)
        body = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{pid}-{m.group(1)}"', body)

        def link(match: re.Match[str], page_url: str = url) -> str:
            target = _resolve(page_url, html.unescape(match.group(1)))
            if target is None:
                return match.group(0)
            target_url, anchor = target
            if target_url in ids:
                return f'href="#{ids[target_url]}-{anchor}"' if anchor else f'href="#{ids[target_url]}"'
            # A page outside this PDF: its public address.
            return f'href="{html.escape(site_url.rstrip("/") + "/" + target_url)}"'

        body = re.sub(r'href="([^"]*)"', link, body)
        body = _show_addresses(body)
        body = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", body)  # collapsed blocks print open
        heading = re.search(r"<h[12][^>]*>(.*?)</h[12]>", body, re.S)
        label = re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else url
        toc.append((pid, label, is_record))
        sections.append(f'<section class="page{" record" if is_record else ""}" id="{pid}">'
                        f"{body}</section>")
    numbers = page_numbers or {}
    toc_items = "".join(
        f'<li class="{"toc-record" if record else "toc-chapter"}"><a href="#{pid}">'
        f'<span class="toc-label">{label}</span>'
        f'<span class="toc-page">{numbers.get(_normal(label), "")}</span></a></li>'
        for pid, label, record in toc)
    css = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{css}</style></head><body>
<section class="cover">
<p class="cover-kicker">Kit « L'ODD 17 en pratique »</p>
<h1 class="cover-title">{html.escape(title)}</h1>
<p class="cover-subtitle">Faire alliance entre associations, entreprises et acteurs publics</p>
<p class="cover-date">Édition du {french_date(build_date())}</p>
<p class="cover-url">{html.escape(site_url)}</p>
</section>
<nav class="toc" aria-label="Sommaire"><h2 class="toc-title">Sommaire</h2><ol>{toc_items}</ol></nav>
{''.join(sections)}
</body></html>"""


# --- Printing -----------------------------------------------------------------------------------

def _normal(title: str) -> str:
    """A title to compare: Chromium's bookmarks drop some spaces (non-breaking ones, around —)."""
    return "".join(html.unescape(title).replace("\u00a0", " ").replace("\u202f", " ").split())


def _outline_pages(pdf: Path, labels: list[str]) -> dict[str, int]:
    """Page number (1-based) of each table-of-contents label, read from a printed PDF's bookmarks.

    Bookmarks are matched in document order, so a title that also appears earlier as a section
    of another page gets the right page.
    """
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    flat: list[tuple[str, int]] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                flat.append((_normal(str(item.title)), reader.get_destination_page_number(item) + 1))
    walk(reader.outline)
    found: dict[str, int] = {}
    position = 0
    for label in labels:
        key = _normal(label)
        for index in range(position, len(flat)):
            if flat[index][0] == key:
                found[key] = flat[index][1]
                position = index + 1
                break
    return found


HEADER = ('<div style="font-size:7pt;width:100%;padding:0 14mm;color:#444;'
          'font-family:DejaVu Sans,sans-serif;display:flex;justify-content:space-between">'
          '<span>L\'ODD 17 en pratique</span><span>{title}</span></div>')
FOOTER = ('<div style="font-size:7pt;width:100%;text-align:center;color:#444;'
          'font-family:DejaVu Sans,sans-serif"><span class="pageNumber"></span> / '
          '<span class="totalPages"></span></div>')


def print_pdfs(site: Path, urls: list[str], site_url: str, chromium: str) -> list[Path]:
    """Print the whole kit and each sheet into ``site/pdf/``; return the files written."""
    from playwright.sync_api import sync_playwright

    out_dir = site / PDF_DIR
    out_dir.mkdir(exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for sheet in [KIT, *SHEETS]:
            chosen = [u for u in urls if u.startswith(sheet.prefixes)]
            if not chosen:
                continue
            target = out_dir / f"{sheet.slug}.pdf"
            numbers: dict[str, int] | None = None
            for _ in range(2):  # 1: find each chapter's page; 2: print with the numbers
                document = Path(tmp) / f"{sheet.slug}.html"
                document.write_text(assemble(site, chosen, sheet.title, site_url, numbers),
                                    encoding="utf-8")
                page.goto(document.as_uri(), wait_until="load")
                page.pdf(path=str(target), format="A4", print_background=True, outline=True,
                         tagged=True, display_header_footer=True,
                         header_template=HEADER.format(title=html.escape(sheet.title)),
                         footer_template=FOOTER,
                         margin={"top": "18mm", "bottom": "16mm", "left": "16mm", "right": "16mm"})
                numbers = _outline_pages(target, toc_labels(site, chosen))
            _reproducible_dates(target)
            written.append(target)
        browser.close()
    return written


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")


def _reproducible_dates(pdf: Path) -> None:
    """Chromium stamps the moment of printing into the PDF's metadata: with SOURCE_DATE_EPOCH
    (``bash scripts/task build`` sets it to the last commit's date) that date goes there instead,
    so two builds of one commit give the same bytes (tests/test_determinism.py). The new stamp has
    the same length, so the cross-reference offsets stay valid."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return
    stamp = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    data = pdf.read_bytes()
    pdf.write_bytes(_PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp.encode(), data))


def chromium_path() -> str:
    return shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
