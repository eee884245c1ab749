"""Services take child rows as plain data; forms translate their formsets into those rows."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from passerelle.core.rows import rows_from_formset
from passerelle.events import services as events
from passerelle.events.forms import PlaceFormSet
from passerelle.events.models import Place
from passerelle.funding import services as funding
from passerelle.funding.models import ReviewCriterion
from passerelle.projects import services as projects
from passerelle.projects.models import ProjectPartner
from tests.events.factories import EventFactory, PlaceFactory
from tests.factories import CoordinatorFactory, OrganisationFactory, PersonFactory
from tests.funding.factories import CallFactory, ProgrammeFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_formset_becomes_new_changed_and_deleted_rows_untouched_ones_left_out():
    event = EventFactory()
    kept = PlaceFactory(event=event, name="Centre Léon Bérard", city="Lyon", position=0)
    renamed = PlaceFactory(event=event, name="CHUS", city="Sherbrooke", position=1)
    dropped = PlaceFactory(event=event, name="Old venue", city="Lyon", position=2)
    data = {"places-TOTAL_FORMS": "5", "places-INITIAL_FORMS": "3", "places-4-position": "0"}
    for index, place in enumerate([kept, renamed, dropped]):
        data.update({f"places-{index}-id": place.pk, f"places-{index}-name": place.name,
                     f"places-{index}-city": place.city, f"places-{index}-position": place.position})
    data["places-1-name"] = "CHU de Sherbrooke"
    data["places-2-DELETE"] = "on"
    data.update({"places-3-name": "Palais des congrès", "places-3-city": "Montréal", "places-3-position": "3"})
    formset = PlaceFormSet(data, instance=event, prefix="places")
    assert formset.is_valid(), formset.errors
    rows = rows_from_formset(formset, events.PLACE_FIELDS)
    assert [(row["id"], row.get("delete", False), row.get("name")) for row in rows] == [
        (renamed.pk, False, "CHU de Sherbrooke"), (dropped.pk, True, None), (None, False, "Palais des congrès")]


def test_event_places_are_saved_from_plain_rows():
    event = EventFactory()
    old = PlaceFactory(event=event, name="Old venue")
    events.event_save(actor=CoordinatorFactory(), event=event, places=[
        {"id": old.pk, "delete": True},
        {"id": None, "name": "CHUS", "city": "Sherbrooke", "territory": "QC", "address": "", "position": 1},
    ])
    assert list(Place.objects.filter(event=event).values_list("name", "city", "territory")) == [
        ("CHUS", "Sherbrooke", "QC")]


def test_a_place_row_is_validated_like_the_form_would():
    event = EventFactory()
    with pytest.raises(ValidationError):
        events.event_save(actor=None, event=event, places=[{"name": "Nowhere", "city": ""}])
    assert not Place.objects.filter(event=event).exists()


def test_call_criteria_are_saved_from_plain_rows():
    call = CallFactory(criteria=2)
    first, second = call.criteria.order_by("position")
    funding.call_save(actor=None, call=call, rules={}, criteria=[
        {"id": first.pk, "label_fr": "Excellence", "label_en": "Excellence", "max_score": 10, "weight": 3,
         "position": 0},
        {"id": second.pk, "delete": True},
    ])
    assert list(ReviewCriterion.objects.filter(call=call).values_list("label_fr", "max_score", "weight")) == [
        ("Excellence", 10, 3)]


def test_partner_rows_take_the_territory_of_their_person_or_organisation():
    project = ProjectFactory()
    lea = PersonFactory(territory="AURA")
    repare = OrganisationFactory(territory="QC")
    projects.project_save_partners(actor=None, project=project, partners=[
        {"id": None, "person": lea, "organisation": None, "role": "lead"},
        {"id": None, "person": None, "organisation": repare, "role": "partner"},
    ])
    assert sorted(ProjectPartner.objects.filter(project=project).values_list("role", "territory")) == [
        ("lead", "AURA"), ("partner", "QC")]
    partner = ProjectPartner.objects.get(project=project, role="partner")
    projects.project_save_partners(actor=None, project=project, partners=[{"id": partner.pk, "delete": True}])
    assert list(ProjectPartner.objects.filter(project=project).values_list("role", flat=True)) == ["lead"]


def test_a_programme_is_saved_with_its_funders_through_the_service():
    programme = ProgrammeFactory.build(slug="fonds-aura-qc", name_fr="Fonds AURA–Québec", name_en="")
    funder = OrganisationFactory(name="Région Auvergne-Rhône-Alpes")
    saved = funding.programme_save(actor=CoordinatorFactory(), programme=programme, funders=[funder])
    assert saved.pk is not None
    assert list(saved.funders.values_list("name", flat=True)) == ["Région Auvergne-Rhône-Alpes"]
