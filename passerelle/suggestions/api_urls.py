from django.urls import path

from passerelle.core.permissions import api_member_required

from . import api

# Signed-in callers only (a session or an API token): anonymous calls get 401 JSON; see api.py.
urlpatterns = [
    path("people/<int:pk>/suggestions", api_member_required(api.PersonSuggestionsAPI.as_view()),
         name="api-person-suggestions"),
    path("suggestions/idea", api_member_required(api.IdeaSuggestionsAPI.as_view()), name="api-idea-suggestions"),
]
