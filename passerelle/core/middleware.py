"""Site-wide middleware: security headers (a strict Content-Security-Policy among them), a
clean "service unavailable" page when the database cannot be reached, and a 400 page for
values the database cannot hold.

Django's ``SecurityMiddleware`` already sends nosniff, Referrer-Policy, Cross-Origin-Opener-Policy
and HSTS (see ``settings.py``); this module adds what Django 5.2 does not have.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, DataError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .api import error_response, is_api_request

logger = logging.getLogger("passerelle.availability")

# Every resource from our own origin; no inline script or style, no plug-ins, no framing.
DEFAULT_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Powerful browser features nobody on Passerelle needs.
DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)


def content_security_policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy.

    A view may set its own ``Content-Security-Policy`` header; it is then left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        directives = {**DEFAULT_CSP, **getattr(settings, "CONTENT_SECURITY_POLICY", {})}
        self.csp = content_security_policy(directives)
        self.permissions_policy = getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class DatabaseUnavailableMiddleware:
    """When the database is down or restarting, answer 503 with a short page, never a traceback.

    The use cases write in ``transaction.atomic()`` blocks, so a connection lost half-way commits
    nothing; the broken connection is closed so that the next request opens a fresh one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OverflowError | DataError):
            # A value the database cannot hold (e.g. a 40-digit id in a choice field): the
            # request was bad, not the server; the transaction has rolled back.
            logger.warning("out-of-range input in %s %s: %s", request.method, request.path, exception)
            if is_api_request(request):
                return error_response(400, _("A value is out of range."), "invalid")
            return HttpResponse(render_to_string("400.html"), status=400)
        if not isinstance(exception, OperationalError | InterfaceError) and not _connection_lost(exception):
            return None
        logger.error("database unavailable during %s %s: %s", request.method, request.path, exception)
        for connection in connections.all(initialized_only=True):
            try:
                if connection.in_atomic_block or not connection.is_usable():
                    connection.close()
            except DatabaseError:
                connection.close()
        if is_api_request(request):
            response = error_response(503, _("The service is briefly unavailable: try again shortly."),
                                      "service_unavailable")
        else:
            response = HttpResponse(render_to_string("503.html", request=None), status=503)
        response["Retry-After"] = "30"
        return response


def _connection_lost(exception: Exception) -> bool:
    """psycopg reports a server gone away mid-transaction as a plain DatabaseError at times."""
    if not isinstance(exception, DatabaseError):
        return False
    return any(connection.connection is not None and getattr(connection.connection, "closed", False)
               for connection in connections.all(initialized_only=True))
