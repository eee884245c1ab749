"""``manage.py jobs_worker``: django-tasks-db's ``db_worker`` with Passerelle's heartbeat thread.

Same options as ``db_worker``; the worker id is ``host:pid`` unless given. Beside running the queued
tasks, the process beats every ``JOBS_WORKER_BEAT_SECONDS``, re-queues the jobs of dead workers and
queues the periodic tasks it claims (passerelle/jobs/worker.py). ``--no-periodic`` leaves the
periodic tasks to the other workers.
"""
from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django_tasks_db.management.commands import db_worker

from passerelle.jobs import worker


class Command(db_worker.Command):
    help = "Run a background worker: queued jobs, heartbeat, dead-job recovery and periodic tasks."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=worker.make_worker_id(), reload=False)
        parser.add_argument("--no-periodic", action="store_false", dest="periodic",
                            help="Do not claim periodic tasks (this worker only runs queued jobs).")

    def handle(self, *args: Any, periodic: bool = True, **options: Any) -> None:
        heartbeat = worker.start(options["worker_id"], periodic=periodic)
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stopping.set()
            heartbeat.join(timeout=10)
            worker.stop(options["worker_id"])
