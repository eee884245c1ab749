from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.db import models

from .models import CancerSite, CsoCategory, Language, Technique, UnsentEmail


@admin.register(CsoCategory)
class CsoCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_fr", "active"]
    list_filter = ["active"]
    search_fields = ["code", "title_en", "title_fr"]


@admin.register(CancerSite)
class CancerSiteAdmin(admin.ModelAdmin):
    list_display = ["icrp_code", "title_en", "title_fr", "icd10", "childhood_young_adult"]
    list_filter = ["childhood_young_adult", "not_otherwise_specified"]
    search_fields = ["title_en", "title_fr", "synonyms", "icd10"]


@admin.register(Technique)
class TechniqueAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_fr"]
    search_fields = ["code", "title_en", "title_fr"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_fr"]


@admin.register(UnsentEmail)
class UnsentEmailAdmin(admin.ModelAdmin):
    """Notifications that could not be sent: read-only, resent by ``manage.py mail_retry``."""

    list_display = ["subject", "created_at", "updated_at", "attempts"]
    search_fields = ["subject", "to"]
    readonly_fields = ["subject", "body", "from_email", "to", "attempts", "last_error", "created_at", "updated_at"]
    exclude = ["attachments"]

    def has_add_permission(self, request) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    """Rows shown on their parent's page that only a service writes: no adding, no deleting."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class StatusChangeInline(ReadOnlyInline):
    """The status history of an object, read-only: statuses move through their service only."""

    readonly_fields = ["from_status", "to_status", "note", "by", "at"]


def inline(model: type[models.Model], *, base: type[InlineModelAdmin] = admin.TabularInline,
           **options: Any) -> type[InlineModelAdmin]:
    """An inline of ``model`` for a parent's admin page: a table, without blank rows to fill unless
    ``extra`` says otherwise; ``options`` are its other attributes (``autocomplete_fields``…)."""
    return type(f"{model.__name__}Inline", (base,), {"__module__": model.__module__, "model": model, "extra": 0,
                                                     **options})


def status_inline(model: type[models.Model]) -> type[InlineModelAdmin]:
    """The read-only status history of an object (``model`` is made by ``workflow.status_history``)."""
    return inline(model, base=StatusChangeInline)


class WorkflowAdmin(admin.ModelAdmin):
    """The page of an object whose status moves through its workflow (``core.workflow``), with its
    status history (the model ``workflow.status_history`` made) shown last, below its other inlines.
    The status itself belongs in ``readonly_fields``: its app's services check each move."""

    def __init__(self, model: type[models.Model], admin_site: admin.AdminSite) -> None:
        super().__init__(model, admin_site)
        self.inlines = [*self.inlines, status_inline(model._meta.get_field(model.workflow.history).related_model)]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that only their service or job writes (an audit trail, computed suggestions): shown here,
    never added or changed."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
