"""Outcomes: identifiers, what each kind needs, services with their audit, pages per role, and the
chain back to the meeting and the event."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.core.enums import Visibility
from passerelle.directory.models import AuditEntry
from passerelle.reports import services
from passerelle.reports.enums import OutcomeKind
from passerelle.reports.models import Outcome
from passerelle.reports.outcome_ids import normalize_doi, normalize_patent_number, normalize_trial_id
from passerelle.reports.selectors import outcome_chain
from tests.factories import MemberFactory


@pytest.mark.parametrize("pasted", ["10.1038/S41586-020-2649-2", "https://doi.org/10.1038/s41586-020-2649-2",
                                    "doi:10.1038/s41586-020-2649-2", " http://dx.doi.org/10.1038/s41586-020-2649-2 "])
def test_doi_is_stored_in_one_canonical_form(pasted):
    assert normalize_doi(pasted) == "10.1038/s41586-020-2649-2"


@pytest.mark.parametrize("wrong", ["", "10.1038", "11.1038/abc", "doi 10.1038/abc", "10.12/abc", "10.1038/a b"])
def test_a_wrong_doi_is_refused_with_an_example(wrong):
    with pytest.raises(ValidationError, match="expected 10.<registrant>/<suffix>"):
        normalize_doi(wrong)


@settings(deadline=None)
@given(st.from_regex(r"10\.[0-9]{4,9}/[a-z0-9][-._;()/:a-z0-9]{0,30}", fullmatch=True))
def test_normalising_a_doi_twice_changes_nothing(doi):
    assert normalize_doi(normalize_doi(doi)) == normalize_doi(doi) == doi


@pytest.mark.parametrize(("pasted", "stored"), [
    ("nct01234567", "NCT01234567"), ("2023-501234-12-00", "2023-501234-12-00"), ("2015-001234-56", "2015-001234-56"),
    ("ISRCTN 12345678", "ISRCTN12345678"),
])
def test_trial_registry_ids(pasted, stored):
    assert normalize_trial_id(pasted) == stored


@pytest.mark.parametrize("wrong", ["NCT123", "2023-1234-12", "trial 42", ""])
def test_a_wrong_trial_id_is_refused(wrong):
    with pytest.raises(ValidationError, match="NCT01234567"):
        normalize_trial_id(wrong)


def test_patent_numbers():
    assert normalize_patent_number("ep 3 456 789 a1") == "EP3456789A1"
    assert normalize_patent_number("WO2021/123456") == "WO2021/123456"
    with pytest.raises(ValidationError, match="EP3456789A1"):
        normalize_patent_number("my patent")


def outcome(project, **fields) -> Outcome:
    values = {"project": project, "kind": OutcomeKind.OTHER, "title_fr": "Résultat", "date": date(2024, 3, 1)}
    return Outcome(**{**values, **fields})


@pytest.mark.parametrize(("kind", "fields", "missing"), [
    (OutcomeKind.PUBLICATION, {}, {"doi"}),
    (OutcomeKind.CLINICAL_TRIAL, {}, {"trial_id"}),
    (OutcomeKind.PATENT, {}, {"patent_number"}),
    (OutcomeKind.FOLLOW_ON_FUNDING, {}, {"amount", "currency", "organisation"}),
    (OutcomeKind.FOLLOW_ON_FUNDING, {"amount": Decimal(10), "currency": "EUR", "organisation_name": "ARC"}, set()),
    (OutcomeKind.NEW_SITE, {}, {"territory", "organisation"}),
    (OutcomeKind.COMPANY, {}, {"organisation"}),
    (OutcomeKind.EXCHANGE, {}, set()),
    (OutcomeKind.OTHER, {"amount": Decimal(5)}, {"currency"}),
])
def test_each_kind_asks_for_what_proves_it(pipeline, kind, fields, missing):
    candidate = outcome(pipeline.projects["P1"], kind=kind, **fields)
    if missing:
        with pytest.raises(ValidationError) as raised:
            candidate.full_clean()
        assert set(raised.value.message_dict) == missing
    else:
        candidate.full_clean()


def test_services_record_every_change_in_the_audit_trail(pipeline, coordinator):
    created = services.outcome_create(actor=coordinator, project=pipeline.projects["P1"],
                                      kind=OutcomeKind.PUBLICATION, title_fr="Article", date=date(2024, 1, 2),
                                      doi="https://doi.org/10.1000/ABC")
    assert created.doi == "10.1000/abc"
    services.outcome_update(actor=coordinator, outcome=created, title_fr="Article révisé")
    services.outcome_delete(actor=coordinator, outcome=created)
    entries = list(AuditEntry.objects.filter(object_type="outcome", object_id=created.pk).order_by("pk"))
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert entries[1].changes == {"title_fr": ["Article", "Article révisé"]}
    assert not Outcome.objects.filter(pk=created.pk).exists()


def test_services_refuse_an_invalid_outcome(pipeline, coordinator):
    with pytest.raises(ValidationError):
        services.outcome_create(actor=coordinator, project=pipeline.projects["P1"], kind=OutcomeKind.PUBLICATION,
                                title_fr="Sans DOI", date=date(2024, 1, 2))
    assert not AuditEntry.objects.filter(object_type="outcome").exists()


@pytest.fixture
def alice_client(client, pipeline, world):
    """Alice, lead of P1, signed in."""
    user = MemberFactory()
    alice = world.people["alice"]
    alice.user = user
    alice.save()
    client.force_login(user)
    return client


def form_data(project, **fields) -> dict:
    return {"project": project.pk, "kind": "publication", "title_fr": "Un article", "date": "2024-02-01",
            "doi": "", "trial_id": "", "patent_number": "", "amount": "", "currency": "", "organisation": "",
            "organisation_name": "", "territory": "", "title_en": "", "link": "", "description_fr": "",
            "description_en": "", **fields}


def test_a_partner_records_an_outcome_of_their_project(alice_client, pipeline):
    response = alice_client.post(reverse("reports:outcome_create"),
                                 form_data(pipeline.projects["P1"], doi="doi:10.1000/XYZ-9"))
    created = Outcome.objects.get(title_fr="Un article")
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert (created.doi, created.created_by.person.first_name) == ("10.1000/xyz-9", "Alice")


def test_the_form_says_what_is_wrong_field_by_field(alice_client, pipeline):
    response = alice_client.post(reverse("reports:outcome_create"), form_data(pipeline.projects["P1"], doi="42"))
    assert response.status_code == 200
    assert "is not a DOI" in str(response.context["form"].errors["doi"])
    response = alice_client.post(reverse("reports:outcome_create"), form_data(pipeline.projects["P2"],
                                                                              doi="10.1000/x"))
    assert "project" in response.context["form"].errors  # not one of alice's projects
    assert not Outcome.objects.filter(title_fr="Un article").exists()


def test_a_partner_edits_and_deletes_after_confirming(alice_client, pipeline):
    x1 = pipeline.outcomes["X1"]
    response = alice_client.post(reverse("reports:outcome_edit", args=[x1.pk]),
                                 form_data(pipeline.projects["P1"], title_fr="Radiomique", doi=x1.doi,
                                           date="2021-03-10"))
    assert response.status_code == 302
    x1.refresh_from_db()
    assert x1.title_fr == "Radiomique"
    page = alice_client.get(reverse("reports:outcome_delete", args=[x1.pk]))
    assert "Radiomique" in page.content.decode() and Outcome.objects.filter(pk=x1.pk).exists()
    alice_client.post(reverse("reports:outcome_delete", args=[x1.pk]))
    assert not Outcome.objects.filter(pk=x1.pk).exists()


def test_outcomes_of_other_projects_are_not_found(alice_client, pipeline):
    x3 = pipeline.outcomes["X3"]  # of P2, where alice is not a partner
    for name in ("reports:outcome", "reports:outcome_edit", "reports:outcome_delete"):
        assert alice_client.get(reverse(name, args=[x3.pk])).status_code == 404
    listed = alice_client.get(reverse("reports:outcomes")).context["page"].object_list
    assert {o.title_fr for o in listed} == {"Radiomics of glioblastoma", "Subvention Fondation ARC",
                                            "L'Université de Sherbrooke ouvre son bureau européen à Lyon"}


def test_a_member_without_project_may_not_record_outcomes(member_client, pipeline):
    assert member_client.get(reverse("reports:outcome_create")).status_code == 403
    assert member_client.get(reverse("reports:outcomes")).context["page"].paginator.count == 0


def test_outcome_list_filters(pipeline, coordinator_client):
    def titles(**params):
        return [o.title_fr for o in coordinator_client.get(reverse("reports:outcomes"), params)
                .context["page"].object_list]

    assert titles(kind="follow_on_funding") == ["Subvention Fondation ARC", "Subvention FRQS"]
    assert titles(year=2021) == ["Séjour de doctorant à Sherbrooke", "Radiomics of glioblastoma"]
    assert titles(q="IMMUNO") == ["Subvention FRQS", "Séjour de doctorant à Sherbrooke"]


def test_chain_of_the_office_opened_in_lyon_goes_back_to_the_meeting_and_the_event(pipeline, coordinator):
    chain = outcome_chain(pipeline.outcomes["X2"], coordinator)
    assert [step.kind for step in chain] == ["outcome", "project", "application", "opportunity", "meeting", "event"]
    assert chain[2].details[-1] == "granted: 40,000 CAD, 25,000 EUR"
    meeting = chain[4]
    assert "Alice" in meeting.title and "Chloé" in meeting.title
    assert meeting.details == ["2019-10-10 14:00", "Table 1"]
    assert chain[5].url == reverse("events:detail", args=["ejc-2019"])


def test_chain_from_a_suggestion_and_two_applications(pipeline, coordinator):
    chain = outcome_chain(pipeline.outcomes["X4"], coordinator)
    assert [step.kind for step in chain] == ["outcome", "project", "application", "application", "opportunity",
                                             "suggestion"]
    assert chain[5].details == ["matching score 0.82", "Both work on immunotherapy of breast cancer"]


def test_chain_hides_the_names_a_reader_may_not_see(pipeline, world):
    world.people["chloe"].visibility = Visibility.COORDINATORS
    world.people["chloe"].save()
    reader = MemberFactory()
    meeting = outcome_chain(pipeline.outcomes["X2"], reader)[4]
    assert "Chloé" not in meeting.title and "someone from Québec" in meeting.title


def test_outcome_page_shows_the_chain(pipeline, coordinator_client):
    response = coordinator_client.get(reverse("reports:outcome", args=[pipeline.outcomes["X2"].pk]))
    text = response.content.decode()
    for step in ("outcome", "project", "application", "opportunity", "meeting", "event"):
        assert f'data-step="{step}"' in text
    assert "Université de Sherbrooke" in text
