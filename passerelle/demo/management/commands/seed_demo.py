"""``manage.py seed_demo``: the real organisations, fictional people and the demo accounts.

Idempotent: a second run creates nothing new and resets the demo accounts' passwords.
"""
from __future__ import annotations

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from passerelle.demo.directory import DEMO_PASSWORD, SeedReport, seed_directory
from passerelle.demo.people import DEFAULT_PEOPLE, DEFAULT_SEED
from passerelle.demo.publications import seed_publications


class Command(BaseCommand):
    help = "Load the demo directory: real organisations, ~600 fictional people and the demo accounts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=DEFAULT_PEOPLE,
                            help=f"How many people to generate (default {DEFAULT_PEOPLE}).")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                            help="Random seed; the same seed always gives the same people.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        report = seed_directory(max(options["people"], 0), options["seed"])
        self._print_report(report, time.perf_counter() - started)
        works = seed_publications(max(options["people"], 0), options["seed"])
        self.stdout.write("Publications already present: left as they are." if works.skipped else
                          f"Publications: {works.works} ({works.cosigned_across} co-signed across the territories, "
                          f"{works.hidden_links} links hidden)")
        call_command("seed_events_demo")
        call_command("seed_meetings_demo")
        call_command("seed_suggestions_demo")
        call_command("seed_projects_demo")
        call_command("seed_reports_demo")

    def _print_report(self, report: SeedReport, seconds: float) -> None:
        out = self.stdout
        out.write(f"Organisations: {report.organisations_total} ({report.organisations_created} created)")
        territories = ", ".join(f"{name} {n}" for name, n in report.people_by_territory.items())
        out.write(f"Demo people: {sum(report.people_by_territory.values())} ({report.people_created} created)"
                  f" – {territories}")
        out.write(f"Done in {seconds:.1f} s.")
        out.write(self.style.WARNING(
            f"Demo accounts, password '{DEMO_PASSWORD}' (demo only: never create these on a real site):"))
        for account in report.accounts:
            profile = account.profile
            linked = f", profile: {profile.full_name} ({profile.territory})" if profile else ""
            admin = " (superuser)" if account.role == "coordinator" else ""
            out.write(f"  {account.email:<28} {account.role}{admin}{linked}")
