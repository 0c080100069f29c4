#!/usr/bin/env python3
"""Create a new example record that passes the validator: `python scripts/new_example.py` (--help)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from odd17.scaffold import run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run("examples"))
