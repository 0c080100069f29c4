"""The PDFs read back: a paper document (catalogue of whole sentences, clean cover, numbered
contents, page references, no web wording), each sheet its own tagged PDF (PDF/UA subset checked
with PyPI pdfua), fonts, bookmarks, links; and the booklet a reader prints from the examples
index (« Imprimer la sélection »)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from odd17.content.validation import validate

from conftest import CONTENT, ROOT, TODAY, copy_project, mkdocs_build, serve

pytestmark = [pytest.mark.slow]
KIT = validate(CONTENT, today=TODAY).kit
TEST_HOST = "https://kit-odd17.test/"  # fictional: the address of a published kit
SHEETS = ("argumentaire", "kit-methodologique", "exemples-inspirants", "cartographie-des-outils")
# Wording that only makes sense on a screen (issue 12): never on paper.
WEB_WORDING = ("Filtrez-les", "choisissez qui vous êtes", "Copier le lien", "aucun exemple",
               "aucun pour l'instant", "Télécharger", "ci-contre", "Cliquez", "odd17-en-pratique.example.org")


def set_site_url(project: Path, url: str) -> None:
    """The copy's public address: ``url``, or none at all (TEAM decision 2) when empty."""
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", f"site_url: {url or chr(34) * 2}", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")


def build_pdfs(project: Path, site_url: str) -> Path:
    set_site_url(project, site_url)
    result = mkdocs_build(project, project / "site", ODD17_DOWNLOADS="true", ODD17_SITE_URL=site_url)
    assert result.returncode == 0, result.stderr[-5000:]
    (project / "build-output.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    return project / "site"


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    """The real content, published at a (fictional) address."""
    return build_pdfs(copy_project(tmp_path_factory.mktemp("pdf") / "kit"), TEST_HOST)


@pytest.fixture(scope="module")
def big_pdf_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> tuple[Path, list[str]]:
    """300 synthetic examples (scripts/bench.py writes them) and no public address."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import write_examples

    project = copy_project(tmp_path_factory.mktemp("pdf-300") / "kit")
    slugs = write_examples(project / "content", 300 - len(KIT.examples))
    kit = validate(project / "content").kit
    assert kit is not None and len(kit.examples) == 300 and slugs
    return build_pdfs(project, ""), [e.title for e in kit.examples.values()]


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def squash(text: str) -> str:
    return "".join(text.replace("’", "'").split())


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark, in order."""
    reader = PdfReader(path)
    items: list[tuple[int, str, int]] = []

    def walk(entries: list, depth: int) -> None:  # type: ignore[type-arg]
        for item in entries:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                items.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))
    walk(reader.outline, 0)
    return items


def links(path: Path) -> tuple[list[str], list[int]]:
    """(web addresses, target page numbers of the internal links) of a PDF."""
    reader = PdfReader(path)
    index = {page.indirect_reference.idnum: n + 1 for n, page in enumerate(reader.pages)}
    named = reader.named_destinations
    uris, targets = [], []
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            action, dest = annotation.get("/A"), annotation.get("/Dest")
            if action is not None and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
            elif dest is not None:
                if isinstance(dest, str):
                    assert dest in named or "/" + dest.lstrip("/") in named, f"{path.name}: {dest}"
                    dest = named.get(dest) or named["/" + dest.lstrip("/")]
                    ref_page = dest["/Page"]
                else:
                    ref_page = dest[0]
                ref_page = getattr(ref_page, "indirect_reference", None) or ref_page
                assert ref_page.idnum in index, f"{path.name}: lien vers une page absente"
                targets.append(index[ref_page.idnum])
    return uris, targets


# --- The whole kit: a paper document ---------------------------------------------------------------

def test_kit_holds_every_example_tool_and_model_as_a_catalogue(pdf_site: Path) -> None:
    kit_pdf = pdf_site / "pdf/kit-complet.pdf"
    text = squash(pdf_text(kit_pdf))
    for example in KIT.examples.values():
        assert squash(example.title) in text, example.title
        assert squash(example.partners[0].name) in text
    for tool in KIT.tools.values():
        assert squash(tool.name) in text, tool.name
    for model in KIT.typology.models:
        assert squash(model.name) in text and squash(model.definition)[:40] in text
    pages = len(PdfReader(kit_pdf).pages)
    # Records as cards, several per page: no page per record any more.
    assert pages <= 60 + len(KIT.examples) / 4, pages
    assert pages < 20 + len(KIT.examples) + len(KIT.tools)
    assert squash(f"{TEST_HOST}exemples/deloitte-sivc/") in text


