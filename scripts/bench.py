#!/usr/bin/env python3
"""Measure how the kit scales: ``python scripts/bench.py --examples 1000 5000``.

For each N, a temporary copy of the project gets N synthetic, obviously fictional examples
(beside the real ones) and is built; a plain Material for MkDocs site of N pages of the same
text is built in the same run, so every figure has its baseline from the same machine and moment.
Figures: build time, time per example page, HTML size of an example page, search index size and
bytes fetched for a first search (headless Chromium), validator time (also on 10,000 records),
and the extra time of the published build (PDFs, downloads). Nothing in the work tree is
modified.

Targets (maintainers/performances.md): kit build with 1,000 examples within 1.5x of the plain site,
validator on 10,000 records under 3 s, an example page under 60 KB of HTML, linear growth.
"""

from __future__ import annotations

import argparse
import gzip
import inspect
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a clone without installing the package

import yaml  # noqa: E402

from odd17.validation import validate  # noqa: E402

SYNTHETIC_PREFIX = "fictif-"
EXAMPLES = "exemples"  # where example pages live (odd17.render)
WORDS = ("partenariat association entreprise territoire projet collaborateurs insertion "
         "compétences mécénat innovation sociale coopération solidarité quartier jeunes emploi "
         "formation accompagnement bénévoles habitants réseau expérimentation impact confiance "
         "dialogue ressources alliance collectivité mobilisation durable").split()


# --- Synthetic content ----------------------------------------------------------------------------

def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_example(number: int, rng: random.Random, allowed: dict[str, list[str]]) -> dict:
    """One fictional example, about the size of a real one written in full (~1,000 characters)."""
    description = "\n\n".join(" ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(4))
                              for _ in range(2))
    example = {
        "titre": f"Alliance fictive numéro {number} : {rng.choice(WORDS)} et {rng.choice(WORDS)}",
        "partenaires": [
            {"nom": f"Association imaginaire {number}", "type": "association",
             "site_web": f"https://association-{number}.example.org/"},
            {"nom": f"Entreprise fictive {number}", "type": "entreprise"},
            {"nom": f"Commune inventée {number}", "type": rng.choice(allowed["types_partenaires"])},
        ],
        "modele": rng.choice(allowed["modeles"]),
        "objectifs": rng.sample(allowed["objectifs"], 2),
        "impacts": rng.sample(allowed["impacts"], 1),
        "territoire": rng.choice(allowed["territoires"]),
        "description": description,
        "sources": [{"titre": f"Rapport d'activité fictif {number}",
                     "url": f"https://example.org/rapports/{number}"},
                    {"titre": "Entretien avec les partenaires (fictif)"}],
        "ajoute_le": "2025-01-15",
        "verifie_le": "2025-06-01",
    }
    return example


def write_examples(content: Path, count: int, seed: int = 17) -> list[str]:
    """Write ``count`` synthetic examples into ``content/examples``; returns their slugs."""
    report = validate(content)
    if report.kit is None:
        raise SystemExit("le contenu du projet n'est pas valide : lancez scripts/validate.py")
    kit = report.kit
    allowed = {"types_partenaires": [t.id for t in kit.vocabularies.partner_types],
               "territoires": [t.id for t in kit.vocabularies.territories],
               "modeles": [m.id for m in kit.typology.models],
               "objectifs": [o.id for o in kit.typology.objectives],
               "impacts": [i.id for i in kit.typology.impacts]}
    rng = random.Random(seed)
    slugs = []
    for number in range(1, count + 1):
        slug = f"{SYNTHETIC_PREFIX}{number:05d}"
        text = ("# Exemple synthétique et fictif écrit par scripts/bench.py (mesure des performances)\n"
                + yaml.safe_dump(synthetic_example(number, rng, allowed), allow_unicode=True,
                                 sort_keys=False, width=100))
        (content / "examples" / f"{slug}.yml").write_text(text, encoding="utf-8")
        slugs.append(slug)
    return slugs


def copy_project(dest: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", "site", "site-*", ".git", "node_modules", "__pycache__",
                                    ".pytest_cache", "tests")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


