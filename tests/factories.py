"""factory_boy factories for the whole project; tests build real rows, never mocks."""
from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from passerelle.accounts.models import Invitation, Role
from passerelle.core.enums import ActorKind, OrganisationKind, Territory, Visibility
from passerelle.core.models import CancerSite, CsoCategory, Language, Technique
from passerelle.directory import search
from passerelle.directory.models import Affiliation, Organisation, Person, PersonCategory, PersonSite


def numbered(*templates: str) -> tuple[factory.Sequence, ...]:
    """One sequence per template, ``{n}`` filled with the row's number: a row's slug and its names in both
    languages, ``slug, title_fr, title_en = numbered("appel-{n}", "Appel {n}", "Call {n}")``."""
    return tuple(factory.Sequence(lambda n, template=template: template.format(n=n)) for template in templates)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    role = Role.MEMBER
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class MemberFactory(UserFactory):
    role = Role.MEMBER


class CoordinatorFactory(UserFactory):
    role = Role.COORDINATOR


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Institut {n}")
    kind = OrganisationKind.RESEARCH_CENTRE
    territory = Territory.AURA
    city = "Lyon"

    @factory.post_generation
    def _index(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            search.refresh_organisation(obj)


class PersonFactory(factory.django.DjangoModelFactory):
    """A profile; tags are given as codes: ``PersonFactory(categories=["5.3"], sites=[7],
    techniques=["radiomics"], languages=["fr"], organisation=org)``."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    kind = ActorKind.RESEARCHER
    territory = Territory.AURA
    visibility = Visibility.PUBLIC
    expertise = "Tumour immunology"

    @factory.post_generation
    def organisation(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            Affiliation.objects.create(person=obj, organisation=extracted, is_primary=True)

    @factory.post_generation
    def categories(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            PersonCategory.objects.bulk_create(
                [PersonCategory(person=obj, category=c) for c in CsoCategory.objects.filter(code__in=extracted)]
            )

    @factory.post_generation
    def sites(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            PersonSite.objects.bulk_create(
                [PersonSite(person=obj, site=s) for s in CancerSite.objects.filter(icrp_code__in=extracted)]
            )

    @factory.post_generation
    def techniques(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.techniques.set(Technique.objects.filter(code__in=extracted))

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.languages.set(Language.objects.filter(code__in=extracted))

    @factory.post_generation
    def _index(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            search.refresh_person(obj)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    role = Role.MEMBER
    invited_by = factory.SubFactory(CoordinatorFactory)
