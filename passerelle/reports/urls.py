from django.urls import path, re_path

from .views import dashboard, public

app_name = "reports"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", dashboard.export, name="export"),
    path("figures/", public.figures, name="public"),
]
