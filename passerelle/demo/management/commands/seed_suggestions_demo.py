"""``manage.py seed_suggestions_demo``: the suggested meetings of the demo's upcoming events,
computed now so that coordinators find the matrix filled (``seed_demo`` calls it last).

Re-running it recomputes them (the results of an event are replaced as a whole).
"""
from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Event
from passerelle.suggestions.jobs import compute_event


class Command(BaseCommand):
    help = "Compute the suggested meetings of every upcoming event with confirmed participants."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        events = Event.objects.filter(end__gte=timezone.now(),
                                      registrations__status=RegistrationStatus.CONFIRMED).distinct()
        for event in events.order_by("start"):
            count = compute_event(event)
            self.stdout.write(f"Suggested meetings: {event.slug}: {count['suggestions']} for "
                              f"{count['participants']} participants")
        self.stdout.write(f"Suggestions done in {time.perf_counter() - started:.1f} s.")
