#!/usr/bin/env python3
"""Measure how the kit scales: ``bash scripts/task bench`` (``--examples 1000,5000,10000``).

For each N, a temporary copy of the project gets N synthetic, obviously fictional examples whose
text is drawn word by word from the seeds (``--seeds``, else the project's own French text): no
two records are alike, so pages, indexes and compression cost what real ones would. The copy is
built as published (site-only, then with the PDFs), and a plain Material for MkDocs site of the
same N pages (the same text, outside the navigation, font off, French search, nothing else) is
built in the same run: the machine is shared and noisy, the ratios are what hold.

Figures (the targets of issues 9 and 12, in maintainers/performances.md): build time kit vs
floor and their ratio, time per example page and its linearity 10k/1k, the validator's whole
process at 10,000 records, the search (scripts/bench_search.py), the examples index
(scripts/bench_examples.py), the PDF cost (build with downloads vs site-only) and Lighthouse's
four scores on three pages (Chromium, site served gzipped). Nothing in the work tree is modified.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import importlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a clone without installing the package

import yaml  # noqa: E402

from odd17.content.validation import validate  # noqa: E402

SYNTHETIC_PREFIX = "fictif-"
EXAMPLES = "exemples"  # where example pages live (odd17.site.render)
DEFAULT_SEEDS = Path("/work/shared/seeds")
# The fictional host of the bench's builds: with a public address the pages carry their share
# block and QR code, as the published site does (a placeholder would never be published).
BENCH_SITE_URL = "https://kit-odd17.banc-de-mesure.test/"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


# --- Synthetic content ----------------------------------------------------------------------------

@functools.cache
def vocabulary(seeds: Path | None = None) -> tuple[str, ...]:
    """The words of the seeds (in their order, repeats kept: drawing from it gives French word
    frequencies); without the seeds, the words of the project's own pages and records."""
    folder = seeds if seeds is not None else DEFAULT_SEEDS
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        files = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "content").rglob("*.yml"))
    text = " ".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    return tuple(re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ’']{2,}", text))


def _sentence(rng: random.Random, words: tuple[str, ...], count: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(count)).lower()
    return text[0].upper() + text[1:] + "."


def synthetic_example(number: int, rng: random.Random, allowed: dict[str, list[str]],
                      words: tuple[str, ...] = ()) -> dict:
    """One fictional example, about the size of a real one written in full (~1,000 characters)."""
    words = words or vocabulary()
    description = "\n\n".join(" ".join(_sentence(rng, words, rng.randint(8, 16)) for _ in range(4))
                              for _ in range(2))
    return {
        "titre": f"Alliance fictive numéro {number} : {rng.choice(words)} et {rng.choice(words)}",
        "partenaires": [
            {"nom": f"Association imaginaire {rng.choice(words)} {number}", "type": "association",
             "site_web": f"https://association-{number}.example.org/"},
            {"nom": f"Entreprise fictive {rng.choice(words)} {number}", "type": "entreprise"},
            {"nom": f"Commune inventée {number}", "type": rng.choice(allowed["types_partenaires"])},
        ],
        "modele": rng.choice(allowed["modeles"]),
        "objectifs": rng.sample(allowed["objectifs"], 2),
        "impacts": rng.sample(allowed["impacts"], 1),
        "territoire": rng.choice(allowed["territoires"]),
        "description": description,
        "sources": [{"titre": f"Rapport d'activité fictif {number} : {rng.choice(words)}",
                     "url": f"https://example.org/rapports/{number}"},
                    {"titre": "Entretien avec les partenaires (fictif)"}],
        "ajoute_le": "2025-01-15",
        "verifie_le": "2025-06-01",
    }


def write_examples(content: Path, count: int, seed: int = 17,
                   seeds: Path | None = None) -> list[str]:
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
    words = vocabulary(seeds)
    slugs = []
    for number in range(1, count + 1):
        slug = f"{SYNTHETIC_PREFIX}{number:05d}"
        text = ("# Exemple synthétique et fictif écrit par scripts/bench.py (mesure des performances)\n"
                + yaml.safe_dump(synthetic_example(number, rng, allowed, words),
                                 allow_unicode=True, sort_keys=False, width=100))
        (content / "examples" / f"{slug}.yml").write_text(text, encoding="utf-8")
        slugs.append(slug)
    return slugs


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources (no site, no venv, no tests) to build or break at will
    (the bench, and the tests through tests/conftest.py); the npm packages (Pagefind, the QR
    code library, the offline shim) are the project's, linked, read only."""
    anywhere = shutil.ignore_patterns(".venv", ".git", "node_modules", "__pycache__", ".pytest_cache",
                                      ".mypy_cache", ".ruff_cache")
    at_top = shutil.ignore_patterns("site", "site-*", "tests")  # odd17/site/ is code: kept

    def ignore(folder: str, names: list[str]) -> set[str]:
        ignored = set(anywhere(folder, names))
        return ignored | set(at_top(folder, names)) if Path(folder) == ROOT else ignored

    shutil.copytree(ROOT, dest, ignore=ignore)
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


# --- The plain Material site of the same text -----------------------------------------------------

def plain_markdown(kit, slug: str) -> str:  # noqa: ANN001 - odd17.content.kit.Kit
    """An example's text as a plain Markdown page: what the kit's page shows, without the kit."""
    example = kit.examples[slug]
    model = kit.model(example.model)
    lines = [f"# {example.title}", "",
             f"- **Modèle de partenariat :** {model.name}",
             f"- **Catégorie :** {kit.category_of(example).name}"]
    if example.territory:
        lines.append(f"- **Territoire :** {kit.label('territoires', example.territory)}")
    lines += ["", "## Le partenariat", "", example.description.strip(), "", "## Les partenaires", ""]
    lines += [f"- [{p.name}]({p.website})" if p.website else f"- {p.name}"
              for p in example.partners]
    lines += ["", "## Objectifs et impacts", "",
              "- " + ", ".join(kit.label("objectifs", o) for o in example.objectives),
              "- " + ", ".join(kit.label("impacts", i) for i in example.impacts),
              "", "## Sources", ""]
    lines += [f"- [{s.title}]({s.url})" if s.url else f"- {s.title}" for s in example.sources]
    return "\n".join(lines) + "\n"


def write_plain_site(dest: Path, kit_project: Path, slugs: list[str]) -> Path:
    """The floor: a Material site whose N example pages hold the same text as the kit's, outside
    the navigation (linked from one index page), font off, French search, nothing else."""
    kit = validate(kit_project / "content").kit
    plain = {"site_name": "Site Material simple", "site_url": BENCH_SITE_URL,
             "theme": {"name": "material", "language": "fr", "font": False},
             "plugins": [{"search": {"lang": "fr"}}],
             "nav": [{"Accueil": "index.md"}, {"Exemples": f"{EXAMPLES}/index.md"}],
             "not_in_nav": f"/{EXAMPLES}/*"}
    docs = dest / "docs"
    (docs / EXAMPLES).mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    (docs / "index.md").write_text("# Accueil\n\nVoir les [exemples](exemples/index.md).\n",
                                   encoding="utf-8")
    links = []
    for slug in slugs:
        (docs / EXAMPLES / f"{slug}.md").write_text(plain_markdown(kit, slug), encoding="utf-8")
        links.append(f"- [{kit.examples[slug].title}]({slug}.md)")
    (docs / EXAMPLES / "index.md").write_text("# Exemples\n\n" + "\n".join(links) + "\n",
                                              encoding="utf-8")
    return dest


# --- Builds ---------------------------------------------------------------------------------------

def _env(**env_vars: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
            "SOURCE_DATE_EPOCH": "1735689600", "ODD17_SITE_URL": BENCH_SITE_URL, **env_vars}


def timed(command: list[str], cwd: Path, **env_vars: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=_env(**env_vars), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"échec de {' '.join(command)} dans {cwd} :\n{result.stderr[-3000:]}")
    return elapsed


def build(project: Path, site: str = "site", **env_vars: str) -> float:
    """``mkdocs build`` of ``project`` into ``project/site``, timed (whole process)."""
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], project,
                 **env_vars)


