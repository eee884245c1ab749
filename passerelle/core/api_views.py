"""Bases of the read endpoints anyone may call: their rows come from the same selector as the pages',
so the API shows a caller what the pages show them (anonymous callers: the public rows; a row they
may not see answers 404). Kept apart from ``core/api.py``, which DRF's settings name (importing DRF's
views there would be circular)."""
from __future__ import annotations

from typing import Any

from django.db.models import QuerySet, TextChoices
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.request import Request


class CallerRows:
    """``rows(user)``: the rows the caller may see (a selector, as a ``staticmethod``, or a method)."""

    permission_classes = [AllowAny]

    def rows(self, user: Any) -> QuerySet:
        raise NotImplementedError(f"{type(self).__name__} must say which rows a caller may see (rows)")

    def get_queryset(self) -> QuerySet:
        return self.rows(self.request.user)


class CallerListAPI(CallerRows, generics.ListAPIView):
    """A list of the rows the caller may see."""


class CallerDetailAPI(CallerRows, generics.RetrieveAPIView):
    """One row, if the caller may see it (404 otherwise)."""


def choice_param(request: Request, name: str, choices: type[TextChoices]) -> str:
    """The query parameter ``name`` if it is one of ``choices``; blank (no filter) otherwise."""
    value = request.query_params.get(name, "")
    return value if value in choices.values else ""
