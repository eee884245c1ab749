"""The one task the queue knows: run a Job's handler and keep its row true."""
from __future__ import annotations

from django_tasks import task

from passerelle.jobs.runner import run_job


@task()
def run(job_id: str) -> None:
    run_job(job_id)
