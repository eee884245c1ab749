"""Production static files: collectstatic with the manifest storage must succeed on everything we serve."""
from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

VENDOR = Path(__file__).resolve().parents[2] / "passerelle" / "static" / "vendor"


@pytest.mark.skipif(not (VENDOR / "chart.js").is_dir(), reason="browser libraries not installed (npm ci)")
def test_collectstatic_with_the_production_storage_resolves_every_reference(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    call_command("collectstatic", interactive=False, verbosity=0)

    assert (tmp_path / "staticfiles.json").is_file()
    assert list(tmp_path.glob("vendor/chart.js/chart.umd.min.*.js"))
