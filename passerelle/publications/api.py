"""Read API of publications: ``GET /api/publications`` and the works of one person in
``GET /api/people/<id>``, with the visibility of the pages: a work shows through the links to it
the caller may see and that are not hidden (``selectors.publications_visible_to``); the people
named are those links' people, never a hidden profile nor a hidden link."""
from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from passerelle.core.api import form_errors

from .cross_border import BOTH_SIDES
from .lists import publication_list, shown_links
from .models import Authorship, Publication

WORK_FIELDS = ["id", "title", "year", "publication_date", "venue", "work_type", "doi", "pmid", "hal_id",
               "openalex_id"]


class WorkSerializer(serializers.ModelSerializer):
    """A work as a person's answer lists it."""

    class Meta:
        model = Publication
        fields = WORK_FIELDS


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Authorship
        fields = ["position", "name", "affiliation", "country"]


class LinkedPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="person.pk")
    name = serializers.CharField(source="person.full_name")
    territory = serializers.CharField(source="person.territory")


class PublicationSerializer(serializers.ModelSerializer):
    authors = serializers.SerializerMethodField(help_text="The authors as the work prints them; an author matched to a "
                                                          "profile the caller may not see, or who hid the work, keeps "
                                                          "their place without their name.")
    people = LinkedPersonSerializer(source="shown_links", many=True, read_only=True,
                                    help_text="The directory's people who have the work on their profile (those "
                                              "the caller may see).")
    cross_border = serializers.SerializerMethodField(help_text="Signed by people of the directory from "
                                                               "Auvergne-Rhône-Alpes and from Québec.")

    class Meta:
        model = Publication
        fields = [*WORK_FIELDS, "abstract", "authors", "people", "cross_border"]

    @extend_schema_field(AuthorSerializer(many=True))
    def get_authors(self, work: Publication) -> list[dict]:
        shown = {link.person_id for link in work.shown_links}
        return [AuthorSerializer(author).data if author.person_id is None or author.person_id in shown
                else {"position": author.position, "name": "", "affiliation": "", "country": ""}
                for author in work.authorships.all()]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_cross_border(self, work: Publication) -> bool:
        return all(getattr(work, f"side_{territory}", False) for territory in BOTH_SIDES)


class PublicationFilterForm(forms.Form):
    person = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)  # a database id
    year = forms.IntegerField(required=False, min_value=1000, max_value=9999)
    cross_border = forms.BooleanField(required=False)


PARAMETERS = [
    OpenApiParameter("person", OpenApiTypes.INT, description="Works on this person's profile."),
    OpenApiParameter("year", OpenApiTypes.INT, description="Works published this year."),
    OpenApiParameter("cross_border", OpenApiTypes.BOOL,
                     description="1: only works signed by people of both territories."),
]


@extend_schema(summary="Publications on the profiles visible to the caller", parameters=PARAMETERS)
class PublicationListAPI(generics.ListAPIView):
    serializer_class = PublicationSerializer
    permission_classes = [AllowAny]

    def get_queryset(self) -> QuerySet[Publication]:
        form = PublicationFilterForm(self.request.query_params)
        if not form.is_valid():
            raise form_errors(form)
        return publication_list(user=self.request.user, **form.cleaned_data)


@extend_schema_field(WorkSerializer(many=True))
class VisibleWorksField(serializers.Field):
    """The works on one person's profile that the caller may see, hidden ones left out."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, person: Any) -> list[dict]:
        request = self.context.get("request")
        links = shown_links(getattr(request, "user", None)).filter(person=person)
        works = Publication.objects.filter(pk__in=links.values("publication_id")).order_by("-year", "title", "pk")
        return WorkSerializer(works, many=True).data
