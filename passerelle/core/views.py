"""Site-wide pages: health check and icon (the home page is ``passerelle.home``)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from passerelle.core.health import health, status_word
from passerelle.core.permissions import public


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: 200 when healthy, 503 otherwise (``core/health.py``)."""
    ok, checks = health()
    return JsonResponse({"status": status_word(checks), "checks": checks}, status=200 if ok else 503)


@public
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for ``/favicon.ico`` whatever the page declares: send them to the real icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
