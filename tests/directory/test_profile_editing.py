"""Editing profiles: a member edits their own, a coordinator any; every change is audited."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from passerelle.core.enums import Visibility
from passerelle.core.identifiers import normalize_orcid
from passerelle.core.models import CancerSite, CsoCategory, Language, Technique
from passerelle.directory.models import AuditEntry, Person
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def form_data(person: Person | None = None, affiliations=(), **changes) -> dict:
    """The POST of the profile form: the profile's current values, ``changes`` applied.

    ``affiliations`` are (organisation, position, is_primary) rows of the formset, all new.
    """
    data = {
        "first_name": "Ada", "last_name": "Lovelace", "email": "", "kind": "researcher", "territory": "AURA",
        "orcid": "", "expertise": "", "keywords": "", "offers": "", "seeks": "", "visibility": "members",
    }
    if person is not None:
        data.update({key: getattr(person, key) for key in data})
    existing = list(person.affiliations.all()) if person is not None else []
    data.update({"aff-TOTAL_FORMS": str(len(existing) + len(affiliations)), "aff-INITIAL_FORMS": str(len(existing)),
                 "aff-MIN_NUM_FORMS": "0", "aff-MAX_NUM_FORMS": "1000"})
    for i, affiliation in enumerate(existing):
        data.update({f"aff-{i}-id": affiliation.pk, f"aff-{i}-organisation": affiliation.organisation_id,
                     f"aff-{i}-position": affiliation.position})
    for i, (org, position, primary) in enumerate(affiliations, start=len(existing)):
        data.update({f"aff-{i}-organisation": org.pk, f"aff-{i}-position": position})
        if primary:
            data[f"aff-{i}-is_primary"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post_edit(client, person: Person, **changes):
    """Posts ``person``'s edit form: their current values, ``changes`` applied (see ``form_data``)."""
    return client.post(reverse("directory:person_edit", args=[person.pk]), form_data(person, **changes))


def test_member_edits_own_profile_with_tags_affiliations_and_consent(client):
    owner = MemberFactory()
    person = PersonFactory(user=owner, visibility=Visibility.MEMBERS)
    chu, inserm = OrganisationFactory(name="CHU de Lyon"), OrganisationFactory(name="Inserm")
    client.force_login(owner)
    data = form_data(
        person, affiliations=[(chu, "Oncologue", False), (inserm, "Chercheuse", True)],
        expertise="Radiothérapie FLASH", keywords="flash; proton",
        categories=[CsoCategory.objects.get(code="5.2").pk], sites=[CancerSite.objects.get(icrp_code=7).pk],
        techniques=[Technique.objects.get(code="radiotherapy").pk], languages=[Language.objects.get(code="fr").pk],
        consent="on",
    )

    response = client.post(reverse("directory:person_edit", args=[person.pk]), data)

    assert (response.status_code, response["Location"]) == (302, person.get_absolute_url())
    person.refresh_from_db()
    assert person.expertise == "Radiothérapie FLASH"
    assert [t.category.code for t in person.category_tags.all()] == ["5.2"]
    assert [t.site.icrp_code for t in person.site_tags.all()] == [7]
    assert [t.code for t in person.techniques.all()] == ["radiotherapy"]
    assert [lang.code for lang in person.languages.all()] == ["fr"]
    assert [(a.organisation.name, a.position, a.is_primary) for a in person.affiliations.all()] == [
        ("Inserm", "Chercheuse", True), ("CHU de Lyon", "Oncologue", False),
    ]
    assert person.consent_date == timezone.localdate()
    assert "radiotherapie flash" in person.search_document


def test_unticking_consent_clears_the_consent_date(client):
    owner = MemberFactory()
    person = PersonFactory(user=owner, consent_date=timezone.localdate())
    client.force_login(owner)
    post_edit(client, person)
    person.refresh_from_db()
    assert person.consent_date is None


def test_consent_date_is_kept_when_consent_stays_ticked(client):
    owner = MemberFactory()
    first_consent = timezone.localdate().replace(year=2020)
    person = PersonFactory(user=owner, consent_date=first_consent)
    client.force_login(owner)
    post_edit(client, person, consent="on")
    person.refresh_from_db()
    assert person.consent_date == first_consent


def test_removing_an_affiliation_in_the_formset(client):
    owner = MemberFactory()
    person = PersonFactory(user=owner, organisation=OrganisationFactory(name="Inserm"))
    client.force_login(owner)
    post_edit(client, person, **{"aff-0-DELETE": "on"})
    assert list(person.affiliations.all()) == []


def test_member_cannot_edit_another_members_profile(member_client):
    other = PersonFactory(user=MemberFactory(), visibility=Visibility.PUBLIC, expertise="Immunologie")
    url = reverse("directory:person_edit", args=[other.pk])

    assert member_client.get(url).status_code == 404
    assert member_client.post(url, form_data(other, expertise="Piraté")).status_code == 404
    other.refresh_from_db()
    assert other.expertise == "Immunologie"


def test_member_does_not_see_the_edit_button_on_another_profile(member_client):
    other = PersonFactory()
    page = member_client.get(other.get_absolute_url()).content.decode()
    assert reverse("directory:person_edit", args=[other.pk]) not in page


def test_coordinator_edits_any_profile(coordinator_client):
    person = PersonFactory(user=MemberFactory(), visibility=Visibility.COORDINATORS)
    response = post_edit(coordinator_client, person, kind="clinician")
    person.refresh_from_db()
    assert (response.status_code, person.kind) == (302, "clinician")


def test_coordinator_creates_a_profile(coordinator_client):
    response = coordinator_client.post(reverse("directory:person_create"),
                                       form_data(first_name="Étienne", last_name="Roux", email="E.Roux@Example.org"))
    person = Person.objects.get(last_name="Roux")
    assert (response["Location"], person.email, person.user) == (person.get_absolute_url(), "e.roux@example.org", None)


