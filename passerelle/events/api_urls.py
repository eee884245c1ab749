from django.urls import path

from passerelle.core.permissions import public

from . import api

# Open to everyone; drafts are filtered out for all but coordinators (selectors).
urlpatterns = [
    path("events", public(api.EventListAPI.as_view()), name="api-events"),
    path("events/<slug:slug>", public(api.EventDetailAPI.as_view()), name="api-event"),
    path("events/<slug:slug>/programme", public(api.ProgrammeAPI.as_view()), name="api-event-programme"),
]
