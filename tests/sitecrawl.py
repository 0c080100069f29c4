"""Read a built site as a browser would: its pages, their links, anchors and loaded resources.

The quality gates (integrity, accessibility, hostile content) crawl whatever the site contains
instead of a list of pages, so they keep working as pages are added. Standard library only:
html.parser is enough for HTML that MkDocs and Material write, and fast on thousands of pages.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# Attributes that make the browser load something, by element (links to read elsewhere are not).
LOADERS = {"script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
           "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
           "track": ("src",), "embed": ("src",), "object": ("data",), "input": ("src",),
           "image": ("href", "xlink:href"), "use": ("href", "xlink:href")}
# <link rel=...> values that load a resource (rel="canonical" or "alternate" do not).
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
                "modulepreload", "manifest", "mask-icon", "dns-prefetch", "preconnect"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)


@dataclass
class ParsedPage:
    """What one HTML file links to, loads and defines."""

    links: list[str] = field(default_factory=list)       # <a href> and <area href>
    resources: list[str] = field(default_factory=list)   # what the browser loads
    ids: set[str] = field(default_factory=set)           # id= and <a name=>
    lang: str | None = None
    meta_refresh: str | None = None                      # redirect pages (mkdocs-redirects)
    event_handlers: list[str] = field(default_factory=list)  # on*= attributes


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        page = self.page
        if tag == "html":
            page.lang = values.get("lang")
        if "id" in values:
            page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            page.ids.add(values["name"])
        if tag in ("a", "area") and "href" in values:
            page.links.append(values["href"])
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_RELS:
                page.resources.append(values["href"])
        for attr in LOADERS.get(tag, ()):
            if attr in values:
                if attr == "srcset":
                    page.resources += [c.split()[0] for c in values[attr].split(",") if c.strip()]
                else:
                    page.resources.append(values[attr])
        if "style" in values:
            page.resources += css_urls(values["style"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            page.meta_refresh = values.get("content", "")
        page.event_handlers += [name for name in values if name.startswith("on")]
        self._style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._style = False

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.page.resources += css_urls(data)


def css_urls(css: str) -> list[str]:
    """Every address a style sheet loads (url() and @import)."""
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(css)
            if (m.group(2) or m.group(4) or "").strip()]


def parse(html: str) -> ParsedPage:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def is_external(url: str) -> bool:
    """An address on another host (or protocol-relative ``//host``)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or (parts.scheme not in ("", "data", "blob") and parts.scheme in
                                  ("http", "https", "ftp", "ws", "wss"))


def is_internal(url: str) -> bool:
    """A link inside the site (relative or absolute path, fragment), not mailto:/tel:/http."""
    parts = urlsplit(url.strip())
    return not parts.scheme and not parts.netloc


class Site:
    """A built site folder: its HTML pages parsed once, addresses resolved like a web server."""

    def __init__(self, root: Path, base_path: str = "/", directory_index: bool = True) -> None:
        self.root = root
        self.base_path = base_path  # the path of site_url: absolute links start with it
        # A web server answers ``folder/`` with ``folder/index.html``; a copy opened from the
        # disk (file://) does not: there, a link to a folder is a broken link.
        self.directory_index = directory_index

    @cached_property
    def pages(self) -> dict[str, ParsedPage]:
        """Site-relative path of every HTML file (``exemples/x/index.html``) → parsed page."""
        return {p.relative_to(self.root).as_posix(): parse(p.read_text(encoding="utf-8"))
                for p in sorted(self.root.rglob("*.html"))}

    def resolve(self, page: str, url: str) -> tuple[str | None, str]:
        """The site-relative file an internal ``url`` of ``page`` points to, and its fragment.

        ``None`` when the address leaves the site folder.
        """
        parts = urlsplit(url.strip())
        path = unquote(parts.path)
        if not path:
            return page, unquote(parts.fragment)
        if path.startswith("/"):
            if not path.startswith(self.base_path):
                return None, parts.fragment
            target = PurePosixPath(path[len(self.base_path):])
        else:
            target = PurePosixPath(page).parent / path
        resolved: list[str] = []
        for part in target.parts:
            if part == "..":
                if not resolved:
                    return None, parts.fragment
                resolved.pop()
            elif part not in (".", ""):
                resolved.append(part)
        relative = "/".join(resolved)
        if (path.endswith("/") or (self.root / relative).is_dir()) and self.directory_index:
            relative = f"{relative}/index.html".lstrip("/")
        return relative, unquote(parts.fragment)

    def reachable_from(self, start: str = "index.html") -> set[str]:
        """Every HTML page reachable by following internal links from ``start``."""
        seen = {start}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for link in self.pages[current].links:
                if not is_internal(link):
                    continue
                target, _ = self.resolve(current, link)
                if target in self.pages and target not in seen:
                    seen.add(target)
                    queue.append(target)
        return seen

    def url_of(self, page: str) -> str:
        """The address a reader sees for a page: ``exemples/x/`` for ``exemples/x/index.html``."""
        return page.removesuffix("index.html")

    def is_redirect(self, page: str) -> bool:
        return self.pages[page].meta_refresh is not None


def sample_urls(site: Site, record_pages: dict[str, list[str]], per_kind: int = 2) -> list[str]:
    """Every page of the site, but only the first ``per_kind`` record pages of each kind.

    Record pages of one kind share one template: checking thousands of them in a browser would
    only repeat the same check. ``record_pages`` maps a kind to its pages (``exemples/x/index.html``).
    """
    skipped = {p for pages in record_pages.values() for p in sorted(pages)[per_kind:]}
    return [site.url_of(p) for p in site.pages
            if p != "404.html" and not site.is_redirect(p) and p not in skipped]
