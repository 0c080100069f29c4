"""The addresses the kit has published: trainers cite them for years, so none may disappear.

``published-urls.txt`` (repository root) lists them, one site-relative address per line. A page
that is renamed keeps its old address through a redirect (a record's ``anciens_slugs``, or
``redirect_maps`` in mkdocs.yml for hand-written pages); a test fails when a build loses one.
"""

from __future__ import annotations

from pathlib import Path

MANIFEST = Path(__file__).resolve().parents[2] / "published-urls.txt"
HEADER = """\
# Adresses publiées du kit « L'ODD 17 en pratique » : aucune ne doit disparaître.
# Une ligne par page, à partir de la racine du site (« / » est l'accueil). Ajoutez les nouvelles pages avec
#   bash scripts/task urls
# Pour renommer une fiche, ajoutez son ancien nom dans son champ « anciens_slugs » (redirection).
"""


def site_urls(site: Path) -> set[str]:
    """Every page address of a built site (directory-style URLs), 404 page excepted."""
    urls = set()
    for index in site.rglob("index.html"):
        relative = index.parent.relative_to(site).as_posix()
        urls.add("/" if relative == "." else f"/{relative}/")
    return urls - {"/404/"}


def read_manifest(path: Path = MANIFEST) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def lost_urls(site: Path, path: Path = MANIFEST) -> list[str]:
    """Published addresses with neither a page nor a redirect in the built ``site``."""
    return [url for url in read_manifest(path)
            if not (site / url.lstrip("/") / "index.html").exists()]


def add_new_urls(site: Path, path: Path = MANIFEST) -> list[str]:
    """Add the built site's new addresses to the manifest (never removes one); return them."""
    known = read_manifest(path)
    new = sorted(site_urls(site) - set(known))
    urls = sorted(set(known) | set(new))
    path.write_text(HEADER + "".join(f"{url}\n" for url in urls), encoding="utf-8")
    return new
