#!/usr/bin/env python3
"""Check or extend published-urls.txt from a built site.

``python scripts/published_urls.py --add SITE``: add the site's new page addresses.
``python scripts/published_urls.py --check SITE``: exit 1 listing published addresses the site lost.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from odd17.publish.published_urls import add_new_urls, lost_urls  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="dossier du site construit (site/)")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--add", action="store_true")
    action.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.add:
        for url in add_new_urls(args.site):
            print(f"ajoutée : {url}")
        return 0
    lost = lost_urls(args.site)
    for url in lost:
        print(f"adresse publiée perdue : {url} (ajoutez une redirection : champ « anciens_slugs » "
              "de la fiche renommée, ou redirect_maps dans mkdocs.yml)")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
