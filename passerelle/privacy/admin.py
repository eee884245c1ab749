"""Admin pages of the privacy records; erasure itself runs from the privacy pages (with its
confirmation), never by deleting rows here."""
from __future__ import annotations

from django.contrib import admin

from .models import ConsentRecord, ErasureRequest, RetentionFlag


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["person", "purpose", "given", "at", "method", "recorded_by"]
    list_filter = ["purpose", "given", "method"]
    search_fields = ["person__last_name", "person__first_name", "person__email"]
    raw_id_fields = ["person", "recorded_by"]
    date_hierarchy = "at"


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    list_display = ["label", "status", "requested_at", "executed_at", "executed_by"]
    list_filter = ["status"]
    readonly_fields = ["person", "label", "status", "requested_by", "requested_at", "executed_by", "executed_at",
                       "summary"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(RetentionFlag)
class RetentionFlagAdmin(admin.ModelAdmin):
    list_display = ["person", "last_activity", "flagged_at", "resolved_at", "resolution"]
    list_filter = ["resolution"]
    raw_id_fields = ["person", "resolved_by"]
