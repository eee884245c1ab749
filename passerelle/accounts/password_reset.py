"""Password reset, throttled: a few links per address and per client an hour.

Past the limit for an address, the page answers exactly as when a link is sent (nobody learns
whether an account exists) but no e-mail leaves; past the limit for a client, the page says to try
again later (that says nothing about any account). Counters live in the cache, for
``PASSWORD_RESET_WINDOW_SECONDS``.
"""
from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from passerelle.core.throttling import client_ip


def _spend(key: str, limit: int) -> bool:
    """Count one more use of ``key``; False once ``limit`` uses were made in the window."""
    window = getattr(settings, "PASSWORD_RESET_WINDOW_SECONDS", 3600)
    cache.add(key, 0, timeout=window)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        used = 1
    return used <= limit


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form) -> HttpResponse:
        address = form.cleaned_data["email"].strip().lower()
        digest = hashlib.sha256(address.encode("utf-8")).hexdigest()
        if not _spend(f"password-reset:client:{client_ip(self.request)}",
                      getattr(settings, "PASSWORD_RESET_PER_CLIENT", 10)):
            form.add_error(None, _("Too many password reset requests from your connection: try again in an hour."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if not _spend(f"password-reset:address:{digest}", getattr(settings, "PASSWORD_RESET_PER_ADDRESS", 3)):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
