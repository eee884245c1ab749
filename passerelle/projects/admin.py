"""Admin pages for coordinators. Statuses are read-only here: they move through the pages that
call ``services`` (which refuse forbidden moves and keep the history)."""
from __future__ import annotations

from django.contrib import admin

from passerelle.core.admin import WorkflowAdmin, inline

from .models import (
    Opportunity,
    Project,
    ProjectPartner,
    ServiceRequest,
    ServiceRequestNote,
    SupportService,
)


@admin.register(Opportunity)
class OpportunityAdmin(WorkflowAdmin):
    list_display = ["title", "status", "origin_kind", "origin_event", "owner", "created_at"]
    list_filter = ["status", "origin_kind"]
    search_fields = ["title", "description", "people__last_name"]
    readonly_fields = ["status", "dropped_reason", "match_score", "match_reasons"]
    autocomplete_fields = ["people", "organisations", "origin_event"]
    # A meeting's name reads its slot, table and session: a drop-down of every meeting cost seconds.
    raw_id_fields = ["origin_meeting", "owner", "created_by"]
    filter_horizontal = ["categories", "sites"]


@admin.register(Project)
class ProjectAdmin(WorkflowAdmin):
    list_display = ["__str__", "status", "start", "end", "opportunity", "created_at"]
    list_filter = ["status"]
    search_fields = ["acronym", "title_fr", "title_en"]
    readonly_fields = ["status"]
    autocomplete_fields = ["opportunity", "events"]
    filter_horizontal = ["categories", "sites"]
    inlines = [inline(ProjectPartner, autocomplete_fields=["person", "organisation"])]


@admin.register(SupportService)
class SupportServiceAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "kind", "contact", "active", "position"]
    list_filter = ["kind", "active"]
    search_fields = ["name_fr", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    list_display = ["service", "requester", "project", "status", "assigned_to", "created_at"]
    list_filter = ["status", "service"]
    search_fields = ["message", "requester__email"]
    readonly_fields = ["status", "completed_at"]
    autocomplete_fields = ["project"]
    inlines = [inline(ServiceRequestNote, readonly_fields=["from_status", "to_status", "by", "at"])]
