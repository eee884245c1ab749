"""Co-publications: the works the two territories write together, from the publications on the
directory's profiles (``passerelle/publications/cross_border.py`` says who counts)."""
from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from passerelle.publications.cross_border import links_any_member_sees, signed_across, signed_from
from passerelle.publications.models import Publication

from .base import Indicator, ReportFilters, Series, count_series, indicator_group


def copublications(filters: ReportFilters) -> Series:
    """Works signed by a person of each territory, in the year they were published."""
    links = links_any_member_sees()
    works = signed_across(Publication.objects.filter(year__isnull=False), links)
    if filters.year_from is not None:
        works = works.filter(year__gte=filters.year_from)
    if filters.year_to is not None:
        works = works.filter(year__lte=filters.year_to)
    if filters.territory:
        works = works.filter(pk__in=signed_from(links, filters.territory))
    return count_series(works, F("year"))


INDICATORS = indicator_group("publications", [
    Indicator("copublications", copublications, public=True, label=_("Co-publications across the border"), definition=_(
        "Works published in the year (journal articles, preprints, conference papers and "
        "others) that list among their authors at least one person of the directory from "
        "Auvergne-Rhône-Alpes and one from Québec: a person counts through the work on their "
        "profile and the territory of their profile, not through the affiliation printed on "
        "the paper. A work is counted once, whatever the number of its authors; works a member "
        "hid from their profile, and profiles shown to coordinators only, are not counted. "
        "With a territory: works with an author from it. The event, category and site filters do not apply.")),
])
