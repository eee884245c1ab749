from django.urls import path

from passerelle.core.permissions import public

from . import api

# Open to everyone; each caller sees the works through the links they may see (api.py).
urlpatterns = [
    path("publications", public(api.PublicationListAPI.as_view()), name="api-publications"),
]
