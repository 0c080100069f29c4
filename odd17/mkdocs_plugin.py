"""The MkDocs plugin ``odd17``: validate the content once per build and add the generated pages.

Listed before ``macros`` in mkdocs.yml, so the macros module (macros/main.py) finds the
validated ``Kit`` on this plugin. A build with invalid content stops with the validator's lines.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import opendata, render
from .kit import Kit
from .validation import validate

log = logging.getLogger("mkdocs.plugins.odd17")


class KitPluginConfig(Config):
    content_dir = c.Type(str, default="content")


class KitPlugin(BasePlugin[KitPluginConfig]):
    kit: Kit | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        content = Path(config.config_file_path).parent / self.config.content_dir
        report = validate(content)
        for problem in report.warnings:
            log.info(str(problem))  # stale records: reported, never a build failure
        if report.errors or report.kit is None:
            lines = "\n".join(str(p) for p in report.errors)
            raise PluginError(f"contenu invalide :\n{lines}\n{report.summary()}")
        self.kit = report.kit
        # Renamed records keep their old addresses: mkdocs-redirects writes the redirect pages.
        redirects = config.plugins.get("redirects")
        if redirects is not None:
            redirects.config["redirect_maps"] = {**report.kit.redirects,
                                                 **redirects.config["redirect_maps"]}
        if str(content) not in [str(w) for w in config.watch]:
            config.watch.append(str(content))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.kit is not None
        for path, content in generated_files(self.kit, config.site_url or ""):
            files.append(File.generated(config, path, content=content))
        return files


def generated_files(kit: Kit, site_url: str) -> Iterator[tuple[str, str | bytes]]:
    """Every file the build creates from the content: (path in the site's sources, content).

    Pages (``.md``) go through Markdown and the theme like hand-written ones; other files
    (data, schemas) are copied as they are. Nothing is written into docs/. ``site_url`` is the
    public address of the site (mkdocs.yml), for links meant to be shared or printed.
    """
    yield from render.record_pages(kit, site_url)
    yield from opendata.files(kit, site_url)
