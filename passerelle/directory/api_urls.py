from django.urls import path

from . import api

urlpatterns = [
    path("people", api.PersonListAPI.as_view(), name="api-people"),
    path("people/<int:pk>", api.PersonDetailAPI.as_view(), name="api-person"),
    path("organisations", api.OrganisationListAPI.as_view(), name="api-organisations"),
    path("organisations/<int:pk>", api.OrganisationDetailAPI.as_view(), name="api-organisation"),
]