def test_300_examples_fit_in_135_pages_with_every_title(big_pdf_site: tuple[Path, list[str]]) -> None:
    site, titles = big_pdf_site
    kit_pdf = site / "pdf/kit-complet.pdf"
    pages = len(PdfReader(kit_pdf).pages)
    assert pages <= 135, pages
    text = squash(pdf_text(kit_pdf))
    missing = [t for t in titles if squash(t) not in text]
    assert not missing, missing[:5]
    bookmarks = {squash(title) for _, title, _ in outline(kit_pdf)}
    assert not [t for t in titles if squash(t) not in bookmarks]
    # The method's pages name a few examples per model, the catalogue holds them all: the sheet
    # (its contents, the method and the blank « Carnet d'alliance », about 8 pages) does not grow.
    method = site / "pdf/kit-methodologique.pdf"
    assert len(PdfReader(method).pages) <= 30 and "autres, dans le catalogue" in pdf_text(method)


def test_no_address_of_the_kit_without_a_site_url(big_pdf_site: tuple[Path, list[str]]) -> None:
    """TEAM decision 2: no public address set, no address of the kit printed, linked or in a QR
    code (the cover then has no QR code: « En ligne » is its caption)."""
    site, _ = big_pdf_site
    for pdf in (site / "pdf").glob("*.pdf"):
        uris, _ = links(pdf)
        text = pdf_text(pdf)
        assert "En ligne" not in text and "example.org/exemples" not in text, pdf.name
        assert not [u for u in uris if "/exemples/" in u and "example.org/rapports" not in u
                    and "association-" not in u], (pdf.name, uris[:5])


def test_cover_is_clean_and_contents_are_numbered(pdf_site: Path) -> None:
    kit_pdf = pdf_site / "pdf/kit-complet.pdf"
    cover = pdf_text(kit_pdf, 1, 1)
    assert "kit complet" in cover and "Édition du" in cover and TEST_HOST.rstrip("/") in cover
    # No running header, no page number, no web chrome on the cover.
    assert not re.search(r"(^|\s)1(\s|$)", cover) and "/ " not in cover and "Rechercher" not in cover
    assert pdf_text(kit_pdf, 2, 2).startswith(("L’ODD 17 en pratique", "L'ODD 17 en pratique"))
    # Every line of the contents gives the page where its bookmark leads.
    contents = pdf_text(kit_pdf, 2, 3)
    pages = {squash(title): page for _, title, page in outline(kit_pdf)}
    checked = 0
    for title in ("La typologie des partenariats", "Les exemples inspirants", "Mécénat classique",
                  "La cartographie des outils", "Réseau", "Évaluer le partenariat"):
        match = re.search(re.escape(title).replace(r"\ ", r"\s*") + r"\s+(\d+)", contents)
        assert match, title
        assert int(match.group(1)) == pages[squash(title)], title
        checked += 1
    assert checked == 6


def test_no_web_wording_in_print(pdf_site: Path) -> None:
    for pdf in (pdf_site / "pdf").glob("*.pdf"):
        text = pdf_text(pdf)
        found = [w for w in WEB_WORDING if w.lower() in text.lower()]
        assert not found, (pdf.name, found)


def known_hosts() -> set[str]:
    """Every host name the kit may print: the records' addresses, those written in their text."""
    urls = [TEST_HOST]
    for record in [*KIT.examples.values(), *KIT.tools.values()]:
        urls += re.findall(r"https?://\S+", record.model_dump_json())
    return {re.match(r"https?://([^/\s\"\\]+)", u).group(1).rstrip(".,;)") for u in urls}


