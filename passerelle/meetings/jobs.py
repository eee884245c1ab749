"""The scheduler as a background job: snapshot the session, solve, check, write in one transaction.

Nothing is written before the last step, and that step is one transaction: a job killed half-way
(worker restarted, machine down) leaves the previous schedule exactly as it was.
"""
from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from passerelle.directory.models import Person
from passerelle.jobs.models import Job
from passerelle.jobs.runner import JobError, Progress
from passerelle.scheduling import Instance, InstanceError, greedy_schedule, parse_instance, solve, validate_schedule

from . import solver_adapter
from .models import B2BSession
from .services import schedule

STEPS = 4


def solve_session(job: Job, progress: Progress) -> dict:
    session = B2BSession.objects.select_related("event").filter(pk=job.params.get("session")).first()
    if session is None:
        raise JobError(_("This meeting session no longer exists."))
    progress(0, STEPS, _("Reading the accepted requests and everyone's availability"))
    snapshot = solver_adapter.take_snapshot(session)
    if not snapshot.data["slots"] or not snapshot.data["tables"]:
        raise JobError(_("The session has no slot or no table."))
    try:
        instance = parse_instance(snapshot.data)
    except InstanceError as error:
        raise JobError(_("The session cannot be scheduled: %(error)s") % {"error": error}) from error
    progress(1, STEPS, _("Searching for the best schedule (at most %(seconds)d s, %(requests)d requests)")
             % {"seconds": session.solver_seconds, "requests": len(instance.requests)})
    solution = solve(instance, time_limit=float(session.solver_seconds))
    output = solution.to_dict(instance)
    if output["status"] == "infeasible":
        raise JobError(_("The meetings kept in place cannot all be honoured: %(why)s") % {"why": output["message"]})
    progress(2, STEPS, _("Checking every rule of the schedule"))
    problems = validate_schedule(snapshot.data, output)
    if problems:
        raise JobError(_("The schedule found breaks a rule (%(problem)s); nothing was written.")
                       % {"problem": problems[0]})
    greedy = greedy_schedule(instance).to_dict(instance)
    names = _names(session, instance)
    progress(3, STEPS, _("Saving the schedule"))
    try:
        run = schedule.run_apply(actor=job.created_by, session_id=session.pk, snapshot=snapshot, output=output,
                                 greedy=greedy, job_id=job.pk,
                                 unscheduled=solver_adapter.explain_unscheduled(snapshot, output, names))
    except schedule.ScheduleChanged as error:
        raise JobError(" ".join(error.messages)) from error
    return {"url": reverse("meetings:schedule", args=[session.event.slug]), "placed": run.placed_count,
            "objective": run.objective, "upper_bound": run.upper_bound, "breaks": run.breaks,
            "breaks_lower_bound": output.get("breaks_lower_bound", 0), "status": run.solver_status}


def _names(session: B2BSession, instance: Instance) -> dict[str, str]:
    pks = [int(str(p.id)[1:]) for p in instance.participants]
    return {solver_adapter.person_key(pk): person.full_name for pk, person in Person.objects.in_bulk(pks).items()}


def remind_requests(job: Job, progress: Progress) -> dict[str, int]:
    """Periodic (passerelle.jobs.periodic): expire unanswered meeting requests, remind invitees."""
    from django.conf import settings

    from .services.requests import requests_expire_and_remind

    progress(0, 1, _("Reminding invitees and expiring old meeting requests"))
    expired, reminded = requests_expire_and_remind(base_url=getattr(settings, "SITE_URL", ""))
    return {"expired": expired, "reminded": reminded}
