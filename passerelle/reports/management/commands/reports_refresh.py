"""Recompute the kept impact figures now (after a deployment or an import; or from cron)."""
from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from passerelle.reports.figures import refresh


class Command(BaseCommand):
    help = "Recompute the kept impact figures (all territories and each territory) in one go."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        sets = refresh()
        self.stdout.write(f"{len(sets)} sets of figures recomputed in {time.perf_counter() - started:.1f} s")
