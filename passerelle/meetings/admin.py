"""Admin pages for coordinators. Statuses are read-only here: they move through the session's
pages (``services``), which check the rules under the session lock and keep the history."""
from __future__ import annotations

from django.contrib import admin

from passerelle.core.admin import ReadOnlyInline, WorkflowAdmin, inline

from .models.meeting import Meeting, MeetingAttendee, MeetingFeedback, ScheduleRun
from .models.request import MeetingRequest, RequestInvitee
from .models.session import (
    B2BSession,
    MeetingTable,
    Participant,
    SessionBreak,
    SessionWindow,
    Slot,
)


@admin.register(B2BSession)
class B2BSessionAdmin(WorkflowAdmin):
    list_display = ["event", "status", "slot_minutes", "max_meetings", "request_deadline", "published_at"]
    list_filter = ["status"]
    search_fields = ["event__title_fr", "event__title_en", "event__slug"]
    readonly_fields = ["status", "sequence", "published_at"]
    inlines = [inline(SessionWindow), inline(SessionBreak), inline(MeetingTable)]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["session", "start", "end"]
    list_filter = ["session"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["person", "session", "takes_meetings", "max_meetings", "updated_at"]
    list_filter = ["takes_meetings"]
    search_fields = ["person__last_name", "person__first_name"]
    autocomplete_fields = ["person"]
    filter_horizontal = ["unavailable_slots"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["pk", "requester", "session", "priority", "status", "created_at"]
    list_filter = ["status", "priority"]
    search_fields = ["requester__last_name", "answers__person__last_name"]
    readonly_fields = ["status", "decided_at", "created_by", "cancelled_by", "reminded_at"]
    autocomplete_fields = ["requester"]
    inlines = [inline(RequestInvitee, autocomplete_fields=["person"])]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """Read-mostly: moves go through the schedule page, which checks everyone is free."""

    list_display = ["pk", "session", "slot", "table", "status", "locked", "published_at", "sequence"]
    list_filter = ["status", "locked"]
    readonly_fields = ["session", "request", "slot", "table", "status", "published_at", "run", "uid", "sequence"]
    inlines = [inline(MeetingAttendee, base=ReadOnlyInline, readonly_fields=["person", "slot", "active"])]


@admin.register(MeetingFeedback)
class MeetingFeedbackAdmin(admin.ModelAdmin):
    list_display = ["meeting", "person", "took_place", "useful", "follow_up", "updated_at"]
    list_filter = ["took_place", "useful", "follow_up"]
    autocomplete_fields = ["person"]
    list_select_related = ["meeting__slot", "meeting__table", "meeting__session__event", "person"]
    raw_id_fields = ["meeting"]  # not a drop-down of every meeting (each name reads its slot and table)


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    list_display = ["session", "status", "solver_status", "placed_count", "objective", "upper_bound", "breaks",
                    "solve_seconds", "created_at"]
    list_filter = ["status", "solver_status"]
    readonly_fields = [f.name for f in ScheduleRun._meta.fields]
