#!/usr/bin/env python3
"""Freshness report for maintainers: stale records and every external address of the records.

``python scripts/report_freshness.py`` lists records whose « verifie_le » is over two years old
and all the web addresses the records cite (partners' websites, sources, tools), to check by hand.
``--check-online`` also requests each address (needs a network: never used by the tests or CI).
"""

from __future__ import annotations

import argparse
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from odd17.validation import validate  # noqa: E402


def addresses(kit) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(record page, field, address) for every external address of the records."""
    found = []
    for slug, example in kit.examples.items():
        for i, partner in enumerate(example.partners):
            if partner.website:
                found.append((f"exemples/{slug}", f"partenaires[{i}].site_web", partner.website))
        found += [(f"exemples/{slug}", f"sources[{i}].url", s.url)
                  for i, s in enumerate(example.sources) if s.url]
    for slug, tool in kit.tools.items():
        if tool.url:
            found.append((f"outils/{slug}", "adresse", tool.url))
        found += [(f"outils/{slug}", f"sources[{i}].url", s.url)
                  for i, s in enumerate(tool.sources) if s.url]
    return found


def status(url: str) -> str:
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "odd17-kit"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 - http(s) only
            return str(response.status)
    except Exception as error:  # noqa: BLE001 - the report lists every failure as it is
        return f"erreur : {error}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Rapport de fraîcheur des fiches.")
    parser.add_argument("--check-online", action="store_true",
                        help="interroger chaque adresse (réseau nécessaire)")
    args = parser.parse_args()
    report = validate(ROOT / "content")
    if report.kit is None:
        for problem in report.errors:
            print(problem)
        return 1
    stale = report.warnings
    print(f"## Fiches à revérifier ({len(stale)})")
    for problem in stale:
        print(f"- {problem}")
    found = addresses(report.kit)
    print(f"\n## Adresses citées par les fiches ({len(found)})")
    for page, field, url in found:
        suffix = f" → {status(url)}" if args.check_online else ""
        print(f"- {page} ({field}) : {url}{suffix}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
