"""List pages many people read, kept in the read cache (``core.read_cache``): a page's count and
rows, its results as HTML, and the filter bar's fields. Without the read cache they are computed as
:mod:`passerelle.core.pagination` computes them."""
from __future__ import annotations

from django.core.paginator import Page
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from passerelle.core import read_cache
from passerelle.core.pagination import PAGE_SIZE, page_number, paginate, paginate_ranked, query_without


def paginate_kept(request: HttpRequest, queryset: QuerySet, *, ranked: bool = False,
                  per_page: int = PAGE_SIZE) -> Page:
    """A page of a list many people read: its count and rows kept in the read cache under the
    query's SQL; without the read cache, :func:`paginate` or, for a ranked search,
    :func:`paginate_ranked`."""
    if read_cache.enabled():
        return read_cache.CachedPaginator(queryset, per_page).get_page(page_number(request))
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
    key = ("results", template, per_page, *read_cache.query_key(queryset), page_number(request),
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
