"""Who may open every page of Passerelle: a matrix of URL name × role → status.

A new URL of core, accounts or directory without an expectation here fails
``test_the_matrix_covers_every_url_of_passerelle``.
"""
from __future__ import annotations

import pytest
from django.urls import URLResolver, get_resolver, reverse

from passerelle.accounts import api_tokens
from passerelle.core.enums import Visibility
from passerelle.directory.models import ImportBatch
from passerelle.jobs.models import Job
from tests.access import API_COORDINATOR, COORDINATOR, LOGIN, PUBLIC, ROLES, check_cell, each_role
from tests.events.permissions import EVENTS_EXPECTED, events_url, make_event_objects
from tests.factories import InvitationFactory, MemberFactory, OrganisationFactory, PersonFactory
from tests.meetings.permissions import MEETINGS_EXPECTED, make_meetings_objects, meetings_url
from tests.privacy.permissions import PRIVACY_EXPECTED, make_privacy_objects, privacy_url
from tests.projects.permissions import PROJECTS_EXPECTED, make_projects_objects, projects_url
from tests.publications.permissions import PUBLICATIONS_EXPECTED, make_publications_objects, publications_url
from tests.reports.permissions import COORDINATOR_POST, REPORTS_EXPECTED, make_reports_objects, reports_url
from tests.suggestions.permissions import SUGGESTIONS_EXPECTED, make_suggestions_objects, suggestions_url

# Status for (anonymous, member, owner, coordinator). The object of every URL with an id is a
# members-only profile owned by "owner", or an organisation, import batch or invitation.
COORDINATOR_404 = (LOGIN, 403, 403, 404)  # the matrix's batch has no duplicate row to merge
EXPECTED = {
    "home": PUBLIC,
    "healthz": PUBLIC,
    "favicon": (301, 301, 301, 301),
    "accounts:invitations": COORDINATOR,
    "accounts:accept": PUBLIC,
    "password_reset": PUBLIC,
    "accounts:email_change": (LOGIN, 200, 200, 200),
    "accounts:email_change_confirm": (LOGIN, 302, 302, 302),
    "accounts:api_tokens": (LOGIN, 200, 200, 200),
    "accounts:api_token_revoke": (LOGIN, 404, 200, 404),  # one's own tokens only
    "directory:people": PUBLIC,
    "directory:people_export": PUBLIC,
    "directory:person_create": COORDINATOR,
    "directory:person": (404, 200, 200, 200),
    "directory:person_edit": (LOGIN, 404, 200, 200),
    "directory:person_delete": COORDINATOR,
    "directory:person_history": COORDINATOR,
    "directory:my_profile": (LOGIN, 200, 302, 200),
    "directory:organisations": PUBLIC,
    "directory:organisations_export": PUBLIC,
    "directory:organisation_create": COORDINATOR,
    "directory:organisation": PUBLIC,
    "directory:organisation_edit": COORDINATOR,
    "directory:organisation_delete": COORDINATOR,
    "directory:organisation_history": COORDINATOR,
    "directory:imports": COORDINATOR,
    "directory:import_upload": COORDINATOR,
    "directory:import_mapping": COORDINATOR,
    "directory:import_preview": COORDINATOR,
    "directory:import_merge": COORDINATOR_404,
    "api-people": PUBLIC,
    "api-person": (404, 200, 200, 200),
    "api-organisations": PUBLIC,
    "api-organisation": PUBLIC,
    "api-publications": PUBLIC,
    "api-not-found": (404, 404, 404, 404),
    **EVENTS_EXPECTED,
    **PRIVACY_EXPECTED,
    **PROJECTS_EXPECTED,
    **SUGGESTIONS_EXPECTED,
    **REPORTS_EXPECTED,
    **MEETINGS_EXPECTED,
    **PUBLICATIONS_EXPECTED,
    "jobs:list": COORDINATOR,
    "jobs:detail": (LOGIN, 404, 200, 200),
    "jobs:status": (LOGIN, 404, 200, 200),
}
ACCESS = {PUBLIC: "public", COORDINATOR: "coordinator", COORDINATOR_POST: "coordinator",
          API_COORDINATOR: "coordinator", COORDINATOR_404: "coordinator"}


