from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdmin

from .models import EventSuggestion


@admin.register(EventSuggestion)
class EventSuggestionAdmin(ReadOnlyAdmin):
    """Read-only: rows are written by the event job as a whole; re-run it to change them."""

    list_display = ("event", "person", "rank", "partner", "score", "computed_at")
    list_filter = ("event",)
    search_fields = ("person__last_name", "partner__last_name", "event__slug")
    list_select_related = ("event", "person", "partner")
    readonly_fields = [f.name for f in EventSuggestion._meta.fields]
