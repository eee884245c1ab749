"""Read API of opportunities and joint projects: the same visibility as the pages (anonymous
callers get empty lists; others' opportunities and drafts answer 404)."""
from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from passerelle.core.api_views import CallerDetailAPI, CallerListAPI, choice_param

from . import selectors
from .enums import OpportunityStatus, ProjectStatus
from .models import Opportunity, Project, ProjectPartner


class OpportunitySerializer(serializers.ModelSerializer):
    people = serializers.SerializerMethodField()
    organisations = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    origin_event = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    owner = serializers.SlugRelatedField(read_only=True, slug_field="email")
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Opportunity
        fields = ["id", "title", "description", "status", "dropped_reason", "origin_kind", "origin_event",
                  "origin_meeting", "origin_note", "match_score", "match_reasons", "people", "organisations",
                  "next_step", "next_step_due", "owner", "created_at", "url"]

    def get_people(self, opportunity: Opportunity) -> list[dict]:
        return [{"id": p.pk, "name": p.full_name, "territory": p.territory} for p in opportunity.people.all()]


class PartnerSerializer(serializers.ModelSerializer):
    person = serializers.SerializerMethodField()
    organisation = serializers.SerializerMethodField()

    class Meta:
        model = ProjectPartner
        fields = ["role", "territory", "person", "organisation"]

    def get_person(self, partner: ProjectPartner) -> dict | None:
        return {"id": partner.person_id, "name": partner.person.full_name} if partner.person_id else None

    def get_organisation(self, partner: ProjectPartner) -> dict | None:
        if not partner.organisation_id:
            return None
        return {"id": partner.organisation_id, "name": partner.organisation.name}


class ProjectSerializer(serializers.ModelSerializer):
    partners = PartnerSerializer(many=True, read_only=True)
    events = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    categories = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    sites = serializers.SlugRelatedField(many=True, read_only=True, slug_field="icrp_code")
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Project
        fields = ["id", "acronym", "title_fr", "title_en", "summary_fr", "summary_en", "status", "start", "end",
                  "opportunity", "events", "categories", "sites", "partners", "created_at", "url"]


STATUS = OpenApiParameter("status", str, description="Only this status.")


@extend_schema(summary="Opportunities visible to the caller (coordinators: all; members: those they own, "
                       "created or take part in)", parameters=[STATUS])
class OpportunityListAPI(CallerListAPI):
    serializer_class = OpportunitySerializer

    def rows(self, user: Any) -> QuerySet:
        filters = selectors.OpportunityFilters(status=choice_param(self.request, "status", OpportunityStatus))
        return selectors.opportunity_list(user=user, filters=filters)


@extend_schema(summary="One opportunity, if visible to the caller")
class OpportunityDetailAPI(CallerDetailAPI):
    serializer_class = OpportunitySerializer
    rows = staticmethod(selectors.opportunity_detail_queryset)


@extend_schema(summary="Joint projects visible to the caller (members: all but others' drafts)", parameters=[STATUS])
class ProjectListAPI(CallerListAPI):
    serializer_class = ProjectSerializer

    def rows(self, user: Any) -> QuerySet:
        filters = selectors.ProjectFilters(status=choice_param(self.request, "status", ProjectStatus))
        return selectors.project_list(user=user, filters=filters).prefetch_related("categories", "sites")


@extend_schema(summary="One joint project, if visible to the caller")
class ProjectDetailAPI(CallerDetailAPI):
    serializer_class = ProjectSerializer
    rows = staticmethod(selectors.project_detail_queryset)
