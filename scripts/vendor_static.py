"""Fetch the browser libraries (Chart.js, vis-network) into passerelle/static/vendor/, checked.

Each library's version and sha512 ``integrity`` come from package-lock.json (the pin in
package.json must match). The script downloads the package's tarball from the npm registry,
refuses it unless its sha512 equals the lock's integrity, then unpacks only the files the pages
use (licences included). Node and npm are not needed. Any failure (network, hash, missing file)
stops with a message and a non-zero exit; nothing is written for a tarball that does not check.

Usage: ``python scripts/vendor_static.py`` (from anywhere). ``NPM_REGISTRY`` points to a mirror
(default https://registry.npmjs.org). Standard library only: it runs before any virtualenv exists.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sys
import tarfile
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "passerelle" / "static" / "vendor"
REGISTRY = os.environ.get("NPM_REGISTRY", "https://registry.npmjs.org").rstrip("/")
STAMP = ".installed"

# npm package → files inside its tarball, copied flat into static/vendor/<package>/.
# The source maps go along: the files name them, and collectstatic's manifest storage
# refuses a file whose referenced map is missing.
# vis-network's "peer" build with vis-data beside it: the "standalone" build adds its stylesheet as
# an inline <style>, which the Content-Security-Policy refuses (the page links the stylesheet).
FILES: dict[str, list[str]] = {
    "chart.js": ["dist/chart.umd.min.js", "dist/chart.umd.min.js.map", "LICENSE.md"],
    "vis-data": ["peer/umd/vis-data.min.js", "peer/umd/vis-data.min.js.map", "LICENSE-APACHE-2.0", "LICENSE-MIT"],
    "vis-network": [
        "peer/umd/vis-network.min.js",
        "peer/umd/vis-network.min.js.map",
        "styles/vis-network.min.css",
        "styles/vis-network.min.css.map",
        "LICENSE-APACHE-2.0",
        "LICENSE-MIT",
    ],
}
# Development libraries (package.json's devDependencies), for the tests only, never served:
# axe-core, which the browser journeys run on the main pages.
DEV_FILES: dict[str, list[str]] = {"axe-core": ["axe.min.js", "LICENSE"]}
TEST_VENDOR = ROOT / "var" / "test-vendor"


class VendorError(Exception):
    """A library could not be fetched, did not match its integrity, or lacks a file."""


def locked_packages(root: Path = ROOT, names: list[str] | None = None,
                    section: str = "dependencies") -> dict[str, tuple[str, str]]:
    """package → (version, integrity) from package-lock.json, checked against package.json's pins
    (``section``: ``dependencies``, or ``devDependencies`` for the test libraries)."""
    pins = json.loads((root / "package.json").read_text()).get(section, {})
    lock = json.loads((root / "package-lock.json").read_text())["packages"]
    result = {}
    for name in names or list(FILES):
        entry = lock.get(f"node_modules/{name}")
        if entry is None or "integrity" not in entry:
            raise VendorError(f"{name}: not in package-lock.json with an integrity hash")
        if pins.get(name) != entry["version"]:
            raise VendorError(f"{name}: package.json pins {pins.get(name)}, package-lock.json has {entry['version']}")
        result[name] = (entry["version"], entry["integrity"])
    return result


def tarball_url(name: str, version: str, registry: str = REGISTRY) -> str:
    return f"{registry}/{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"


def check_integrity(data: bytes, integrity: str) -> None:
    """Raise unless ``data`` has the sha512 of an npm ``integrity`` string ("sha512-<base64>")."""
    expected = [item.split("-", 1)[1] for item in integrity.split() if item.startswith("sha512-")]
    if not expected:
        raise VendorError(f"no sha512 in the integrity {integrity!r}")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual not in expected:
        raise VendorError(f"sha512 mismatch: the lock says {expected[0]}, the download has {actual}")


def unpack(data: bytes, files: list[str], target: Path) -> list[Path]:
    """Copy ``files`` (paths inside the package) from the tarball ``data`` flat into ``target``."""
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        members = {member.name: member for member in archive.getmembers() if member.isfile()}
        missing = [name for name in files if f"package/{name}" not in members]
        if missing:
            raise VendorError(f"not in the package: {', '.join(missing)}")
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name in files:
            extracted = archive.extractfile(members[f"package/{name}"])
            assert extracted is not None
            path = target / Path(name).name
            path.write_bytes(extracted.read())
            written.append(path)
    return written


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (https registry URL)
        return response.read()


def vendor(root: Path = ROOT, vendor_dir: Path = VENDOR, fetch: Callable[[str], bytes] = download,
           registry: str = REGISTRY, *, dev: bool = False) -> list[Path]:
    """Fetch, check and unpack every library (with ``dev``, the test libraries); write the stamp
    listing their versions last."""
    written = []
    files = DEV_FILES if dev else FILES
    packages = locked_packages(root, list(files), "devDependencies" if dev else "dependencies")
    for name, (version, integrity) in packages.items():
        url = tarball_url(name, version, registry)
        try:
            data = fetch(url)
        except OSError as error:
            raise VendorError(f"{name} {version}: cannot download {url}: {error}") from error
        try:
            check_integrity(data, integrity)
            written += unpack(data, files[name], vendor_dir / name)
        except VendorError as error:
            raise VendorError(f"{name} {version} ({url}): {error}") from error
    (vendor_dir / STAMP).write_text("".join(f"{name}=={version}\n" for name, (version, _) in packages.items()))
    return written


def main() -> int:
    try:
        for path in [*vendor(), *vendor(vendor_dir=TEST_VENDOR, dev=True)]:
            print(f"vendor: {path.relative_to(ROOT)}")
    except VendorError as error:
        print(f"vendor_static: {error}", file=sys.stderr)
        print("The charts and the network graph need these files: fix the cause and run it again.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
