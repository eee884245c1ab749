"""The 500 handler: a database that is down or restarting gets the 503 page, anything else 500.

Django calls ``handler500`` while the exception is being handled, so ``sys.exc_info()`` tells
which one it was. Errors raised inside middleware (a session save, say) reach this handler
rather than ``DatabaseUnavailableMiddleware.process_exception``.
"""
from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string


def server_error(request: HttpRequest) -> HttpResponse:
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(render_to_string("500.html"))
