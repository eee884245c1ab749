"""``manage.py seed_events_demo``: the history of the cooperation (18 events) and one upcoming event.

Idempotent: events already present (by slug) are left as they are. Run after ``seed_demo``
(which calls it), so that registrations draw on the directory's people.
"""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from passerelle.demo.events import seed_events


class Command(BaseCommand):
    help = "Load the demo events: 18 past events (2018–2026) with programmes and registrations, one open in 2027."

    def handle(self, *args: Any, **options: Any) -> None:
        report = seed_events()
        self.stdout.write(f"Events: {len(report.created)} created, {len(report.skipped)} already present.")
