"""Read API of the directory: the same filters and visibility rules as the pages."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from passerelle.core.api import StandardPagination
from passerelle.core.api_views import CallerDetailAPI, CallerListAPI
from passerelle.core.read_cache import CachedPaginator

from . import rules, selectors
from .forms import OrganisationFilterForm, PeopleFilterForm
from .models import Affiliation, Organisation, Person


class OrganisationSerializer(serializers.ModelSerializer):
    parent = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym", "kind", "territory", "city", "website", "ror_id", "parent"]


class AffiliationSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Affiliation
        fields = ["organisation", "organisation_name", "position", "is_primary"]


class PersonSerializer(serializers.ModelSerializer):
    affiliations = AffiliationSerializer(many=True, read_only=True)
    categories = serializers.SerializerMethodField()
    sites = serializers.SerializerMethodField()
    techniques = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    languages = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    email = serializers.SerializerMethodField()
    offers = serializers.ListField(source="offer_list", child=serializers.CharField(), read_only=True)
    seeks = serializers.ListField(source="seek_list", child=serializers.CharField(), read_only=True)

    class Meta:
        model = Person
        fields = ["id", "first_name", "last_name", "email", "kind", "territory", "orcid", "affiliations",
                  "languages", "expertise", "keywords", "categories", "sites", "techniques", "offers", "seeks",
                  "updated_at"]

    def get_categories(self, person: Person) -> list[str]:
        return [t.category.code for t in person.category_tags.all()]

    def get_sites(self, person: Person) -> list[int]:
        return [t.site.icrp_code for t in person.site_tags.all()]

    def get_email(self, person: Person) -> str:
        request = self.context.get("request")
        return person.email if request is not None and rules.can_see_contact(request.user) else ""


PEOPLE_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Full-text search (names, expertise, keywords, tags)"),
    OpenApiParameter("territory", OpenApiTypes.STR, enum=["AURA", "QC", "OTHER"]),
    OpenApiParameter("kind", OpenApiTypes.STR, description="Kind of actor, e.g. clinician"),
    OpenApiParameter("organisation", OpenApiTypes.INT, description="Organisation id (its sub-units included)"),
    OpenApiParameter("category", OpenApiTypes.STR, description="CSO code, e.g. 5 or 5.3"),
    OpenApiParameter("site", OpenApiTypes.INT, description="ICRP cancer site code"),
    OpenApiParameter("technique", OpenApiTypes.STR, description="Technique code, e.g. radiomics"),
    OpenApiParameter("language", OpenApiTypes.STR, description="Language code, e.g. fr"),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=list(selectors.PEOPLE_SORTS)),
]


class KeptPagination(StandardPagination):
    """Pages of the directory kept in the read cache under their query (``core.read_cache``)."""

    django_paginator_class = CachedPaginator


class FilteredListAPI(CallerListAPI):
    """A list of the directory: ``selector(user=, filters=)`` under the filters the pages' filter
    form reads from the query parameters, its pages kept in the read cache."""

    pagination_class = KeptPagination
    filter_form: type[forms.Form]
    selector: Callable[..., QuerySet]

    def rows(self, user: Any) -> QuerySet:
        return self.selector(user=user, filters=self.filter_form(self.request.query_params or None).filters())


@extend_schema(parameters=PEOPLE_PARAMETERS, summary="People of the directory visible to the caller")
class PersonListAPI(FilteredListAPI):
    serializer_class = PersonSerializer
    filter_form = PeopleFilterForm
    selector = staticmethod(selectors.person_list)

    def rows(self, user: Any) -> QuerySet:
        return selectors.with_profile_relations(super().rows(user))


# Fields that apps above the directory add to one person's answer (the publications app adds the
# works on the profile): name → a function making the serializer field, registered by the app's
# ``AppConfig.ready``. The directory imports none of those apps.
PERSON_DETAIL_FIELDS: dict[str, Callable[[], serializers.Field]] = {}
_detail_serializers: dict[tuple[str, ...], type[PersonSerializer]] = {}


def register_person_detail_field(name: str, make_field: Callable[[], serializers.Field]) -> None:
    PERSON_DETAIL_FIELDS[name] = make_field


def person_detail_serializer() -> type[PersonSerializer]:
    """The serializer of one person: :class:`PersonSerializer` and the registered fields (one class
    per set of fields, so that the OpenAPI document names it once)."""
    names = tuple(PERSON_DETAIL_FIELDS)
    if not names:
        return PersonSerializer
    if names not in _detail_serializers:
        meta = type("Meta", (PersonSerializer.Meta,), {"fields": [*PersonSerializer.Meta.fields, *names]})
        fields = {name: PERSON_DETAIL_FIELDS[name]() for name in names}
        _detail_serializers[names] = type("PersonDetailSerializer", (PersonSerializer,), {**fields, "Meta": meta})
    return _detail_serializers[names]


@extend_schema(summary="One person of the directory, if visible to the caller")
class PersonDetailAPI(CallerDetailAPI):
    def get_serializer_class(self) -> type[PersonSerializer]:
        return person_detail_serializer()

    def rows(self, user: Any) -> QuerySet:
        return selectors.with_profile_relations(selectors.people_visible_to(user))


ORGANISATION_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Search in names, acronyms and cities"),
    OpenApiParameter("territory", OpenApiTypes.STR, enum=["AURA", "QC", "OTHER"]),
    OpenApiParameter("kind", OpenApiTypes.STR, description="Kind of organisation, e.g. hospital"),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=list(selectors.ORGANISATION_SORTS)),
]


@extend_schema(parameters=ORGANISATION_PARAMETERS, summary="Organisations of the directory")
class OrganisationListAPI(FilteredListAPI):
    serializer_class = OrganisationSerializer
    filter_form = OrganisationFilterForm
    selector = staticmethod(selectors.organisation_list)


class OrganisationDetailAPI(generics.RetrieveAPIView):
    serializer_class = OrganisationSerializer
    permission_classes = [AllowAny]
    queryset = Organisation.objects.all()
