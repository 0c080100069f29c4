"""The MkDocs plugin ``odd17``: validate the content once per build and add the generated pages.

Listed before ``macros`` in mkdocs.yml, so the macros module (macros/main.py) finds the
validated ``Kit`` on this plugin. A build with invalid content stops with the validator's lines.

Record pages (examples, tools) are empty Markdown files for MkDocs: the plugin sets their
metadata as Python objects (``on_page_markdown``) and their body as HTML built by
``odd17.render`` (``on_page_content``), with their table of contents; no text of a record is
ever parsed as YAML or Markdown. The glue here stays thin: the kit's logic lives in odd17/.
"""

from __future__ import annotations

import html as html_module
import logging
import posixpath
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import (examples_index, opendata, printing, render, search_folding, settings, tables,
               tool_map, typography)
from .generated import generated_files  # noqa: F401 - the one list, also read by the validator
from .kit import Kit
from .validation import validate

log = logging.getLogger("mkdocs.plugins.odd17")
OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"
OFFLINE_ZIP = "kit-hors-ligne.zip"  # written into the site by scripts/make_offline.py


class KitPluginConfig(Config):
    content_dir = c.Type(str, default="content")
    # The downloads: PDFs printed after the build (needs Chromium) and links to them and to the
    # offline copy (made next by scripts/make_offline.py). `bash scripts/task build` turns it on.
    downloads = c.Type(bool, default=False)
    # The offline copy (ODD17_OFFLINE=true, with Material's offline plugin): its search worker
    # needs the iframe-worker shim, which Material would load from a CDN (Material issue #6181);
    # it comes from the npm package instead (package.json) and is served by the copy itself.
    offline = c.Type(bool, default=False)
    offline_shim = c.Type(str, default="node_modules/iframe-worker/shim/index.js")


