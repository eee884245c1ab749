"""The privacy notice: what Passerelle keeps about people, why, for how long, and their rights."""
from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passerelle.core.permissions import public

from ..enums import NOTICE_VERSION


@public
def notice(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/notice.html", {
        "version": NOTICE_VERSION,
        "retention_years": round(settings.PRIVACY_RETENTION_DAYS / 365, 1),
        "lockout_minutes": round(settings.AXES_COOLOFF_TIME * 60),
    })