def test_addresses_never_break_inside_a_host_name(pdf_site: Path) -> None:
    """Every printed address has its whole host on one line (lines break after a slash)."""
    hosts = known_hosts()
    for pdf in (pdf_site / "pdf").glob("*.pdf"):
        text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        printed = [h.rstrip(".,;)") for h in re.findall(r"https?://([^/\s]+)", text)]
        assert printed, pdf.name
        cut = [h for h in printed if h not in hosts]
        assert not cut, (pdf.name, cut[:5])


def test_fonts_are_embedded(pdf_site: Path) -> None:
    for pdf in (pdf_site / "pdf").glob("*.pdf"):
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert lines and all(line.split()[-5] == "yes" for line in lines), (pdf, lines)


def test_bookmarks_for_every_chapter_example_and_tool(pdf_site: Path) -> None:
    items = outline(pdf_site / "pdf/kit-complet.pdf")
    titles = {title for _, title, _ in items}
    titles = {t.replace("’", "'") for t in titles}  # French typography (odd17/content/typography.py)
    for example in KIT.examples.values():
        assert " ".join(example.title.split()) in titles, example.title  # with its spaces
    for tool in KIT.tools.values():
        assert " ".join(tool.name.split()) in titles, tool.name
    top = [title for depth, title, _ in items if depth == 0]
    assert [squash(t) for t in top] == [squash(t) for t in (
        "Sommaire", "L'argumentaire : pourquoi faire alliance", "Le kit méthodologique",
        "Les exemples inspirants", "La cartographie des outils", "Pour les formateurs")]


def test_links_inside_the_pdf_and_to_the_web(pdf_site: Path) -> None:
    kit_pdf = pdf_site / "pdf/kit-complet.pdf"
    uris, targets = links(kit_pdf)
    pages = len(PdfReader(kit_pdf).pages)
    assert len(targets) > 40 and all(1 <= t <= pages for t in targets)
    assert all(u.startswith(("https://", "http://")) for u in uris)
    assert f"{TEST_HOST}exemples/deloitte-sivc/" in uris
    # The contents' lines lead to their chapters.
    contents_targets = links_on_page(kit_pdf, 2)
    assert len(set(contents_targets)) > 10


def links_on_page(path: Path, number: int) -> list[int]:
    reader = PdfReader(path)
    named = reader.named_destinations
    index = {page.indirect_reference.idnum: n + 1 for n, page in enumerate(reader.pages)}
    out = []
    for ref in reader.pages[number - 1].get("/Annots") or []:
        dest = ref.get_object().get("/Dest")
        if isinstance(dest, str):
            target = named[dest]["/Page"]
            out.append(index[(getattr(target, "indirect_reference", None) or target).idnum])
    return out


# --- The sheets, each its own tagged PDF --------------------------------------------------------

def test_each_sheet_is_its_own_document(pdf_site: Path) -> None:
    """A cover, its contents when it has 8 pages or more (numbers = where its bookmarks lead),
    its chapter numbered from its own cover; its links stay inside it or go to the web."""
    kit_pdf = pdf_site / "pdf/kit-complet.pdf"
    top = [(title, page) for depth, title, page in outline(kit_pdf) if depth == 0][1:]
    for number, name in enumerate(SHEETS):
        sheet = pdf_site / f"pdf/{name}.pdf"
        reader = PdfReader(sheet)
        pages = len(reader.pages)
        assert "Édition du" in pdf_text(sheet, 1, 1)
        marks = outline(sheet)
        has_contents = "Sommaire" in pdf_text(sheet, 2, 2)[:80]
        assert has_contents == (pages >= 8), (name, pages)
        chapter = [m for m in marks if squash(m[1]) == squash(top[number][0])]
        assert chapter and chapter[0][2] == (3 if has_contents else 2), (name, marks[:3])
        if has_contents:
            contents = pdf_text(sheet, 2, 2)
            checked = 0
            for _, title, page in marks[1:]:
                match = re.search(re.escape(title).replace(r"\ ", r"\s*") + r"\s+(\d+)", contents)
                if match:
                    assert int(match.group(1)) == page, (name, title)
                    checked += 1
            assert checked >= 3, (name, contents[:300])
        # The printed page numbers are the viewer's.
        assert pdf_text(sheet, pages, pages).endswith(f" {pages}"), name
        uris, targets = links(sheet)
        assert all(2 <= t <= pages for t in targets), name
        assert all(u.startswith(("https://", "http://")) for u in uris), name


