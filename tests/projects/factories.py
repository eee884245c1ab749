"""Factories of the projects app: real rows built through the models (services where it matters)."""
from __future__ import annotations

import factory

from passerelle.projects.enums import OriginKind
from passerelle.projects.models import Opportunity


class OpportunityFactory(factory.django.DjangoModelFactory):
    """``OpportunityFactory(people=[person, ...])`` sets the people involved."""

    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Collaboration idea {n}")
    description = "Radiomics of glioblastoma with a Québec imaging platform."
    origin_kind = OriginKind.MANUAL

    @factory.post_generation
    def people(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.people.set(extracted)
