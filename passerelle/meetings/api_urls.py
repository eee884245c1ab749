from django.urls import path

from passerelle.core.permissions import coordinator_required, member_required

from . import api

urlpatterns = [
    path("meetings/agenda", member_required(api.AgendaAPI.as_view()), name="api-meetings-agenda"),
    path("meetings/sessions/<slug:slug>/meetings", coordinator_required(api.SessionMeetingsAPI.as_view()),
         name="api-meetings-session"),
]
