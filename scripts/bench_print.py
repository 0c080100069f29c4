#!/usr/bin/env python3
"""What the PDFs cost: ``python scripts/bench_print.py --examples 300 1000 5000``.

For each N, a temporary copy of the project gets N synthetic, fictional examples (written by
scripts/bench.py) and is built twice in the same run: the site alone, then the site with its
PDFs (``ODD17_DOWNLOADS=true``, as ``bash scripts/task build`` publishes it). The figure that
holds on a shared, noisy machine is their ratio (target: at most 2 at 1,000 examples, and a PDF
cost per example that stays flat from 1,000 to 10,000: linear growth). Also: the pages of the
whole-kit PDF (target: at most 60 + N / 4), the PDFs' size, and the printer's own steps as
odd17/print/printing.py logs them (assembly, the wait for Chromium and for the examples sheet
printed during the build, the layout and tagged prints two at a time, pikepdf's finishing).

scripts/bench.py calls ``pdf_figures`` on the copy it has built (issue 12, TEAM decision 7).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _build(project: Path, site: str, **env_vars: str) -> tuple[float, str]:
    import os

    env = {**os.environ, **ENV, **env_vars}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site],
                            cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"la construction a échoué :\n{result.stderr[-3000:]}")
    return seconds, result.stderr


def pdf_figures(project: Path, site_build_s: float | None = None, repeat: int = 1) -> dict[str, float]:
    """The PDFs' cost for a project copy (already holding its examples): the build with PDFs,
    the site-only build (measured here unless given, from the same run), their ratio, the pages
    of the whole kit and the printer's steps. The copy's folders site-print*/ are removed after."""
    import pikepdf

    # Each build ``repeat`` times, alternating, keeping the fastest: other work on a shared
    # machine only ever adds time.
    runs, pdf_runs = [], []
    for _ in range(repeat):
        if site_build_s is None or repeat > 1:
            runs.append(_build(project, "site-print-only")[0])
        pdf_runs.append(_build(project, "site-print", ODD17_DOWNLOADS="true"))
    site_build_s = min(runs) if runs else site_build_s
    with_pdf_s, log = min(pdf_runs)
    pdfs = sorted((project / "site-print/pdf").glob("*.pdf"))
    figures = {"site_build_s": site_build_s, "pdf_build_s": with_pdf_s,
               "pdf_ratio": with_pdf_s / site_build_s,
               "pdf_kit_pages": float(len(pikepdf.open(project / "site-print/pdf/kit-complet.pdf").pages)),
               "pdf_mb": sum(p.stat().st_size for p in pdfs) / 1e6}
    steps = re.search(r"PDF en ([\d.]+) s \(([^)]*)\)", log)
    if steps:
        figures["pdf_step_s"] = float(steps.group(1))
        for name, seconds in re.findall(r"([A-Za-zé ]+?) ([\d.]+) s", steps.group(2)):
            figures[f"pdf_{name.strip().lower().replace(' ', '_')}_s"] = float(seconds)
    for folder in ("site-print", "site-print-only"):
        shutil.rmtree(project / folder, ignore_errors=True)
    return figures


def bench(count: int, workdir: Path, repeat: int = 1) -> dict[str, float]:
    from bench import copy_project, write_examples

    project = copy_project(workdir / f"kit-{count}")
    node_modules = ROOT / "node_modules"
    if node_modules.exists() and not (project / "node_modules").exists():
        (project / "node_modules").symlink_to(node_modules)
    write_examples(project / "content", count)
    examples = len(list((project / "content/examples").glob("*.yml")))
    figures = {"examples": float(examples), **pdf_figures(project, repeat=repeat)}
    figures["pdf_ms_per_example"] = 1000 * (figures["pdf_build_s"] - figures["site_build_s"]) / examples
    figures["pages_allowed"] = 60 + examples / 4
    shutil.rmtree(project)
    return figures


ROWS = [("examples", "exemples (réels + synthétiques)", "{:.0f}"),
        ("site_build_s", "construction du site seul (s)", "{:.1f}"),
        ("pdf_build_s", "construction avec les PDF (s)", "{:.1f}"),
        ("pdf_ratio", "rapport avec PDF / site seul (objectif ≤ 2)", "{:.2f}"),
        ("pdf_ms_per_example", "coût des PDF par exemple (ms)", "{:.1f}"),
        ("pdf_step_s", "  étape PDF (s)", "{:.1f}"),
        ("pdf_attente_de_chromium_s", "    attente de Chromium et de la fiche des exemples (s)", "{:.1f}"),
        ("pdf_impression_s", "    impressions (mise en page, balisée), deux à la fois (s)", "{:.1f}"),
        ("pdf_finitions_s", "    finitions pikepdf : signets, liens, artefacts, XMP (s)", "{:.1f}"),
        ("pdf_kit_pages", "pages du kit complet", "{:.0f}"),
        ("pages_allowed", "  pages permises (60 + 1 par 4 exemples)", "{:.0f}"),
        ("pdf_mb", "taille des 5 PDF (Mo)", "{:.1f}")]


def table(results: list[dict[str, float]]) -> str:
    lines = ["| Mesure | " + " | ".join(f"{r['examples']:.0f} exemples" for r in results) + " |",
             "|---|" + "---|" * len(results)]
    for key, label, fmt in ROWS:
        if any(key in r for r in results):
            lines.append(f"| {label} | " + " | ".join(fmt.format(r[key]) if key in r else "–"
                                                      for r in results) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, nargs="+", default=[300, 1000],
                        help="nombres d'exemples synthétiques à ajouter (défaut : 300 1000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="construire chaque version N fois et garder la plus rapide (défaut : 1)")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="odd17-bench-print-") as tmp:
        for count in args.examples:
            print(f"… {count} exemples synthétiques", file=sys.stderr, flush=True)
            results.append(bench(count, Path(tmp), args.repeat))
    print(table(results))
    import os
    print(f"\nMachine : {os.cpu_count()} cœurs, Python {sys.version.split()[0]}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
