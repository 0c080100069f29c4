"""Every address of the kit, declared once: a record's source path and page, a page's public
address, and the addresses the build takes for itself, which no record's file name or former
name (``anciens_slugs``) may take.

The reserved addresses are data, written here and read by the modules that make those files
(the indexes, the filters' data, the open data, the feed); tests/test_validation.py checks that
every file the build generates is under one of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from odd17.content.facets import with_pages
from odd17.content.kinds import BY_FOLDER, BY_ID, EXAMPLE, TOOL

EXAMPLES_INDEX = f"{EXAMPLE.section}/index.md"
TYPOLOGY_PAGE = "methode/typologie.md"
EXAMPLES_DATA_DIR = f"{EXAMPLE.section}/filtres"   # the examples' filters data
TOOLS_DATA = f"{TOOL.section}/filtres.js"          # the tools' filters data
OPEN_DATA_DIR = "donnees"                          # open data (JSON, CSV) and JSON schemas
FEED = "nouveaux-exemples.xml"                     # the feed of new examples

# Files Material for MkDocs writes at the site's root whatever the content (its own addresses).
THEME_PATHS = ("assets/", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html")
# What the build generates besides record pages and their redirects → what makes it. A folder
# (ending with /) is taken whole. (The PDFs and the offline copy live at the site's root, beside
# the theme's files, outside the sections where record pages are.)
GENERATED = {EXAMPLES_DATA_DIR + "/": "les données des filtres des exemples",
             TOOLS_DATA: "les données des filtres des outils",
             OPEN_DATA_DIR + "/": "les données ouvertes",
             FEED: "le flux des nouveaux exemples"}


def record_path(kind_id: str, slug: str) -> str:
    """The source path of a record's page: ``("example", "x")`` → ``exemples/x.md``."""
    return f"{BY_ID[kind_id].section}/{slug}.md"


def example_path(slug: str) -> str:
    return record_path("example", slug)


def tool_path(slug: str) -> str:
    return record_path("tool", slug)


def folder_page(folder: str, slug: str) -> str:
    """A record's page from its content folder (``examples``) and slug."""
    return f"{BY_FOLDER[folder].section}/{slug}.md"


def page_address(page: str) -> str:
    """``exemples/foo.md`` → ``exemples/foo/`` (the address readers see)."""
    return page.removesuffix(".md") + "/"


def site_address(site_url: str, path: str, anchor: str = "") -> str:
    """Any page's address to show or copy: its public address, or without ``site_url`` its path
    from the root of the site (never a made-up host). ``path`` is the page's source file:
    ``methode/index.md`` → ``<site_url>methode/``, ``index.md`` → ``<site_url>`` (``/`` alone)."""
    page = path.removesuffix(".md")
    page = "" if page == "index" else page.removesuffix("/index") + "/"
    url = (site_url.rstrip("/") + "/" if site_url else "") + page
    return f"{url or '/'}{'#' + anchor if anchor else ''}"


def public_url(site_url: str, path: str) -> str:
    """The public address of a generated page: ``exemples/x.md`` → ``<site_url>exemples/x/``."""
    return site_url.rstrip("/") + "/" + path.removesuffix(".md") + "/"


def reserved_paths(docs_dir: Path | None) -> dict[str, str]:
    """Every path or folder (in the site's sources) the build takes besides record pages and
    their redirects → what takes it, for the messages."""
    out: dict[str, str] = {path: "le thème du site" for path in THEME_PATHS}
    out.update(GENERATED)
    for facet in with_pages():
        out[f"{facet.pages}/"] = f"les pages de la base par {facet.label.lower()}"
    if docs_dir is not None and docs_dir.is_dir():
        for folder, _, files in os.walk(docs_dir):
            relative = Path(folder).relative_to(docs_dir).as_posix()
            for name in files:
                path = name if relative == "." else f"{relative}/{name}"
                out[path] = f"page du site écrite dans docs/{path}"
    return out


@dataclass
class Addresses:
    """Answer "which of the kit's own files would this page address collide with?" quickly."""

    taken: dict[str, str]  # a page's path without extension, or a folder → the file that takes it

    @classmethod
    def of(cls, paths: dict[str, str]) -> "Addresses":
        taken: dict[str, str] = {}
        for path, what in paths.items():
            parts = path.rstrip("/").split("/")
            stem = "/".join(parts[:-1] + [parts[-1].split(".")[0]])
            taken.setdefault(stem, f"{path} ({what})")
            for end in range(1, len(parts)):  # every folder of the path
                taken.setdefault("/".join(parts[:end]), f"{path} ({what})")
        return cls(taken)

    def conflict(self, page: str) -> str | None:
        """What takes the address of ``page`` (``exemples/index.md``), or None."""
        return self.taken.get(page.removesuffix(".md"))
