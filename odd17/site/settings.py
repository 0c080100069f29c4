"""The kit's two publication settings: its public address and its repository.

Both come from the environment (read by mkdocs.yml with ``!ENV``), never from the repository, so
that no placeholder address can be published: ``ODD17_SITE_URL`` becomes ``site_url`` (canonical
links, sitemap, share addresses, QR codes, PDFs) and ``ODD17_REPO_URL`` becomes ``repo_url``
(« Proposer une modification », « Proposer un exemple »). The GitHub Pages workflow sets both.
Without them the build works for a local reading: relative links only, no absolute address of
the kit, no QR code, no sitemap (a sitemap needs absolute addresses).
"""

from __future__ import annotations

import html
import logging
import os
from urllib.parse import quote

from typing import Protocol

from odd17.content.addresses import site_address
from odd17.content.kinds import BY_ID
from odd17.site.text import escape

SITE_URL_VAR = "ODD17_SITE_URL"
REPO_URL_VAR = "ODD17_REPO_URL"
BRANCH = "main"  # the branch contributors' changes are proposed to

log = logging.getLogger("mkdocs.plugins.odd17")


class MkDocsConfig(Protocol):
    """The two settings as MkDocs' configuration holds them (only the plugin imports MkDocs)."""

    site_url: str | None
    repo_url: str | None


# Said only when one of the two is set (a publication build half configured): a local build sets
# neither, and is then a normal build for reading, with nothing to report.
MISSING_MESSAGE = (
    "Construction pour publication incomplète : {missing} non définie ; il faut les deux "
    "réglages, ODD17_SITE_URL (l'adresse publique du site, en https://) et ODD17_REPO_URL "
    "(l'adresse du dépôt GitHub). Sans eux, le site n'a ni plan du site, ni QR code, ni lien vers "
    "le dépôt ; le déploiement GitHub Pages (.github/workflows/ci.yml) les définit lui-même.")


def site_url(config: MkDocsConfig) -> str:
    """The public address of the site, ending with ``/``, or ``""`` when it is not set."""
    url = (config.site_url or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def repo_url(config: MkDocsConfig) -> str:
    """The address of the repository (without a final ``/``), or ``""`` when it is not set."""
    return (config.repo_url or "").strip().rstrip("/")


def page_address(site: str, path: str, anchor: str = "") -> str:
    """A page's address as text to copy (trainers paste it in slides and MOOC pages): its public
    address, or without ``site_url`` its path from the root of the site (never a made-up host).

    ``path`` is the page's source file: ``methode/index.md`` → ``methode/`` (computed by
    odd17/content/addresses.py, like every address of the kit; here only set as code).
    """
    return f"`{site_address(site, path, anchor)}`"


def edit_url(repository: str, path: str) -> str:
    """The address where a contributor edits ``path`` (a file of the repository) on GitHub;
    ``""`` without a repository."""
    if not repository:
        return ""
    return f"{repository.rstrip('/')}/edit/{BRANCH}/{quote(path)}"


def record_edit_link(repository: str, content_dir: str, kind: str, slug: str) -> str:
    """« Proposer une modification » of a record page: the record's file opened for editing on
    GitHub (escaped HTML), or ``""`` without a repository: never a link to a placeholder."""
    url = edit_url(repository, f"{content_dir.strip('/')}/{BY_ID[kind].folder}/{slug}.yml")
    if not url:
        return ""
    return (f'<p class="odd17-edit odd17-web-only"><a href="{escape(url)}">Proposer une '
            "modification de cette fiche</a> (sur GitHub : la fiche s’ouvre en édition, votre "
            "proposition est relue avant d’être publiée)</p>\n")


def repository_sentence(repository: str) -> str:
    """Where the repository is, for the contributors' page (Markdown): its address, or without
    ODD17_REPO_URL how to find it (never a placeholder address)."""
    if repository:
        url = escape(repository)
        return (f'<p class="odd17-repository">Le dépôt du kit, où se trouvent ses fiches et son '
                f'code\u00a0: <a href="{url}">{url}</a>. C’est l’« adresse du dépôt » des '
                "commandes de cette page.</p>")
    return ('<p class="odd17-repository">Le dépôt du kit, où se trouvent ses fiches et son code, '
            "est le projet GitHub d’où le site est publié\u00a0: son adresse figure en pied de "
            "page du site publié (lien « Le dépôt du kit »). Cette copie du site a été construite "
            "sans elle (réglage ODD17_REPO_URL).</p>")


def report_sentence(repository: str) -> str:
    """How to report an accessibility problem (Markdown): a new issue on the repository, or
    without ODD17_REPO_URL the contributors' page, which says where the repository is."""
    if repository:
        url = escape(f"{repository.rstrip('/')}/issues/new")
        return (f'Si vous n’arrivez pas à accéder à un contenu ou à un service, signalez-le aux '
                f'responsables du kit en <a href="{url}">ouvrant un ticket sur son dépôt</a> '
                "(un compte GitHub gratuit suffit)")
    return ("Si vous n’arrivez pas à accéder à un contenu ou à un service, signalez-le aux "
            "responsables du kit sur son dépôt, dont la page [Contribuer](contribuer.md) donne "
            "l’adresse")


def configure(config: MkDocsConfig) -> None:
    """Normalise both settings; when only one is set (a publication build half configured),
    say once, in French, what a published build needs. A local build sets neither and hears
    nothing. (Without a public address, overrides/sitemap.xml renders nothing: no sitemap.)

    ``mkdocs serve`` gives MkDocs' own address to ``site_url`` (http://127.0.0.1:8000/): the
    environment, not the config, tells whether the build is meant for publication."""
    config.site_url = site_url(config) or None
    config.repo_url = repo_url(config) or None
    given = {name: bool(os.environ.get(name, "").strip()) for name in (SITE_URL_VAR, REPO_URL_VAR)}
    if any(given.values()) and not all(given.values()):
        missing = next(name for name, value in given.items() if not value)
        log.info(MISSING_MESSAGE.format(missing=missing))
