from django.urls import path

from passerelle.core.permissions import public

from . import api

# Open to everyone; what each caller sees is filtered by the selectors (anonymous: nothing).
urlpatterns = [
    path("opportunities", public(api.OpportunityListAPI.as_view()), name="api-opportunities"),
    path("opportunities/<int:pk>", public(api.OpportunityDetailAPI.as_view()), name="api-opportunity"),
    path("projects", public(api.ProjectListAPI.as_view()), name="api-projects"),
    path("projects/<int:pk>", public(api.ProjectDetailAPI.as_view()), name="api-project"),
]
