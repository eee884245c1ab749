"""Shared pieces of the list pages: pagination and query strings that keep the filters."""
from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, QuerySet, Window
from django.forms import Form
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from passerelle.core import read_cache

PAGE_SIZE = 25
# Page numbers beyond this are read as the last page (a huge one would overflow the SQL offset).
MAX_PAGE_NUMBER = 100_000


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def paginate_kept(request: HttpRequest, queryset: QuerySet, *, ranked: bool = False,
                  per_page: int = PAGE_SIZE) -> Page:
    """A page of a list many people read: its count and rows kept in the read cache under the
    query's SQL (``core.read_cache``); without the read cache, :func:`paginate` or, for a ranked
    search, :func:`paginate_ranked`."""
    if read_cache.enabled():
        return read_cache.CachedPaginator(queryset, per_page).get_page(request.GET.get("page"))
    return paginate_ranked(request, queryset, per_page) if ranked else paginate(request, queryset, per_page)


def kept_results(request: HttpRequest, queryset: QuerySet, template: str, *, ranked: bool = False,
                 per_page: int = PAGE_SIZE) -> tuple[str, Page]:
    """The results of a list many people read, as HTML kept in the read cache, and the page they
    show (lazy: read only when the HTML is not kept, or by whoever looks at it).

    The key is the query's SQL (visibility levels, the asker when the rows depend on them, filters,
    order), the page asked, the query string of the page links and the language: the template is
    given nothing else (no user, no request), so two askers with the same key see the same thing."""
    page_query = query_without(request, "page")
    page = SimpleLazyObject(lambda: paginate_kept(request, queryset, ranked=ranked, per_page=per_page))

    def render() -> str:
        return str(render_to_string(template, {"page": page, "page_query": page_query}))

    if not read_cache.enabled():
        return mark_safe(render()), page  # noqa: S308 (the template's own output)
    key = ("results", template, per_page, *read_cache.query_key(queryset), request.GET.get("page") or "",
           page_query, get_language())
    return mark_safe(read_cache.cached(queryset.model._meta.app_label, key, render)), page  # noqa: S308


def filter_fields(request: HttpRequest, form: Form, template: str = "includes/form_fields.html") -> str:
    """The filter bar's fields as HTML, kept in the directory's read cache: the same for everyone
    asking with the same values in the same language (its options list every organisation and
    taxonomy, whoever asks)."""
    values = tuple((name, tuple(request.GET.getlist(name))) for name in form.fields)
    return mark_safe(read_cache.cached(  # noqa: S308 (the template's own output, escaped when rendered)
        "directory", ("filter-fields", type(form).__name__, template, get_language(), values),
        lambda: str(render_to_string(template, {"form": form}))))


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
