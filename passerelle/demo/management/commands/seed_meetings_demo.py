"""``manage.py seed_meetings_demo``: bilateral meetings of the demo's annual meetings (past ones held,
with feedback; the upcoming one open with requests).

Idempotent: events that already have a session are left as they are. Run after the events
(``seed_demo`` calls it); nobody is e-mailed about the demo's past.
"""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.test.utils import override_settings

from passerelle.demo.meetings import SOLVER_SECONDS, seed_meetings


class Command(BaseCommand):
    help = "Load the demo bilateral meetings: held ones with feedback at past annual meetings, an open session in 2027."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--solver-seconds", type=float, default=SOLVER_SECONDS,
                            help=f"Scheduler time for each past session (default {SOLVER_SECONDS}).")

    def handle(self, *args: Any, **options: Any) -> None:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            report = seed_meetings(solver_seconds=options["solver_seconds"])
        self.stdout.write(f"Meeting sessions: {len(report.created)} created, {len(report.skipped)} already present; "
                          f"{report.requests} requests, {report.meetings} meetings, {report.feedback} feedback.")
