"""The MkDocs plugin ``odd17``: validate the content once per build and add the generated pages.

Listed before ``macros`` in mkdocs.yml, so the macros module (macros/main.py) finds the
validated ``Kit`` on this plugin. A build with invalid content stops with the validator's lines.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import render
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
        if str(content) not in [str(w) for w in config.watch]:
            config.watch.append(str(content))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.kit is not None
        for slug in self.kit.examples:
            files.append(File.generated(config, render.example_path(slug),
                                        content=render.example_page(self.kit, slug)))
        for slug in self.kit.tools:
            files.append(File.generated(config, render.tool_path(slug),
                                        content=render.tool_page(self.kit, slug)))
        return files
