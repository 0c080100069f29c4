"""The kit's typeface, Public Sans (SIL Open Font License), served by the site itself.

It comes from the npm package @fontsource-variable/public-sans (package.json): the build copies
the package's stylesheets and font files into the site (``font_files``), never into the
repository, and no page asks a third-party host for a font (mkdocs.yml: ``font: false``).
One variable file per alphabet carries every weight, regular and bold alike; a browser
downloads only the files of the characters a page shows (the stylesheets' unicode-range).
Without the package (``npm ci`` not run), the site is built with the system's fonts and says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

PACKAGE = "node_modules/@fontsource-variable/public-sans"
SITE_DIR = "assets/fonts/public-sans"
STYLESHEETS = ("wght.css", "wght-italic.css")  # their url(./files/…) stay true in the site


def installed(project: Path) -> bool:
    return (project / PACKAGE).is_dir()


def stylesheets() -> list[str]:
    """The stylesheets' addresses in the site, listed first in extra_css by the plugin."""
    return [f"{SITE_DIR}/{name}" for name in STYLESHEETS]


def font_files(project: Path) -> Iterator[tuple[str, bytes]]:
    """(address in the site, content) of the stylesheets and font files (``installed``)."""
    package = project / PACKAGE
    for name in STYLESHEETS:
        yield f"{SITE_DIR}/{name}", (package / name).read_bytes()
    for font in sorted((package / "files").glob("*.woff2")):
        yield f"{SITE_DIR}/files/{font.name}", font.read_bytes()
    yield f"{SITE_DIR}/LICENSE", (package / "LICENSE").read_bytes()
