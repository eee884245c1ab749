from django.urls import path

from passerelle.core.permissions import public

from . import api

# Reachable by anyone, answered only to signed-in callers (403 JSON otherwise); see api.py.
urlpatterns = [
    path("people/<int:pk>/suggestions", public(api.PersonSuggestionsAPI.as_view()), name="api-person-suggestions"),
    path("suggestions/idea", public(api.IdeaSuggestionsAPI.as_view()), name="api-idea-suggestions"),
]
