"""Who may use a view: every view declares one of these (the permission matrix test checks them)."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from rest_framework.permissions import IsAuthenticated

from .api import IsCoordinator

View = Callable[..., HttpResponse]


def public(view: View) -> View:
    """Anyone, visitors included (the view still filters what each role may see)."""
    view.access = "public"  # type: ignore[attr-defined]
    return view


def member_required(view: View) -> View:
    """Signed-in users (members and coordinators); visitors are sent to the sign-in page."""
    wrapped = login_required(view)
    wrapped.access = "member"  # type: ignore[attr-defined]
    return wrapped


def coordinator_required(view: View) -> View:
    """Coordinators only: visitors are sent to sign in, members get 403."""

    @wraps(view)
    def check(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_coordinator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped = login_required(check)
    wrapped.access = "coordinator"  # type: ignore[attr-defined]
    return wrapped


def _check_api_permission(view: View, required: type) -> None:
    classes = getattr(getattr(view, "cls", None), "permission_classes", ())
    if not any(isinstance(c, type) and issubclass(c, required) for c in classes):
        raise ImproperlyConfigured(f"{view.__name__} must list {required.__name__} in its permission_classes.")


def api_member_required(view: View) -> View:
    """An API view for signed-in callers (a session or a token): its ``IsAuthenticated``
    answers anonymous calls 401 JSON, never a redirect to the sign-in page."""
    _check_api_permission(view, IsAuthenticated)
    view.access = "member"  # type: ignore[attr-defined]
    return view


def api_coordinator_required(view: View) -> View:
    """An API view for coordinators: anonymous calls get 401 JSON, members 403 JSON."""
    _check_api_permission(view, IsCoordinator)
    view.access = "coordinator"  # type: ignore[attr-defined]
    return view


def editable_or_404(user: Any, rows: Any, pk: Any, may_edit: Callable[[Any, Any], bool]) -> Any:
    """The row ``pk`` of ``rows`` (what ``user`` may see) if ``may_edit(user, row)``; 404 otherwise,
    as for a row they may not see (its existence is not revealed)."""
    row = get_object_or_404(rows, pk=pk)
    if not may_edit(user, row):
        raise Http404
    return row
