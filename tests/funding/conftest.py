"""Fixtures of the funding tests: a complete Samuel-De Champlain case, with a lead on each side,
an open call with its rules and criteria, and an application ready to submit."""
from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from passerelle.core.enums import OrganisationKind, Territory, Visibility
from passerelle.funding.models import ApplicationDocument
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory
from tests.projects.factories import ProjectFactory

from .factories import SDC_RULES, ApplicationFactory, CallFactory


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""


@pytest.fixture
def case(db):
    """Léa (Lyon, CHU) and Marc (Sherbrooke, university) lead a project applying to an open call."""
    chu = OrganisationFactory(name="Hospices Civils de Lyon", kind=OrganisationKind.HOSPITAL,
                              territory=Territory.AURA)
    udes = OrganisationFactory(name="Université de Sherbrooke", kind=OrganisationKind.UNIVERSITY,
                               territory=Territory.QC, city="Sherbrooke")
    lea_user = MemberFactory(email="lea@example.org")
    lea = PersonFactory(first_name="Léa", last_name="Dupont", user=lea_user, organisation=chu,
                        visibility=Visibility.MEMBERS)
    marc = PersonFactory(first_name="Marc", last_name="Tremblay", territory=Territory.QC, organisation=udes,
                         user=MemberFactory(email="marc@example.org"))
    project = ProjectFactory(partners=[(lea, "lead"), (marc, "lead")])
    call = CallFactory(rules=SDC_RULES, criteria=2)
    application = ApplicationFactory(call=call, project=project, amounts={"EUR": "12000", "CAD": "18000"},
                                     created_by=lea_user)
    for kind in ("proposal", "budget"):
        ApplicationDocument.objects.create(application=application, kind=kind,
                                           file=ContentFile(b"%PDF-1.4", name=f"{kind}.pdf"))
    return {"chu": chu, "udes": udes, "lea": lea, "lea_user": lea_user, "marc": marc, "project": project,
            "call": call, "application": application}
