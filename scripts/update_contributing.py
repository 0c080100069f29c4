#!/usr/bin/env python3
"""Rewrite what contributors read that is made from the models and the vocabularies: the field
tables of CONTRIBUTING.md and the issue forms of .github/ISSUE_TEMPLATE/.

``python scripts/update_contributing.py`` (``--check`` exits 1 and names the stale files).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from odd17.content.validation import validate  # noqa: E402
from odd17.contribute.field_tables import contributing_section, replace_section  # noqa: E402
from odd17.contribute.issue_form import generated_files  # noqa: E402


def expected_files() -> dict[str, str]:
    """Path in the repository → the text it must hold."""
    report = validate(ROOT / "content")
    if report.kit is None:
        raise SystemExit("le contenu est invalide : lancez d'abord python scripts/validate.py")
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return {"CONTRIBUTING.md": replace_section(text, contributing_section(report.kit)),
            **generated_files(report.kit)}


def expected_text() -> str:
    return expected_files()["CONTRIBUTING.md"]


def main(argv: list[str]) -> int:
    files = expected_files()
    if "--check" in argv:
        stale = [name for name, text in files.items()
                 if not (ROOT / name).exists() or (ROOT / name).read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"{name} est périmé : lancez python3 scripts/update_contributing.py")
        return 1 if stale else 0
    for name, text in files.items():
        (ROOT / name).parent.mkdir(parents=True, exist_ok=True)
        (ROOT / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