def pdfua(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True,
                          text=True)


def test_every_pdf_passes_the_pdfua_subset(pdf_site: Path) -> None:
    """PyPI pdfua (the machine-checkable subset of PDF/UA-1): no finding at all, warnings
    included (links described, XMP claiming PDF/UA, running headers and page numbers as
    artifacts); and what a screen reader needs, read back with pikepdf."""
    import pikepdf

    pdfs = sorted((pdf_site / "pdf").glob("*.pdf"))
    assert len(pdfs) == 5
    for path in pdfs:
        result = pdfua(path)
        assert result.returncode == 0, result.stdout[-3000:]
        with pikepdf.open(path) as pdf:
            assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked, path.name
            assert str(pdf.Root.Lang) == "fr" and "/Outlines" in pdf.Root
            assert str(pdf.docinfo.Creator) == "Kit « L’ODD 17 en pratique »", path.name
            with pdf.open_metadata() as meta:
                assert meta.get("pdfuaid:part") == "1"
            annotations = [a for page in pdf.pages for a in page.obj.get("/Annots") or []]
            assert annotations and all("/Contents" in a for a in annotations), path.name


def test_pdfua_check_fails_an_untagged_pdf(tmp_path: Path) -> None:
    """The check above can fail: a PDF without tags is refused."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(tmp_path / "nu.pdf")
    assert pdfua(tmp_path / "nu.pdf").returncode != 0


def test_build_output_has_no_warning(pdf_site: Path) -> None:
    output = (pdf_site.parent / "build-output.txt").read_text(encoding="utf-8")
    assert "kit-complet.pdf" in output
    assert not [line for line in output.splitlines()
                if re.search(r"Warning|Traceback|File \"|WARNING", line)], output[-3000:]


# --- Whole texts, page references, layout ---------------------------------------------------------

def test_cards_end_on_whole_sentences() -> None:
    from odd17.print.catalogue import sentences, summary

    text = ("Le tableau source écrit « P.M.E » ; le kit y lit les PMR. Une phrase « qui cite. Une "
            "autre » continue ici. Dernière phrase, qui corrige la source.")
    assert sentences(text) == ["Le tableau source écrit « P.M.E » ; le kit y lit les PMR.",
                               "Une phrase « qui cite. Une autre » continue ici.",
                               "Dernière phrase, qui corrige la source."]
    assert summary(text) == text
    assert summary(text, 80) == "Le tableau source écrit « P.M.E » ; le kit y lit les PMR."
    assert summary("Une seule phrase très longue " * 50).endswith("longue")  # whole, never cut
    assert "…" not in summary(text, 10)


def test_no_text_cut_short_in_print(pdf_site: Path) -> None:
    """Every description of the kit prints whole (each is shorter than a card's room), and every
    « … » printed is one the kit's own texts hold."""
    text = squash(pdf_text(pdf_site / "pdf/kit-complet.pdf"))
    unhyphenated = text.replace("-", "")  # pdftotext drops a hyphen that ends a line
    for record in [*KIT.examples.values(), *KIT.tools.values()]:
        assert squash(record.description).replace("-", "") in unhyphenated, record.description[:60]
    own = squash(" ".join(p.read_text(encoding="utf-8") for p in [
        *(ROOT / "content").rglob("*.yml"), *(ROOT / "docs").rglob("*.md")]))
    for match in re.finditer("…", text):
        assert text[max(0, match.start() - 12):match.start() + 1] in own, text[match.start() - 40:match.end()]


def test_cross_references_give_the_page(pdf_site: Path) -> None:
    """On paper a reference says where: « Construire le partenariat (p. N) », N the page of its
    bookmark; in a sheet, a place outside it is given by its address."""
    kit_pdf = pdf_site / "pdf/kit-complet.pdf"
    pages = {squash(title): page for _, title, page in outline(kit_pdf)}
    text = pdf_text(kit_pdf)
    references = re.findall(r"voir (?:aussi )?([^()]{5,60}?) \(p\. (\d+)\)", text)
    checked = [(title, page) for title, page in references if squash(title) in pages]
    assert len(checked) >= 2, references
    for title, page in checked:
        assert pages[squash(title)] == int(page), (title, page)
    assert len(re.findall(r"\(p\. \d+\)", text)) > 40
    method = pdf_text(pdf_site / "pdf/kit-methodologique.pdf")
    assert f"{TEST_HOST}exemples/deloitte-sivc/" in method.replace(" ", "")
    assert re.search(r"\(p\. \d+\)", method)


def heading_heights(path: Path) -> list[tuple[float, str]]:
    """(height above the page's bottom edge, title) of every bookmark's heading, in points."""
    import pikepdf

    from odd17.print.printing import _explicit, _outline

    with pikepdf.open(path) as pdf:
        places = [(_explicit(node.get("/Dest")), str(node.Title)) for node, _ in _outline(pdf)]
    return [(float(p[3]), title) for p, title in places
            if p is not None and len(p) > 3 and p[1] == "/XYZ" and p[3] is not None]


def test_layout_keeps_lines_together(pdf_site: Path) -> None:
    """No heading alone at a page's foot (at least three lines under it, above the bottom
    margin's 42 pt); no page holds only a source line; the tool map and the trainers' page are
    printed."""
    for pdf in (pdf_site / "pdf").glob("*.pdf"):
        low = [(top, title) for top, title in heading_heights(pdf) if top < 85]
        assert not low, (pdf.name, low)
        for number in range(2, len(PdfReader(pdf).pages) + 1):
            body = pdf_text(pdf, number, number)
            assert not (body.split("Source", 1)[0].count(" ") < 12 and "Source :" in body
                        and len(body) < 300), (pdf.name, number, body)
    tools = pdf_text(pdf_site / "pdf/cartographie-des-outils.pdf")
    assert "Par levier d’un projet innovant" in tools and "Par étape de la démarche" in tools
    assert "Accès : Non précisé" not in tools and "Non précisé par les sources" not in tools
    kit = pdf_text(pdf_site / "pdf/kit-complet.pdf")
    assert "Pour les formateurs" in kit and "Module 1" in kit
    assert "Pour une fondation" in kit and "place d’une collectivité territoriale" in kit
    assert "partenaires, objectifs, impacts" not in kit  # what the base holds


def test_each_sheet_is_linked_from_its_pages(pdf_site: Path) -> None:
    page = (pdf_site / "methode/leviers/index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/kit-methodologique.pdf"' in page and 'href="../../pdf/kit-complet.pdf"' in page
    example = (pdf_site / "exemples/deloitte-sivc/index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/exemples-inspirants.pdf"' in example
    assert "Deloitte et SIVC" in pdf_text(pdf_site / "pdf/exemples-inspirants.pdf")


# --- Printed from the browser ---------------------------------------------------------------------

@pytest.mark.browser
def test_example_page_prints_on_one_a4_page(pdf_site: Path, browser) -> None:  # noqa: ANN001
    server, url = serve(pdf_site)
    try:
        page = browser.new_page()
        for slug in KIT.examples:
            page.goto(f"{url}exemples/{slug}/")
            pdf = page.pdf(format="A4")
            assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, slug
        page.close()
    finally:
        server.shutdown()


@pytest.mark.browser
def test_printed_selection_is_a_booklet(pdf_site: Path, browser) -> None:  # noqa: ANN001
    """Filter the examples index, « Imprimer la sélection », print as Chromium prints (served
    online and opened from the disk): a cover naming the selection, the selected examples only,
    each with its address and QR code."""
    model = KIT.typology.models[1]
    chosen = {s: e for s, e in KIT.examples.items() if e.model == model.id}
    others = [e for e in KIT.examples.values() if e.model != model.id]
    assert chosen and others
    server, url = serve(pdf_site)
    try:
        for address in (f"{url}exemples/", (pdf_site / "exemples/index.html").as_uri()):
            page = browser.new_page()
            page.goto(address)
            page.select_option("#filtre-modele", model.id)
            page.evaluate("() => { window.print = () => { window.printed = true; }; }")
            page.get_by_role("button", name="Imprimer la sélection").click()
            page.wait_for_function("() => window.printed === true", timeout=10000)
            assert page.locator(".odd17-booklet__qr svg").count() == len(chosen) + 1  # + cover
            reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
            text = squash(" ".join(p.extract_text() for p in reader.pages))
            cover = squash(reader.pages[0].extract_text())
            assert squash(f"Modèle de partenariat : {model.name}") in cover, cover
            assert len(reader.pages) == 2  # the cover, then the cards
            assert "Impriméle" in cover and squash(f"{len(chosen)} exemple") in cover
            for slug, example in chosen.items():
                assert squash(example.title) in text
                assert squash(f"{TEST_HOST}exemples/{slug}/") in text
            assert not [e.title for e in others if squash(e.title) in text]
            assert "Filtrer" not in text and "Imprimerlasélection" not in text
            page.close()
    finally:
        server.shutdown()


@pytest.mark.browser
def test_printed_selection_holds_every_page_of_results(big_pdf_site: tuple[Path, list[str]],
                                                       browser) -> None:  # noqa: ANN001
    """300 examples shown a page at a time: the booklet holds them all; the kit has no public
    address here, so no address and no QR code (TEAM decision 2)."""
    site, titles = big_pdf_site
    server, url = serve(site)
    try:
        page = browser.new_page()
        page.goto(f"{url}exemples/")
        page.evaluate("() => { window.print = () => { window.printed = true; }; }")
        page.get_by_role("button", name="Imprimer la sélection").click()
        page.wait_for_function("() => window.printed === true", timeout=30000)
        assert page.locator(".odd17-booklet__card").count() == len(titles)
        assert page.locator(".odd17-booklet svg, .odd17-booklet__url").count() == 0
        cover = page.locator(".odd17-booklet__cover").inner_text()
        assert "Tous les exemples de la base" in cover and "300" in cover
        page.close()
    finally:
        server.shutdown()


def test_destinations_are_read_as_arrays_or_dictionaries() -> None:
    """Chromium writes explicit destination arrays; a dictionary holding one (/D) is read the
    same, and a named one gives no page (the build then stops: « sommaire sans page »)."""
    import pikepdf

    from odd17.print import printing

    pdf = pikepdf.new()
    pdf.add_blank_page()
    place = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.XYZ, 0, 700, 0])
    pdf.Root.Dests = pikepdf.Dictionary({"/tableau": place, "/encadre": pikepdf.Dictionary(D=place),
                                         "/ailleurs": pikepdf.Name("/tableau")})
    assert printing.destination_pages(pdf) == {"tableau": 0, "encadre": 0}


def test_the_blank_workbook_is_in_the_kit_and_the_method_sheet(pdf_site: Path) -> None:
    """The « Carnet d'alliance » prints blank, with its questions and none of its buttons."""
    for name in ("kit-complet", "kit-methodologique"):
        # pdftotext drops the hyphen of a word cut at the end of a line (« socio-économique »).
        text = squash(pdf_text(pdf_site / f"pdf/{name}.pdf")).replace("-", "")
        assert squash("Carnet d’alliance") in text, name
        # The worksheet's own fields (the levers' questions are also on their page).
        assert squash("C’est un de nos objectifs") in text and squash("Pourquoi ce choix") in text
        for lever in KIT.typology.levers:
            for question in lever.questions:
                assert squash(question).replace("-", "") in text, (name, question)
        if name == "kit-complet":
            continue  # its trainers' chapter names the buttons (« Exporter »…) to explain them
        for wording in ("Exporter", "Importer un fichier", "Effacer mes réponses"):
            assert squash(wording) not in text, (name, wording)


def test_margin_boxes_are_found_before_the_tagged_content() -> None:
    """The running header's text objects, before the first marked-content sequence, whatever
    bytes their strings hold (« BDC », « ET », parentheses)."""
    from odd17.print.printing import _leading_text

    stream = (b"q 1 0 0 1 0 0 cm BT /F1 8 Tf (BDC \\( ET) Tj ET\n"
              b"BT <4244 43> Tj ET /P <</MCID 0>> BDC BT (texte) Tj ET EMC BT (x) Tj ET")
    spans = _leading_text(stream)
    assert [stream[a:b] for a, b in spans] == [b"BT /F1 8 Tf (BDC \\( ET) Tj ET", b"BT <4244 43> Tj ET"]
