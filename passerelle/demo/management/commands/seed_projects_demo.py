"""``manage.py seed_projects_demo``: opportunities born at the demo's past events, joint projects,
support services and requests, funding programmes and calls, and applications through review.

Idempotent: what exists (by slug, or any opportunity / application) is left as it is. Run after
the directory and the events (``seed_demo`` calls it last).
"""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from passerelle.demo.directory import demo_coordinator
from passerelle.demo.funding import REVIEWER_ACCOUNT, seed_funding
from passerelle.demo.projects import seed_projects


class Command(BaseCommand):
    help = "Load the demo opportunities, joint projects, support services, funding calls and applications."

    def handle(self, *args: Any, **options: Any) -> None:
        coordinator = demo_coordinator()
        # The demo's story happened in the past: nobody is e-mailed about it.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            projects = seed_projects(coordinator)
            funding = seed_funding(projects.created_projects, coordinator)
        if projects.skipped:
            self.stdout.write("Opportunities and projects already present: left as they are.")
        self.stdout.write(f"Opportunities: {projects.opportunities}, joint projects: {projects.projects}, "
                          f"support services: {projects.services}, service requests: {projects.requests}.")
        self.stdout.write(f"Funding programmes: {funding.programmes}, calls: {funding.calls}, "
                          f"applications: {funding.applications} ({funding.funded} funded).")
        if funding.applications:
            self.stdout.write(f"  {REVIEWER_ACCOUNT:<28} member, reviewer of the demo applications")
