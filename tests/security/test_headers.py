"""Security headers on every kind of response, and templates that a strict CSP can hold."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from passerelle.core.middleware import DEFAULT_CSP

ROOT = Path(__file__).resolve().parents[2]
# An inline script (not a src= one, not a JSON data block), a style element or attribute, an on*= handler.
INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
                    r"|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def test_csp_allows_only_our_origin_and_no_inline_code():
    assert DEFAULT_CSP["script-src"] == "'self'"
    assert DEFAULT_CSP["style-src"] == "'self'"
    assert DEFAULT_CSP["object-src"] == "'none'"
    assert DEFAULT_CSP["frame-ancestors"] == "'none'"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/directory/people/", "/events/", "/accounts/login/", "/api/people",
                                 "/api/docs/", "/no-such-page/"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    assert response["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self'; style-src 'self'")
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] in ("same-origin", "unsafe-none")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_no_template_of_passerelle_holds_inline_script_style_or_handler():
    offenders = []
    for template in sorted((ROOT / "passerelle").rglob("templates/**/*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if INLINE.search(line):
                offenders.append(f"{template.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_rendered_pages_hold_no_inline_script_or_style(role_client, role, profiles):
    client = role_client(role)
    person = profiles["public"]
    for url in ["/", reverse("directory:people"), reverse("directory:person", args=[person.pk]),
                reverse("directory:organisations"), reverse("events:list"), reverse("privacy:notice")]:
        body = client.get(url).content.decode()
        assert INLINE.findall(body) == [], url


def test_production_cookies_are_secure_and_http_only():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(DEBUG="0", SECRET_KEY="s" * 30 + "-production-secret-0123456789abcdef", ALLOWED_HOSTS="example.org")
    code = ("from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS > 0, s.SECURE_SSL_REDIRECT)")
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "True True True Lax True True"
