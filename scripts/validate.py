#!/usr/bin/env python3
"""Check the kit's content: ``python scripts/validate.py [CHEMIN ...]``.

Without a path, checks all of content/. Exit 0 when valid, 1 when not, 2 on a usage error.
Under GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as an annotation.
The checks themselves live in odd17.content.validation, shared with every ``mkdocs build``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a clone without installing the package

from odd17.terminal import exit_on_interrupt  # noqa: E402 - plain Python, imported first

exit_on_interrupt()

try:
    from odd17.content.problems import print_lines
    from odd17.content.validation import validate
    from odd17.terminal import FrenchArgumentParser, guard
except ModuleNotFoundError as missing:  # run outside the venv: say which command installs it
    sys.exit(f"Il manque le paquet Python « {missing.name} » : lancez plutôt "
             "bash scripts/task validate (il installe ce qu'il faut).")


def main(argv: list[str] | None = None) -> int:
    parser = FrenchArgumentParser(
        prog="validate.py", description="Vérifie les fiches du kit (exemples, outils, typologie).")
    parser.add_argument("paths", nargs="*", type=Path, metavar="CHEMIN",
                        help="fichiers ou dossiers de fiches à vérifier (par défaut : tout content/)")
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="dossier du contenu (par défaut : content/)")
    args = parser.parse_args(argv)
    missing = [p for p in [args.content, *args.paths] if not p.exists()]
    if missing:
        print_lines(f"validate.py : chemin introuvable : {missing[0]}", file=sys.stderr)
        return 2
    # Two processes share thousands of records (the machine's cores, at most 2: maintainers/performances.md).
    report = validate(args.content, args.paths or None, workers=min(2, os.cpu_count() or 1))
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in report.problems:
        print_lines(problem)
        if annotate:  # the one line meant as a workflow command, its values escaped for it
            print(problem.github_annotation())
    print_lines(report.summary())
    if args.paths and not report.errors:  # titles and addresses were compared among these only
        print("Avec des chemins, les titres et les noms de fichier ne sont comparés qu'entre ces "
              "fichiers : lancez la commande sans chemin pour les comparer à toutes les fiches.",
              file=sys.stderr)
    if os.environ.get("ODD17_TIMINGS"):  # scripts/bench_validate.py: where the time goes
        import time

        from odd17.content import validation

        workers = ", ".join(f"{cpu:.2f}" for cpu in validation.WORKER_CPU_SECONDS) or "aucun"
        print(f"temps processeur : principal {time.process_time():.2f} s, "
              f"travailleurs {workers} s", file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(guard(main))  # Ctrl-C or a closed pipe: a French line, not a traceback
