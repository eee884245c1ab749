"""Admin pages for coordinators; changes made here enter the audit trail and the search index too."""
from __future__ import annotations

from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdmin, inline

from . import audit, search
from .models import Affiliation, AuditEntry, ImportBatch, Organisation, Person, PersonCategory, PersonSite


class AuditedAdmin(admin.ModelAdmin):
    """Snapshot before the save, then record the difference once related rows are saved."""

    snapshot = staticmethod(audit.person_snapshot)
    refresh = staticmethod(search.refresh_person)

    def save_model(self, request, obj, form, change):
        model = type(obj)
        request._audit_before = self.snapshot(model.objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        self.refresh(obj)
        action = AuditEntry.Action.UPDATE if change else AuditEntry.Action.CREATE
        audit.record(actor=request.user, obj=obj, action=action, before=request._audit_before,
                     after=self.snapshot(obj))

    def delete_model(self, request, obj):
        audit.record(actor=request.user, obj=obj, action=AuditEntry.Action.DELETE, before=self.snapshot(obj), after={})
        super().delete_model(request, obj)


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["last_name", "first_name", "kind", "territory", "visibility", "updated_at"]
    list_filter = ["territory", "kind", "visibility"]
    search_fields = ["last_name", "first_name", "email", "orcid"]
    inlines = [inline(Affiliation, extra=1, autocomplete_fields=["organisation"]), inline(PersonCategory, extra=1),
               inline(PersonSite, extra=1)]
    filter_horizontal = ["techniques", "languages"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    snapshot = staticmethod(audit.organisation_snapshot)
    refresh = staticmethod(search.refresh_organisation)
    list_display = ["name", "acronym", "kind", "territory", "city"]
    list_filter = ["territory", "kind"]
    search_fields = ["name", "acronym", "city", "ror_id"]
    autocomplete_fields = ["parent"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "kind", "status", "created_by", "created_at", "committed_at"]
    list_filter = ["kind", "status"]
    exclude = ["rows"]
    readonly_fields = ["headers", "mapping", "report"]
