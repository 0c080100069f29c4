#!/usr/bin/env python3
"""Write schemas/*.json from the models: ``python scripts/export_schemas.py`` (``--check``)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from odd17.content.validation import validate  # noqa: E402
from odd17.publish.schema import schema_files  # noqa: E402


def main(argv: list[str]) -> int:
    report = validate(ROOT / "content")
    if report.kit is None:
        print("le contenu est invalide : lancez d'abord python scripts/validate.py", file=sys.stderr)
        return 1
    stale = []
    for name, text in schema_files(report.kit, editors=True).items():
        path = ROOT / "schemas" / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if "--check" not in argv:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if "--check" in argv and stale:
        print(f"schémas périmés : {', '.join(stale)} ; lancez python scripts/export_schemas.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
