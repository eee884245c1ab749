"""Site-wide pages of the core: the health check."""
from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from passerelle.core.health import health
from passerelle.core.permissions import public


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: 200 when healthy, 503 otherwise (``core/health.py``)."""
    ok, checks = health()
    return JsonResponse({"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503)
