"""Pagination of every list page: one page size, page numbers read safely, ranked searches counted once.

Example::

    page = paginate(request, selectors.project_list(user=request.user, filters=filters))
    page.object_list, page.number, page.paginator.num_pages

A list page under a filter bar is one call of :func:`list_page`.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, QuerySet, Window
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PAGE_SIZE = 25
# Long tables read by coordinators (jobs, meeting requests).
LONG_PAGE_SIZE = 50
# Page numbers beyond this are read as the last page (a huge one would overflow the SQL offset).
MAX_PAGE_NUMBER = 100_000


def page_number(request: HttpRequest) -> int:
    """The ``page`` of the query string, between 1 and ``MAX_PAGE_NUMBER`` (1 if it is not a number)."""
    try:
        return min(max(1, int(request.GET.get("page") or 1)), MAX_PAGE_NUMBER)
    except ValueError:
        return 1


def paginate(request: HttpRequest, items: QuerySet | Sequence, per_page: int = PAGE_SIZE) -> Page:
    """The requested page of ``items``; a page past the end is the last page."""
    return Paginator(items, per_page).get_page(page_number(request))


def paginate_ranked(request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE) -> Page:
    """:func:`paginate` for a ranked search: the total comes with the page's rows
    (``COUNT(*) OVER ()``), since ranking reads every match anyway; one scan of the matches instead
    of two. A page past the end falls back to the usual count and the last page.

    On SQLite the rank is FTS5's ``bm25()``, which a window query cannot carry (SQLite moves it into a
    subquery, away from its MATCH); the count there is one pass over the full-text index anyway."""
    if connection.vendor == "sqlite":
        return paginate(request, queryset, per_page)
    number = page_number(request)
    start = (number - 1) * per_page
    rows = list(queryset.annotate(total_found=Window(Count("*")))[start:start + per_page])
    paginator = Paginator(queryset, per_page)
    if not rows:
        return paginator.get_page(number)
    paginator.count = rows[0].total_found  # the paginator's cached count
    return Page(rows, number, paginator)


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string without ``names`` (for page links and sort links)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def list_page(request: HttpRequest, template: str, filter_form: Callable[..., Form], rows: Callable[..., QuerySet],
              context: Mapping[str, Any] | None = None, *, per_page: int = PAGE_SIZE) -> HttpResponse:
    """A list page under a filter bar: ``filter_form`` bound to the query string (unbound without
    one) gives the filters (its ``filters()``: the defaults when unbound or invalid), and
    ``rows(user=, filters=)`` (a selector) the rows ``request.user`` may see. The template gets the
    form, the requested ``page`` of the rows, ``page_query`` (the query string of the page links)
    and ``context``."""
    form = filter_form(request.GET or None)
    page = paginate(request, rows(user=request.user, filters=form.filters()), per_page)
    return render(request, template, {"form": form, "page": page, "page_query": query_without(request, "page"),
                                      **(context or {})})


View = Callable[..., HttpResponse]


def list_view(template: str, filter_form: Callable[..., Form], rows: Callable[..., QuerySet],
              access: Callable[[View], View]) -> View:
    """A view that is only a :func:`list_page`, for those who pass ``access`` (a decorator of
    ``core.permissions``)."""

    def view(request: HttpRequest) -> HttpResponse:
        return list_page(request, template, filter_form, rows)

    return access(view)
