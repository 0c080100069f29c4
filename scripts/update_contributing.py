#!/usr/bin/env python3
"""Rewrite the field tables of CONTRIBUTING.md from the models and vocabularies.

``python scripts/update_contributing.py`` (``--check`` exits 1 when the file is stale).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from odd17.field_tables import contributing_section, replace_section  # noqa: E402
from odd17.validation import validate  # noqa: E402


def expected_text() -> str:
    report = validate(ROOT / "content")
    if report.kit is None:
        raise SystemExit("le contenu est invalide : lancez d'abord python scripts/validate.py")
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return replace_section(text, contributing_section(report.kit))


def main(argv: list[str]) -> int:
    path = ROOT / "CONTRIBUTING.md"
    text = expected_text()
    if "--check" in argv:
        return 0 if path.read_text(encoding="utf-8") == text else 1
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