def passerelle_patterns(resolver=None, namespace=""):
    """(full name, pattern) of every URL whose view lives in a Passerelle app."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from passerelle_patterns(pattern, namespace + (f"{pattern.namespace}:" if pattern.namespace else ""))
        elif pattern.callback.__module__.startswith("passerelle."):
            yield namespace + pattern.name, pattern


def test_the_matrix_covers_every_url_of_passerelle():
    assert sorted(name for name, _ in passerelle_patterns()) == sorted(EXPECTED)


def test_every_view_declares_who_may_use_it():
    declared = {name: getattr(pattern.callback, "access", None) for name, pattern in passerelle_patterns()}
    expected = {
        name: ACCESS.get(statuses, "member" if statuses[0] in (LOGIN, 401) else "public")
        for name, statuses in EXPECTED.items()
    }
    assert declared == expected


# Each app's own table (tests/<app>/permissions.py) and the function building its URLs.
APP_TABLES = ((EVENTS_EXPECTED, events_url), (PRIVACY_EXPECTED, privacy_url), (SUGGESTIONS_EXPECTED, suggestions_url),
              (PROJECTS_EXPECTED, projects_url), (REPORTS_EXPECTED, reports_url), (MEETINGS_EXPECTED, meetings_url),
              (PUBLICATIONS_EXPECTED, publications_url))


def url_for(name: str, objects: dict) -> str:
    for table, app_url in APP_TABLES:
        if name in table:
            return app_url(name, objects)
    if name.startswith("jobs:") and name != "jobs:list":
        return reverse(name, args=[objects["job"].pk])
    person, org, batch, invitation = objects["person"], objects["org"], objects["batch"], objects["invitation"]
    args = {
        "accounts:accept": [invitation.token],
        "accounts:email_change_confirm": ["not-a-valid-token"],
        "directory:people_export": ["csv"],
        "directory:organisations_export": ["xlsx"],
        "directory:import_mapping": [batch.pk],
        "directory:import_preview": [batch.pk],
        "directory:import_merge": [batch.pk, 1],
        "api-organisation": [org.pk],
        "accounts:api_token_revoke": [objects["api_token"].pk],
        "api-not-found": ["no-such-endpoint"],
    }.get(name)
    if args is None and name.startswith("directory:person_") and name != "directory:person_create" \
            or name in ("directory:person", "api-person"):
        args = [person.pk]
    elif args is None and name.startswith("directory:organisation") and name not in (
            "directory:organisations", "directory:organisation_create"):
        args = [org.pk]
    return reverse(name, args=args)


@pytest.fixture
def objects(db):
    owner = MemberFactory()
    org = OrganisationFactory()
    person = PersonFactory(visibility=Visibility.MEMBERS, user=owner, organisation=org)
    return {
        **make_privacy_objects(person),
        **make_event_objects(owner),
        **make_projects_objects(owner),
        **make_suggestions_objects(owner),
        **make_reports_objects(owner),
        **make_meetings_objects(owner),
        **make_publications_objects(owner),
        "owner": owner,
        "api_token": api_tokens.token_create(user=owner, name="Export script").token,
        "person": person,
        "org": org,
        "batch": ImportBatch.objects.create(
            kind="people", filename="people.csv", headers=["first_name"], rows=[["Ada"]],
            mapping={"first_name": 0}, status=ImportBatch.Status.MAPPED,
        ),
        "invitation": InvitationFactory(),
        "job": Job.objects.create(handler="tests.jobs.handlers.count_to", title="Counting", created_by=owner),
    }


@pytest.mark.parametrize(("name", "role"), each_role(EXPECTED))
def test_permission_matrix(client, objects, name, role):
    response = check_cell(client, EXPECTED, url_for, objects, name, role)

    expected = EXPECTED[name][ROLES.index(role)]
    if url_for(name, objects).startswith("/api/") and expected != LOGIN and expected >= 400:
        assert response.json()["error"]["status"] == expected
