"""Sign-in throttling with django-axes: how an attempt is keyed (account and client address).

Axes counts failed attempts per (account, address) pair and refuses further attempts of a
locked pair for a while (``AXES_*`` settings). The account is the e-mail typed, folded the way
the sign-in form folds it, so "Ada@Example.org" and "ada@example.org" share one counter.
"""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def username_of(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The e-mail of an attempt, stripped and lower-cased (as ``accounts`` matches it)."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = request.POST.get("username", "")
    return str(raw or "").strip().lower()[:255]


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the address the last trusted proxy saw.

    With ``TRUSTED_PROXY_COUNT = n`` (n reverse proxies in front), the n-th address from the
    right of X-Forwarded-For is the client as seen by the first proxy; anything further left
    was written by the client and is not trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return forwarded[0] if forwarded else remote
    return forwarded[-count]
