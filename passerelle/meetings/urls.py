from django.urls import path

from .views import agenda, manage, participate

app_name = "meetings"
urlpatterns = [
    path("", participate.home, name="home"),
    path("<slug:slug>/", participate.session_detail, name="session"),
    path("<slug:slug>/new/", manage.session_create, name="session_create"),
    path("<slug:slug>/edit/", manage.session_edit, name="session_edit"),
    path("<slug:slug>/status/", manage.session_status, name="session_status"),
    path("<slug:slug>/availability/", participate.availability, name="availability"),
    path("<slug:slug>/people/", participate.people, name="people"),
    path("<slug:slug>/people/<int:person_pk>/request/", participate.request_create, name="request_create"),
    path("<slug:slug>/requests/", participate.my_requests, name="my_requests"),
    path("<slug:slug>/requests/all/", manage.request_list, name="request_list"),
    path("<slug:slug>/requests/<int:pk>/", participate.request_detail, name="request"),
    path("<slug:slug>/requests/<int:pk>/cancel/", participate.request_cancel, name="request_cancel"),
    path("<slug:slug>/requests/<int:pk>/place/", manage.request_place, name="request_place"),
    path("<slug:slug>/schedule/", manage.schedule, name="schedule"),
    path("<slug:slug>/schedule/run/", manage.run, name="run"),
    path("<slug:slug>/schedule/publish/", manage.publish, name="publish"),
    path("<slug:slug>/grid/", manage.grid, name="grid"),
    path("<slug:slug>/tables/<int:pk>/print/", manage.table_print, name="table_print"),
    path("<slug:slug>/meetings/<int:pk>/move/", manage.meeting_move, name="meeting_move"),
    path("<slug:slug>/meetings/<int:pk>/lock/", manage.meeting_lock, name="meeting_lock"),
    path("<slug:slug>/meetings/<int:pk>/feedback/", agenda.feedback, name="feedback"),
    path("<slug:slug>/meetings/<int:pk>/opportunity/", agenda.opportunity, name="opportunity"),
    path("<slug:slug>/agenda/", agenda.agenda, name="agenda"),
    path("<slug:slug>/agenda/print/", agenda.agenda_print, name="agenda_print"),
    path("<slug:slug>/agenda.ics", agenda.agenda_ics, name="agenda_ics"),
]
