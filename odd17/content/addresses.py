"""The addresses the build makes itself, which no record's file name or former name may take.

A record's page address comes from its file name (``render.example_path``); its former names
(``anciens_slugs``) become redirect pages at the same kind of address. Neither may land on a page
or a file the kit makes: the examples index (``docs/exemples/index.md``), the pages per category,
model or region, the filters' data, the open data (``generated.generated_files``)... The list is not typed here: it is asked of the build's own list of generated
files, run on the typology and vocabularies without any record, and of the pages in docs/.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from odd17.content.kit import Kit

# Files Material for MkDocs writes at the site's root whatever the content (its own addresses).
THEME_PATHS = ("assets/", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html")


def reserved_paths(kit: Kit, docs_dir: Path | None) -> dict[str, str]:
    """Every path (in the site's sources) the build makes besides record pages and their
    redirects → what makes it, for the messages."""
    from odd17.publish.generated import generated_files  # the build's list, loaded when needed

    empty = Kit(kit.typology, kit.vocabularies)  # the addresses that exist whatever the records
    # (The PDFs and the offline copy live at the site's root, beside the theme's files, outside
    # the sections where record pages are: nothing to ask their modules, which are heavy.)
    out: dict[str, str] = {path: "le thème du site" for path in THEME_PATHS}
    for path, _ in generated_files(empty, ""):
        out[path] = ("une page de la base" if path.endswith(".md") else
                     "un fichier de données du site")
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


def page_address(page: str) -> str:
    """``exemples/foo.md`` → ``exemples/foo/`` (the address readers see)."""
    return page.removesuffix(".md") + "/"


def page_function(kind: str) -> Callable[[str], str]:
    """The function that gives a record's page from its slug (``render``), by record folder."""
    from odd17.site import render

    return {"examples": render.example_path, "tools": render.tool_path}[kind]
