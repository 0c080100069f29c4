#!/usr/bin/env python3
"""Measure the examples index and the search: ``python scripts/bench_examples.py --examples 1000``.

Two measures, in temporary copies of the project (the work tree is not modified):

1. The examples index with N synthetic, fictional examples (scripts/bench.py writes them):
   ``measure(site)`` (also called by scripts/bench.py) counts the compressed bytes Chromium
   requests for a first visit, a first filter and a first search by words, and times the
   filtering (match, count, first page of results rendered, address, forced layout) in headless
   Chromium. Targets (issue 9 #3, maintainers/performances.md): at 10,000 examples, at most
   200 KB compressed for the index, filtering within 100 ms.
2. The search as French readers type, on the real content: the same queries against Material's
   search as configured by default (``lang: fr``), with its French stemmer turned on
   (``pipeline: [stemmer, stopWordFilter, trimmer]``), and as the kit configures it (separator
   splitting elisions + odd17/search/search_folding.py); plus the weight the folding adds to the index
   at N examples. This is the evidence for the choice explained in odd17/search/search_folding.py.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

import bench  # noqa: E402 - the synthetic examples and the build of scripts/bench.py

from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402 - test helpers

# (query as a reader types it, address that must be among the results)
QUERIES = [
    ("mecenat de competences", "exemples/deloitte-sivc/"),
    ("mécénat de compétences", "exemples/deloitte-sivc/"),
    ("evaluation partenariale", "outils/centre-ressources-evaluation-partenariale/"),
    ("l'évaluation partenariale", "outils/centre-ressources-evaluation-partenariale/"),
    ("competence", "methode/se-former/"),
    ("reseau", "outils/reseau-"),
    ("Jaccede", "exemples/la-poste-jaccede/"),
    ("cooperation", "argumentaire/"),
    ("mecenats", "methode/typologie/"),
    ("evaluation", "methode/evaluation/"),
    ("l'evaluation", "methode/evaluation/"),
]

VARIANTS = {"material": "Material (lang: fr)", "material-stemmer": "+ racinisation française",
            "kit": "kit", "kit-stemmer": "kit + racinisation française"}

# Filter states timed on the index (form field → value); {} = everything shown again.
FILTERS = [
    {"modele": "engagement-actif"},
    {"modele": "engagement-actif", "territoire": "53"},
    {"categorie": "mecenat", "type": "collectivite"},
    {"territoire": "84"},
    {"mots": "alliance fictive"},
    {"mots": "mecenat competences bretagne"},
    {},
]

# One filtering = the form's values set, then window.odd17ApplyFilters() (match, count, the
# first page of results rendered, address), awaited, then a forced layout: the time includes
# the browser's restyle. Warm: every titles file is loaded first (as after a search by words).
_TIME_FILTERS = """async (filters) => {
  const form = document.getElementById("filtres");
  const names = Array.from(form.elements).map((e) => e.name).filter(Boolean);
  const set = (state) => names.forEach((n) => { form.elements[n].value = state[n] || ""; });
  const times = [];
  for (let round = 0; round < 10; round++) {
    for (const state of filters) {
      set(state);
      const start = performance.now();
      await window.odd17ApplyFilters();
      document.body.offsetHeight;
      times.push(performance.now() - start);
    }
  }
  set({});
  await window.odd17ApplyFilters();
  return times;
}"""


def _gzip_kb(data: bytes) -> float:
    return len(gzip.compress(data, 6)) / 1000


def measure(site: Path) -> dict[str, float]:
    """The examples index of a built site (called by scripts/bench.py at 1k/5k/10k examples).

    Bytes are what a static host serving gzip sends (each file compressed at level 6), counted
    from the requests Chromium makes: the first visit, a first filter by a facet, a first search
    by words (every titles file). ``index_kb`` is what the index itself needs to show and filter
    (its HTML, the filter script, its data); ``page_kb`` adds the theme's files, shared by every
    page of the site (cached after the first page visited).
    """
    from playwright.sync_api import sync_playwright

    index = (site / "exemples" / "index.html").read_bytes()
    own = ("exemples/index.html", "exemples/filtres/", "assets/examples-filter.js")
    figures: dict[str, float] = {
        "examples": len([p for p in (site / "exemples").iterdir() if p.is_dir()
                         and p.name not in ("filtres", "categories", "modeles", "regions")]),
        "index_html_kb": len(index) / 1000, "index_html_gzip_kb": _gzip_kb(index)}
    server, url = serve(site)
    requested: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda r: requested.append(r.url.removeprefix(url).split("?")[0]))

            def kb(paths: list[str], only_own: bool) -> float:
                total = 0.0
                for path in paths:
                    if path.startswith("search/"):
                        continue  # the search's index: measured by scripts/bench_search.py
                    file = site / (path + "index.html" if path.endswith("/") or not path else path)
                    if file.is_file() and (not only_own or path.startswith(own) or path == "exemples/"):
                        total += _gzip_kb(file.read_bytes())
                return total

            page.goto(url + "exemples/", wait_until="networkidle")
            page.locator("#filtres").wait_for(state="visible")
            first = list(requested)
            figures["index_kb"] = kb(first, True)
            figures["page_kb"] = kb(first, False)
            requested.clear()
            page.get_by_label("Modèle de partenariat").select_option(index=1)
            page.wait_for_load_state("networkidle")
            figures["first_filter_kb"] = kb(requested, True)
            requested.clear()
            page.get_by_label("Mots (titre, partenaire, modèle, catégorie, région)").fill("alliance")
            page.wait_for_function("!/Recherche/.test(document.querySelector('.odd17-results__count').textContent)")
            page.wait_for_load_state("networkidle")
            figures["words_kb"] = kb(requested, True)
            times = sorted(page.evaluate(_TIME_FILTERS, FILTERS))
            shown = page.locator(".odd17-results__count").inner_text()
            browser.close()
    finally:
        server.shutdown()
    figures["filter_median_ms"] = statistics.median(times)
    figures["filter_p95_ms"] = times[int(len(times) * 0.95) - 1]
    figures["filter_max_ms"] = times[-1]
    print(f"   (après le dernier filtrage : « {shown} »)", file=sys.stderr)
    return figures


def examples_index_figures(count: int, workdir: Path) -> dict[str, float]:
    """Build a copy of the project with ``count`` synthetic examples and measure its index."""
    project = bench.copy_project(workdir / f"kit-{count}")
    bench.write_examples(project / "content", count)
    bench.build(project)
    site = project / "site"
    figures = measure(site)
    search_index = (site / "search" / "search_index.json")
    if search_index.exists() and search_index.stat().st_size > 1000:  # Material's (lunr) index
        text = search_index.read_text(encoding="utf-8")
        unfolded = re.sub(r"<(p|span) hidden>[^<]*</(p|span)>", "", text)
        figures["search_index_kb"] = len(text.encode()) / 1000
        figures["search_index_unfolded_kb"] = len(unfolded.encode()) / 1000
        figures["search_index_gzip_kb"] = _gzip_kb(text.encode())
        figures["search_index_unfolded_gzip_kb"] = _gzip_kb(unfolded.encode())
    return figures


def _search_variant(project: Path, variant: str) -> None:
    """Set the copied project's search as ``variant``: material, material-stemmer or kit."""
    if variant == "kit":
        return
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if variant == "kit-stemmer":
        text = text.replace("      lang: fr\n",
                            "      lang: fr\n      pipeline: [stemmer, stopWordFilter, trimmer]\n", 1)
        config.write_text(text, encoding="utf-8")
        return
    text = re.sub(r"\n      separator: [^\n]*", "", text)
    if variant == "material-stemmer":
        text = text.replace("      lang: fr\n",
                            "      lang: fr\n      pipeline: [stemmer, stopWordFilter, trimmer]\n", 1)
    config.write_text(text, encoding="utf-8")
    folding = project / "odd17" / "search" / "search_folding.py"
    folding.write_text(folding.read_text(encoding="utf-8").replace(
        "    path = site / \"search\" / \"search_index.json\"\n",
        "    return  # measured without the folding (scripts/bench_examples.py)\n"
        "    path = site / \"search\" / \"search_index.json\"\n", 1), encoding="utf-8")


