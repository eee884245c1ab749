"""Print the table of text limits (``docs/limits.md``): ``python manage.py text_limits > docs/limits.md``."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from passerelle.core.text_limits import limits_markdown


class Command(BaseCommand):
    help = "Print the length limit of every text field people type, as Markdown (docs/limits.md)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(limits_markdown(), ending="")
