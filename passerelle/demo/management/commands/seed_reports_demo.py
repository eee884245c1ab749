"""``manage.py seed_reports_demo``: outcomes of the demo's funded projects (run by ``seed_demo``
after ``seed_projects_demo``; idempotent)."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from passerelle.demo.directory import demo_coordinator
from passerelle.demo.outcomes import seed_outcomes


class Command(BaseCommand):
    help = "Load the demo outcomes of the funded joint projects (papers, funding, an office opened in Lyon, ...)."

    def handle(self, *args: Any, **options: Any) -> None:
        coordinator = demo_coordinator()
        report = seed_outcomes(coordinator)
        if report.skipped:
            self.stdout.write("Outcomes already present: left as they are.")
        else:
            self.stdout.write(f"Outcomes of the joint projects: {report.outcomes}.")
