"""API of the suggestions: a person's suggested partners, and partners for a posted idea.

Both need a signed-in caller (401 otherwise) and apply the pages' rules: a person's
suggestions are for themself and coordinators (404 if the profile is hidden from the caller,
403 if it is visible but not theirs); only profiles visible to the caller are ever suggested.
"""
from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from passerelle.core.api import form_errors, require_object
from passerelle.core.enums import ActorKind, Territory
from passerelle.directory.models import Person
from passerelle.directory.selectors import people_visible_to

from . import rules, selectors
from .forms import IdeaForm, SuggestionFilterForm

DEFAULT_K = 20


class SuggestionSerializer(serializers.Serializer):
    """A suggestion: who is suggested (the suggestion's ``about``, a person or an organisation: its
    id, its ``texts``, kind, territory and page), then the fields declared (why: score, reasons…)."""

    about = ""
    texts: tuple[str, ...] = ()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())

    def get_fields(self) -> dict[str, serializers.Field]:
        suggested: dict[str, serializers.Field] = {"id": serializers.IntegerField(source=f"{self.about}.pk")}
        for name in (*self.texts, "kind", "territory"):
            suggested[name] = serializers.CharField(source=f"{self.about}.{name}")
        suggested["url"] = serializers.CharField(source=f"{self.about}.get_absolute_url")
        return {**suggested, **super().get_fields()}


class SuggestedPersonSerializer(SuggestionSerializer):
    about, texts = "person", ("first_name", "last_name")
    organisations = serializers.SerializerMethodField()
    components = serializers.DictField(child=serializers.FloatField())

    def get_organisations(self, suggestion: selectors.Suggestion) -> list[str]:
        return [a.organisation.name for a in suggestion.person.affiliations.all()]


class SuggestedOrganisationSerializer(SuggestionSerializer):
    about, texts = "organisation", ("name", "acronym")


class IdeaRequestSerializer(serializers.Serializer):
    """Documents the body; the page's ``IdeaForm`` validates it (one set of rules)."""

    text = serializers.CharField(help_text="Project summary, French or English (20 to 8,000 characters)")
    needs = serializers.CharField(required=False, help_text="What the project needs, one item per line")
    categories = serializers.ListField(child=serializers.CharField(), required=False, help_text="CSO codes")
    sites = serializers.ListField(child=serializers.IntegerField(), required=False, help_text="ICRP site codes")
    techniques = serializers.ListField(child=serializers.CharField(), required=False, help_text="Technique codes")
    territory = serializers.ChoiceField(choices=Territory.choices, required=False,
                                        help_text="Only partners of this territory (default: anywhere)")
    kinds = serializers.ListField(child=serializers.ChoiceField(choices=ActorKind.choices), required=False)
    k = serializers.IntegerField(required=False, min_value=1, max_value=selectors.MAX_K, default=DEFAULT_K)


def _k(raw: object) -> int:
    try:
        return max(1, min(int(raw), selectors.MAX_K))
    except (TypeError, ValueError):
        return DEFAULT_K


@extend_schema(
    summary="Suggested partners of a person (the person themself or a coordinator), best first",
    parameters=[
        OpenApiParameter("k", OpenApiTypes.INT, description=f"How many (1–{selectors.MAX_K}, default {DEFAULT_K})"),
        OpenApiParameter("both", OpenApiTypes.BOOL, description="Both territories (default: the other side only)"),
        OpenApiParameter("kind", OpenApiTypes.STR, enum=ActorKind.values, description="Only this kind of actor"),
        OpenApiParameter("category", OpenApiTypes.STR, description="CSO code (sub-categories included)"),
    ],
    responses=inline_serializer("PersonSuggestions", {
        "person": serializers.IntegerField(), "results": SuggestedPersonSerializer(many=True)}),
)
class PersonSuggestionsAPI(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request: Request, pk: int) -> Response:
        person = get_object_or_404(people_visible_to(request.user), pk=pk)
        if not rules.can_see_suggestions(request.user, person):
            raise PermissionDenied("Suggestions are shown to the person themself and to coordinators.")
        filters = SuggestionFilterForm(request.query_params).filters()
        suggestions = selectors.suggest_partners(
            person, viewer=request.user, k=_k(request.query_params.get("k", DEFAULT_K)),
            both_territories=filters.both_territories, kinds=[filters.kind] if filters.kind else None,
            category=filters.category or None,
        )
        return Response({"person": person.pk, "results": SuggestedPersonSerializer(suggestions, many=True).data})


@extend_schema(
    summary="People and organisations for a project idea (posted text and tags), best first",
    request=IdeaRequestSerializer,
    responses=inline_serializer("IdeaSuggestions", {
        "people": SuggestedPersonSerializer(many=True), "organisations": SuggestedOrganisationSerializer(many=True)}),
)
class IdeaSuggestionsAPI(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request) -> Response:
        data = require_object(request.data)
        me = Person.objects.filter(user=request.user).first()
        form = IdeaForm(data, home_territory=me.territory if me else "")
        if not form.is_valid():
            raise form_errors(form)
        results = selectors.suggest_for_idea(viewer=request.user, k=_k(data.get("k", DEFAULT_K)),
                                             **form.idea())
        return Response({
            "people": SuggestedPersonSerializer(results.people, many=True).data,
            "organisations": SuggestedOrganisationSerializer(results.organisations, many=True).data,
        })
