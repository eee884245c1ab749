"""Copy the browser libraries installed by ``npm ci`` (node_modules/) into passerelle/static/vendor/.

The files come from the npm registry at set-up time (versions pinned in package.json and
package-lock.json, with their integrity hashes); none of them is committed. ``make venv`` runs
``npm ci`` then this script; without npm, pages keep their tables and skip the charts.
Usage: ``python scripts/vendor_static.py`` (from the repository root).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
VENDOR = ROOT / "passerelle" / "static" / "vendor"

# destination folder under static/vendor/ → files of the installed package (licences included)
FILES = {
    # The source maps go along: the files name them, and collectstatic's manifest storage
    # refuses a file whose referenced map is missing.
    "chart.js": ["chart.js/dist/chart.umd.min.js", "chart.js/dist/chart.umd.min.js.map", "chart.js/LICENSE.md"],
    "vis-network": [
        "vis-network/standalone/umd/vis-network.min.js",
        "vis-network/standalone/umd/vis-network.min.js.map",
        "vis-network/styles/vis-network.min.css",
        "vis-network/styles/vis-network.min.css.map",
        "vis-network/LICENSE-APACHE-2.0",
        "vis-network/LICENSE-MIT",
    ],
}


def copy_libraries(modules: Path = MODULES, vendor: Path = VENDOR) -> list[Path]:
    missing = [f for files in FILES.values() for f in files if not (modules / f).is_file()]
    if missing:
        raise FileNotFoundError(f"not installed (run npm ci first): {', '.join(missing)}")
    copied = []
    for folder, files in FILES.items():
        target = vendor / folder
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            copied.append(Path(shutil.copy2(modules / name, target / Path(name).name)))
    return copied


if __name__ == "__main__":
    try:
        for path in copy_libraries():
            print(f"vendor: {path.relative_to(ROOT)}")
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
