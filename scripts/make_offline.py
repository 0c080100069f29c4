#!/usr/bin/env python3
"""Build the offline copy of the kit and zip it into site/kit-hors-ligne.zip.

``python scripts/make_offline.py [--site site]``: builds the site again with Material's offline
plugin (ODD17_OFFLINE=true: .html addresses, inlined search index, iframe-worker shim from npm),
then zips it under one folder, with fixed dates so that two builds give the same file.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "odd17-en-pratique"  # what the zip unpacks to; open index.html inside


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args()
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01: zip's minimum
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ODD17_OFFLINE": "true", "ODD17_DOWNLOADS": "false",
               "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                                 "-f", str(args.config), "-d", tmp], env=env, cwd=args.config.parent)
        if result.returncode:
            return result.returncode
        target = args.site / "kit-hors-ligne.zip"
        args.site.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(Path(tmp).rglob("*"), key=lambda p: p.relative_to(tmp).as_posix()):
                if path.is_file():
                    info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(tmp).as_posix()}", stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, path.read_bytes())
    print(f"Copie hors ligne : {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} "
          f"({target.stat().st_size // 1024} Ko)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