class KitPlugin(BasePlugin[KitPluginConfig]):
    kit: Kit | None = None
    nav_urls: list[str] = []
    records: dict[str, render.RecordPage] = {}  # source path → record page, for this build
    front_matter_pages: set[str] = set()  # generated pages that carry YAML front matter

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings.configure(config)  # ODD17_SITE_URL, ODD17_REPO_URL (or say they are missing)
        content = Path(config.config_file_path).parent / self.config.content_dir
        report = validate(content)
        for problem in report.warnings:
            log.info(str(problem))  # stale records: reported, never a build failure
        if report.errors or report.kit is None:
            lines = "\n".join(str(p) for p in report.errors)
            raise PluginError(f"contenu invalide :\n{lines}\n{report.summary()}")
        self.kit = report.kit
        if self.config.offline:
            # Listed before Material's offline plugin adds the CDN address, which it then skips.
            config.extra["polyfills"] = [OFFLINE_SHIM, *config.extra.get("polyfills", [])]
        # Renamed records keep their old addresses: mkdocs-redirects writes the redirect pages.
        redirects = config.plugins.get("redirects")
        if redirects is not None:
            redirects.config["redirect_maps"] = {**report.kit.redirects,
                                                 **redirects.config["redirect_maps"]}
        if str(content) not in [str(w) for w in config.watch]:
            config.watch.append(str(content))
        return config

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_urls = [page.url for page in nav.pages]
        return nav

    @event_priority(100)  # first: the other plugins (tags, search, macros) see the metadata
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """A record page's metadata, as objects; generated front matter must have been read."""
        record = self.records.get(page.file.src_uri)
        if record is None:
            if page.file.src_uri in self.front_matter_pages and not page.meta:
                raise PluginError(f"{page.file.src_uri} : page générée dont MkDocs n'a pas pu lire "
                                  "l'en-tête (titre, description) ; construction arrêtée")
            return markdown
        page.meta = render.page_meta(record)
        if page.title != page.meta["title"]:
            raise PluginError(f"{page.file.src_uri} : le titre de la page générée n'a pas été "
                              "repris par MkDocs ; construction arrêtée")
        return ""  # the body is HTML, set in on_page_content

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        record = self.records.get(page.file.src_uri)
        if record is not None:
            html = self._record_content(record, page, config, files)
            html += settings.record_edit_link(config.repo_url or "", self.config.content_dir,
                                              record.kind, record.slug)
        html = typography.french_page(html, page)  # every page, hand-written or generated
        html = tables.frame_tables(html)  # wide tables scroll in a labelled frame (phones)
        return self._download_links(html, page)

    def _record_content(self, record: render.RecordPage, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """The record's HTML (odd17.render), its links resolved by MkDocs for this page."""
        assert self.kit is not None

        def link(path: str, anchor: str) -> str:
            target = files.get_file_from_path(path)
            if target is None:
                raise PluginError(f"{page.file.src_uri} : lien vers {path}, page introuvable")
            return target.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")

        toc_config = config.mdx_configs.get("toc", {})
        body, headings = render.record_html(self.kit, record, link, config.site_url or "",
                                            toc_config.get("permalink_title", ""))
        # The contents as Python-Markdown's toc extension gives them: the h1, its h2s inside.
        tokens: list[dict] = []
        for h in headings:
            token = {"level": h.level, "id": h.id, "name": html_module.escape(h.text),
                     "children": []}
            if h.level > 1 and tokens:
                tokens[-1]["children"].append(token)
            else:
                tokens.append(token)
        page.toc = get_toc(tokens)  # type: ignore[arg-type]
        return body

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A record page whose title did not reach the theme fails the build."""
        record = self.records.get(page.file.src_uri)
        if record is not None and f"<title>{page.meta.get('title')} - " not in output:
            raise PluginError(f"{page.file.src_uri} : le titre de la fiche manque dans la page "
                              "produite ; construction arrêtée")
        return output

    def _download_links(self, html: str, page: Page) -> str:
        """« Télécharger » links: the PDF of the page's sheet, the whole kit, the offline copy."""
        if not self.config.downloads:
            return html
        base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)

        def href(path: str) -> str:
            return posixpath.relpath(path, base or ".")

        kit_pdf = f'<a href="{href(f"{printing.PDF_DIR}/{printing.KIT.slug}.pdf")}" download>'
        if page.is_homepage:  # below the title (publish)
            title, end, rest = html.partition("</h1>")
            return (title + end + f'<div class="odd17-pdf-links"><p>À emporter\u00a0: {kit_pdf}le '
                    f'kit complet en PDF</a> · <a href="{href(OFFLINE_ZIP)}" download>la copie '
                    "hors ligne du site (zip à ouvrir sans connexion, par exemple depuis une clé "
                    "USB)</a></p></div>" + rest)
        sheet = printing.sheet_of(page.url)
        if sheet is None:
            return html
        return (f'<div class="odd17-pdf-links"><p>Télécharger en PDF\u00a0: '
                f'<a href="{href(f"{printing.PDF_DIR}/{sheet.slug}.pdf")}" download>'
                f"{sheet.title} (PDF)</a> · {kit_pdf}le kit complet (PDF)</a></p></div>" + html)

    @event_priority(-50)  # after Material's search writes its index, before the offline plugin
    def on_post_build(self, config: MkDocsConfig) -> None:
        search_folding.fold_search_index(Path(config.site_dir))
        if not self.config.downloads:
            return
        assert self.kit is not None
        written = printing.print_pdfs(Path(config.site_dir), self.nav_urls, self.kit,
                                      config.site_url or "", printing.chromium_path())
        log.info("PDF : %s", ", ".join(p.name for p in written))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.kit is not None
        self.records = {record.path: record for record in render.record_pages(self.kit)}
        self.front_matter_pages = set()
        for path in self.records:  # empty Markdown: the page is made in on_page_markdown/content
            files.append(File.generated(config, path, content=""))
        for path, content in generated_files(self.kit, config.site_url or ""):
            if path.endswith(".md") and isinstance(content, str) and content.startswith("---"):
                self.front_matter_pages.add(path)
            files.append(File.generated(config, path, content=content))
        if self.config.offline:
            shim = Path(config.config_file_path).parent / self.config.offline_shim
            if not shim.exists():
                raise PluginError(f"{shim} manquant : lancez npm ci (bash scripts/task build)")
            files.append(File.generated(config, OFFLINE_SHIM, content=shim.read_bytes()))
        return files
