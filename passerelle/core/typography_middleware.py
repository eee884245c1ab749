"""French pages get French spacing: a non-breaking space before « : ; ? ! » and inside « ».

The French catalogue and the people's own texts are written with ordinary spaces (or none);
rather than asking every translator and every author to type U+00A0, the text of each French HTML
page is set once here, outside tags, scripts, styles, form fields and code (``core.french``).
"""
from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from .french import typography_html


class FrenchTypographyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and (getattr(request, "LANGUAGE_CODE", "") or get_language() or "").startswith("fr")
        ):
            charset = response.charset or "utf-8"
            response.content = typography_html(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
