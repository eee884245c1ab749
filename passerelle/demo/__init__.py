"""The demo data: a fictional directory around the real organisations, the history of the
cooperation (events, bilateral meetings, opportunities, joint projects, funding calls, outcomes)
and the ``seed_*`` commands that load it.

Every generator is deterministic (the same seed gives the same data) and idempotent (what
exists is left as it is); everything is written through the apps' services. This app sits
above every other one: no app imports it.

Modules: ``names``, ``expertise``, ``profiles`` (vocabulary), ``people`` (profiles generated
without the database), ``directory`` (organisations, people and demo accounts written),
``events`` + ``event_programmes``, ``meetings``, ``projects``, ``funding``, ``outcomes``.
Commands: ``seed_demo`` (everything, in order), ``seed_events_demo``, ``seed_meetings_demo``,
``seed_suggestions_demo``, ``seed_projects_demo``, ``seed_reports_demo``.
"""
