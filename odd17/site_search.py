"""The kit's search: Pagefind online, Material's lunr search in the offline copy.

Online, Material's search would send every reader its whole index with the first page view
(719 KB at 1,000 examples, issue 9). Pagefind (PyPI ``pagefind[bin]``, the binary ships in the
wheel) indexes the built HTML after the build and splits its index into chunks: a reader
downloads only the chunks of the words typed and the snippets of the results shown. It folds
accents and stems French itself. It cannot run from file:// (it fetches its files), so the offline
copy keeps Material's search (odd17/search_folding.py gives it the same French folding).

One search box in both: online, the header's box is the kit's own partial
(odd17/templates/partials/search.html, Material's classes so that it looks and sits the same),
driven by odd17/search.js through Pagefind's JavaScript API; Material's search plugin stays
configured (its header button and toggle) but indexes no page online.

What Pagefind indexes (``Sources``, ``IGNORED``): the article of each page the kit lists for
search (``search: exclude: true`` in a page's metadata keeps it out, in both engines), without
the chrome (navigation, header, footer) or the blocks that are not the page's text (download
lines, share address, QR code, permalinks): results start with the content.

Past ``PAGES_PER_SHARD`` pages, the pages are split into several Pagefind indexes (``shards``)
that the search box merges in the browser: a word found on most pages (« partenariat ») costs
Pagefind the square of its pages, and four indexes of 2,500 pages a quarter of one of 10,000
(maintainers/performances.md). ``ODD17_SEARCH_SHARD_PAGES`` changes that size (the tests split
the real content into indexes of a dozen pages).
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .search_folding import ELISIONS, STOP_WORDS

# Where Pagefind writes its bundle in the site (index chunks, fragments, pagefind.js).
BUNDLE = "pagefind"
# Pagefind scores a word's pages against every page listing the word: a word on N pages costs
# it N² steps (« partenariat », on most of 10,000 example pages: 200 to 300 ms in Chromium, 700
# for « partenaire », found on all of them; upstream issue Pagefind/pagefind#1334). Past this
# many pages, the pages are split into indexes of about this size (``shards``) that the browser
# merges (Pagefind's ``mergeIndex``, one WebAssembly module for all): k indexes cost N²/k.
PAGES_PER_SHARD = int(os.environ.get("ODD17_SEARCH_SHARD_PAGES") or 2500)
# The other indexes' folders, inside the first one's (« pagefind/part-2/ »...), and where the
# search script receives their list.
PART = "part-{}/"
PARTS_MARK = "/*PARTS*/[]"
# What a merged index needs of Pagefind's output (no script, no WebAssembly, no UI).
_SHARD_FILES = ("pagefind-entry.json", "*.pf_meta", "index", "fragment", "filter")
# The kit's script of the online search box, generated into the site (odd17/search.js).
SCRIPT = "assets/javascripts/odd17-search.js"
STYLES = "assets/stylesheets/odd17-search.css"  # odd17/search.css, listed in extra_css online
TEMPLATES = Path(__file__).parent / "templates"

# Material's article: the page's text, without navigation, header, footer or sidebars.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
# Blocks of an article that are not its text, kept out of the index and of the snippets.
IGNORED = (
    ".headerlink",          # the « ¶ » permalinks of headings
    ".md-tags",             # the tags above the title (the facts list repeats them, with labels)
    ".odd17-pdf-links",     # « Télécharger en PDF » / « À emporter » lines
    ".odd17-share",         # « Adresse de cette page » and its copy button
    ".odd17-qr",            # the printed QR code and its address
    ".odd17-dates",         # « Ajouté le …, vérifié le … »
    ".odd17-facts strong",  # the facts' labels (« Modèle de partenariat : »), the same on every
                            # record page: they would make « partenariat » match all of them
    ".odd17-cite",          # « Citer cette fiche » and its BibTeX
    # The section headings of every example page (« Le partenariat », « Les partenaires »,
    # « Sources »): the same words on 10,000 pages cost Pagefind seconds for « partenariat »
    # and rank nothing (measured, maintainers/performances.md).
    "h2#le-partenariat", "h2#les-partenaires", "h2#sources",
    ".odd17-edit",          # « Proposer une modification »
    ".odd17-filters",       # the examples index's filter form
)

def indexed(meta: Mapping[str, Any]) -> bool:
    """Whether a page belongs in search (its metadata's ``search: exclude`` says no)."""
    search = meta.get("search") or {}
    return not (isinstance(search, Mapping) and search.get("exclude"))


class Sources:
    """The pages' articles as Pagefind reads them, written aside (never in the site) while MkDocs
    builds the pages, then indexed at the end of the build (``index``).

    Pagefind reads the typographic apostrophe of French elisions (« l’évaluation ») as part of
    the word (« lévaluation »: « évaluation » would not find it); it splits on the straight one.
    The copies it reads have straight apostrophes (odd17/search.js shows them typographic
    again); the published pages keep theirs. Reading the article only keeps the chrome
    (navigation, header, footer) out, and ``IGNORED`` the blocks that are not the page's text.
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="odd17-recherche-"))
        self.wanted: set[str] = set()  # URLs of the pages to index (``indexed``)
        self.pages: dict[str, Path] = {}  # URL -> the copy's path, relative to a pages folder

    def add(self, url: str, output: str) -> None:
        """Keep the article of the page built at ``url`` (MkDocs' page URL, « a/b/ »)."""
        start = _ARTICLE.search(output)
        end = output.rfind("</article>")
        if start is None or end < start.end():
            raise ValueError(f"{url or 'accueil'} : article de la page introuvable, la recherche "
                             "ne peut pas l'indexer")
        article = output[start.start():end].replace("’", "'")
        relative = Path(url, "index.html") if url.endswith("/") or not url else Path(url)
        path = self.folder / "pages" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'<!doctype html><html lang="fr"><head><meta charset="utf-8"></head>'
                        f"<body>{article}</article></body></html>", encoding="utf-8")
        self.pages[url] = relative

    def index(self, site: Path) -> str:
        """Write Pagefind's bundle into ``site`` (one index, or ``shards`` when the pages are
        many) and the other indexes' addresses into the search script; says how many pages
        Pagefind indexed."""
        try:
            parts = shards(self.pages)
            if len(parts) == 1:
                return build_index(self.folder / "pages", site / BUNDLE)
            counts = []
            for number, urls in enumerate(parts, start=1):
                folder = self.folder / f"part-{number}"
                for url in urls:
                    (folder / self.pages[url]).parent.mkdir(parents=True, exist_ok=True)
                    (self.folder / "pages" / self.pages[url]).rename(folder / self.pages[url])
                bundle = site / BUNDLE / (PART.format(number) if number > 1 else "")
                counts.append(build_index(folder, bundle))
                if number > 1:
                    _keep_index_only(bundle)
            merged = [f"{BUNDLE}/{PART.format(n)}" for n in range(2, len(parts) + 1)]
            _write_parts(site / SCRIPT, merged)
            return f"{' + '.join(c.split()[0] for c in counts)} pages indexées en {len(parts)} index"
        finally:
            self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def shards(urls: Iterable[str], size: int | None = None) -> list[list[str]]:
    """The pages split into indexes of about ``size`` pages (``PAGES_PER_SHARD``), each page
    in one of them, always the same for a given URL and number of indexes (a stable hash, not
    Python's), whatever order MkDocs builds the pages in."""
    urls = sorted(urls)
    count = max(1, round(len(urls) / (size or PAGES_PER_SHARD)))
    parts: list[list[str]] = [[] for _ in range(count)]
    for url in urls:
        parts[zlib.crc32(url.encode("utf-8")) % count].append(url)
    return [part for part in parts if part]


def _keep_index_only(bundle: Path) -> None:
    """Remove from a merged index what the browser never loads from it: Pagefind's scripts, UI
    and WebAssembly come from the first index."""
    for path in bundle.iterdir():
        if not any(path.match(pattern) for pattern in _SHARD_FILES):
            path.unlink() if path.is_file() else shutil.rmtree(path)


def _write_parts(script_path: Path, parts: list[str]) -> None:
    """Write the merged indexes' addresses into the generated search script (MkDocs wrote it
    before the pages were indexed), atomically: other steps of the build may read the site."""
    text = script_path.read_text(encoding="utf-8")
    if PARTS_MARK not in text:
        raise RuntimeError(f"{script_path} : emplacement des index de recherche introuvable")
    temporary = script_path.with_suffix(".tmp")
    temporary.write_text(text.replace(PARTS_MARK, json.dumps(parts)), encoding="utf-8")
    temporary.replace(script_path)


def script() -> str:
    """odd17/search.js with the kit's stop words and elisions (declared once, here)."""
    source = (Path(__file__).parent / "search.js").read_text(encoding="utf-8")
    words = json.dumps(sorted(STOP_WORDS), ensure_ascii=False)
    return (source.replace("/*STOP_WORDS*/[]", words)
            .replace("/*ELISIONS*/[]", json.dumps(list(ELISIONS))))


def styles() -> str:
    return (Path(__file__).parent / "search.css").read_text(encoding="utf-8")


def build_index(pages: Path, bundle: Path) -> str:
    """Index the HTML files of ``pages`` into ``bundle`` with the Pagefind binary; says how many
    pages it indexed.

    Run as a command (the wheel's binary through ``python -m pagefind``) rather than through the
    asynchronous Python API: one call over a folder is what Pagefind is fastest at.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path",
               str(bundle), "--force-language", "fr", "--exclude-selectors", ", ".join(IGNORED)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"l'index de recherche (Pagefind) n'a pas pu être écrit :\n"
                           f"{result.stdout}{result.stderr}")
    if not (bundle / "pagefind.js").exists():
        raise RuntimeError("Pagefind n'a écrit aucun index (aucune page à indexer ?)")
    pages = re.search(r"Indexed (\d+) pages?", result.stdout)
    return f"{pages.group(1) if pages else '?'} pages indexées"


def records(site: Path) -> Iterator[dict[str, Any]]:
    """What Pagefind stored for each indexed page (URL, title, text), read back from its
    fragments (of every index): for checks of what readers can find (tests, bench)."""
    for path in sorted((site / BUNDLE).glob("**/fragment/*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        # Pagefind prefixes its gzipped files with a signature before the JSON.
        yield json.loads(data[data.index(b"{"):].decode("utf-8"))
