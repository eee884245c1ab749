"""Who may open every projects and funding URL: shared by ``tests/projects/test_permissions.py``
and the project-wide matrix in ``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator). "owner" is, at once: the owner of the
opportunity, a lead of the draft project and its application, the requester of the service
request, and the reviewer assigned to another project's application under review.
"""
from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse

from passerelle.core.enums import Territory, Visibility
from passerelle.funding.enums import ApplicationStatus
from passerelle.funding.models import ApplicationDocument, ReviewAssignment
from passerelle.projects.enums import ProjectStatus
from passerelle.projects.models import ServiceRequest
from tests.access import COORDINATOR, LOGIN, PUBLIC, SIGNED_IN
from tests.factories import OrganisationFactory, PersonFactory
from tests.funding.factories import SDC_RULES, ApplicationFactory, CallFactory

from .factories import OpportunityFactory, ProjectFactory, SupportServiceFactory

INVOLVED = (LOGIN, 404, 200, 200)
API_PRIVATE = (404, 404, 200, 200)

PROJECTS_EXPECTED = {
    "projects:projects": SIGNED_IN,
    "projects:project_create": SIGNED_IN,
    "projects:project": INVOLVED,
    "projects:project_edit": INVOLVED,
    "projects:project_partners": INVOLVED,
    "projects:project_status": INVOLVED,
    "projects:opportunities": SIGNED_IN,
    "projects:opportunity_create": SIGNED_IN,
    "projects:opportunity": INVOLVED,
    "projects:opportunity_edit": INVOLVED,
    "projects:opportunity_status": INVOLVED,
    "projects:opportunity_project": INVOLVED,
    "projects:services": PUBLIC,
    "projects:service": PUBLIC,
    "projects:service_request_create": SIGNED_IN,
    "projects:service_requests": SIGNED_IN,
    "projects:service_request": INVOLVED,
    "funding:calls": PUBLIC,
    "funding:programmes": PUBLIC,
    "funding:programme_create": COORDINATOR,
    "funding:programme": PUBLIC,
    "funding:programme_edit": COORDINATOR,
    "funding:call_create": COORDINATOR,
    "funding:call": PUBLIC,
    "funding:call_edit": COORDINATOR,
    "funding:apply": SIGNED_IN,
    "funding:call_applications": COORDINATOR,
    "funding:applications": SIGNED_IN,
    "funding:application": INVOLVED,
    "funding:application_edit": INVOLVED,
    "funding:application_documents": INVOLVED,
    "funding:document": INVOLVED,
    "funding:document_delete": INVOLVED,
    "funding:application_submit": INVOLVED,
    "funding:application_eligibility": COORDINATOR,
    "funding:application_status": COORDINATOR,
    "funding:application_reviewers": COORDINATOR,
    "funding:application_conflicts": COORDINATOR,
    "funding:application_decision": COORDINATOR,
    "funding:reviews": SIGNED_IN,
    "funding:review": INVOLVED,
    "funding:review_conflict": (LOGIN, 404, 200, 404),  # only the reviewer declares their conflict
    "api-opportunities": PUBLIC,
    "api-opportunity": API_PRIVATE,
    "api-projects": PUBLIC,
    "api-project": API_PRIVATE,
    "api-calls": PUBLIC,
    "api-call": PUBLIC,
    "api-applications": PUBLIC,
    "api-application": API_PRIVATE,
}


class ProjectsObjects:
    """Built on first use: the project-wide matrix builds its objects for every URL of every app,
    and most of them never need these."""

    def __init__(self, owner):
        self.owner = owner
        self._built: dict | None = None

    def __getitem__(self, key: str):
        if self._built is None:
            self._built = build_projects_objects(self.owner)
        return self._built[key]


def make_projects_objects(owner) -> dict:
    return {"projects": ProjectsObjects(owner)}


def build_projects_objects(owner) -> dict:
    """Every object the URLs need, arranged around ``owner`` as described above."""
    person = getattr(owner, "person", None) or PersonFactory(user=owner, visibility=Visibility.MEMBERS)
    project = ProjectFactory(partners=[(person, "lead")], created_by=owner)
    call = CallFactory(slug="sdc-2027", rules=SDC_RULES, criteria=2)
    application = ApplicationFactory(call=call, project=project, amounts={"EUR": "9000"})
    document = ApplicationDocument.objects.create(application=application, kind="proposal",
                                                  file=ContentFile(b"%PDF-1.4", name="proposal.pdf"))
    other = ProjectFactory(status=ProjectStatus.ACTIVE, partners=[
        (PersonFactory(territory=Territory.QC, organisation=OrganisationFactory(territory=Territory.QC)), "lead")])
    reviewed = ApplicationFactory(call=call, project=other, status=ApplicationStatus.UNDER_REVIEW)
    service = SupportServiceFactory(slug="ingenierie")
    return {
        "opportunity": OpportunityFactory(people=[person], owner=owner),
        "project": project, "call": call, "programme": call.programme, "application": application, "document": document,
        "assignment": ReviewAssignment.objects.create(application=reviewed, reviewer=person),
        "service": service,
        "service_request": ServiceRequest.objects.create(service=service, requester=owner, message="Help"),
    }


# The URLs that take one object, by the object (its slug where it has one, else its id); the other URLs
# with an argument take the application's id, or the application's and its document's.
ONE_OBJECT_URLS = {
    "opportunity": ("projects:opportunity", "projects:opportunity_edit", "projects:opportunity_status",
                    "projects:opportunity_project", "api-opportunity"),
    "project": ("projects:project", "projects:project_edit", "projects:project_partners", "projects:project_status",
                "api-project"),
    "service": ("projects:service", "projects:service_request_create"),
    "service_request": ("projects:service_request",),
    "programme": ("funding:programme", "funding:programme_edit"),
    "call": ("funding:call", "funding:call_edit", "funding:apply", "funding:call_applications", "api-call"),
    "assignment": ("funding:review", "funding:review_conflict"),
}


def projects_url(name: str, objects: dict) -> str:
    if name in ("projects:projects", "projects:project_create", "projects:opportunities",
                "projects:opportunity_create", "projects:services", "projects:service_requests", "funding:calls",
                "funding:programmes", "funding:programme_create", "funding:call_create", "funding:applications",
                "funding:reviews", "api-opportunities", "api-projects", "api-calls", "api-applications"):
        return reverse(name)
    objects = objects["projects"]
    for key, names in ONE_OBJECT_URLS.items():
        if name in names:
            return reverse(name, args=[getattr(objects[key], "slug", objects[key].pk)])
    if name in ("funding:document", "funding:document_delete"):
        return reverse(name, args=[objects["application"].pk, objects["document"].pk])
    return reverse(name, args=[objects["application"].pk])
