"""Who may open every reports URL: shared by ``tests/reports/test_permissions.py`` and the
project-wide matrix in ``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator); "owner" is a partner of the project whose
outcome the outcome URLs show.
"""
from __future__ import annotations

from datetime import date

from django.urls import reverse

from passerelle.core.enums import Visibility
from passerelle.projects.enums import PartnerRole, ProjectStatus
from passerelle.projects.models import Project, ProjectPartner
from passerelle.publications.models import Publication
from passerelle.reports.enums import OutcomeKind
from passerelle.reports.models import Outcome, OutcomeProposal
from tests.access import COORDINATOR, LOGIN, PUBLIC, SIGNED_IN
from tests.factories import PersonFactory

PARTNER = (LOGIN, 404, 200, 200)
COORDINATOR_POST = (LOGIN, 403, 403, 405)  # coordinators only, and only by POST

REPORTS_EXPECTED = {
    "reports:dashboard": COORDINATOR,
    "reports:export": COORDINATOR,
    "reports:refresh": COORDINATOR_POST,
    "reports:public": PUBLIC,
    "reports:network": COORDINATOR,
    "reports:annual_index": COORDINATOR,
    "reports:annual": COORDINATOR,
    "api-indicators": PUBLIC,
    "reports:outcomes": SIGNED_IN,
    "reports:outcome_create": (LOGIN, 403, 200, 200),
    "reports:outcome": PARTNER,
    "reports:outcome_edit": PARTNER,
    "reports:outcome_delete": PARTNER,
    "reports:outcome_proposals": COORDINATOR,
    "reports:proposal_confirm": COORDINATOR,
    "reports:proposal_dismiss": COORDINATOR,
}


def make_reports_objects(owner) -> dict:
    """A project with ``owner``'s profile as a partner, one of its outcomes and a publication proposed as
    another (even the partner may not decide: proposals are for coordinators)."""
    person = getattr(owner, "person", None) or PersonFactory(user=owner, visibility=Visibility.MEMBERS)
    project = Project.objects.create(title_fr="Projet conjoint", status=ProjectStatus.ACTIVE)
    ProjectPartner.objects.create(project=project, person=person, role=PartnerRole.LEAD, territory=person.territory)
    outcome = Outcome.objects.create(project=project, kind=OutcomeKind.EXCHANGE, title_fr="Séjour",
                                     date=date(2024, 5, 1))
    work = Publication.objects.create(title="Co-signed work", year=2025, doi="10.5555/matrix.1",
                                      title_key="co-signed work")
    proposal = OutcomeProposal.objects.create(project=project, publication=work)
    return {"outcome": outcome, "proposal": proposal}


def reports_url(name: str, objects: dict) -> str:
    args = {
        "reports:export": ["xlsx"],
        "reports:annual": [date.today().year - 1],
        "reports:outcome": [objects["outcome"].pk],
        "reports:outcome_edit": [objects["outcome"].pk],
        "reports:outcome_delete": [objects["outcome"].pk],
        "reports:proposal_confirm": [objects["proposal"].pk],
        "reports:proposal_dismiss": [objects["proposal"].pk],
    }.get(name)
    return reverse(name, args=args)
