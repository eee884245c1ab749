"""Admin pages for coordinators. Application statuses are read-only here: they move through the
pages that call ``services`` (deadline, eligibility, allowed moves, history)."""
from __future__ import annotations

from django.contrib import admin

from passerelle.core.admin import WorkflowAdmin, inline

from .models import (
    Application,
    ApplicationAmount,
    ApplicationDocument,
    Call,
    CallRule,
    ConflictOfInterest,
    Programme,
    ReviewAssignment,
    ReviewCriterion,
    ReviewScore,
)


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "acronym", "active"]
    search_fields = ["name_fr", "name_en", "acronym"]
    autocomplete_fields = ["funders"]
    prepopulated_fields = {"slug": ["name_fr"]}


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "programme", "opens_at", "closes_at", "time_zone", "status"]
    list_filter = ["status", "programme"]
    search_fields = ["title_fr", "title_en", "slug"]
    inlines = [inline(CallRule), inline(ReviewCriterion)]


@admin.register(Application)
class ApplicationAdmin(WorkflowAdmin):
    list_display = ["project", "call", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "call"]
    search_fields = ["project__title_fr", "project__acronym", "call__title_fr"]
    readonly_fields = ["status", "eligibility", "eligibility_checked_at", "submitted_at", "submitted_by",
                       "decided_at", "decided_by", "decision_note"]
    autocomplete_fields = ["project"]
    inlines = [inline(ApplicationAmount), inline(ApplicationDocument)]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "application", "status", "match_score", "assigned_at", "submitted_at"]
    list_filter = ["status"]
    autocomplete_fields = ["reviewer"]
    readonly_fields = ["status", "match_score"]
    inlines = [inline(ReviewScore)]


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "application", "person", "organisation", "declared_at"]
    autocomplete_fields = ["reviewer", "person", "organisation"]
