#!/usr/bin/env python3
"""Create a new tool record that passes the validator: `bash scripts/task new-tool` (--help).

The task installs what the script needs (.venv) first; run directly without it, the script says
so in French instead of failing on a missing package (odd17/cli.py, ``scaffold``).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from odd17.cli import scaffold  # noqa: E402 - plain Python: no package to miss

if __name__ == "__main__":
    sys.exit(scaffold("tools", "new-tool"))
