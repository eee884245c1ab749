"""API sign-in with a token: ``Authorization: Bearer <token>`` (``Token <token>`` also accepted).

A request without that header goes on to the next authentication class (the browser's
session). A header with an unknown, revoked or expired token, or the token of a deactivated
account, is refused with 401, even if a session cookie is present.
"""
from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from . import api_tokens

KEYWORDS = ("bearer", "token")


class BearerTokenAuthentication(BaseAuthentication):
    """A member's API token (``accounts/api_tokens.py``), sent in the Authorization header."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower().decode(errors="replace") not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Invalid Authorization header: give the token after “Bearer ”."))
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("Invalid API token.")) from None
        token = api_tokens.token_for_secret(secret)
        if token is None:
            raise AuthenticationFailed(_("Invalid API token."))
        if token.revoked_at is not None:
            raise AuthenticationFailed(_("This API token has been revoked."))
        if not token.is_active:
            raise AuthenticationFailed(_("This API token has expired."))
        if not token.user.is_active:
            raise AuthenticationFailed(_("The account of this API token is deactivated."))
        api_tokens.token_touch(token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (not 403) to calls that need a signed-in caller.
        return 'Bearer realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """The bearer scheme in ``/api/openapi.json``."""

    target_class = "passerelle.accounts.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema: Any) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, created on the account page (“API tokens”). "
                           "`Authorization: Bearer psl_…` (the keyword `Token` is accepted too).",
        }