def validator_process(project: Path) -> float:
    """The validator as a contributor or CI runs it: the whole ``scripts/validate.py`` process."""
    return timed([sys.executable, "scripts/validate.py"], project)


# --- Other engineers' measures (called on the built site; absent → "non mesuré") -------------------

def _measure(module: str, *args: object) -> dict[str, float] | str:
    """Call ``measure`` of scripts/<module>.py; a French reason when it is missing or fails
    (the bench goes on: one missing figure must not hide the rest)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        loaded = importlib.import_module(module)
    except ImportError as error:
        return f"non mesuré (scripts/{module}.py absent : {error})"
    function: Callable[..., dict[str, float]] | None = getattr(loaded, "measure", None)
    if function is None:
        return f"non mesuré (scripts/{module}.py n'a pas de fonction measure)"
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - reported in the table, bench goes on
        return f"non mesuré ({module}.measure a échoué : {type(error).__name__}: {error})"


def search_figures(site: Path) -> dict[str, float] | str:
    return _measure("bench_search", site)


def index_figures(site: Path) -> dict[str, float] | str:
    return _measure("bench_examples", site)


# --- Lighthouse on the site served gzipped --------------------------------------------------------

class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files compressed with gzip when the browser accepts it, as static hosts serve them."""

    cache: dict[str, bytes] = {}

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - http.server's signature
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io  # noqa: PLC0415
        return io.BytesIO(body)


