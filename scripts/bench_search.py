#!/usr/bin/env python3
"""Measure the online search as a reader meets it: ``python scripts/bench_search.py --examples 1000``.

``measure(site, queries)`` is what scripts/bench.py calls on a built site: in headless Chromium
(Debian's), a first visit to the home page, then the reader clicks the header's search box and
types each query as a person types (80 ms a key); three such visits (``VISITS``), each in a fresh
browser context (empty cache). Figures:

- bytes of the first visit and of the first query, as a static host serves them (text files
  gzipped, Pagefind's files as they are: they are compressed already), and their total;
- the time from the last key typed (its ``input`` event) to the frame that paints the results
  (the list marked complete by odd17/search/search.js, then the next frame): the first query (median
  and best of the visits: it includes whatever the box had not loaded when focused, the index
  chunks of the words and the browser's first run of Pagefind's WebAssembly), then the median
  of the later ones.

Run alone, the script builds temporary copies of the project with N synthetic, obviously fictional
examples (scripts/bench.py's generator), measures each and prints a Markdown table. Targets
(issue 9): first visit + first query at most 300 KB at 1,000 examples and 400 KB at 10,000;
results within 300 ms of typing at 10,000.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ("partenariat", "mécénat de compétences", "évaluation", "insertion des jeunes",
           "collectivité territoriale")
TYPING_DELAY_MS = 80
VISITS = 3  # first visits measured per site (fresh browser context each), times as the median
# Already compressed by Pagefind (gzip inside): a static host sends them as they are.
_COMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")

_WATCH = """() => {
  const box = document.querySelector('[data-odd17-search]');
  const input = box.querySelector('input');
  window.__odd17bench = {};
  input.addEventListener('input', () => { window.__odd17bench.typed = performance.now(); });
  // The search script marks the list complete (data-shown); the reader sees it at the next
  // frame: the time is taken after that frame is painted (a task queued from the frame).
  new MutationObserver(() => {
    const query = box.dataset.shown;
    requestAnimationFrame(() => setTimeout(() => {
      window.__odd17bench.shown = performance.now();
      window.__odd17bench.query = query;
    }));
  }).observe(box, {attributes: true, attributeFilter: ['data-shown']});
}"""


def served_size(url: str, body: bytes) -> int:
    """Bytes a static host sends: gzipped text, compressed files as they are."""
    if url.split("?")[0].endswith(_COMPRESSED):
        return len(body)
    return min(len(body), len(gzip.compress(body, 6)))


def _visit(browser, url: str, queries: tuple[str, ...] | list[str]) -> dict[str, float]:  # noqa: ANN001
    """One reader's visit in a fresh browser context (empty cache): the home page, then the
    queries typed in the header's box. Bytes and times of the visit."""
    sizes: dict[str, int] = {}
    figures: dict[str, float] = {}
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def on_response(response) -> None:  # noqa: ANN001 - Playwright's response
        try:
            sizes[response.url] = served_size(response.url, response.body())
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            pass

    try:
        page.on("response", on_response)
        page.goto(url, wait_until="networkidle")
        figures["first_visit_kb"] = sum(sizes.values()) / 1000
        visit = set(sizes)
        page.evaluate(_WATCH)
        box = page.locator("input.md-search__input")
        times = []
        for number, query in enumerate(queries):
            box.click()
            box.fill("")
            page.wait_for_function("() => document.querySelector('[data-odd17-search]')"
                                   ".dataset.shown === ''", timeout=60000)
            box.press_sequentially(query, delay=TYPING_DELAY_MS)
            page.wait_for_function("q => window.__odd17bench.query === q", arg=query,
                                   timeout=120000)
            page.wait_for_load_state("networkidle")
            times.append(page.evaluate("() => window.__odd17bench.shown"
                                       " - window.__odd17bench.typed"))
            if number == 0:
                first = {u: s for u, s in sizes.items() if u not in visit}
                figures["first_query_kb"] = sum(first.values()) / 1000
                figures["first_query_search_kb"] = sum(
                    s for u, s in first.items() if "/pagefind/" in u) / 1000
                figures["first_query_results"] = page.locator(
                    ".md-search-result__item").count()
                if os.environ.get("ODD17_BENCH_DETAIL"):
                    for u, s in sorted(first.items(), key=lambda i: -i[1]):
                        print(f"  {s / 1000:7.1f} ko  {u.removeprefix(url)}", file=sys.stderr)
    finally:
        context.close()
    figures["first_query_ms"] = times[0]
    figures["later_query_ms"] = statistics.median(times[1:] or times)
    figures["query_ms_max"] = max(times)
    return figures


