"""The kit's typeface, Public Sans (SIL Open Font License), served by the site itself.

It comes from the npm package @fontsource-variable/public-sans (package.json): the build copies
the package's stylesheets and font files into the site (``font_files``), never into the
repository, and no page asks a third-party host for a font (mkdocs.yml: ``font: false``).
One variable file per alphabet carries every weight, regular and bold alike; a browser
downloads only the files of the characters a page shows (the stylesheets' unicode-range).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

PACKAGE = "node_modules/@fontsource-variable/public-sans"
SITE_DIR = "assets/fonts/public-sans"  # listed in mkdocs.yml's extra_css (wght.css)
STYLESHEETS = ("wght.css", "wght-italic.css")  # their url(./files/…) stay true in the site


def font_files(project: Path) -> Iterator[tuple[str, bytes]]:
    """(address in the site, content) of the stylesheets and font files; FileNotFoundError
    names the package when ``npm ci`` has not installed it."""
    package = project / PACKAGE
    if not package.is_dir():
        raise FileNotFoundError(package)
    for name in STYLESHEETS:
        yield f"{SITE_DIR}/{name}", (package / name).read_bytes()
    for font in sorted((package / "files").glob("*.woff2")):
        yield f"{SITE_DIR}/files/{font.name}", font.read_bytes()
    yield f"{SITE_DIR}/LICENSE", (package / "LICENSE").read_bytes()
