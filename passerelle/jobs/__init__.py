"""Background jobs with progress: the thin layer every capability uses for work that leaves the request.

Work runs through Django's tasks API (the ``django-tasks`` backport; the database backend in
production and the demo, the immediate backend in tests). A :class:`~passerelle.jobs.models.Job` row
is what users see: title, status, progress, message, result, error. Usage::

    from passerelle.jobs.services import job_start

    job = job_start(
        handler="passerelle.meetings.jobs.solve_session",   # dotted path of the handler
        title=_("Scheduling the meetings of %(event)s") % {"event": event},
        user=request.user,
        params={"session": session.pk},                      # JSON-serialisable
        target=session,                                       # optional: the object the job is about
    )
    return redirect(job)                                      # the progress page

A handler is a plain function::

    def solve_session(job: Job, progress: Progress) -> dict:
        progress(0, 3, "building the instance")              # done, total, message (commits at once)
        ...
        raise JobError(_("The session has no slots."))       # a failure the user may read
        return {"url": session_url, "placed": 120}           # stored in job.result; "url" = "Continue" link

The handler should write its results in one transaction at the end, so that a job killed half-way
leaves the previous state intact. ``selectors.latest_job(handler, target)`` gives the newest job of a
kind for an object (to show "last computed at" or a running job's progress).
"""
