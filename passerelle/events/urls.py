from django.urls import path, re_path

from .views import manage, public, registrations

app_name = "events"
urlpatterns = [
    path("", public.event_list, name="list"),
    path("new/", manage.event_edit, name="create"),
    path("agenda/", registrations.agenda, name="agenda"),
    path("agenda.ics", registrations.agenda_ics, name="agenda_ics"),
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/programme/", public.programme, name="programme"),
    path("<slug:slug>/programme.ics", public.programme_ics, name="programme_ics"),
    path("<slug:slug>/edit/", manage.event_edit, name="edit"),
    path("<slug:slug>/status/", manage.event_status, name="status"),
    path("<slug:slug>/items/new/", manage.item_edit, name="item_create"),
    path("<slug:slug>/items/<int:pk>/edit/", manage.item_edit, name="item_edit"),
    path("<slug:slug>/items/<int:pk>/cancel/", manage.item_cancel, name="item_cancel"),
    path("<slug:slug>/delegations/new/", manage.delegation_edit, name="delegation_create"),
    path("<slug:slug>/delegations/<int:pk>/edit/", manage.delegation_edit, name="delegation_edit"),
    path("<slug:slug>/register/", registrations.register, name="register"),
    path("<slug:slug>/registrations/", registrations.registration_list, name="registrations"),
    path("<slug:slug>/registrations/new/", registrations.registration_add, name="registration_add"),
    re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/registrations/export\.(?P<fmt>csv|xlsx)$", registrations.registration_export,
            name="registrations_export"),
    path("<slug:slug>/registrations/<int:pk>/cancel/", registrations.registration_cancel,
         name="registration_cancel"),
    path("<slug:slug>/registrations/<int:pk>/travel/", registrations.registration_logistics,
         name="registration_logistics"),
    path("<slug:slug>/badges/", registrations.badges, name="badges"),
]
