"""Shared pieces of the list pages: pagination and query strings that keep the filters."""
from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest

PAGE_SIZE = 25
# Page numbers beyond this are read as the last page (a huge one would overflow the SQL offset).
MAX_PAGE_NUMBER = 100_000


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string without ``names`` (for page links and sort links)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def paginate_ranked(request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE) -> Page:
    """:func:`paginate` for a ranked search: the total comes with the page's rows
    (``COUNT(*) OVER ()``), since ranking reads every match anyway; one scan of the matches instead
    of two. A page past the end falls back to the usual count and the last page.

    On SQLite the rank is FTS5's ``bm25()``, which a window query cannot carry (SQLite moves it into a
    subquery, away from its MATCH); the count there is one pass over the full-text index anyway."""
    if connection.vendor == "sqlite":
        return paginate(request, queryset, per_page)
    try:
        number = min(max(1, int(request.GET.get("page") or 1)), MAX_PAGE_NUMBER)
    except ValueError:
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset.annotate(total_found=Window(Count("*")))[start:start + per_page])
    paginator = Paginator(queryset, per_page)
    if not rows:
        return paginator.get_page(number)
    paginator.count = rows[0].total_found  # the paginator's cached count
    return Page(rows, number, paginator)
