"""Who may use a view: every view declares one of these (the permission matrix test checks them)."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

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
