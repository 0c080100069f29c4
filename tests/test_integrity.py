"""Integrity of the built site, crawled whole: links, anchors, reachability, every record
everywhere, no third-party request, valid HTML.

Nothing here lists pages: the checks walk whatever the build produced, so pages added later
(facets, data, Panorama…) are checked as soon as they exist.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from odd17.content.typography import french_text
from odd17.content.validation import validate

from conftest import CONTENT, MEASURES, ROOT, TODAY, search
from plainsite import plain_material_site
from sitecrawl import Site, css_urls, is_external, is_internal, sample_urls

KIT = validate(CONTENT, today=TODAY).kit
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
SECTIONS = {"exemples": "examples", "outils": "tools"}


@pytest.fixture(scope="module")
def site(published_site: Path) -> Site:
    return Site(published_site)


def _records(section: str) -> dict:
    return getattr(KIT, SECTIONS[section])


# --- Links and anchors ---------------------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(site: Site) -> None:
    broken: list[str] = []
    checked = 0
    for page, parsed in site.pages.items():
        for url in parsed.links + parsed.resources:
            if not is_internal(url):
                continue
            checked += 1
            target, fragment = site.resolve(page, url)
            if target is None or not (site.root / target).is_file():
                broken.append(f"{page}: {url} → fichier introuvable ({target})")
            elif fragment and target.endswith(".html") and fragment not in site.pages[target].ids:
                broken.append(f"{page}: {url} → ancre #{fragment} absente de {target}")
    MEASURES.append(f"intégrité : {checked} liens et ressources internes vérifiés sur "
                    f"{len(site.pages)} pages HTML")
    assert checked > 10 * len(site.pages)
    assert not broken, "\n".join(broken[:50]) + f"\n({len(broken)} liens cassés)"


@pytest.fixture(scope="module")
def offline(published_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The offline copy (kit-hors-ligne.zip), unpacked as a reader would, read from the disk."""
    archive = published_site / "kit-hors-ligne.zip"
    assert archive.exists(), "la copie hors ligne kit-hors-ligne.zip manque"
    folder = tmp_path_factory.mktemp("hors-ligne")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    (root,) = [p for p in folder.iterdir() if p.is_dir()]
    return Site(root, directory_index=False)


def test_offline_copy_links_and_anchors_resolve_from_the_disk(offline: Site) -> None:
    """Opened from the disk (file://), every link of the offline copy reaches a file and its
    anchor, nothing is loaded from another host, and every page is reachable from index.html."""
    broken: list[str] = []
    checked = 0
    for page, parsed in offline.pages.items():
        for url in parsed.links + parsed.resources:
            if is_external(url):
                if url in parsed.resources:
                    broken.append(f"{page}: {url} → chargé depuis un autre hôte")
                continue
            if not is_internal(url):
                continue
            checked += 1
            target, fragment = offline.resolve(page, url)
            if target is None or not (offline.root / target).is_file():
                broken.append(f"{page}: {url} → introuvable depuis le disque ({target})")
            elif fragment and target.endswith(".html") and fragment not in offline.pages[target].ids:
                broken.append(f"{page}: {url} → ancre #{fragment} absente de {target}")
    orphans = [p for p in offline.pages if p not in offline.reachable_from("index.html")
               and p != "404.html" and not offline.is_redirect(p)]
    MEASURES.append(f"hors ligne : {checked} liens et ressources vérifiés sur {len(offline.pages)} "
                    f"pages, {len(orphans)} orpheline(s)")
    assert not broken, "\n".join(broken[:50]) + f"\n({len(broken)} problèmes)"
    assert not orphans, orphans


def test_no_page_is_orphaned(site: Site) -> None:
    """Every page is reachable by links from the home page (redirects and 404 excepted)."""
    reachable = site.reachable_from("index.html")
    orphans = [p for p in site.pages if p not in reachable and p != "404.html"
               and not site.is_redirect(p)]
    MEASURES.append(f"intégrité : {len(reachable)} pages atteintes depuis l'accueil, "
                    f"{len(orphans)} orpheline(s)")
    assert not orphans, orphans


def test_no_link_runs_code(site: Site) -> None:
    """No ``javascript:`` link and no inline event handler from the content."""
    for page, parsed in site.pages.items():
        assert not [u for u in parsed.links if u.strip().lower().startswith(("javascript:", "data:",
                                                                              "vbscript:"))], page
        assert not parsed.event_handlers, (page, parsed.event_handlers)


def test_redirects_point_to_existing_pages(site: Site) -> None:
    for page, parsed in site.pages.items():
        if parsed.meta_refresh is not None:
            url = parsed.meta_refresh.split("url=", 1)[-1].split("URL=", 1)[-1]
            target, _ = site.resolve(page, url)
            assert target in site.pages, (page, url)