# --- The plain Material site of the same text -----------------------------------------------------

def _plain_markdown(markdown: str, slugs: set[str]) -> str:
    """A kit page's Markdown as plain Markdown: no front matter, no kit block, no backslash escape
    (plain Material has no pymdownx.escapeall), links kept only to pages the plain site has."""
    body = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    body = re.sub(r"^<div[^>]*markdown[^>]*>\s*$|^</div>\s*$", "", body, flags=re.M)
    body = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", body)

    def link(match: re.Match) -> str:
        target = match.group(2)
        slug = re.sub(r"\.md(#.*)?$", "", target.rsplit("/", 1)[-1])
        keep = target.startswith("http") or (target.startswith(f"../{EXAMPLES}/") and slug in slugs)
        return match.group(0) if keep else match.group(1)

    return re.sub(r"\[([^\]]*)\]\(([^)\s]*)\)", lambda m: link(m), body)


def write_plain_site(dest: Path, kit_project: Path, slugs: list[str]) -> Path:
    """A Material site with the kit's theme options and, for each example, the same text as the
    kit's page (its generated Markdown, made plain); like the kit, the pages are not in the
    navigation but linked from one index page."""
    from odd17 import mkdocs_plugin  # noqa: PLC0415 - imports MkDocs: only when benchmarking

    from mkdocs.utils.yaml import yaml_load  # noqa: PLC0415 - MkDocs' loader: !ENV, !!python/name
    with (kit_project / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file) or {}
    kit = validate(kit_project / "content").kit
    arguments = inspect.signature(mkdocs_plugin.generated_files).parameters
    generated = dict(mkdocs_plugin.generated_files(kit, config.get("site_url", "")) if len(arguments) > 1
                     else mkdocs_plugin.generated_files(kit))
    plain = {"site_name": "Site Material simple", "site_url": config.get("site_url"),
             "theme": config.get("theme", {"name": "material"}),
             "plugins": [{"search": {"lang": "fr"}}], "markdown_extensions": ["toc", "attr_list"],
             "nav": [{"Accueil": "index.md"}, {"Exemples": f"{EXAMPLES}/index.md"}],
             "not_in_nav": f"/{EXAMPLES}/*"}
    docs = dest / "docs"
    (docs / EXAMPLES).mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    (docs / "index.md").write_text("# Accueil\n\nVoir les [exemples](exemples/index.md).\n",
                                   encoding="utf-8")
    wanted = set(slugs)
    links = []
    for slug in slugs:
        markdown = generated[f"{EXAMPLES}/{slug}.md"]
        (docs / EXAMPLES / f"{slug}.md").write_text(_plain_markdown(markdown, wanted),
                                                    encoding="utf-8")
        links.append(f"- [{kit.examples[slug].title}]({slug}.md)")
    (docs / EXAMPLES / "index.md").write_text("# Exemples\n\n" + "\n".join(links) + "\n",
                                              encoding="utf-8")
    return dest


# --- Measures -------------------------------------------------------------------------------------

