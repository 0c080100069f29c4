#!/usr/bin/env python3
"""Create a new tool record that passes the validator: `bash scripts/task new-tool` (--help).

The task installs what the script needs (.venv) first; run directly without it, the script says
so in French instead of failing on a missing package.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from odd17.cli import exit_on_interrupt  # noqa: E402 - plain Python, imported first

exit_on_interrupt()

try:
    from odd17.cli import guard
    from odd17.scaffold import run
except ModuleNotFoundError as missing:
    sys.exit(f"Il manque le paquet Python « {missing.name} » : lancez plutôt\n"
             "    bash scripts/task new-tool\n"
             "qui installe ce qu'il faut (une seule fois) puis pose les questions.")

if __name__ == "__main__":
    sys.exit(guard(lambda: run("tools")))
