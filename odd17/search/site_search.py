"""The kit's search: Pagefind online, Material's lunr search in the offline copy.

Online, Material's search would send every reader its whole index with the first page view
(719 KB at 1,000 examples, maintainers/performances.md). Pagefind (its binary from npm, ``binary``) indexes the built
HTML after the build and splits its index into chunks: a reader downloads only the chunks of the
words typed and the snippets of the results shown. It folds accents and stems French itself. It
cannot run from file:// (it fetches its files), so the offline copy keeps Material's search
(odd17/search/search_folding.py gives it the same French folding).

One search box in both: online, the header's box is the kit's own partial
(odd17/search/templates/partials/search.html, Material's classes so that it looks and sits the same),
driven by odd17/search/search.js through Pagefind's JavaScript API; Material's search plugin stays
configured (its header button and toggle) but indexes no page online.

What Pagefind indexes (``Sources``, ``IGNORED``): the article of each page the kit lists for
search (``search: exclude: true`` in a page's metadata keeps it out, in both engines), without
the chrome (navigation, header, footer) or the blocks that are not the page's text (download
lines, share address, QR code, permalinks): results start with the content.
"""

from __future__ import annotations

import gzip
import json
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from odd17.content.kinds import EXAMPLE, TOOL
from odd17.search.search_folding import ELISIONS, STOP_WORDS

# Where Pagefind writes its bundle in the site (index chunks, fragments, pagefind.js).
BUNDLE = "pagefind"
# Pagefind 1.6 searches a word found on most of 10,000 pages much faster than 1.5 did (measured;
# 1.5's cost grew with the square of those pages, upstream Pagefind/pagefind#1334; PyPI's wheels
# stop at 1.5.2): one index serves the whole site (maintainers/performances.md). Its binary comes
# from npm's package for the machine (package.json, optionalDependencies: `npm ci` installs the
# one that fits). Not through the « pagefind » wrapper package: it lists every platform's package,
# and the registry the project installs from lacks some of them at 1.6, so `npm ci` would refuse
# the lock file.
NPM_PACKAGE = "node_modules/@pagefind/{platform}-{arch}/bin/pagefind_extended"
_ARCH = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
# The kit's script of the online search box, generated into the site (odd17/search/search.js).
SCRIPT = "assets/javascripts/odd17-search.js"
STYLES = "assets/stylesheets/odd17-search.css"  # odd17/search/search.css, listed in extra_css online
TEMPLATES = Path(__file__).parent / "templates"

# Material's article: the page's text, without navigation, header, footer or sidebars.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
# Blocks of an article that are not its text, kept out of the index and of the snippets (the
# blocks odd17/site/render.py writes carry ``NOT_TEXT`` instead).
IGNORED = (
    ".headerlink",          # the « ¶ » permalinks of headings
    ".md-tags",             # the tags above the title (the facts list repeats them, with labels)
    ".odd17-pdf-links",     # « Télécharger en PDF » / « À emporter » lines
    ".odd17-facts strong",  # the facts' labels (« Modèle de partenariat : »), the same on every
                            # record page: they would make « partenariat » match all of them
    # The section headings of every example page (« Le partenariat », « Les partenaires »,
    # « Sources »): the same words on 10,000 pages cost Pagefind seconds for « partenariat »
    # and rank nothing (measured, maintainers/performances.md).
    "h2#le-partenariat", "h2#les-partenaires", "h2#sources",
    ".odd17-edit",          # « Proposer une modification »
    ".odd17-filters",       # the examples index's filter form
)


def binary(project: Path) -> Path:
    """The Pagefind command of ``project``'s npm packages for this machine."""
    machine = platform.machine().lower()
    return project / NPM_PACKAGE.format(platform=sys.platform, arch=_ARCH.get(machine, machine))


def indexed(meta: Mapping[str, Any]) -> bool:
    """Whether a page belongs in search (its metadata's ``search: exclude`` says no)."""
    search = meta.get("search") or {}
    return not (isinstance(search, Mapping) and search.get("exclude"))


