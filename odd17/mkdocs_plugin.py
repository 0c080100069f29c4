"""The MkDocs plugin ``odd17``: validate the content once per build and add the generated pages.

Listed before ``macros`` in mkdocs.yml, so the macros module (macros/main.py) finds the
validated ``Kit`` on this plugin. A build with invalid content stops with the validator's lines.

Record pages (examples, tools) are ``KitRecordPage`` objects: MkDocs builds them like any page,
but their metadata is set as Python objects and their body is HTML built by ``odd17.site.render``,
with their table of contents; no text of a record is ever parsed as YAML or Markdown. The glue
here stays thin: the kit's logic lives in odd17/.
"""

from __future__ import annotations

import logging
import posixpath
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from odd17 import cli
from odd17.content import typography
from odd17.content.kit import Kit
from odd17.content.validation import display_path, validate
from odd17.print import printing
from odd17.publish.generated import generated_files
from odd17.search import search_folding, site_search
from odd17.site import fonts, render, settings, tables
from odd17.site.text import escape

log = logging.getLogger("mkdocs.plugins.odd17")
OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"
REDIRECT_PAGE = Path(__file__).parent / "redirect.html"  # an old address (« anciens_slugs »)
OFFLINE_ZIP = "kit-hors-ligne.zip"  # written into the site by scripts/make_offline.py
HOME_DOWNLOADS = "<!-- odd17:downloads -->"  # where docs/index.md wants its « À emporter » line


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
    searched: site_search.Sources | None = None  # what Pagefind indexes (online)
    _highlighted: Page | None = None  # the index highlighted for a page outside the navigation
    printer: printing.Printer | None = None  # Chromium, started with the build (downloads)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings.configure(config)  # ODD17_SITE_URL, ODD17_REPO_URL (or say one is missing)
        # The fallback <meta name="description"> in the pages' typography (odd17/content/typography.py).
        if config.site_description:
            config.site_description = typography.french_text(config.site_description)
        content = Path(config.config_file_path).parent / self.config.content_dir
        report = validate(content)
        for problem in report.warnings:
            log.info(str(problem))  # stale records: reported, never a build failure
        if report.errors or report.kit is None:
            lines = "\n".join(str(p) for p in report.errors)
            raise PluginError(f"contenu invalide :\n{lines}\n{report.summary()}")
        log.info(report.summary())  # « 35 fichiers vérifiés : aucun problème. »
        self.kit = report.kit
        project = Path(config.config_file_path).parent
        if fonts.installed(project):  # the kit's typeface before the kit's styles
            config.extra_css[:0] = fonts.stylesheets()
        else:
            log.info("%s absent (npm ci) : site construit avec les polices du système",
                     fonts.PACKAGE)
        if self.config.offline:
            # Listed before Material's offline plugin adds the CDN address, which it then skips.
            config.extra["polyfills"] = [OFFLINE_SHIM, *config.extra.get("polyfills", [])]
            search = config.plugins.get("material/search")
            if search is not None:  # French words for Material's search (odd17/search/search_folding.py)
                search.config["separator"] = search_folding.SEPARATOR
        else:  # online, the header's search box is Pagefind's (odd17/search/site_search.py)
            config.theme.dirs.insert(0, str(site_search.TEMPLATES))
            config.extra_css.append(site_search.STYLES)
            self.searched = site_search.Sources()
        # Renamed records keep their old addresses: mkdocs-redirects writes the redirect pages.
        redirects = config.plugins.get("redirects")
        if redirects is not None:
            # In French: mkdocs-redirects has no option for its page (English, lang="en"), only
            # this module constant, read when each page is written ({url} is its placeholder).
            import mkdocs_redirects.plugin

            mkdocs_redirects.plugin.HTML_TEMPLATE = REDIRECT_PAGE.read_text(encoding="utf-8")
            redirects.config["redirect_maps"] = {**report.kit.redirects,
                                                 **redirects.config["redirect_maps"]}
        if str(content) not in [str(w) for w in config.watch]:
            config.watch.append(str(content))
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Chromium starts while MkDocs writes the site: it prints the PDFs after (on_post_build).
        if self.config.downloads and self.printer is None:
            self.printer = printing.Printer(printing.chromium_path(), self.kit, config.site_url or "")

    def _close_printer(self) -> None:
        if self.printer is not None:
            self.printer.close()
            self.printer = None

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_urls = [page.url for page in nav.pages]
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Generated front matter must have been read (a failure would fall back to Markdown)."""
        if page.file.src_uri in self.front_matter_pages and not page.meta:
            raise PluginError(f"{page.file.src_uri} : page générée dont MkDocs n'a pas pu lire "
                              "l'en-tête (titre, description) ; construction arrêtée")
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = typography.french_page(html, page)  # every page, hand-written or generated
        html = tables.stack_tables(html)  # tables stacked on phones, header labels on each cell
        return self._download_links(html, page)

    def record_content(self, page: "KitRecordPage", config: MkDocsConfig, files: Files) -> None:
        """A record page's HTML (odd17.site.render) and contents, its links resolved by MkDocs."""
        assert self.kit is not None

        def link(path: str, anchor: str) -> str:
            target = files.get_file_from_path(path)
            if target is None:
                raise PluginError(f"{page.file.src_uri} : lien vers {path}, page introuvable")
            return target.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")

        toc_config = config.mdx_configs.get("toc", {})
        body, headings = render.record_html(self.kit, page.record, link, config.site_url or "",
                                            toc_config.get("permalink_title", ""))
        # The contents as Python-Markdown's toc extension gives them: the h1, its h2s inside.
        tokens: list[dict] = []
        for h in headings:
            token = {"level": h.level, "id": h.id, "name": escape(h.text),
                     "children": []}
            if h.level > 1 and tokens:
                tokens[-1]["children"].append(token)
            else:
                tokens.append(token)
        page.content = body + settings.record_edit_link(
            config.repo_url or "", self.config.content_dir, page.record.kind, page.record.slug)
        page.toc = get_toc(tokens)  # type: ignore[arg-type]

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Render the theme's navigation once per folder of record pages, not once per page.

        Record pages are outside the navigation, so nothing in it is active for them and its
        relative links depend only on the page's folder: the HTML is the same for every example
        (measured: Material's nav partial was about a tenth of the build at 1,000 examples,
        scripts/bench.py). Jinja renders an included template through its ``root_render_func``;
        wrapping it keeps Material's own template, untouched, for every other page.
        """
        template = env.get_template("partials/nav.html")
        render_nav = template.root_render_func
        records, cache = self.records, {}

        def cached(context):  # noqa: ANN001, ANN202 - Jinja's render function signature
            page = context.get("page")
            if getattr(getattr(page, "file", None), "src_uri", None) not in records:
                yield from render_nav(context)
                return
            folder = posixpath.dirname(page.url.rstrip("/"))
            if folder not in cache:
                cache[folder] = "".join(render_nav(context))
            yield cache[folder]

        template.root_render_func = cached
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A record page whose title did not reach the theme fails the build."""
        if self._highlighted is not None:
            self._highlighted.active = False
            self._highlighted = None
        record = self.records.get(page.file.src_uri)
        if record is not None and f"<title>{page.meta.get('title')} - " not in output:
            raise PluginError(f"{page.file.src_uri} : le titre de la fiche manque dans la page "
                              "produite ; construction arrêtée")
        if self.searched is not None and page.url in self.searched.wanted:
            self.searched.add(page.url, output)
        return output

    def _download_links(self, html: str, page: Page) -> str:
        """« Télécharger » links: the PDF of the page's sheet, the whole kit, the offline copy."""
        if not self.config.downloads:
            return html
        base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)

        def href(path: str) -> str:
            return posixpath.relpath(path, base or ".")

        kit_pdf = f'<a href="{href(f"{printing.PDF_DIR}/{printing.KIT.slug}.pdf")}" download>'
        if page.is_homepage:  # where docs/index.md marks them, below the ways in
            links = (f'<div class="odd17-pdf-links"><p>À emporter\u00a0: {kit_pdf}le '
                     f'kit complet en PDF</a> · <a href="{href(OFFLINE_ZIP)}" download>la copie '
                     "hors ligne du site (zip à ouvrir sans connexion, par exemple depuis une clé "
                     "USB)</a></p></div>")
            if HOME_DOWNLOADS in html:
                return html.replace(HOME_DOWNLOADS, links, 1)
            title, end, rest = html.partition("</h1>")
            return title + end + links + rest
        sheet = printing.sheet_of(page.url)
        if sheet is None:
            return html
        # At the end of the page, out of the reader's way to the text.
        return html + (f'<div class="odd17-pdf-links"><p>Télécharger en PDF\u00a0: '
                       f'<a href="{href(f"{printing.PDF_DIR}/{sheet.slug}.pdf")}" download>'
                       f"{sheet.title} (PDF)</a> · {kit_pdf}le kit complet (PDF)</a></p></div>")

    @event_priority(50)  # before Material's search reads the page
    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        self._place(page, nav)
        if self.searched is not None:  # online, Pagefind indexes the page, not Material
            if site_search.indexed(page.meta):
                self.searched.wanted.add(page.url)
            page.meta["search"] = {"exclude": True}
        return context

    def _place(self, page: Page, nav: Navigation) -> None:
        """A page outside the navigation (an example, a tool, a list of examples) sits under its
        index: its breadcrumb names the index's section and the menu highlights it.
        Undone after the page is written (``on_post_page``)."""
        self._highlighted = None
        if page in nav.pages:
            return
        folder = page.file.src_uri.split("/", 1)[0]
        index = next((p for p in nav.pages if p.file.src_uri == f"{folder}/index.md"), None)
        if index is None:
            return
        # The index itself stands for its section when it has none (a top-level page).
        page.parent = index.parent or index  # type: ignore[assignment]
        index.active = True
        self._highlighted = index

    @event_priority(-50)  # after Material's search writes its index, before the offline plugin
    def on_post_build(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        # Pagefind (its own process, reading copies of the pages) indexes while Chromium prints
        # the PDFs: on two cores, the two take the time of the longer one.
        with ThreadPoolExecutor(max_workers=1) as pool:
            if self.config.offline:
                search_folding.fold_search_index(site)
                searching = None
            else:
                assert self.searched is not None
                binary = site_search.binary(Path(config.config_file_path).parent)
                if not binary.exists():
                    raise PluginError(f"{binary} manquant (Pagefind, la recherche en ligne) : "
                                      "lancez npm ci (bash scripts/task build) ; Pagefind 1.6 "
                                      "existe pour Linux x64 et arm64 (package.json)")
                searching = pool.submit(self.searched.index, site, binary)
            if self.config.downloads:
                assert self.kit is not None and self.printer is not None
                try:
                    written = printing.print_pdfs(site, self.nav_urls, self.kit,
                                                  config.site_url or "", self.printer)
                finally:
                    self._close_printer()
                log.info("PDF dans %s : %s", display_path(site / printing.PDF_DIR),
                         ", ".join(p.name for p in written))
            if searching is not None:
                log.info("Recherche en ligne : %s", searching.result())

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001, ANN201
        """Rebuilds said in French, a failed one shown in the browser (odd17/cli.py)."""
        self.serving = cli.ServeGuard(server, log)
        address = getattr(server, "url", None) or config.site_url
        log.info("Site servi sur %s : ouvrez cette adresse dans le navigateur. Il se reconstruit "
                 "à chaque modification enregistrée (Ctrl-C pour arrêter).", address)
        return server

    def on_shutdown(self) -> None:
        if getattr(self, "serving", None) is not None:
            self.serving.close()

    def on_build_error(self, error: Exception) -> None:
        self._close_printer()
        if self.searched is not None:
            self.searched.discard()  # the copies Pagefind would have read

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.kit is not None
        self.records = {record.path: record for record in render.record_pages(self.kit)}
        self.front_matter_pages = set()
        for path, record in self.records.items():
            file = File.generated(config, path, content="")
            files.append(file)
            KitRecordPage(record, self, file, config)  # becomes file.page: MkDocs builds it
        for path, content in generated_files(self.kit, config.site_url or "",
                                                  config.use_directory_urls):
            if path.endswith(".md") and isinstance(content, str) and content.startswith("---"):
                self.front_matter_pages.add(path)
            files.append(File.generated(config, path, content=content))
        project = Path(config.config_file_path).parent
        if fonts.installed(project):  # the kit's typeface, from npm
            for path, content in fonts.font_files(project):
                files.append(File.generated(config, path, content=content))
        for path, content in printing.browser_files(self.kit, config.site_url or "", project):
            files.append(File.generated(config, path, content=content))  # « Imprimer la sélection »
        if self.config.offline:
            shim = project / self.config.offline_shim
            if not shim.exists():
                raise PluginError(f"{shim} manquant : lancez npm ci (bash scripts/task build)")
            files.append(File.generated(config, OFFLINE_SHIM, content=shim.read_bytes()))
        else:
            files.append(File.generated(config, site_search.SCRIPT, content=site_search.script()))
            files.append(File.generated(config, site_search.STYLES, content=site_search.styles()))
        return files


class KitRecordPage(Page):
    """A record's page: MkDocs builds it like any page (plugins, theme, search), but its
    metadata comes from the validated record as Python objects and its HTML from odd17.site.render:
    no YAML or Markdown parser ever reads record text, and no Markdown converter is set up for
    it (that alone was a tenth of the build at 1,000 examples)."""

    def __init__(self, record: render.RecordPage, plugin: KitPlugin, file: File,
                 config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.record, self.plugin = record, plugin

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = render.page_meta(self.record)
        if self.title != self.meta["title"]:
            raise PluginError(f"{self.file.src_uri} : le titre de la page générée n'a pas été "
                              "repris par MkDocs ; construction arrêtée")

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.plugin.record_content(self, config, files)