def errors_of(response) -> dict:
    return {field: list(errors) for field, errors in response.context["form"].errors.items()}


def test_invalid_orcid_is_reported_on_the_orcid_field(coordinator_client):
    person = PersonFactory()
    response = post_edit(coordinator_client, person, orcid="0000-0002-1825-0098")
    with pytest.raises(ValidationError) as expected:
        normalize_orcid("0000-0002-1825-0098")
    assert response.status_code == 200
    assert errors_of(response) == {"orcid": expected.value.messages}


def test_orcid_url_is_stored_in_its_bare_form(coordinator_client):
    person = PersonFactory()
    post_edit(coordinator_client, person, orcid="https://orcid.org/0000-0002-1825-0097")
    person.refresh_from_db()
    assert person.orcid == "0000-0002-1825-0097"


@pytest.mark.parametrize(("field", "taken", "typed"), [
    ("email", "taken@example.org", "Taken@example.org"),  # the same address in other letters
    ("orcid", "0000-0002-1825-0097", "0000000218250097"),  # the same iD without its dashes
])
def test_a_duplicate_e_mail_or_orcid_is_reported_on_its_field(coordinator_client, field, taken, typed):
    PersonFactory(**{field: taken})
    person = PersonFactory()
    response = post_edit(coordinator_client, person, **{field: typed})
    assert list(errors_of(response)) == [field]


def test_missing_name_is_reported_on_the_name_field(coordinator_client):
    response = coordinator_client.post(reverse("directory:person_create"), form_data(last_name=""))
    assert list(errors_of(response)) == ["last_name"]
    assert Person.objects.count() == 0


def test_edit_records_who_changed_what_with_old_and_new_values(client):
    owner = MemberFactory(email="ada@example.org")
    person = PersonFactory(user=owner, expertise="Immunologie", keywords="")
    client.force_login(owner)
    post_edit(client, person, expertise="Radiomique", keywords="IRM", languages=[Language.objects.get(code="en").pk])
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert (entry.actor, entry.object_type, entry.object_id) == (owner, "person", person.pk)
    assert entry.changes == {
        "expertise": ["Immunologie", "Radiomique"], "keywords": ["", "IRM"], "languages": ["", "en"],
    }


def test_saving_without_change_records_nothing(coordinator_client):
    person = PersonFactory()
    post_edit(coordinator_client, person)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).count() == 0


def test_a_browser_s_line_endings_are_not_recorded_as_a_change(coordinator_client):
    person = PersonFactory(offers="Cohorte de 2 000 patients\nPlateforme IRM", seeks="Partenaire industriel",
                           expertise="Radiomique\nIRM")
    post_edit(coordinator_client, person, offers="Cohorte de 2 000 patients\r\nPlateforme IRM\r\n",
              seeks="Partenaire industriel\r\n", expertise="Radiomique\r\nIRM")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).count() == 0
    post_edit(coordinator_client, person, offers="Cohorte de 2 000 patients\r\nBiobanque",
              seeks="Partenaire industriel")
    assert AuditEntry.objects.get(action=AuditEntry.Action.UPDATE).changes == {
        "offers": ["Cohorte de 2 000 patients\nPlateforme IRM", "Cohorte de 2 000 patients\nBiobanque"]}


def test_history_page_shows_the_changes_to_coordinators(coordinator_client, coordinator):
    person = PersonFactory(expertise="Immunologie")
    post_edit(coordinator_client, person, expertise="Radiomique")
    response = coordinator_client.get(reverse("directory:person_history", args=[person.pk]))
    page = response.content.decode()
    assert [entry.changes for entry in response.context["page"].object_list] == [
        {"expertise": ["Immunologie", "Radiomique"]}
    ]
    assert "<del>Immunologie</del> → <ins>Radiomique</ins>" in page
    assert str(coordinator) in page


def test_history_page_is_for_coordinators_only(client):
    owner = MemberFactory()
    person = PersonFactory(user=owner)
    client.force_login(owner)
    assert client.get(reverse("directory:person_history", args=[person.pk])).status_code == 403


def test_my_profile_creates_a_profile_linked_to_the_account_the_first_time(client):
    user = MemberFactory(first_name="Marie", last_name="Curie", email="marie@example.org")
    client.force_login(user)

    form = client.get(reverse("directory:my_profile")).context["form"]
    response = client.post(reverse("directory:my_profile"), form_data(
        first_name="Marie", last_name="Curie", email="marie@example.org", visibility="public",
    ))

    person = Person.objects.get(user=user)
    assert (form.initial["first_name"], form.initial["email"]) == ("Marie", "marie@example.org")
    assert response["Location"] == person.get_absolute_url()
    assert client.get(reverse("directory:my_profile"))["Location"] == reverse("directory:person_edit",
                                                                              args=[person.pk])


def test_my_profile_audit_entry_names_its_creator(client):
    user = MemberFactory()
    client.force_login(user)
    client.post(reverse("directory:my_profile"), form_data(email=user.email))
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.changes["email"]) == ("create", user, ["", user.email])


def test_coordinator_deletes_a_profile_and_the_deletion_is_audited(coordinator_client, coordinator):
    person = PersonFactory(last_name="Supprimé")
    response = coordinator_client.post(reverse("directory:person_delete", args=[person.pk]))
    assert response["Location"] == reverse("directory:people")
    assert not Person.objects.filter(pk=person.pk).exists()
    entry = AuditEntry.objects.get(action="delete")
    assert (entry.actor, entry.object_repr) == (coordinator, person.full_name)