# --- Every record everywhere ---------------------------------------------------------------------

@pytest.mark.parametrize("section", SECTIONS)
def test_every_record_has_its_page_and_counts_match_the_content(site: Site, section: str) -> None:
    records = _records(section)
    files = sorted(p.stem for p in (CONTENT / SECTIONS[section]).glob("*.yml"))
    assert sorted(records) == files  # nothing silently dropped by the validator (tools: by name)
    pages = {p.split("/")[1] for p in site.pages if re.fullmatch(rf"{section}/[^/]+/index\.html", p)
             and not site.is_redirect(p)}
    non_record = pages - set(records)  # facet or helper pages the section may hold
    assert set(records) <= pages, set(records) - pages
    for slug, record in records.items():
        html = (site.root / section / slug / "index.html").read_text(encoding="utf-8")
        title = getattr(record, "title", None) or record.name
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        # In French typography, as every page (odd17/content/typography.py).
        assert _plain(h1) == " ".join(french_text(title).split()), slug
    MEASURES.append(f"intégrité : {len(records)} fiches {section} = {len(files)} fichiers de "
                    f"content/{SECTIONS[section]} = {len(records)} pages"
                    + (f" (+ {len(non_record)} pages de la rubrique)" if non_record else ""))


def _plain(html: str) -> str:
    import html as html_module
    text = re.sub(r"<a class=\"headerlink\".*?</a>", "", html, flags=re.S)
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", text)).split())


@pytest.mark.parametrize("section", SECTIONS)
def test_the_section_index_links_every_record(site: Site, section: str) -> None:
    index = f"{section}/index.html"
    linked = {site.resolve(index, u)[0] for u in site.pages[index].links if is_internal(u)}
    for slug in _records(section):
        assert f"{section}/{slug}/index.html" in linked, slug


def test_the_typology_page_links_every_example(site: Site) -> None:
    page = "methode/typologie/index.html"
    linked = {site.resolve(page, u)[0] for u in site.pages[page].links if is_internal(u)}
    assert {f"exemples/{s}/index.html" for s in KIT.examples} <= linked


def test_search_index_and_sitemap_hold_every_record(site: Site, offline: Site) -> None:
    """Online (Pagefind) and in the offline copy (Material's index), every record is found."""
    from odd17.search import site_search

    locations = {r["url"].lstrip("/") for r in site_search.records(site.root)}
    index = json.loads((offline.root / "search/search_index.json").read_text(encoding="utf-8"))
    offline_locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    for section in SECTIONS:
        for slug in _records(section):
            assert f"{section}/{slug}/" in locations, slug
            assert f"{section}/{slug}.html" in offline_locations, slug
            assert f"/{section}/{slug}/</loc>" in sitemap, slug


def _data_files(site: Site, section: str) -> list[Path]:
    """The downloadable data files of a section (donnees/exemples*.json|csv…), if any."""
    folder = site.root / "donnees"
    return sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".csv")
                  and p.name.startswith(section) and "schema" not in p.name) if folder.is_dir() else []


def _ids_in_data(path: Path) -> list[str]:
    """The record ids of one data file, in file order (a list of objects or CSV rows)."""
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
        rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
        key = next(k for k in ("slug", "id", "identifiant") if rows and k in rows[0])
        return [row[key] for row in rows]
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):  # {"exemples": [...], "source": ...} or similar
        data = next(v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict))
    key = next(k for k in ("slug", "id", "identifiant") if k in data[0])
    return [item[key] for item in data]


@pytest.mark.parametrize("section", SECTIONS)
def test_data_files_hold_every_record_once(site: Site, section: str) -> None:
    files = _data_files(site, section)
    if not files:
        pytest.skip("pas encore de fichiers de données (donnees/)")
    for path in files:
        ids = _ids_in_data(path)
        assert len(ids) == len(set(ids)), path
        assert sorted(ids) == sorted(_records(section)), path
    MEASURES.append(f"intégrité : {len(_records(section))} fiches {section} dans chacun de "
                    + ", ".join(p.relative_to(site.root).as_posix() for p in files))


