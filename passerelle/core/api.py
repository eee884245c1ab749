"""Shared API pieces: the page-number pagination every list endpoint uses, a JSON parser that
answers 400, never 500, to any body it cannot read, the one error shape of every API answer,
the coordinators' permission, the throttles and the OpenAPI error component."""
from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, ResolverMatch, resolve
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.exceptions import ParseError
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .throttling import client_ip


class StandardPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200


class SafeJSONParser(JSONParser):
    """JSON bodies nested too deeply for the parser (``[[[[...]]]]``) are a 400 with a message."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the body is nested too deeply.") from None


def require_object(data: Any) -> dict:
    """The body of an endpoint that takes named fields must be a JSON object."""
    if not isinstance(data, dict):
        raise ParseError("The body must be a JSON object with named fields.")
    return data


# --- One error shape under /api/ -----------------------------------------------------------------
#
# Every error of the API, whatever its status, is answered as
#   {"error": {"status": 401, "code": "not_authenticated", "message": "…", "fields": {…}}}
# ``code`` is a stable machine word (DRF's codes: not_authenticated, authentication_failed,
# permission_denied, not_found, method_not_allowed, throttled, parse_error, invalid, …, and
# server_error / service_unavailable); ``message`` is for people, in the caller's language;
# ``fields`` (400 only) maps each refused field to its messages, ``non_field_errors`` for the rest.

ERROR_CODES = {400: "invalid", 401: "not_authenticated", 403: "permission_denied", 404: "not_found",
               405: "method_not_allowed", 429: "throttled", 500: "server_error", 503: "service_unavailable"}


def error_body(status: int, message: str, code: str = "", fields: dict | None = None) -> dict:
    """The JSON of an API error (the shape above)."""
    error: dict[str, Any] = {"status": status, "code": code or ERROR_CODES.get(status, "error"),
                             "message": str(message)}
    if fields:
        error["fields"] = fields
    return {"error": error}


def error_response(status: int, message: str, code: str = "") -> JsonResponse:
    """The same shape from a plain Django view (unknown URL, 500 handler)."""
    return JsonResponse(error_body(status, message, code), status=status)


def _plain(detail: Any) -> Any:
    """DRF's error details (ErrorDetail, nested lists and dicts) as plain JSON values."""
    if isinstance(detail, dict):
        return {str(key): _plain(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_plain(value) for value in detail]
    return str(detail)


def _first_code(codes: Any) -> str:
    while isinstance(codes, dict | list) and codes:
        codes = next(iter(codes.values())) if isinstance(codes, dict) else codes[0]
    return codes if isinstance(codes, str) else ""


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, answering every API error in the one shape; other exceptions go on to
    Django's 500 handler (``core/errors.py``, which answers JSON under /api/ too)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None) is not None:
        headers["Retry-After"] = str(max(1, math.ceil(exc.wait)))
    status = exc.status_code
    if isinstance(exc.detail, dict):
        fields = _plain(exc.detail)
        message = _("Some fields are invalid: see “fields”.")
        if set(fields) == {api_settings.NON_FIELD_ERRORS_KEY}:
            message = " ".join(str(m) for m in fields[api_settings.NON_FIELD_ERRORS_KEY])
    elif isinstance(exc.detail, list):
        fields = {api_settings.NON_FIELD_ERRORS_KEY: _plain(exc.detail)} if status == 400 else None
        message = " ".join(str(m) for m in exc.detail)
    else:
        fields, message = None, exc.detail
    code = _first_code(exc.get_codes()) if status != 400 else ERROR_CODES[400]
    if isinstance(exc, exceptions.ParseError):
        code = "parse_error"
    # Imported here: rest_framework.views reads DEFAULT_PARSER_CLASSES, which names this module.
    from rest_framework.views import set_rollback

    set_rollback()
    return Response(error_body(status, message, code or ERROR_CODES.get(status, ""), fields),
                    status=status, headers=headers)


def form_errors(form: Any) -> exceptions.ValidationError:
    """A Django form's errors as the API's 400 (``raise form_errors(form)``)."""
    fields = {}
    for name, errors in form.errors.get_json_data().items():
        key = api_settings.NON_FIELD_ERRORS_KEY if name == "__all__" else name
        fields[key] = [error["message"] for error in errors]
    return exceptions.ValidationError(fields)


@csrf_exempt
def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any URL under /api/ that names no endpoint: the JSON 404 (or, like Django's
    ``APPEND_SLASH``, a redirect to the same address with a slash when that one exists:
    ``/api/docs`` → ``/api/docs/``)."""
    if settings.APPEND_SLASH and request.method in ("GET", "HEAD") and not request.path.endswith("/"):
        match = resolve_or_none(request.path_info + "/")
        if match is not None and match.func is not api_not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return error_response(404, exceptions.NotFound.default_detail, "not_found")


def resolve_or_none(path: str) -> ResolverMatch | None:
    try:
        return resolve(path)
    except Resolver404:
        return None


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


class IsCoordinator(IsAuthenticated):
    """Coordinators only: anonymous callers get 401, members 403."""

    message = _("This endpoint is for coordinators.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return super().has_permission(request, view) and bool(getattr(request.user, "is_coordinator", False))


# --- Throttling ------------------------------------------------------------------------------------
#
# Two budgets kept in Django's cache (shared by every process when the cache is): anonymous calls
# per client address (``API_RATE_ANON``), signed-in ones per account, whether by token or session
# (``API_RATE_USER``); rates like "120/minute", read at each request so tests may change them.


class ClientAddressThrottle(SimpleRateThrottle):
    scope = "api_anon"
    setting = "API_RATE_ANON"

    def get_rate(self) -> str | None:
        return getattr(settings, self.setting, None) or None

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class AccountThrottle(ClientAddressThrottle):
    scope = "api_user"
    setting = "API_RATE_USER"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


# --- OpenAPI: the error component, and the error answers of every operation -------------------------

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {
        "type": "object",
        "required": ["status", "code", "message"],
        "properties": {
            "status": {"type": "integer", "example": 401},
            "code": {"type": "string", "example": "not_authenticated",
                     "description": "Stable machine word: invalid, parse_error, not_authenticated, "
                                    "authentication_failed, permission_denied, not_found, method_not_allowed, "
                                    "throttled, server_error, service_unavailable…"},
            "message": {"type": "string", "description": "For people, in the language asked (Accept-Language)."},
            "fields": {"type": "object", "description": "400 only: each refused field and its messages "
                                                        "(non_field_errors for the rest).",
                       "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        },
    }},
}
ERROR_ANSWERS = {"400": "Invalid parameters or body", "401": "Not signed in, or an invalid token",
                 "403": "Not allowed", "404": "Not found", "429": "Too many requests: see Retry-After"}


def add_error_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular hook: the ``Error`` component, and the error answers on every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, description in ERROR_ANSWERS.items():
                answer = operation["responses"].get(status)
                if answer is None or answer.get("content", {}).get("application/json", {}).get("schema") in (
                        None, {"type": "object", "additionalProperties": {}}):
                    operation["responses"][status] = {"description": description, "content": reference}
    return result
