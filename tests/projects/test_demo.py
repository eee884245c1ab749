"""The demo story on top of a small generated directory and the demo events: opportunities born at
past events, projects from them, Samuel-De Champlain applications funded and declined through
the real workflow, one call open now; loaded twice without duplicates."""
from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from passerelle.demo.directory import seed_directory
from passerelle.funding.enums import ApplicationStatus
from passerelle.funding.models import Application, Call, ReviewAssignment
from passerelle.projects.models import Opportunity, Project, ServiceRequest

pytestmark = pytest.mark.django_db


def test_the_demo_tells_a_coherent_story_once(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    seed_directory(160, 7)
    call_command("seed_events_demo", stdout=StringIO())
    call_command("seed_projects_demo", stdout=StringIO())
    counts = [Opportunity.objects.count(), Project.objects.count(), Application.objects.count(),
              ServiceRequest.objects.count(), Call.objects.count()]
    call_command("seed_projects_demo", stdout=StringIO())
    assert [Opportunity.objects.count(), Project.objects.count(), Application.objects.count(),
            ServiceRequest.objects.count(), Call.objects.count()] == counts

    assert mail.outbox == []  # the story is in the past: nobody is e-mailed
    now = timezone.now()
    assert Opportunity.objects.count() >= 15
    born = Opportunity.objects.exclude(origin_event=None).select_related("origin_event")
    assert all(o.origin_event.end < o.created_at < now for o in born)
    assert all({p.territory for p in o.people.all()} == {"AURA", "QC"} for o in born)
    assert set(Opportunity.objects.values_list("status", flat=True)) >= {"idea", "exploring", "project"}
    projects = Project.objects.exclude(opportunity=None)
    assert projects.count() >= 5 and all(p.opportunity.status == "project" for p in projects)
    applications = Application.objects.select_related("call")
    assert all(a.call.programme.slug == "samuel-de-champlain" and a.submitted_at < a.call.closes_at
               for a in applications)
    statuses = set(applications.values_list("status", flat=True))
    assert {ApplicationStatus.FUNDED, ApplicationStatus.DECLINED} <= statuses
    for application in applications.filter(status=ApplicationStatus.FUNDED):
        assert application.decided_at > application.call.closes_at
        assert all(line.granted <= line.requested for line in application.amounts.all())
    for assignment in ReviewAssignment.objects.select_related("application__project"):  # no co-applicant reviews
        assert assignment.reviewer_id not in {p.person_id for p in assignment.application.project.partners.all()}
    assert ReviewAssignment.objects.exists()
    open_calls = [c for c in Call.objects.all() if c.is_open(now)]
    assert [c.programme.slug for c in open_calls] == ["samuel-de-champlain"]

