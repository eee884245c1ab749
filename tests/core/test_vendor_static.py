"""scripts/vendor_static.py: a library is unpacked only when its tarball has the lock's sha512."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile

import pytest

from scripts import vendor_static
from scripts.vendor_static import VendorError


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with one library, its tarball and a lock that names the tarball's sha512."""
    data = tarball({"dist/lib.min.js": b"window.lib = 1;", "LICENSE": b"MIT", "src/other.js": b"-"})
    monkeypatch.setattr(vendor_static, "FILES", {"lib": ["dist/lib.min.js", "LICENSE"]})
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"lib": "1.2.3"}}))
    lock = {"packages": {"node_modules/lib": {"version": "1.2.3", "integrity": integrity(data)}}}
    (tmp_path / "package-lock.json").write_text(json.dumps(lock))
    return {"root": tmp_path, "vendor": tmp_path / "vendor", "tarball": data, "fetched": []}


def run(project, data: bytes) -> list:
    def fetch(url: str) -> bytes:
        project["fetched"].append(url)
        return data

    return vendor_static.vendor(project["root"], project["vendor"], fetch=fetch, registry="https://registry.test")


def test_a_checked_tarball_is_unpacked_with_only_the_listed_files(project):
    written = run(project, project["tarball"])
    assert project["fetched"] == ["https://registry.test/lib/-/lib-1.2.3.tgz"]
    assert sorted(p.name for p in written) == ["LICENSE", "lib.min.js"]
    assert (project["vendor"] / "lib" / "lib.min.js").read_bytes() == b"window.lib = 1;"
    assert not (project["vendor"] / "lib" / "other.js").exists()
    assert (project["vendor"] / ".installed").read_text() == "lib==1.2.3\n"


def test_a_tarball_that_differs_from_the_lock_is_refused_and_nothing_is_written(project):
    tampered = tarball({"dist/lib.min.js": b"window.evil = 1;", "LICENSE": b"MIT"})
    with pytest.raises(VendorError, match="sha512 mismatch"):
        run(project, tampered)
    assert not project["vendor"].exists()


def test_a_pin_that_differs_from_the_lock_is_refused_before_any_download(project):
    (project["root"] / "package.json").write_text(json.dumps({"dependencies": {"lib": "1.2.4"}}))
    with pytest.raises(VendorError, match="package.json pins 1.2.4, package-lock.json has 1.2.3"):
        run(project, project["tarball"])
    assert project["fetched"] == []


def test_a_listed_file_missing_from_the_package_fails(project, monkeypatch):
    monkeypatch.setattr(vendor_static, "FILES", {"lib": ["dist/lib.min.js", "dist/lib.min.js.map"]})
    with pytest.raises(VendorError, match="not in the package: dist/lib.min.js.map"):
        run(project, project["tarball"])


def test_a_failed_download_names_the_url_and_the_script_exits_non_zero(project, monkeypatch, capsys):
    def offline(url: str) -> bytes:
        raise OSError("network unreachable")

    with pytest.raises(VendorError, match="cannot download https://registry.test/lib/-/lib-1.2.3.tgz"):
        vendor_static.vendor(project["root"], project["vendor"], fetch=offline, registry="https://registry.test")
    monkeypatch.setattr(vendor_static, "vendor", lambda: (_ for _ in ()).throw(VendorError("lib: boom")))
    assert vendor_static.main() == 1
    assert "vendor_static: lib: boom" in capsys.readouterr().err


def test_the_real_lock_pins_every_library_the_pages_use_with_a_sha512():
    packages = vendor_static.locked_packages()
    assert set(packages) == set(vendor_static.FILES) == {"chart.js", "vis-data", "vis-network"}
    dev = vendor_static.locked_packages(names=list(vendor_static.DEV_FILES), section="devDependencies")
    assert set(dev) == {"axe-core"} and all(value.startswith("sha512-") for _, value in dev.values())
    assert all(value.startswith("sha512-") for _, value in packages.values())
