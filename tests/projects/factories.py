"""Factories of the projects app: real rows built through the models (services where it matters)."""
from __future__ import annotations

from datetime import date

import factory

from passerelle.directory.models import Person
from passerelle.projects.enums import OriginKind, ServiceKind
from passerelle.projects.models import Opportunity, Project, ProjectPartner, SupportService
from tests.factories import numbered


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


class ProjectFactory(factory.django.DjangoModelFactory):
    """A draft project; ``ProjectFactory(partners=[(person, "lead"), (organisation, "partner")])``."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title_fr, title_en = numbered("Projet conjoint {n}", "Joint project {n}")
    summary_fr = "Radiomique des glioblastomes et cohortes partagées."
    summary_en = "Radiomics of glioblastoma and shared cohorts."
    start = date(2027, 1, 1)
    end = date(2028, 12, 31)

    @factory.post_generation
    def partners(obj, create, extracted, **kwargs):  # noqa: N805
        if not (create and extracted):
            return
        for who, role in extracted:
            if isinstance(who, Person):
                main = who.affiliations.filter(is_primary=True).first()
                ProjectPartner.objects.create(project=obj, person=who, role=role, territory=who.territory,
                                              organisation=main.organisation if main else None)
            else:
                ProjectPartner.objects.create(project=obj, organisation=who, role=role, territory=who.territory)


class SupportServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportService

    kind = ServiceKind.PROJECT_ENGINEERING
    slug, name_fr, name_en = numbered("service-{n}", "Ingénierie de projet {n}", "Project engineering {n}")
    description_fr = "Montage des dossiers de financement."
