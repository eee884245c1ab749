"""Admin pages for coordinators. Statuses are read-only here: they move through the event's
status page (``services.event_set_status``), which refuses forbidden moves and keeps the history."""
from __future__ import annotations

from django.contrib import admin

from passerelle.core.admin import WorkflowAdmin, inline

from .models import Delegation, Event, Place, ProgrammeItem, Registration


@admin.register(Event)
class EventAdmin(WorkflowAdmin):
    list_display = ["title_fr", "kind", "start", "time_zone", "status", "capacity"]
    list_filter = ["kind", "status", "time_zone"]
    search_fields = ["title_fr", "title_en", "slug"]
    readonly_fields = ["status", "sequence"]
    autocomplete_fields = ["organisers"]
    filter_horizontal = ["categories", "sites"]
    inlines = [inline(Place)]


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "event", "kind", "start", "end", "room", "status", "sequence"]
    list_filter = ["kind", "status"]
    search_fields = ["title_fr", "title_en", "event__title_fr"]
    readonly_fields = ["status", "uid", "sequence"]
    autocomplete_fields = ["speakers", "visited_organisation"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["person", "event", "role", "status", "consent_to_list", "queued_at"]
    list_filter = ["status", "role"]
    search_fields = ["person__last_name", "person__first_name", "event__title_fr"]
    readonly_fields = ["status", "queued_at", "confirmed_at", "cancelled_at"]
    autocomplete_fields = ["person"]


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "origin", "destination", "head"]
    autocomplete_fields = ["head", "members"]
