from django.urls import path

from passerelle.core.permissions import public

from . import api

# Open to everyone; non-coordinators receive the public indicators only (api.py).
urlpatterns = [
    path("indicators", public(api.IndicatorsAPI.as_view()), name="api-indicators"),
]
