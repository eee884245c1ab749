from django.urls import path

from passerelle.core.permissions import public

from . import api

# Open to everyone; what each caller sees is filtered by the selectors.
urlpatterns = [
    path("calls", public(api.CallListAPI.as_view()), name="api-calls"),
    path("calls/<slug:slug>", public(api.CallDetailAPI.as_view()), name="api-call"),
    path("applications", public(api.ApplicationListAPI.as_view()), name="api-applications"),
    path("applications/<int:pk>", public(api.ApplicationDetailAPI.as_view()), name="api-application"),
]
