"""Hostile and random input on every form and query of the directory, the events and the
privacy pages, and on the API: a clear answer (a page with field errors, a redirect, a 4xx),
never a server error, and nothing half-written.

(Imports have their own fuzz tests in tests/directory/test_import_fuzz.py; the engines' command
lines are in test_fuzz_cli.py.)
"""
from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.directory.models import Affiliation, AuditEntry, Organisation, Person
from passerelle.events.models import Event, ProgrammeItem, Registration
from passerelle.privacy.models import ConsentRecord, ErasureRequest
from tests.events.factories import EventFactory, in_days
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])
NASTY = ["", " ", "0", "-1", "9" * 40, "\x00", "\x00abc", "2026-02-30", "2026-13-01T25:61", "<script>alert(1)</script>",
         "' OR 1=1 --", "é" * 300, "%", "NaN", "1e309", "AURA", "QC", "public", "researcher", "5.3", "radiomics",
         "0000-0002-1825-0097", "https://", "javascript:alert(1)", "a" * 5000, "\ud7ff", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "[]", "{}"]
value = st.sampled_from(NASTY) | st.text(max_size=60)
values = st.lists(value, min_size=0, max_size=3)


def snapshot() -> dict[str, int]:
    models = (Person, Organisation, Affiliation, AuditEntry, Event, ProgrammeItem, Registration, ConsentRecord,
              ErasureRequest)
    return {model.__name__: model.objects.count() for model in models}


def post(client: Client, url: str, fields: dict[str, object]) -> int:
    """POST; the status must be a clear one. A re-displayed form (200) must have written nothing."""
    before = snapshot()
    response = client.post(url, {k: v for k, v in fields.items() if v is not None})
    assert response.status_code in (200, 302, 400, 403, 404), response.status_code
    if response.status_code != 302:
        assert snapshot() == before
    return response.status_code


@pytest.fixture
def coordinator_client(client, db):
    client.force_login(CoordinatorFactory())
    return client


@pytest.fixture
def world(db):
    org = OrganisationFactory()
    event = EventFactory(slug="fuzz-event", start=in_days(20), end=in_days(22))
    member = MemberFactory()
    person = PersonFactory(user=member, organisation=org)
    return {"org": org, "event": event, "member": member, "person": person}


PERSON_FIELDS = ["first_name", "last_name", "email", "kind", "territory", "orcid", "expertise", "keywords",
                 "offers", "seeks", "visibility", "consent", "categories", "sites", "techniques", "languages"]


@settings(FUZZ, max_examples=8)  # the profile form is the heaviest page to render
@given(data=st.fixed_dictionaries({name: value for name in PERSON_FIELDS}),
       total=st.sampled_from(["0", "1", "2", "-1", "x", "1000", ""]), org=value, position=value, edit=st.booleans())
def test_person_form_never_breaks(coordinator_client, world, data, total, org, position, edit):
    fields = {**data, "aff-TOTAL_FORMS": total, "aff-INITIAL_FORMS": "0", "aff-MIN_NUM_FORMS": "0",
              "aff-MAX_NUM_FORMS": "1000", "aff-0-organisation": org, "aff-0-position": position}
    url = reverse("directory:person_edit", args=[world["person"].pk]) if edit else reverse("directory:person_create")
    post(coordinator_client, url, fields)


@FUZZ
@given(data=st.fixed_dictionaries({name: value for name in
                                   ["name", "acronym", "kind", "territory", "city", "website", "ror_id", "parent"]}))
def test_organisation_form_never_breaks(coordinator_client, world, data):
    post(coordinator_client, reverse("directory:organisation_create"), data)


EVENT_FIELDS = ["kind", "slug", "title_fr", "title_en", "description_fr", "time_zone", "start", "end", "capacity",
                "registration_opens", "registration_closes", "organisers", "categories", "sites"]


@FUZZ
@given(data=st.fixed_dictionaries({name: value for name in EVENT_FIELDS}),
       places=st.sampled_from(["0", "1", "x", "-5"]))
def test_event_and_programme_forms_never_break(coordinator_client, world, data, places):
    slug = world["event"].slug
    post(coordinator_client, reverse("events:create"), {**data, "places-TOTAL_FORMS": places,
                                                        "places-INITIAL_FORMS": "0", "places-0-name": data["title_fr"]})
    post(coordinator_client, reverse("events:item_create", args=[slug]), {
        "kind": data["kind"], "title_fr": data["title_fr"], "start": data["start"], "end": data["end"],
        "place": data["capacity"], "speakers": data["organisers"], "delegation": data["sites"]})
    post(coordinator_client, reverse("events:status", args=[slug]), {"to_status": data["kind"]})
    post(coordinator_client, reverse("events:registration_add", args=[slug]),
         {"person": data["capacity"], "role": data["kind"], "consent_to_list": data["slug"]})


@FUZZ
@given(role=value, consent=value, reason=value, confirm=value, directory=value)
def test_member_forms_never_break(client, world, role, consent, reason, confirm, directory):
    client.force_login(world["member"])
    post(client, reverse("events:register", args=[world["event"].slug]), {"role": role, "consent_to_list": consent})
    post(client, reverse("privacy:my_data"), {"directory": directory, "matching": consent})
    status = post(client, reverse("privacy:erasure_request"), {"reason": reason, "confirm": confirm})
    if status == 302:
        ErasureRequest.objects.all().delete()


@FUZZ
@given(data=st.fixed_dictionaries({"purpose": value, "given": value, "method": value, "at": value, "note": value}))
def test_consent_form_never_breaks(coordinator_client, world, data):
    post(coordinator_client, reverse("privacy:person", args=[world["person"].pk]), data)


QUERY_NAMES = ["q", "territory", "kind", "organisation", "category", "site", "technique", "language", "sort",
               "page", "page_size", "status", "role"]


@FUZZ
@given(params=st.dictionaries(st.sampled_from(QUERY_NAMES), value, max_size=5))
def test_lists_exports_and_api_answer_any_query(client, world, params):
    params = {k: v.replace("\x00", "") if k != "q" else v for k, v in params.items()}
    for url in (reverse("directory:people"), reverse("directory:organisations"), reverse("api-people"),
                reverse("api-organisations"), reverse("api-events"), reverse("events:list"),
                reverse("directory:people_export", args=["csv"])):
        response = client.get(url, params)
        assert response.status_code in (200, 400, 404), (url, params, response.status_code)


@FUZZ
@given(key=st.text(min_size=1, max_size=40).filter(lambda s: "/" not in s and "\x00" not in s))
def test_api_detail_of_anything_is_404_not_500(client, world, key):
    for url in (f"/api/events/{key}", f"/api/events/{key}/programme", f"/events/{key}/"):
        assert client.get(url).status_code in (200, 301, 404)


def test_writes_to_the_read_only_api_are_refused(coordinator_client, world):
    person = world["person"]
    for method in ("post", "put", "patch", "delete"):
        for url in (reverse("api-people"), reverse("api-person", args=[person.pk]), reverse("api-events")):
            response = getattr(coordinator_client, method)(url, {}, content_type="application/json")
            assert response.status_code in (403, 405), (method, url)
    assert Person.objects.filter(pk=person.pk).exists()
