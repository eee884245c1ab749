"""Read API of bilateral meetings: a person's agenda, and a session's meetings for coordinators."""
from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated

from passerelle.core.api import IsCoordinator, StandardPagination
from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator

from . import ics, selectors
from .enums import MeetingStatus
from .models import Meeting


class PersonBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField(source="full_name")
    organisation = serializers.SerializerMethodField()
    territory = serializers.CharField()

    def get_organisation(self, person: Person) -> str:
        return ics.organisation_of(person)


class MeetingSerializer(serializers.ModelSerializer):
    uid = serializers.CharField(read_only=True)
    event = serializers.CharField(source="session.event.slug")
    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()
    table = serializers.CharField(source="table.name")
    location = serializers.CharField(source="table.location")
    people = PersonBriefSerializer(many=True, read_only=True)
    request = serializers.IntegerField(source="request_id")
    announced = serializers.BooleanField(source="is_announced")

    class Meta:
        model = Meeting
        fields = ["uid", "sequence", "status", "event", "start", "end", "table", "location", "people", "request",
                  "locked", "announced"]

    def get_start(self, meeting: Meeting) -> str:
        """ISO 8601 in the event's own time zone (its offset included)."""
        return meeting.session.event.local(meeting.slot.start).isoformat()

    def get_end(self, meeting: Meeting) -> str:
        return meeting.session.event.local(meeting.slot.end).isoformat()


class PeopleListMixin:
    """Lists of meetings get their ``people`` in a fixed number of queries, page by page."""

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else selectors.with_people(Meeting.objects.filter(
            pk__in=[m.pk for m in page]).order_by("slot__start", "table__position", "pk"))


@extend_schema(summary="The caller's announced meetings (cancelled ones included), in time order",
               parameters=[OpenApiParameter("event", OpenApiTypes.STR, description="only this event's (slug)"),
                           OpenApiParameter("person", OpenApiTypes.INT, description="coordinators: this person's")])
class AgendaAPI(PeopleListMixin, generics.ListAPIView):
    serializer_class = MeetingSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = StandardPagination

    def get_queryset(self):
        user = self.request.user
        wanted = self.request.query_params.get("person", "")
        if wanted and is_coordinator(user):
            person = get_object_or_404(Person, pk=int(wanted)) if wanted.isdigit() else None
            if person is None:
                raise Http404
        else:
            person = selectors.person_of(user)
        if person is None:
            return Meeting.objects.none()
        meetings = selectors.agenda_meetings(person, seen_by=user)
        event = self.request.query_params.get("event", "")
        return meetings.filter(session__event__slug=event) if event else meetings


@extend_schema(summary="Every meeting of an event's session (coordinators): drafts and announced ones",
               parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=MeetingStatus.values)])
class SessionMeetingsAPI(PeopleListMixin, generics.ListAPIView):
    serializer_class = MeetingSerializer
    permission_classes = [IsCoordinator]
    pagination_class = StandardPagination

    def get_queryset(self):
        session = selectors.session_for(self.request.user, self.kwargs["slug"])
        meetings = session.meetings.all()
        status = self.request.query_params.get("status", "")
        if status in MeetingStatus.values:
            meetings = meetings.filter(status=status)
        return meetings.filter(~Q(status=MeetingStatus.CANCELLED) | Q(published_at__isnull=False)).order_by(
            "slot__start", "table__position", "pk")
