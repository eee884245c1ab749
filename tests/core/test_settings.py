"""Production settings come from the environment; a missing secret stops the start."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz-!@#%",
    "ALLOWED_HOSTS": "passerelle.example.org",
    "DATABASE_URL": "postgres://passerelle:secret@db.example.org:5432/passerelle",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION and k != "DJANGO_SETTINGS_MODULE"}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=60)


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert (result.returncode, result.stderr) == (0, "")


def test_settings_refuse_to_load_without_secret_key_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_debug_is_off_and_hosts_come_from_the_environment():
    code = "from django.conf import settings as s; print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['HOST'])"
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == "False ['passerelle.example.org'] db.example.org"


def test_postgresql_connections_turn_the_jit_compiler_off():
    code = "from django.conf import settings as s; print(s.DATABASES['default'].get('OPTIONS', {}).get('options'))"
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == "-c jit=off"
    result = manage("shell", "-c", code, DATABASE_URL="sqlite:///:memory:")
    assert result.stdout.strip().splitlines()[-1] == "None"


def last_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_without_redis_the_cache_is_a_database_table_shared_by_every_process():
    code = ("from django.conf import settings as s; from django.core.cache import caches; "
            "print(type(caches['default']).__name__, s.CACHES['default']['LOCATION'])")
    assert last_line(manage("shell", "-c", code + "; print(caches['default']._max_entries)", **PRODUCTION)) == "5000"
    assert last_line(manage("shell", "-c", code, **PRODUCTION)).startswith("DatabaseCache passerelle_cache")
    redis = manage("shell", "-c", code, **PRODUCTION, REDIS_URL="redis://cache.example.org:6379/0")
    assert last_line(redis) == "RedisCache redis://cache.example.org:6379/0"


def test_media_go_to_the_file_system_by_default():
    code = ("from django.core.files.storage import storages; d = storages['default']; "
            "print(type(d).__name__, d.location)")
    assert last_line(manage("shell", "-c", code, **PRODUCTION, MEDIA_ROOT="/srv/media")) == \
        "FileSystemStorage /srv/media"


def test_media_go_to_an_s3_compatible_store_when_configured():
    code = ("from django.core.files.storage import storages; d = storages['default']; "
            "print(type(d).__name__, d.bucket_name, d.endpoint_url, d.addressing_style, d.querystring_auth, "
            "d.file_overwrite, d.default_acl)")
    result = manage("shell", "-c", code, **PRODUCTION, MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="passerelle-media",
                    AWS_S3_ENDPOINT_URL="https://s3.example.org", AWS_S3_ADDRESSING_STYLE="path")
    assert last_line(result) == "S3Storage passerelle-media https://s3.example.org path True False None"


@pytest.mark.parametrize(("env", "message"), [
    ({"MEDIA_STORAGE": "s3"}, "AWS_STORAGE_BUCKET_NAME must be set when MEDIA_STORAGE=s3."),
    ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be 'local' or 's3', not 'ftp'."),
])
def test_a_wrong_media_storage_stops_the_start(env, message):
    result = manage("check", **PRODUCTION, **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_without_sentry_dsn_the_sdk_is_not_even_imported():
    code = "import sys; print('sentry_sdk' in sys.modules)"
    assert last_line(manage("shell", "-c", code, **PRODUCTION, SENTRY_DSN="")) == "False"


def test_sentry_dsn_turns_on_error_reporting_without_personal_data():
    # A DSN on a reserved domain: nothing is sent (no error happens), nothing could be.
    code = ("import sentry_sdk; c = sentry_sdk.get_client(); o = c.options; "
            "print(c.is_active(), o['send_default_pii'], o['max_request_body_size'], o['include_local_variables'], "
            "o['environment'], o['release'], sorted(n for n in c.integrations if n == 'django'))")
    result = manage("shell", "-c", code, **PRODUCTION, SENTRY_DSN="https://key@errors.example.invalid/7",
                    SENTRY_ENVIRONMENT="staging", SENTRY_RELEASE="passerelle@1.4.0")
    assert last_line(result) == "True False never False staging passerelle@1.4.0 ['django']"
    default = manage("shell", "-c", code, **PRODUCTION, SENTRY_DSN="https://key@errors.example.invalid/7")
    assert last_line(default).startswith("True False never False production ")
