"""Admin page of outcomes for coordinators; saving goes through the services (validation, audit)."""
from __future__ import annotations

from django.contrib import admin

from . import services
from .models import Outcome


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "kind", "date", "project", "territory", "amount", "currency"]
    list_filter = ["kind", "territory", "currency"]
    search_fields = ["title_fr", "title_en", "doi", "trial_id", "patent_number", "project__title_fr",
                     "project__acronym"]
    date_hierarchy = "date"
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["project"]

    def save_model(self, request, obj: Outcome, form, change: bool) -> None:
        fields = {name: getattr(obj, name) for name in services.FIELDS}
        if change:
            services.outcome_update(actor=request.user, outcome=obj, **fields)
        else:
            saved = services.outcome_create(actor=request.user, **fields)
            obj.pk = saved.pk

    def delete_model(self, request, obj: Outcome) -> None:
        services.outcome_delete(actor=request.user, outcome=obj)
