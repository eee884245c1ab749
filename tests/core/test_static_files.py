"""Production static files: collectstatic with the manifest storage must succeed on everything we serve,
and the report pages must name the hashed browser libraries that whitenoise then serves."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from scripts import vendor_static

VENDOR = Path(__file__).resolve().parents[2] / "passerelle" / "static" / "vendor"
MISSING = ("the browser libraries are not in passerelle/static/vendor/: run `make venv` "
           "(it runs scripts/vendor_static.py, which fetches and checks them)")


def vendor_files() -> list[str]:
    return [f"vendor/{package}/{Path(name).name}" for package, names in vendor_static.FILES.items()
            for name in names]


PRODUCTION_STORAGE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """One collectstatic for the module (compression makes it slow) with the production storage."""
    missing = [name for name in vendor_files() if not (VENDOR.parent / name).is_file()]
    assert not missing, f"{MISSING}; missing: {', '.join(missing)}"
    root = tmp_path_factory.mktemp("staticfiles")
    storages = {**django_settings.STORAGES, "staticfiles": PRODUCTION_STORAGE}
    with override_settings(DEBUG=False, STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production_static(settings, collected):
    settings.DEBUG = False
    settings.STATIC_ROOT = collected
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PRODUCTION_STORAGE}
    return collected


def test_collectstatic_with_the_production_storage_resolves_every_reference(production_static):
    hashed = json.loads((production_static / "staticfiles.json").read_text())["paths"]
    for name in vendor_files():
        assert name in hashed and hashed[name] != name, name
        assert (production_static / hashed[name]).is_file(), hashed[name]


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "library"), [
    ("reports:dashboard", "vendor/chart.js/chart.umd.min"),
    ("reports:network", "vendor/vis-(data/vis-data|network/vis-network).min"),
    ("reports:annual", "vendor/chart.js/chart.umd.min"),
])
def test_report_pages_name_hashed_libraries_that_are_served(production_static, coordinator_client, page, library):
    args = [timezone.now().year] if page == "reports:annual" else []
    response = coordinator_client.get(reverse(page, args=args))
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r'src="(/static/vendor/[^"]+)"', html)
    assert scripts, "the page names no browser library"
    for src in scripts:
        assert re.search(library.replace(".", r"\.") + r"\.[0-9a-f]{12}\.js$", src), src
        served = coordinator_client.get(src)
        assert served.status_code == 200, src
        assert b"".join(served.streaming_content) == (production_static / src.removeprefix("/static/")).read_bytes()
