"""Shared API pieces: the page-number pagination every list endpoint uses, and a JSON parser
that answers 400, never 500, to any body it cannot read."""
from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser


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