def test_kit_pdfs_hold_every_example(site: Site) -> None:
    """Each PDF of the site that is made from the base of examples names every example."""
    pdfs = sorted(site.root.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("pas encore de PDF dans le site")
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext manque : lancez bash scripts/task test, qui l'installe")
    checked = 0
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        flat = _flat(text)
        present = [slug for slug, e in KIT.examples.items() if _flat(e.title) in flat]
        if present:  # a PDF of the examples (not, say, a method sheet): all of them, then
            missing = sorted(set(KIT.examples) - set(present))
            assert not missing, f"{pdf.name} omet {missing}"
            checked += 1
    MEASURES.append(f"intégrité : {len(KIT.examples)} exemples retrouvés dans {checked} PDF "
                    f"(sur {len(pdfs)})")
    assert checked, "aucun PDF ne contient les exemples"


def _flat(text: str) -> str:
    """Text compared across line breaks, hyphenation and typographic spaces of a PDF."""
    # Hyphens are dropped on both sides: a line may break after the hyphen of « co-entreprise »
    # (pdftotext then joins « co- » and « entreprise »), or at a soft hyphen.
    text = re.sub(r"[-\u00ad]\s*", "", text)
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).replace("’", "'").strip().casefold()


# --- No third-party request ----------------------------------------------------------------------

def test_nothing_is_loaded_from_another_host(site: Site) -> None:
    """Static check: every script, style, image, frame, font and CSS url() is local."""
    found: list[str] = []
    for page, parsed in site.pages.items():
        found += [f"{page}: {u}" for u in parsed.resources if is_external(u)]
    for css in site.root.rglob("*.css"):
        found += [f"{css.relative_to(site.root)}: {u}" for u in css_urls(css.read_text("utf-8"))
                  if is_external(u)]
    for js in site.root.rglob("*.js"):  # fonts or scripts fetched by code
        text = js.read_text(encoding="utf-8", errors="replace")
        found += [f"{js.relative_to(site.root)}: {m}" for m in
                  re.findall(r"https?://(?:fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg|"
                             r"cdnjs|www\.googletagmanager|www\.google-analytics)[^\s\"']*", text)
                  if not (js.name.startswith("bundle.") and m in MATERIAL_CONDITIONAL)]
    assert not found, "\n".join(found[:30])
    # The conditions under which Material's bundle would load them never hold on this site.
    assert not any(re.search(r'class="mermaid"', p.read_text(encoding="utf-8"))
                   for p in site.root.rglob("*.html"))


# Material's JavaScript bundle names two CDN addresses it loads only on condition: Mermaid when a
# page has a ```mermaid diagram (none here, checked above) and a ResizeObserver polyfill for
# browsers without ResizeObserver (every browser since 2020 has it). The run-time check in
# Chromium below confirms that neither is requested.
MATERIAL_CONDITIONAL = {"https://unpkg.com/mermaid@11/dist/mermaid.min.js",
                        "https://unpkg.com/resize-observer-polyfill"}


@pytest.mark.browser
@pytest.mark.slow
def test_no_third_party_request_at_run_time(page, site: Site, published_url: str) -> None:  # noqa: ANN001
    """In Chromium, each kind of page (every hand-written page, a few record pages) and a search
    load nothing from another host."""
    urls = sample_urls(site, record_pages(site))
    for url in urls:
        page.goto(published_url + url, wait_until="load")
    page.goto(published_url)
    search(page, "partenariat")
    page.wait_for_load_state("networkidle")
    MEASURES.append(f"intégrité : {len(urls)} pages ouvertes dans Chromium et une recherche, "
                    f"{len(page.external_requests)} requête(s) vers un autre hôte")
    assert page.external_requests == []


def record_pages(site: Site) -> dict[str, list[str]]:
    return {section: [f"{section}/{slug}/index.html" for slug in _records(section)]
            for section in SECTIONS}


# --- Valid HTML (Nu Html Checker), compared with the plain Material theme ------------------------

def _vnu(folder: Path) -> list[dict]:
    if not VNU.exists():
        pytest.fail("vnu.jar manque : lancez bash scripts/task test, qui l'installe (npm ci)")
    if not shutil.which("java"):
        pytest.fail("java manque : lancez bash scripts/task test, qui l'installe")
    result = subprocess.run(["java", "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json",
                             "--skip-non-html", str(folder)],
                            capture_output=True, text=True, timeout=900)
    return json.loads(result.stderr or '{"messages": []}')["messages"]


@pytest.mark.slow
def test_html_is_valid_but_for_the_plain_theme_errors(site: Site, tmp_path: Path) -> None:
    baseline = {m["message"] for m in _vnu(plain_material_site(tmp_path / "plain"))}
    messages = _vnu(site.root)
    ours = [m for m in messages if m["message"] not in baseline]
    MEASURES.append(f"HTML (Nu Html Checker) : {len(site.pages)} pages, {len(messages)} erreurs "
                    f"dont {len(messages) - len(ours)} du thème Material seul "
                    f"({len(baseline)} messages distincts sur le site Material simple), "
                    f"{len(ours)} du kit")
    assert not ours, "\n".join(f"{m['url'].split(site.root.name + '/', 1)[-1]}:{m.get('lastLine')}: "
                               f"{m['message']}" for m in ours[:30])