def serve_gzipped(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(type("Handler", (_GzipHandler,), {"cache": {}}),
                                directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(site: Path, pages: dict[str, str], workdir: Path,
               runs: int = 3) -> dict[str, dict[str, float]] | str:
    """Lighthouse's four category scores (0 to 1) for each page (name → address in the site),
    with Debian's Chromium, the site served gzipped on 127.0.0.1: the median of ``runs`` runs
    (Lighthouse's own advice: its performance score moves with the machine's load), with the
    audits under 0.9 of the median run; the reports are kept in ``workdir``."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not binary.exists():
        return "non mesuré (npm ci : le paquet lighthouse manque)"
    server, base = serve_gzipped(site)
    scores: dict[str, dict[str, float]] = {}
    try:
        for name, address in pages.items():
            reports = []
            for run in range(runs):
                report = workdir / f"lighthouse-{re.sub(r'[^a-z]+', '-', name)}-{run}.json"
                result = subprocess.run(
                    [str(binary), base + address, "--quiet", "--output=json",
                     f"--output-path={report}",
                     "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
                     "--chrome-flags=" + " ".join(CHROMIUM_FLAGS)],
                    env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True,
                    timeout=600)
                if result.returncode != 0 or not report.exists():
                    return f"non mesuré (lighthouse a échoué : {result.stderr.strip()[-500:]})"
                reports.append(json.loads(report.read_text(encoding="utf-8")))
            reports.sort(key=lambda d: d["categories"]["performance"]["score"])
            median = reports[len(reports) // 2]
            scores[name] = {c: statistics.median(d["categories"][c]["score"] for d in reports)
                            for c in LIGHTHOUSE_CATEGORIES}
            scores[name]["failing"] = sorted(  # type: ignore[assignment]
                f"{c}:{ref['id']}" for c in LIGHTHOUSE_CATEGORIES
                for ref in median["categories"][c]["auditRefs"]
                if ref.get("weight") and median["audits"][ref["id"]].get("score") is not None
                and median["audits"][ref["id"]]["score"] < 0.9)
    finally:
        server.shutdown()
    return scores


# --- One size -------------------------------------------------------------------------------------

def bench(count: int, workdir: Path, *, pdf: bool, browser: bool, lighthouse_runs: int,
          seeds: Path | None, validator: bool) -> dict[str, object]:
    project = copy_project(workdir / f"kit-{count}")
    slugs = write_examples(project / "content", count, seeds=seeds)
    plain = write_plain_site(workdir / f"material-{count}", project, slugs)
    figures: dict[str, object] = {"n": count, "examples": len(list((project / "content/examples")
                                                                  .glob("*.yml")))}
    # Floor, kit and kit with its PDFs one after the other, twice up to 1,000 examples, the best
    # of each: the machine is shared, and each ratio compares builds made in the same minute
    # (measured alone, after the browser measures, the PDF build was up to a third slower).
    kit_times, plain_times, pdf_times = [], [], []
    for _ in range(2 if count <= 1000 else 1):
        plain_times.append(build(plain))
        kit_times.append(build(project))
        if pdf:
            pdf_times.append(build(project, "site-pdf", ODD17_DOWNLOADS="true"))
    figures["kit_build_s"] = min(kit_times)
    figures["plain_build_s"] = min(plain_times)
    figures["ratio"] = figures["kit_build_s"] / figures["plain_build_s"]
    figures["kit_ms_per_example"] = 1000 * figures["kit_build_s"] / count
    figures["plain_ms_per_page"] = 1000 * figures["plain_build_s"] / count
    site = project / "site"
    pages = [(site / EXAMPLES / slug / "index.html").stat().st_size for slug in slugs[:200]]
    figures["page_html_kb"] = sum(pages) / len(pages) / 1000
    if validator:
        figures["validator_process_s"] = validator_process(project)
    if browser:
        figures["search"] = search_figures(site)
        figures["index"] = index_figures(site)
    if lighthouse_runs:
        figures["lighthouse"] = lighthouse(site, {
            "accueil": "", "index des exemples": f"{EXAMPLES}/",
            "page d'exemple": f"{EXAMPLES}/{slugs[len(slugs) // 2]}/"}, workdir, lighthouse_runs)
    if pdf:
        figures["published_build_s"] = min(pdf_times)
        figures["pdf_ratio"] = figures["published_build_s"] / figures["kit_build_s"]
        figures["pdf_mb"] = sum(p.stat().st_size for p in (project / "site-pdf").rglob("*.pdf")) / 1e6
        figures["pdf_ms_per_example"] = 1000 * (figures["published_build_s"]
                                                - figures["kit_build_s"]) / count
    shutil.rmtree(project)
    shutil.rmtree(plain)
    return figures


# --- Report ---------------------------------------------------------------------------------------

ROWS = [("examples", "exemples (réels + synthétiques)", "{:.0f}"),
        ("plain_build_s", "construction Material simple, plancher (s)", "{:.1f}"),
        ("kit_build_s", "construction du kit, site seul (s)", "{:.1f}"),
        ("ratio", "**rapport kit / plancher** (objectif ≤ 2,5 à 1 000)", "{:.2f}"),
        ("kit_ms_per_example", "kit : ms par page d'exemple", "{:.1f}"),
        ("plain_ms_per_page", "plancher : ms par page", "{:.1f}"),
        ("page_html_kb", "HTML d'une page d'exemple (ko)", "{:.1f}"),
        ("validator_process_s", "validateur, processus entier (s)", "{:.2f}"),
        ("published_build_s", "construction avec PDF et téléchargements (s)", "{:.1f}"),
        ("pdf_ratio", "**rapport avec PDF / site seul** (objectif ≤ 2 à 1 000)", "{:.2f}"),
        ("pdf_ms_per_example", "PDF : ms par exemple", "{:.1f}"),
        ("pdf_mb", "taille des PDF (Mo)", "{:.1f}")]


def _fr(text: str) -> str:
    return text.replace(".", ",")


# French labels of the other parts' figures (a key not listed here is printed as it comes).
LABELS = {
    "first_visit_kb": "1re visite (accueil), servie gzip (ko)",
    "first_query_kb": "1re requête (ko)",
    "first_query_search_kb": "  dont fichiers Pagefind (ko)",
    "first_query_results": "résultats de la 1re requête",
    "first_visit_and_query_kb": "**1re visite + 1re requête (ko)** (objectif ≤ 300 à 1 000, ≤ 400 à 10 000)",
    "first_query_ms": "**1re requête : résultats après la dernière touche, médiane des visites (ms)** "
                      "(objectif ≤ 300)",
    "first_query_ms_min": "1re requête : la meilleure des visites (ms)",
    "query_ms_median": "**requêtes suivantes : résultats après la frappe, médiane (ms)** (objectif ≤ 300)",
    "query_ms_max": "requêtes : maximum (ms)",
    "visits": "visites mesurées (navigateur vide à chaque fois)",
    "examples": "exemples dans le site",
    "index_html_kb": "HTML de l'index (ko)",
    "index_html_gzip_kb": "HTML de l'index, gzip (ko)",
    "index_kb": "**chargement de l'index, gzip (ko)** (objectif ≤ 200 à 10 000)",
    "page_kb": "  avec les fichiers du thème (ko)",
    "first_filter_kb": "1er filtre par facette (ko)",
    "words_kb": "1re recherche par mots (ko)",
    "filter_median_ms": "filtrage, médiane (ms)",
    "filter_p95_ms": "filtrage, 95e centile (ms)",
    "filter_max_ms": "**filtrage, maximum (ms)** (objectif ≤ 100)",
}


def _sub_table(results: list[dict[str, object]], key: str, title: str) -> list[str]:
    """A block of figures measured by another engineer's script (dict), or its reason (str)."""
    rows: dict[str, dict[int, str]] = {}
    notes = []
    for r in results:
        value = r.get(key)
        if isinstance(value, dict):
            for name, v in value.items():
                text = f"{v:.3g}" if isinstance(v, float) else str(v)
                rows.setdefault(name, {})[r["n"]] = _fr(text)
        elif isinstance(value, str):
            notes.append(f"N = {r['n']} : {value}")
    if not rows and not notes:
        return []
    lines = [f"\n{title}\n"]
    if rows:
        sizes = [r["n"] for r in results]
        lines.append("| mesure | " + " | ".join(f"N = {n}" for n in sizes) + " |")
        lines.append("|---|" + "---:|" * len(sizes))
        for name, values in rows.items():
            lines.append(f"| {LABELS.get(name, name)} | "
                         + " | ".join(values.get(n, "—") for n in sizes) + " |")
    lines += [f"- {note}" for note in notes]
    return lines


def report(results: list[dict[str, object]], validator: dict[str, float] | None) -> str:
    sizes = [r["n"] for r in results]
    lines = ["| mesure | " + " | ".join(f"N = {n}" for n in sizes) + " |",
             "|---|" + "---:|" * len(sizes)]
    for key, label, fmt in ROWS:
        if any(key in r for r in results):
            lines.append(f"| {label} | " + " | ".join(_fr(fmt.format(r[key])) if key in r else "—"
                                                     for r in results) + " |")
    per_page = {r["n"]: r["kit_ms_per_example"] for r in results}
    small, large = min(per_page), max(per_page)
    if large > small:
        lines.append(f"\nLinéarité : ms par page d'exemple à {large} / à {small} = "
                     f"**{_fr(f'{per_page[large] / per_page[small]:.2f}')}** (objectif ≤ 1,1).")
    pdf = {r["n"]: r["pdf_ms_per_example"] for r in results if "pdf_ms_per_example" in r}
    if len(pdf) > 1:
        lo, hi = min(pdf), max(pdf)
        lines.append(f"PDF : ms par exemple à {hi} / à {lo} = {_fr(f'{pdf[hi] / pdf[lo]:.2f}')}.")
    if validator:
        lines.append(f"Validateur sur {validator['records']} fiches, processus entier "
                     f"(scripts/validate.py) : **{_fr(format(validator['seconds'], '.2f'))} s** "
                     "(objectif < 3 s).")
    lines += _sub_table(results, "search", "Recherche (scripts/bench_search.py) :")
    lines += _sub_table(results, "index", "Index des exemples (scripts/bench_examples.py) :")
    for r in results:
        scores = r.get("lighthouse")
        if isinstance(scores, str):
            lines.append(f"\nLighthouse à N = {r['n']} : {scores}")
        elif isinstance(scores, dict):
            lines.append(f"\nLighthouse à N = {r['n']} (Chromium, site servi compressé gzip, "
                         "médiane des passages) :\n")
            lines.append("| page | " + " | ".join(LIGHTHOUSE_CATEGORIES) + " | audits sous 0,9 |")
            lines.append("|---|" + "---:|" * len(LIGHTHOUSE_CATEGORIES) + "---|")
            for page, s in scores.items():
                lines.append(f"| {page} | " + " | ".join(_fr(f"{s[c]:.2f}")
                                                        for c in LIGHTHOUSE_CATEGORIES)
                             + f" | {', '.join(s['failing']) or '—'} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in
                   Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cœurs "
            f"{cpu}, charge {load:.1f}, Python {platform.python_version()}")


def _sizes(text: str) -> list[int]:
    return [int(part) for part in re.split(r"[,\s]+", text.strip()) if part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", default="1000,5000,10000", metavar="N,N…",
                        help="nombres d'exemples synthétiques (par défaut : 1000,5000,10000)")
    parser.add_argument("--validator-records", type=int, default=10000, metavar="N",
                        help="fiches pour le validateur seul (par défaut : 10000 ; la copie de "
                             "cette taille est réutilisée si elle est construite)")
    parser.add_argument("--pdf-max", type=int, default=5000, metavar="N",
                        help="mesurer la construction avec PDF jusqu'à N exemples (par défaut : 5000)")
    parser.add_argument("--lighthouse-at", type=int, default=1000, metavar="N",
                        help="taille où lancer Lighthouse (par défaut : 1000 ; 0 : jamais)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, metavar="N",
                        help="passages de Lighthouse par page, médiane retenue (par défaut : 3)")
    parser.add_argument("--no-browser", action="store_true",
                        help="ne mesurer ni la recherche ni l'index dans Chromium")
    parser.add_argument("--no-pdf", action="store_true", help="ne pas construire avec les PDF")
    parser.add_argument("--seeds", type=Path, default=None,
                        help=f"dossier des textes sources où tirer les mots (par défaut : "
                             f"{DEFAULT_SEEDS}, sinon les textes du projet)")
    parser.add_argument("--json", type=Path, help="écrire aussi les mesures dans ce fichier JSON")
    args = parser.parse_args(argv)
    sizes = _sizes(args.examples)
    print(f"… machine : {machine()}", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="odd17-bench-") as tmp:
        workdir = Path(tmp)
        results = []
        validator = None
        for count in sizes:
            print(f"… {count} exemples synthétiques", file=sys.stderr, flush=True)
            figures = bench(count, workdir, pdf=not args.no_pdf and count <= args.pdf_max,
                            browser=not args.no_browser,
                            lighthouse_runs=args.lighthouse_runs if count == args.lighthouse_at
                            else 0,
                            seeds=args.seeds, validator=count == args.validator_records)
            if "validator_process_s" in figures:
                validator = {"records": figures["examples"], "seconds": figures["validator_process_s"]}
            results.append(figures)
            print(report(results, None), file=sys.stderr, flush=True)
        if validator is None and args.validator_records:
            print(f"… validateur sur {args.validator_records} fiches", file=sys.stderr, flush=True)
            project = copy_project(workdir / "validateur")
            write_examples(project / "content", args.validator_records, seeds=args.seeds)
            validator = {"records": len(list((project / "content/examples").glob("*.yml"))),
                         "seconds": validator_process(project)}
    print(report(results, validator))
    print(f"\nMachine : {machine()}.")
    print(f"Commande : bash scripts/task bench --examples {','.join(map(str, sizes))}")
    if args.json:
        args.json.write_text(json.dumps({"builds": results, "validator": validator}, indent=2,
                                        ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
