"""A plain Material for MkDocs site, built beside the kit to tell the theme's own faults from ours.

The HTML validator and the accessibility audit report a few problems that come from Material
itself; the gates build this site in the same run, with the same theme options and Markdown
extensions, and only fail on what the kit adds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT


def plain_material_site(dest: Path) -> Path:
    """A plain Material site (same theme options and Markdown extensions, no kit plugin, no kit
    CSS): one page, plus what gives the navigation the markup of the kit's: two sections with an
    index page (navigation.indexes) and a page left out of the navigation (like the record
    pages, whose table of contents has a label for a missing ``__toc`` checkbox in Material)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)  # MkDocs' own loader: !ENV and !!python/name tags
    extensions = [e for e in config["markdown_extensions"]
                  if not (isinstance(e, dict) and "toc" in e)] + ["toc"]
    plain = {"site_name": "Site Material simple", "site_url": config.get("site_url"),
             # The plain theme: without the kit's overrides (custom_dir).
             "theme": {k: v for k, v in config["theme"].items() if k != "custom_dir"},
             "markdown_extensions": extensions,
             "plugins": ["search"], "nav": [{"Accueil": "index.md"},
                                            {"Rubrique": ["rubrique/index.md",
                                                          "rubrique/page.md"]},
                                            {"Autre rubrique": ["autre/index.md", "autre/page.md"]}]}
    (dest / "docs/rubrique").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    body = textwrap.dedent("""\
        # Une page

        Un paragraphe avec un [lien](rubrique/page.md) et une liste :

        - un
        - deux

        ## Un intertitre

        | a | b |
        |---|---|
        | 1 | 2 |

        !!! note "Une note"

            Texte.
        """)
    (dest / "docs/index.md").write_text(body, encoding="utf-8")
    (dest / "docs/rubrique/index.md").write_text("# Rubrique\n\nTexte.\n", encoding="utf-8")
    (dest / "docs/autre").mkdir()
    (dest / "docs/autre/index.md").write_text("# Autre rubrique\n\nTexte.\n", encoding="utf-8")
    (dest / "docs/autre/page.md").write_text("# Autre page\n\n## Intertitre\n\nTexte.\n",
                                             encoding="utf-8")
    (dest / "docs/rubrique/page.md").write_text(body.replace("rubrique/page.md", "hors-nav.md"),
                                                encoding="utf-8")
    (dest / "docs/rubrique/hors-nav.md").write_text(body.replace("rubrique/page.md", "index.md"),
                                                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(dest / "site")],
                            cwd=dest, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return dest / "site"
