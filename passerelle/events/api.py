"""Read API of events: the list, one event, its programme; drafts only for coordinators."""
from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from passerelle.core.api_views import CallerDetailAPI, CallerListAPI

from . import selectors
from .models import Event, Place, ProgrammeItem


class PlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["id", "name", "city", "territory", "address"]


class EventSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    places = PlaceSerializer(many=True, read_only=True)
    organisers = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Event
        fields = ["slug", "kind", "status", "title", "title_fr", "title_en", "start", "end", "time_zone",
                  "places", "organisers", "capacity", "registration_opens", "registration_closes", "url"]

    def get_start(self, event: Event) -> str:
        """ISO 8601 in the event's own time zone (its offset included)."""
        return event.local(event.start).isoformat()

    def get_end(self, event: Event) -> str:
        return event.local(event.end).isoformat()


class EventDetailSerializer(EventSerializer):
    categories = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    sites = serializers.SlugRelatedField(many=True, read_only=True, slug_field="icrp_code")

    class Meta(EventSerializer.Meta):
        fields = EventSerializer.Meta.fields + ["description_fr", "description_en", "categories", "sites"]


class ProgrammeItemSerializer(serializers.ModelSerializer):
    uid = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    place = serializers.StringRelatedField()
    speakers = serializers.SerializerMethodField()
    visited_organisation = serializers.StringRelatedField()
    delegation = serializers.StringRelatedField()
    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()

    class Meta:
        model = ProgrammeItem
        fields = ["uid", "sequence", "kind", "status", "title", "title_fr", "title_en", "description_fr",
                  "description_en", "start", "end", "place", "room", "speakers", "visited_organisation",
                  "delegation"]

    def get_speakers(self, item: ProgrammeItem) -> list[str]:
        return [p.full_name for p in item.speakers.all()]

    def get_start(self, item: ProgrammeItem) -> str:
        return item.event.local(item.start).isoformat()

    def get_end(self, item: ProgrammeItem) -> str:
        return item.event.local(item.end).isoformat()


@extend_schema(summary="Events visible to the caller (drafts for coordinators only), latest first")
class EventListAPI(CallerListAPI):
    serializer_class = EventSerializer

    def rows(self, user: Any) -> QuerySet:
        return selectors.events_visible_to(user).prefetch_related("places", "organisers")


@extend_schema(summary="One event, if visible to the caller")
class EventDetailAPI(CallerDetailAPI):
    serializer_class = EventDetailSerializer
    lookup_field = "slug"
    rows = staticmethod(selectors.event_detail_queryset)


@extend_schema(summary="The programme of an event, one entry per item, in time order")
class ProgrammeAPI(generics.ListAPIView):
    serializer_class = ProgrammeItemSerializer
    permission_classes = [AllowAny]
    pagination_class = None

    def get_queryset(self):
        event = get_object_or_404(selectors.events_visible_to(self.request.user), slug=self.kwargs["slug"])
        return selectors.programme_items(event, self.request.user)
