from django.urls import path

from passerelle.core.permissions import public

from . import api

# The API is open to everyone; each endpoint filters what the caller may see (selectors).
urlpatterns = [
    path("people", public(api.PersonListAPI.as_view()), name="api-people"),
    path("people/<int:pk>", public(api.PersonDetailAPI.as_view()), name="api-person"),
    path("organisations", public(api.OrganisationListAPI.as_view()), name="api-organisations"),
    path("organisations/<int:pk>", public(api.OrganisationDetailAPI.as_view()), name="api-organisation"),
]
