"""Flag the profiles without consent and inactive for PRIVACY_RETENTION_DAYS (the workers run it daily)."""
from __future__ import annotations

from django.core.management.base import BaseCommand

from passerelle.privacy import selectors, services


class Command(BaseCommand):
    help = "Flag inactive profiles without consent for a coordinator's review (privacy/retention/)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count the profiles, flag nothing")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        if dry_run:
            count = selectors.inactive_unconsented().count()
            self.stdout.write(f"{count} inactive profiles without consent (nothing flagged: dry run)")
            return
        flagged = services.flag_inactive_profiles()
        open_count = selectors.open_flags().count()
        self.stdout.write(f"{flagged} profiles newly flagged; {open_count} wait for a review")