def measure(site: Path, queries: tuple[str, ...] | list[str] = QUERIES,
            visits: int = VISITS) -> dict[str, float]:
    """Serve ``site`` on 127.0.0.1 and measure ``visits`` first visits and their searches in
    Chromium, each in a fresh context (nothing cached): bytes of the first one (the same in
    each), times as the median over the visits (and the best first query: the machine is
    shared, its load only ever adds time)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only when measuring

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: PLC0415 - the tests' helpers

    server, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            runs = [_visit(browser, url, queries) for _ in range(max(1, visits))]
            browser.close()
    finally:
        server.shutdown()
    figures = {key: runs[0][key] for key in ("first_visit_kb", "first_query_kb",
                                               "first_query_search_kb", "first_query_results")}
    figures["first_visit_and_query_kb"] = figures["first_visit_kb"] + figures["first_query_kb"]
    figures["first_query_ms"] = statistics.median(r["first_query_ms"] for r in runs)
    figures["first_query_ms_min"] = min(r["first_query_ms"] for r in runs)
    figures["query_ms_median"] = statistics.median(r["later_query_ms"] for r in runs)
    figures["query_ms_max"] = max(r["query_ms_max"] for r in runs)
    figures["visits"] = len(runs)
    return figures


def build_with_examples(count: int, workdir: Path) -> tuple[Path, float]:
    """A copy of the project with ``count`` synthetic examples, built; (site, build seconds)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import copy_project, write_examples  # noqa: PLC0415 - build's varied examples

    project = copy_project(workdir / f"kit-{count}")
    write_examples(project / "content", count)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                             "site"], cwd=project, env=env, capture_output=True, text=True)
    built = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"échec de la construction à {count} exemples :\n{result.stderr[-3000:]}")
    return project / "site", built


ROWS = [("examples", "exemples synthétiques (+ les réels)", "{:.0f}"),
        ("pages_indexed", "pages indexées par Pagefind", "{:.0f}"),
        ("build_s", "construction du site, Pagefind compris (s)", "{:.0f}"),
        ("bundle_mb", "index Pagefind sur le disque (Mo)", "{:.1f}"),
        ("first_visit_kb", "1re visite (accueil), servie gzip (ko)", "{:.0f}"),
        ("first_query_kb", "1re recherche « {q} » (ko)", "{:.0f}"),
        ("first_visit_and_query_kb", "accueil + 1re recherche (ko)", "{:.0f}"),
        ("first_query_ms", "1re recherche : résultats après la dernière touche, médiane (ms)",
         "{:.0f}"),
        ("first_query_ms_min", "1re recherche : la meilleure des visites (ms)", "{:.0f}"),
        ("query_ms_median", "recherches suivantes, médiane (ms)", "{:.0f}"),
        ("query_ms_max", "recherches, maximum (ms)", "{:.0f}")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, nargs="+", default=[1000])
    parser.add_argument("--site", type=Path, help="mesurer un site déjà construit")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="garder les copies construites dans ce dossier")
    args = parser.parse_args()
    from odd17.search import site_search  # noqa: PLC0415

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            tmp = str(args.keep)
        targets = [(None, args.site)] if args.site else [(n, None) for n in args.examples]
        for count, site in targets:
            figures: dict[str, float] = {"examples": count or 0}
            if site is None:
                site, figures["build_s"] = build_with_examples(count, Path(tmp))
            bundle = site / site_search.BUNDLE
            figures["pages_indexed"] = len(list(bundle.glob("**/fragment/*.pf_fragment")))
            figures["bundle_mb"] = sum(p.stat().st_size for p in (site / site_search.BUNDLE)
                                       .rglob("*") if p.is_file()) / 1e6
            figures.update(measure(site))
            runs.append(figures)
            print(json.dumps(figures), file=sys.stderr)
    print("| mesure | " + " | ".join(f"{r['examples']:.0f}" for r in runs) + " |")
    print("|---|" + "---:|" * len(runs))
    for key, label, fmt in ROWS:
        if all(key in r for r in runs):
            print(f"| {label.format(q=QUERIES[0])} | "
                  + " | ".join(fmt.format(r[key]) for r in runs) + " |")
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