# The kinds of pages a result says it is: (its label, the weight of its words for Pagefind).
KINDS = {f"{EXAMPLE.section}/": ("exemple", 1.0), f"{TOOL.section}/": ("outil", 1.0),
         "methode/": ("méthode", 2.0)}
OTHER_KIND = ("page du kit", 1.5)


def kind_of(url: str) -> tuple[str, float]:
    """The kind of a page from its address (« exemples/x/ » is an example; the index pages of
    examples and tools are pages of the kit)."""
    for folder, kind in KINDS.items():
        if url.startswith(folder) and url not in (folder, f"{folder}index.html"):
            return kind
    return OTHER_KIND


class Sources:
    """The pages' articles as Pagefind reads them, written aside (never in the site) while MkDocs
    builds the pages, then indexed at the end of the build (``index``).

    Pagefind reads the typographic apostrophe of French elisions (« l’évaluation ») as part of
    the word (« lévaluation »: « évaluation » would not find it); it splits on the straight one.
    The copies it reads have straight apostrophes (odd17/search/search.js shows them typographic
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
        kind, weight = kind_of(url)
        # The kind of page, shown beside each result (odd17/search/search.js); the method's words weigh
        # more, so that 1,000 examples do not crowd its pages out.
        article = (f'<div data-pagefind-meta="kind:{kind}" data-pagefind-weight="{weight}">'
                   f"{article}</article></div>")
        relative = Path(url, "index.html") if url.endswith("/") or not url else Path(url)
        path = self.folder / "pages" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'<!doctype html><html lang="fr"><head><meta charset="utf-8"></head>'
                        f"<body>{article}</body></html>", encoding="utf-8")
        self.pages[url] = relative

    def index(self, site: Path, binary: Path) -> str:
        """Write Pagefind's bundle into ``site`` with the Pagefind command ``binary``; says how
        many pages Pagefind indexed."""
        try:
            return build_index(binary, self.folder / "pages", site / BUNDLE)
        finally:
            self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def script() -> str:
    """odd17/search/search.js with the kit's stop words and elisions (declared once, here)."""
    source = (Path(__file__).parent / "search.js").read_text(encoding="utf-8")
    words = json.dumps(sorted(STOP_WORDS), ensure_ascii=False)
    return (source.replace("/*STOP_WORDS*/[]", words)
            .replace("/*ELISIONS*/[]", json.dumps(list(ELISIONS))))


def styles() -> str:
    return (Path(__file__).parent / "search.css").read_text(encoding="utf-8")


def build_index(binary: Path, pages: Path, bundle: Path) -> str:
    """Index the HTML files of ``pages`` into ``bundle`` with the Pagefind command ``binary``;
    says how many pages it indexed. One call over a folder: what Pagefind is fastest at."""
    command = [str(binary), "--site", str(pages), "--output-path",
               str(bundle), "--force-language", "fr", "--exclude-selectors", ", ".join(IGNORED)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"l'index de recherche (Pagefind) n'a pas pu être écrit :\n"
                           f"{result.stdout}{result.stderr}")
    if not (bundle / "pagefind.js").exists():
        raise RuntimeError("Pagefind n'a écrit aucun index (aucune page à indexer ?)")
    indexed = re.search(r"Indexed (\d+) pages?", result.stdout)
    return f"{indexed.group(1) if indexed else '?'} pages indexées"


def records(site: Path) -> Iterator[dict[str, Any]]:
    """What Pagefind stored for each indexed page (URL, title, text), read back from its
    fragments (of every index): for checks of what readers can find (tests, bench)."""
    for path in sorted((site / BUNDLE).glob("**/fragment/*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        # Pagefind prefixes its gzipped files with a signature before the JSON.
        yield json.loads(data[data.index(b"{"):].decode("utf-8"))
