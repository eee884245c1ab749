"""URL map: pages, accounts, API (with its OpenAPI document), admin, language switch."""
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from passerelle.accounts import views as account_views
from passerelle.accounts.forms import SignInForm
from passerelle.core import views as core_views
from passerelle.core.api import api_not_found
from passerelle.core.permissions import public
from passerelle.home import views as home_views

# The apps whose pages (``<app>/urls.py``) are served under ``/<app>/``, and those whose API
# (``<app>/api_urls.py``) is served under ``/api/``; in this order, the first match winning.
PAGE_APPS = ["accounts", "directory", "events", "privacy", "jobs", "reports", "projects", "funding", "suggestions",
             "meetings", "publications"]
API_APPS = ["directory", "events", "reports", "projects", "funding", "suggestions", "meetings", "publications"]

urlpatterns = [
    path("", home_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says: send them to the real icon (public).
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True,
                                                         authentication_form=SignInForm), name="login"),
    path("accounts/password_reset/", account_views.password_reset, name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    *(path(f"{app}/", include(f"passerelle.{app}.urls")) for app in PAGE_APPS),
    path("api/openapi.json", SpectacularJSONAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    *(path("api/", include(f"passerelle.{app}.api_urls")) for app in API_APPS),
    # Any other address under /api/ answers the API's JSON 404, not the HTML page.
    re_path(r"^api/(?P<rest>.*)$", public(api_not_found), name="api-not-found"),
    path("admin/", admin.site.urls),
]

# A database that is down answers 503 (core/errors.py), not a bare 500.
handler500 = "passerelle.core.errors.server_error"