def search_hits(workdir: Path) -> dict[str, list[int | None]]:
    """For each variant, the rank of the expected page among the results of each query."""
    from playwright.sync_api import sync_playwright

    ranks: dict[str, list[int | None]] = {}
    for variant in VARIANTS:
        project = bench.copy_project(workdir / f"search-{variant}")
        _search_variant(project, variant)
        bench.build(project)
        server, url = serve(project / "site")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                ranks[variant] = []
                for query, expected in QUERIES:
                    page.goto(url, wait_until="load")
                    page.locator("input.md-search__input").click()
                    page.keyboard.type(query, delay=20)
                    page.wait_for_function(
                        "() => { const m = document.querySelector('.md-search-result__meta');"
                        " return m && /trouvé/.test(m.textContent); }",
                        timeout=30000)
                    page.wait_for_timeout(400)  # the last keystroke's results
                    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
                        "els => els.map(e => e.getAttribute('href'))")
                    found = [i for i, h in enumerate(hrefs, 1) if expected in h]
                    ranks[variant].append(found[0] if found else None)
                browser.close()
        finally:
            server.shutdown()
    return ranks


def report_index(f: dict[str, float]) -> None:
    print(f"Index des exemples, {f['examples']:.0f} exemples : HTML {f['index_html_kb']:.0f} ko "
          f"({f['index_html_gzip_kb']:.0f} ko compressé gzip).")
    print(f"Premier affichage : {f['index_kb']:.0f} ko compressés pour l'index (HTML, script des "
          f"filtres, données), {f['page_kb']:.0f} ko avec les fichiers du thème communs à toutes "
          f"les pages (hors index de la recherche). Premier filtre : +{f['first_filter_kb']:.0f} ko ; première recherche par "
          f"mots : +{f['words_kb']:.0f} ko.")
    print(f"Filtrage (70 filtrages, 7 états) : médiane {f['filter_median_ms']:.1f} ms, "
          f"95 % sous {f['filter_p95_ms']:.1f} ms, maximum {f['filter_max_ms']:.1f} ms.")
    if "search_index_kb" in f:
        print(f"Index de recherche : {f['search_index_kb']:.0f} ko avec les formes sans accents et "
              f"au singulier, {f['search_index_unfolded_kb']:.0f} ko sans (compressés : "
              f"{f['search_index_gzip_kb']:.0f} et {f['search_index_unfolded_gzip_kb']:.0f} ko).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_examples.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000, metavar="N",
                        help="nombre d'exemples synthétiques à ajouter (par défaut : 1000)")
    parser.add_argument("--no-search", action="store_true",
                        help="ne pas comparer les réglages de la recherche")
    parser.add_argument("--no-index", action="store_true",
                        help="ne pas mesurer l'index des exemples")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="odd17-bench-examples-") as tmp:
        if not args.no_index:
            print(f"… index des exemples avec {args.examples} exemples synthétiques",
                  file=sys.stderr)
            report_index(examples_index_figures(args.examples, Path(tmp)))
        if not args.no_search:
            print("… recherche : quatre réglages sur le contenu réel", file=sys.stderr)
            ranks = search_hits(Path(tmp))
            print("\n| requête | page attendue | " + " | ".join(VARIANTS.values()) + " |\n|---|---|"
                  + "---|" * len(VARIANTS))
            for i, (query, expected) in enumerate(QUERIES):
                cells = [f"rang {r[i]}" if r[i] else "**absente**" for r in ranks.values()]
                print(f"| {query} | {expected} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
