"""The 500 handler: a database that is down or restarting gets the 503 page, anything else 500;
under /api/ both are the API's JSON error (``core/api.py``).

Django calls ``handler500`` while the exception is being handled, so ``sys.exc_info()`` tells
which one it was. Errors raised inside middleware (a session save, say) reach this handler
rather than ``DatabaseUnavailableMiddleware.process_exception``.
"""
from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .api import error_response, is_api_request


def server_error(request: HttpRequest) -> HttpResponse:
    exception = sys.exc_info()[1]
    unavailable = isinstance(exception, OperationalError | InterfaceError)
    if is_api_request(request) and not unavailable:
        return error_response(500, _("Server error: it has been recorded."), "server_error")
    if is_api_request(request):
        response = error_response(503, _("The service is briefly unavailable: try again shortly."),
                                  "service_unavailable")
        response["Retry-After"] = "30"
        return response
    if unavailable:
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(render_to_string("500.html"))
