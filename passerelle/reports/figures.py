"""Where the figures come from: kept sets computed in the background, or computed on demand.

Every indicator is computed over all years; a period only selects years from that series
(:meth:`Series.within`), so one computation serves every period. Two kinds of filter sets:

* **standing sets** — all territories, and each territory alone, with any period: their series
  are kept in the database (:class:`~passerelle.reports.models.FigureSet`). A background job
  recomputes them when they are older than ``REPORTS_REFRESH_SECONDS``; until it has finished,
  pages show the kept figures with the time they were computed, so nobody waits. A coordinator
  can ask for a refresh at once, and ``manage.py reports_refresh`` (cron, deployment) does it too.
* **other sets** (an event, a category, a site) are computed when asked and kept in the cache
  for ``REPORTS_REFRESH_SECONDS``.

With ``REPORTS_REFRESH_SECONDS = 0`` nothing is kept: every figure is computed at each request.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.enums import Territory
from passerelle.jobs.models import Job
from passerelle.jobs.services import job_start_unless_pending, pending_job

from .indicators import Indicator, ReportFilters, all_indicators
from .indicators.base import Cell, Ratio, Series
from .models import FigureSet

REFRESH_HANDLER = "passerelle.reports.figures.refresh_job"
ALL_TERRITORIES = ""


def refresh_seconds() -> int:
    return max(0, int(getattr(settings, "REPORTS_REFRESH_SECONDS", 0)))


def standing_territories() -> list[str]:
    return [ALL_TERRITORIES, *Territory.values]


def is_standing(filters: ReportFilters) -> bool:
    """Only a territory (or none) and a period: the figures of a kept set."""
    return filters.but(year_from=None, year_to=None, territory="") == ReportFilters()


# --- series as JSON --------------------------------------------------------------------------------

def encode_cell(cell: Cell) -> Any:
    if cell is None or isinstance(cell, bool):
        return cell
    if isinstance(cell, Ratio):
        return {"ratio": [cell.numerator, cell.denominator]}
    if isinstance(cell, Decimal):
        return {"decimal": str(cell)}
    if isinstance(cell, dict):
        return {"parts": {str(key): encode_cell(value) for key, value in cell.items()}}
    return int(cell)


def decode_cell(data: Any) -> Cell:
    if not isinstance(data, dict):
        return data
    if "ratio" in data:
        return Ratio(*data["ratio"])
    if "decimal" in data:
        return Decimal(data["decimal"])
    return {key: decode_cell(value) for key, value in data["parts"].items()}


def encode_series(series: Series) -> dict:
    return {
        "by_year": {str(year): encode_cell(cell) for year, cell in series.by_year.items()},
        "total": encode_cell(series.total),
        "year_sets": None if series.year_sets is None else [[list(years), n] for years, n in series.year_sets.items()],
        "samples": None if series.samples is None else {str(y): values for y, values in series.samples.items()},
    }


def decode_series(data: dict) -> Series:
    return Series(
        by_year={int(year): decode_cell(cell) for year, cell in data["by_year"].items()},
        total=decode_cell(data["total"]),
        year_sets=None if data.get("year_sets") is None else {tuple(years): n for years, n in data["year_sets"]},
        samples=None if data.get("samples") is None else {int(y): values for y, values in data["samples"].items()},
    )


# --- computing and keeping -------------------------------------------------------------------------

Progress = Callable[[int, int, str], None]


def compute_all(filters: ReportFilters, *, progress: Progress | None = None, done: int = 0,
                total: int = 0) -> dict[str, dict]:
    """Every indicator's series over all years for ``filters``, encoded."""
    encoded = {}
    for indicator in all_indicators():
        if progress is not None:
            progress(done, total, str(indicator.label))
        encoded[indicator.key] = encode_series(indicator.compute(filters))
        done += 1
    return encoded


def refresh(*, progress: Progress | None = None) -> list[FigureSet]:
    """Recompute every standing set, then replace them all in one transaction (the pages never
    mix figures of two computations)."""
    territories = standing_territories()
    count = len(all_indicators())
    computed: dict[str, tuple[dict, float]] = {}
    for index, territory in enumerate(territories):
        started = time.perf_counter()
        series = compute_all(ReportFilters(territory=territory), progress=progress, done=index * count,
                             total=len(territories) * count)
        computed[territory] = (series, time.perf_counter() - started)
    now = timezone.now()
    with transaction.atomic():
        sets = [FigureSet.objects.update_or_create(
            territory=territory, defaults={"series": series, "computed_at": now, "seconds": seconds})[0]
            for territory, (series, seconds) in computed.items()]
    if progress is not None:
        progress(len(territories) * count, len(territories) * count, _("Figures saved"))
    return sets


def refresh_job(job: Job, progress: Progress) -> dict:
    """Job handler: recompute the kept figures, then lead back to the dashboard."""
    sets = refresh(progress=progress)
    return {"url": reverse("reports:dashboard"), "sets": len(sets)}


def refresh_pending() -> Job | None:
    """The refresh job queued or running (and alive), if any."""
    return pending_job(REFRESH_HANDLER)


def start_refresh(user: Any = None) -> Job:
    """Queue a refresh unless one is already on its way; the job is returned either way."""
    return job_start_unless_pending(handler=REFRESH_HANDLER, title=_("Recomputing the figures"), user=user)[0]


# --- reading ---------------------------------------------------------------------------------------

class Figures:
    """The series of one filter set, read once per page: from the kept set, the cache or computed."""

    def __init__(self, filters: ReportFilters) -> None:
        self.filters = filters
        self.base = filters.but(year_from=None, year_to=None)
        self.computed_at: datetime | None = None
        self._kept: FigureSet | None = None
        self._stale = False
        seconds = refresh_seconds()
        if seconds and is_standing(filters):
            self._kept = FigureSet.objects.filter(territory=filters.territory).first()
            if self._kept is None:  # never computed yet (a new installation): this set, now
                computed = self._computed_now()
                try:
                    with transaction.atomic():
                        self._kept = FigureSet.objects.create(territory=filters.territory, **computed)
                except IntegrityError:  # another request kept it meanwhile
                    self._kept = FigureSet.objects.get(territory=filters.territory)
            self.computed_at = self._kept.computed_at
            self._stale = (timezone.now() - self._kept.computed_at).total_seconds() > seconds

    def _computed_now(self) -> dict:
        started = time.perf_counter()
        series = compute_all(self.base)
        return {"series": series, "computed_at": timezone.now(), "seconds": time.perf_counter() - started}

    def series(self, indicator: Indicator) -> Series:
        return self._all_years(indicator).within(self.filters.year_from, self.filters.year_to)

    def _all_years(self, indicator: Indicator) -> Series:
        seconds = refresh_seconds()
        if self._kept is not None:
            found = self._kept.series.get(indicator.key)
            if found is not None:
                return decode_series(found)
            self._stale = True  # an indicator added since the set was computed
            return indicator.compute(self.base)
        if not seconds:
            return indicator.compute(self.base)
        key = f"reports:{indicator.key}:{hashlib.sha1(repr(self.base).encode()).hexdigest()}"
        found = cache.get(key)
        if found is None:
            found = encode_series(indicator.compute(self.base))
            cache.set(key, found, seconds)
        return decode_series(found)

    def refresh_if_stale(self, user: Any = None) -> None:
        """Old figures were shown: have them recomputed in the background (once)."""
        if self._stale:
            self._stale = False
            start_refresh(user)