def timed(command: list[str], cwd: Path, **env_vars: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1735689600", **env_vars}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"échec de {' '.join(command)} dans {cwd} :\n{result.stderr[-3000:]}")
    return elapsed


def build(project: Path) -> float:
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"], project)


def sizes(site: Path, slugs: list[str]) -> dict[str, float]:
    pages = [(site / "exemples" / slug / "index.html").stat().st_size for slug in slugs]
    index = (site / "search" / "search_index.json").read_bytes()
    html_total = sum(p.stat().st_size for p in site.rglob("*.html"))
    return {"page_html_mean_kb": statistics.mean(pages) / 1000,
            "page_html_max_kb": max(pages) / 1000,
            "search_index_kb": len(index) / 1000,
            "search_index_gzip_kb": len(gzip.compress(index, 6)) / 1000,
            "site_html_mb": html_total / 1e6}


def first_search_bytes(site: Path, query: str = "partenariat") -> dict[str, float] | None:
    """Bytes a reader's browser fetches to open the home page and see the first search results."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: PLC0415 - test helpers
    server, url = serve(site)
    fetched: dict[str, int] = {}
    gz: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})

            def on_response(response) -> None:  # noqa: ANN001
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                    return
                fetched[response.url] = len(body)
                gz[response.url] = len(gzip.compress(body, 6))

            page.on("response", on_response)
            page.goto(url, wait_until="load")
            page.locator("input.md-search__input").click()
            page.wait_for_function("() => !/Initialisation/.test(document.querySelector("
                                   "'.md-search-result__meta').textContent)", timeout=120000)
            start = time.perf_counter()
            page.locator("input.md-search__input").press_sequentially(query)
            page.locator(".md-search-result__item").first.wait_for(timeout=120000)
            first_results_s = time.perf_counter() - start
            browser.close()
    finally:
        server.shutdown()
    search = [u for u in fetched if "search" in u or "lunr" in u]
    return {"first_search_total_kb": sum(fetched.values()) / 1000,
            "first_search_total_gzip_kb": sum(gz.values()) / 1000,
            "first_search_index_kb": sum(fetched[u] for u in search) / 1000,
            "first_search_results_s": first_results_s}


def validator_time(records: int, workdir: Path) -> dict[str, float]:
    """The validator on ``records`` examples: in-process (the build's call) and from the command
    line (what a contributor runs, Python start-up included)."""
    project = copy_project(workdir / f"validateur-{records}")
    write_examples(project / "content", records)
    start = time.perf_counter()
    report = validate(project / "content")
    in_process = time.perf_counter() - start
    if report.errors:
        raise SystemExit(f"les fiches synthétiques ne sont pas valides : {report.errors[0]}")
    command = timed([sys.executable, "scripts/validate.py"], project)
    shutil.rmtree(project)
    return {"records": len(report.kit.examples) + len(report.kit.tools),
            "validate_s": in_process, "validate_cli_s": command}


def published_build(project: Path) -> dict[str, float] | None:
    """The build as ``bash scripts/task build`` makes it (PDFs and downloads: the mkdocs.yml
    switch ``downloads``), timed; its extra time over the plain kit build is the PDFs' cost."""
    if "ODD17_DOWNLOADS" not in (project / "mkdocs.yml").read_text(encoding="utf-8"):
        return None
    seconds = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site-pdf"],
                    project, ODD17_DOWNLOADS="true")
    pdfs = list((project / "site-pdf").rglob("*.pdf"))
    return {"published_build_s": seconds, "pdf_mb": sum(p.stat().st_size for p in pdfs) / 1e6}


def bench(count: int, workdir: Path, browser: bool, pdf: bool = True) -> dict[str, float]:
    project = copy_project(workdir / f"kit-{count}")
    slugs = write_examples(project / "content", count)
    plain = write_plain_site(workdir / f"material-{count}", project, slugs)
    figures: dict[str, float] = {"examples": count + len(list((ROOT / "content/examples")
                                                                .glob("*.yml")))}
    figures["kit_build_s"] = build(project)
    figures["plain_build_s"] = build(plain)
    figures["ratio"] = figures["kit_build_s"] / figures["plain_build_s"]
    figures["kit_ms_per_example"] = 1000 * figures["kit_build_s"] / count
    figures["plain_ms_per_page"] = 1000 * figures["plain_build_s"] / count
    for name, site in (("kit", project / "site"), ("plain", plain / "site")):
        figures.update({f"{name}_{k}": v for k, v in sizes(site, slugs).items()})
    start = time.perf_counter()
    validate(project / "content")
    figures["validate_s"] = time.perf_counter() - start
    if browser:
        for name, site in (("kit", project / "site"), ("plain", plain / "site")):
            measured = first_search_bytes(site)
            if measured:
                figures.update({f"{name}_{k}": v for k, v in measured.items()})
    if pdf:
        published = published_build(project)
        if published:
            figures.update(published)
            figures["pdf_s"] = published["published_build_s"] - figures["kit_build_s"]
    shutil.rmtree(project)
    shutil.rmtree(plain)
    return figures


ROWS = [("examples", "exemples (réels + synthétiques)", "{:.0f}"),
        ("kit_build_s", "construction du kit (s)", "{:.1f}"),
        ("plain_build_s", "construction Material simple (s)", "{:.1f}"),
        ("ratio", "rapport kit / Material simple", "{:.2f}"),
        ("kit_ms_per_example", "kit : ms par page d'exemple", "{:.1f}"),
        ("plain_ms_per_page", "Material simple : ms par page", "{:.1f}"),
        ("kit_page_html_mean_kb", "kit : HTML d'une page d'exemple, moyenne (ko)", "{:.1f}"),
        ("kit_page_html_max_kb", "kit : HTML d'une page d'exemple, maximum (ko)", "{:.1f}"),
        ("plain_page_html_mean_kb", "Material simple : HTML d'une page (ko)", "{:.1f}"),
        ("kit_search_index_kb", "kit : index de recherche (ko)", "{:.0f}"),
        ("kit_search_index_gzip_kb", "kit : index de recherche compressé gzip (ko)", "{:.0f}"),
        ("plain_search_index_kb", "Material simple : index de recherche (ko)", "{:.0f}"),
        ("kit_first_search_total_kb", "kit : octets chargés, accueil + 1re recherche (ko)", "{:.0f}"),
        ("kit_first_search_total_gzip_kb", "  idem si le serveur compresse (gzip, ko)", "{:.0f}"),
        ("kit_first_search_index_kb", "  dont index et moteur de recherche (ko)", "{:.0f}"),
        ("plain_first_search_total_kb", "Material simple : accueil + 1re recherche (ko)", "{:.0f}"),
        ("kit_first_search_results_s", "kit : 1ers résultats après la frappe (s)", "{:.2f}"),
        ("validate_s", "validateur sur ces exemples (s)", "{:.2f}"),
        ("published_build_s", "construction publiée, avec PDF et téléchargements (s)", "{:.1f}"),
        ("pdf_s", "  dont PDF et téléchargements (s)", "{:.1f}"),
        ("pdf_mb", "  taille des PDF (Mo)", "{:.1f}")]


def table(results: list[dict[str, float]]) -> str:
    header = "| mesure | " + " | ".join(f"N = {r['n']}" for r in results) + " |"
    lines = [header, "|---|" + "---:|" * len(results)]
    for key, label, fmt in ROWS:
        if any(key in r for r in results):
            lines.append(f"| {label} | " + " | ".join(fmt.format(r[key]) if key in r else "—"
                                                     for r in results) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, nargs="+", default=[1000], metavar="N",
                        help="nombres d'exemples synthétiques à ajouter (par défaut : 1000)")
    parser.add_argument("--validator-records", type=int, default=10000, metavar="N",
                        help="nombre de fiches pour mesurer le validateur seul (par défaut : 10000)")
    parser.add_argument("--no-browser", action="store_true",
                        help="ne pas mesurer la première recherche dans Chromium")
    parser.add_argument("--no-pdf", action="store_true",
                        help="ne pas mesurer la construction avec les PDF")
    parser.add_argument("--json", type=Path, help="écrire aussi les mesures dans ce fichier JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="odd17-bench-") as tmp:
        workdir = Path(tmp)
        results = []
        for count in args.examples:
            print(f"… {count} exemples synthétiques", file=sys.stderr, flush=True)
            results.append({"n": count, **bench(count, workdir, not args.no_browser,
                                                not args.no_pdf)})
        print(f"… validateur sur {args.validator_records} fiches", file=sys.stderr, flush=True)
        validator = validator_time(args.validator_records, workdir)
    print(table(results))
    print(f"\nValidateur sur {validator['records']} fiches : {validator['validate_s']:.2f} s "
          f"(appel de la construction), {validator['validate_cli_s']:.2f} s avec "
          "scripts/validate.py (démarrage de Python compris).")
    print(f"Machine : {os.cpu_count()} cœurs, Python {sys.version.split()[0]}.")
    if args.json:
        args.json.write_text(json.dumps({"builds": results, "validator": validator}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
