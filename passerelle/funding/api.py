"""Read API of calls (public but drafts) and applications (coordinators: all; members: their
projects'; anonymous: none). Amounts are given per currency, never converted."""
from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from passerelle.core.api_views import CallerDetailAPI, CallerListAPI, choice_param

from . import eligibility, selectors
from .enums import ApplicationStatus
from .models import Application, ApplicationAmount, Call, CallRule, ReviewCriterion


class RuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = CallRule
        fields = ["kind", "params"]


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReviewCriterion
        fields = ["label_fr", "label_en", "max_score", "weight"]


class CallSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    programme_name = serializers.CharField(source="programme.name", read_only=True)
    opens_at = serializers.SerializerMethodField()
    closes_at = serializers.SerializerMethodField()
    is_open = serializers.SerializerMethodField()
    rules = RuleSerializer(many=True, read_only=True)
    criteria = CriterionSerializer(many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Call
        fields = ["slug", "programme", "programme_name", "title_fr", "title_en", "status", "opens_at", "closes_at",
                  "time_zone", "is_open", "rules", "criteria", "url"]

    def get_opens_at(self, call: Call) -> str:
        """ISO 8601 in the call's own time zone (its offset included)."""
        return call.local(call.opens_at).isoformat()

    def get_closes_at(self, call: Call) -> str:
        return call.local(call.closes_at).isoformat()

    def get_is_open(self, call: Call) -> bool:
        return call.is_open()


class AmountSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApplicationAmount
        fields = ["currency", "requested", "granted"]


class ApplicationSerializer(serializers.ModelSerializer):
    call = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    project_title = serializers.CharField(source="project.title", read_only=True)
    amounts = AmountSerializer(many=True, read_only=True)
    eligibility = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Application
        fields = ["id", "call", "project", "project_title", "status", "abstract", "duration_months", "amounts",
                  "eligibility", "submitted_at", "decided_at", "decision_note", "url"]

    def get_eligibility(self, application: Application) -> list[dict]:
        """The last check: one entry per rule, with the reason in words."""
        return [{"rule": r["rule"], "passed": r["passed"], "message": eligibility.describe(r)}
                for r in application.eligibility]


def _calls(user: Any) -> QuerySet:
    return selectors.calls_visible_to(user).prefetch_related("rules", "criteria")


@extend_schema(summary="Funding calls (drafts for coordinators only), latest deadline first")
class CallListAPI(CallerListAPI):
    serializer_class = CallSerializer

    def rows(self, user: Any) -> QuerySet:
        return _calls(user).order_by("-closes_at", "pk")


@extend_schema(summary="One funding call with its rules and review criteria")
class CallDetailAPI(CallerDetailAPI):
    serializer_class = CallSerializer
    lookup_field = "slug"
    rows = staticmethod(_calls)


@extend_schema(summary="Applications visible to the caller (coordinators: all; members: their projects')",
               parameters=[OpenApiParameter("status", str, description="Only this status."),
                           OpenApiParameter("call", str, description="Only this call (slug).")])
class ApplicationListAPI(CallerListAPI):
    serializer_class = ApplicationSerializer

    def rows(self, user: Any) -> QuerySet:
        filters = selectors.ApplicationFilters(status=choice_param(self.request, "status", ApplicationStatus),
                                               call=self.request.query_params.get("call", ""))
        return selectors.application_list(user=user, filters=filters)


@extend_schema(summary="One application, if visible to the caller")
class ApplicationDetailAPI(CallerDetailAPI):
    serializer_class = ApplicationSerializer
    rows = staticmethod(selectors.application_detail_queryset)
