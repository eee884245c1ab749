"""Meeting scheduling for events: a pure library (no Django), CP-SAT solver, greedy baseline, CLI.

Example::

    from passerelle.scheduling import parse_instance, solve
    instance = parse_instance(data)            # dict in the JSON form of docs/engines.md
    solution = solve(instance, time_limit=30)  # Solution; .to_dict(instance) for the JSON output
"""
from .greedy import greedy_schedule
from .model import FixedMeeting, Instance, Meeting, Participant, Reason, Request, Solution
from .parsing import InstanceError, load_instance, parse_instance
from .solver import fixed_conflicts, solve
from .validation import validate_schedule

__all__ = [
    "FixedMeeting", "Instance", "InstanceError", "Meeting", "Participant", "Reason", "Request", "Solution",
    "fixed_conflicts", "greedy_schedule", "load_instance", "parse_instance", "solve", "validate_schedule",
]
