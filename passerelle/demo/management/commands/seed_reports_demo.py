"""``manage.py seed_reports_demo``: outcomes of the demo's funded projects (run by ``seed_demo``
after ``seed_projects_demo``; idempotent)."""
from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from passerelle.demo.outcomes import seed_outcomes


class Command(BaseCommand):
    help = "Load the demo outcomes of the funded joint projects (papers, funding, an office opened in Lyon, ...)."

    def handle(self, *args: Any, **options: Any) -> None:
        coordinator = get_user_model().objects.filter(role="coordinator", is_active=True).order_by("pk").first()
        if coordinator is None:
            raise CommandError("No coordinator account: run seed_demo first.")
        report = seed_outcomes(coordinator)
        if report.skipped:
            self.stdout.write("Outcomes already present: left as they are.")
        else:
            self.stdout.write(f"Outcomes of the joint projects: {report.outcomes}.")
