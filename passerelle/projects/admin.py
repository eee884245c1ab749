"""Admin pages for coordinators. Statuses are read-only here: they move through the pages that
call ``services`` (which refuse forbidden moves and keep the history)."""
from __future__ import annotations

from django.contrib import admin

from .models import Opportunity, OpportunityStatusChange


class OpportunityStatusInline(admin.TabularInline):
    model = OpportunityStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "note", "by", "at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "origin_kind", "origin_event", "owner", "created_at"]
    list_filter = ["status", "origin_kind"]
    search_fields = ["title", "description", "people__last_name"]
    readonly_fields = ["status", "dropped_reason", "match_score", "match_reasons"]
    autocomplete_fields = ["people", "organisations", "origin_event"]
    filter_horizontal = ["categories", "sites"]
    inlines = [OpportunityStatusInline]
