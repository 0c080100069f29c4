"""The PDFs read back: every example and model inside, bookmarks, embedded fonts, links to them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import CONTENT, TODAY, copy_project, serve
from odd17.validation import validate

pytestmark = [pytest.mark.slow]
KIT = validate(CONTENT, today=TODAY).kit


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("pdf") / "kit")
    env = {**os.environ, "ODD17_DOWNLOADS": "true", "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return project / "site"


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def outline_titles(path: Path) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(" ".join(str(item.title).split()))
    walk(PdfReader(path).outline)
    return titles


def squash(text: str) -> str:
    # The built pages, so the PDFs, have French typography (odd17/typography.py): ’ and no-break spaces.
    return "".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'").split())


def test_kit_pdf_holds_every_example_tool_and_model(pdf_site: Path) -> None:
    kit_pdf = pdf_site / "pdf/kit-complet.pdf"
    text = squash(pdf_text(kit_pdf))
    for example in KIT.examples.values():
        assert squash(example.title) in text, example.title
    for tool in KIT.tools.values():
        assert squash(tool.name) in text, tool.name
    for model in KIT.typology.models:
        assert squash(model.name) in text and squash(model.definition)[:40] in text
    pages = len(PdfReader(kit_pdf).pages)
    assert 2 + len(KIT.examples) + len(KIT.tools) < pages < 4 * (len(KIT.examples) + len(KIT.tools)) + 60


def test_bookmarks_for_every_chapter_and_example(pdf_site: Path) -> None:
    titles = {squash(t) for t in outline_titles(pdf_site / "pdf/kit-complet.pdf")}
    for example in KIT.examples.values():
        assert squash(example.title) in titles
    for chapter in ("L'argumentaire : pourquoi faire alliance", "La typologie des partenariats",
                    "Les exemples inspirants", "La cartographie des outils", "Sommaire"):
        assert squash(chapter) in titles


def test_table_of_contents_has_page_numbers(pdf_site: Path) -> None:
    reader = PdfReader(pdf_site / "pdf/kit-complet.pdf")
    toc = " ".join(reader.pages[i].extract_text() for i in (1, 2))
    assert re.search(r"La typologie des partenariats\s*\d+", toc)


def test_fonts_are_embedded(pdf_site: Path) -> None:
    for pdf in (pdf_site / "pdf").glob("*.pdf"):
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert lines and all(line.split()[-5] == "yes" for line in lines), (pdf, lines)


def test_one_pdf_per_sheet_linked_from_its_pages(pdf_site: Path) -> None:
    for name in ("argumentaire", "kit-methodologique", "exemples-inspirants", "cartographie-des-outils"):
        assert (pdf_site / f"pdf/{name}.pdf").stat().st_size > 10_000
    page = (pdf_site / "methode/leviers/index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/kit-methodologique.pdf"' in page and 'href="../../pdf/kit-complet.pdf"' in page
    example = (pdf_site / "exemples/deloitte-sivc/index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/exemples-inspirants.pdf"' in example
    assert "Deloitte et SIVC" in pdf_text(pdf_site / "pdf/exemples-inspirants.pdf")


def test_internal_links_stay_inside_the_pdf(pdf_site: Path) -> None:
    reader = PdfReader(pdf_site / "pdf/kit-complet.pdf")
    internal = external = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                external += 1
                assert str(action["/URI"]).startswith(("http://", "https://"))
            elif annot.get_object().get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
    assert internal > 20 and external > 0


def test_example_page_prints_on_one_a4_page(pdf_site: Path, browser) -> None:  # noqa: ANN001
    server, url = serve(pdf_site)
    try:
        page = browser.new_page()
        for slug in KIT.examples:
            page.goto(f"{url}exemples/{slug}/")
            pdf = page.pdf(format="A4")
            assert len(PdfReader(__import__("io").BytesIO(pdf)).pages) == 1, slug
        page.close()
    finally:
        server.shutdown()
