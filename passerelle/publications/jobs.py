"""Background jobs of publications: a batch harvest (progress per person) and the scheduled refresh."""
from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from passerelle.directory.models import Person
from passerelle.jobs.models import Job
from passerelle.jobs.runner import Progress

from . import services


def _harvest(ids: list[int], progress: Progress) -> dict[str, Any]:
    client = services._client(None)
    people = {person.pk: person for person in Person.objects.filter(pk__in=ids)}
    totals = {"people": 0, "added": 0, "updated": 0, "errors": []}
    progress(0, len(ids), _("Importing publications"))
    try:
        for done, pk in enumerate(ids, start=1):
            person = people.get(pk)
            if person is not None:
                report = services.harvest_person(person=person, client=client)
                totals["people"] += 1
                totals["added"] += sum(r.added for r in report.results)
                totals["updated"] += sum(r.updated for r in report.results)
                totals["errors"] += [{"person": pk, "source": r.source, "error": r.error}
                                     for r in report.results if r.error]
            progress(done, len(ids), _("%(done)d of %(total)d people") % {"done": done, "total": len(ids)})
    finally:
        client.close()
    return totals


def harvest_people(job: Job, progress: Progress) -> dict[str, Any]:
    return _harvest([int(pk) for pk in job.params.get("person_ids", [])], progress)


def refresh_due(job: Job, progress: Progress) -> dict[str, Any]:
    """The scheduled refresh: people with an ORCID iD or idHAL not harvested for a while."""
    return _harvest(services.people_due(), progress)
