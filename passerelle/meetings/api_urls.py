from django.urls import path

from passerelle.core.permissions import api_coordinator_required, api_member_required

from . import api

urlpatterns = [
    path("meetings/agenda", api_member_required(api.AgendaAPI.as_view()), name="api-meetings-agenda"),
    path("meetings/sessions/<slug:slug>/meetings", api_coordinator_required(api.SessionMeetingsAPI.as_view()),
         name="api-meetings-session"),
]
