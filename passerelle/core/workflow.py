"""Status workflows: the allowed moves as data, one way to make a move, one history model.

An app describes its moves in its ``enums.py`` (``Workflow("from -> to, to ...", ...)``), gives the
status-bearing model a ``workflow`` attribute and a history model made by
:func:`status_history`. Services then call :func:`transition`, which checks the move, writes
the status and the history row in one transaction; forms and views ask :func:`allowed_moves`.
Side effects (notifications, timestamps, extra checks) stay in each app's service, around the call
or through ``changes``.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .actors import recorded_user

Move = tuple[str, str]


def parse_moves(table: str) -> dict[str, list[str]]:
    """The moves of a workflow written as a table, one status a line: ``from -> to, to`` (a status
    with nothing after its arrow goes nowhere). Blank lines are skipped."""
    moves: dict[str, list[str]] = {}
    for line in table.splitlines():
        if not line.strip():
            continue
        origin, arrow, targets = (part.strip() for part in line.partition("->"))
        if not arrow or not origin or origin in moves:
            raise ValueError(f"A workflow line is 'status -> status, status', each status once: {line.strip()!r}")
        moves[origin] = [target.strip() for target in targets.split(",") if target.strip()]
    return moves


class Workflow:
    """The moves a status may make, as data.

    ``moves`` maps each status to the statuses it may go to, or is the table :func:`parse_moves`
    reads (``"draft -> published, cancelled"``, a line a status). ``statuses`` is the ``TextChoices``
    that names them. ``refused`` is the sentence of a refused move, with ``%(from)s`` and ``%(to)s``
    (each kind of object has its own, so that translations can agree in gender and number).
    ``by_hand`` lists the moves a person makes on a status form (the others are made by their own
    service: a submission, a scheduler run…), as pairs or as a table like ``moves``; None means every
    move. ``member_moves`` lists the statuses a member who is not a coordinator may move to; None
    means no such limit.
    ``history`` is the related name of the status-change rows and ``note_field`` their note column.
    """

    def __init__(self, moves: Mapping[str, Iterable[str]] | str, *, statuses: type[models.TextChoices],
                 refused: Any = None, by_hand: Iterable[Move] | str | None = None,
                 member_moves: Iterable[str] | None = None, history: str = "status_changes",
                 note_field: str = "note") -> None:
        if isinstance(moves, str):
            moves = parse_moves(moves)
        if isinstance(by_hand, str):
            by_hand = [(origin, to) for origin, tos in parse_moves(by_hand).items() for to in tos]
        self.moves: dict[str, frozenset[str]] = {str(k): frozenset(str(v) for v in vs) for k, vs in moves.items()}
        unknown = ({*self.moves} | {to for tos in self.moves.values() for to in tos}) - set(statuses.values)
        if unknown:
            raise ValueError(f"Unknown statuses in a workflow: {sorted(unknown)}")
        self.statuses = statuses
        self.refused = refused if refused is not None else _("The status cannot go from “%(from)s” to “%(to)s”.")
        self.by_hand = None if by_hand is None else frozenset((str(a), str(b)) for a, b in by_hand)
        not_moves = (self.by_hand or frozenset()) - {(a, b) for a, tos in self.moves.items() for b in tos}
        if not_moves:
            raise ValueError(f"Moves by hand that are no moves of the workflow: {sorted(not_moves)}")
        self.member_moves = None if member_moves is None else frozenset(str(s) for s in member_moves)
        self.history = history
        self.note_field = note_field

    def label(self, status: str) -> str:
        """The readable name of ``status`` (an unknown value is shown as it is)."""
        return str(self.statuses(status).label) if status in self.statuses.values else str(status)

    def allowed_moves(self, status: str, *, as_member: bool = False, by_hand: bool = False) -> frozenset[str]:
        """The statuses ``status`` may go to; ``by_hand`` keeps the moves of a status form only,
        ``as_member`` those a member who is not a coordinator may make."""
        allowed = self.moves.get(str(status), frozenset())
        if by_hand and self.by_hand is not None:
            allowed = frozenset(to for to in allowed if (str(status), to) in self.by_hand)
        if as_member and self.member_moves is not None:
            allowed = allowed & self.member_moves
        return allowed

    def choices(self, status: str, *, as_member: bool = False, by_hand: bool = False) -> list[tuple[str, str]]:
        """``(value, label)`` pairs of the allowed moves, in the order the statuses are declared."""
        allowed = self.allowed_moves(status, as_member=as_member, by_hand=by_hand)
        return [(s.value, s.label) for s in self.statuses if s.value in allowed]

    def check(self, from_status: str, to_status: str, *, as_member: bool = False, by_hand: bool = False) -> None:
        """Raise ``ValidationError`` (the workflow's sentence, statuses named) unless the move is allowed."""
        if to_status not in self.allowed_moves(from_status, as_member=as_member, by_hand=by_hand):
            raise ValidationError(str(self.refused) % {
                "from": self.label(from_status), "to": self.label(to_status)})


def _workflow_of(obj: Any) -> Workflow:
    workflow = getattr(type(obj), "workflow", None)
    if not isinstance(workflow, Workflow):
        raise TypeError(f"{type(obj).__name__} has no status workflow")
    return workflow


def _is_member(user: Any) -> bool:
    """A signed-in user who is not a coordinator (anonymous and missing users are not limited here)."""
    return user is not None and getattr(user, "is_authenticated", False) and not getattr(user, "is_coordinator", False)


def allowed_moves(obj_or_status: Any, user: Any = None, *, workflow: Workflow | None = None,
                  by_hand: bool = False) -> frozenset[str]:
    """The statuses an object (or a status of ``workflow``) may go to, for ``user`` if given."""
    if isinstance(obj_or_status, str):
        if workflow is None:
            raise TypeError("A bare status needs its workflow")
        status = obj_or_status
    else:
        workflow = workflow or _workflow_of(obj_or_status)
        status = obj_or_status.status
    return workflow.allowed_moves(status, as_member=_is_member(user), by_hand=by_hand)


def transition(obj: models.Model, to_status: str, *, by: Any, note: str = "", as_member: bool = False,
               by_hand: bool = False, check: bool = True, changes: Mapping[str, Any] | None = None) -> Any:
    """Move ``obj`` to ``to_status``: check the move against its workflow, write the status (and
    ``changes``, other fields set in the same save) and the status-change row, in one transaction.

    The status is read again under a row lock, so two concurrent moves cannot both pass the check.
    ``check=False`` records a move its service already decided (e.g. an eligibility result).
    Returns the status-change row.
    """
    workflow = _workflow_of(obj)
    model = type(obj)
    with transaction.atomic():
        obj.status = model._default_manager.select_for_update().values_list("status", flat=True).get(pk=obj.pk)
        if check:
            workflow.check(obj.status, to_status, as_member=as_member, by_hand=by_hand)
        change = getattr(obj, workflow.history).create(
            from_status=obj.status, to_status=to_status, by=recorded_user(by), at=timezone.now(),
            **{workflow.note_field: note.strip()},
        )
        obj.status = to_status
        fields = ["status"]
        for name, value in (changes or {}).items():
            setattr(obj, name, value)
            fields.append(name)
        try:
            model._meta.get_field("updated_at")
            fields.append("updated_at")
        except FieldDoesNotExist:
            pass
        obj.save(update_fields=fields)
    return change


def record_creation(obj: models.Model, *, by: Any, note: str = "") -> Any:
    """The first history row of a new object: from nothing to its initial status."""
    workflow = _workflow_of(obj)
    return getattr(obj, workflow.history).create(from_status="", to_status=obj.status, by=recorded_user(by),
                                                 **{workflow.note_field: note})


class StatusChangeBase(models.Model):
    """One status move: from, to, who, when and why. Each app's history model is made by
    :func:`status_history`, which adds the foreign key to its object and the choices of its statuses."""

    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-at", "-pk"]

    subject_field = ""  # the name of the foreign key to the object whose status moved

    def __str__(self) -> str:
        return f"{getattr(self, self.subject_field + '_id')}: {self.from_status} → {self.to_status}"


def status_history(subject: type[models.Model], *, verbose_name: Any, verbose_name_plural: Any,
                   field: str = "", name: str = "") -> type[StatusChangeBase]:
    """The history model of ``subject``'s status moves, for its ``models`` module to bind to ``name``.

    It is a :class:`StatusChangeBase` with a foreign key ``field`` (by default the subject's model
    name) to ``subject``, its related name being the workflow's ``history``, and ``from_status`` /
    ``to_status`` limited to the workflow's statuses. ``name`` defaults to ``<Subject>StatusChange``.
    """
    workflow = subject.workflow
    field = field or subject._meta.model_name
    name = name or f"{subject.__name__}StatusChange"
    statuses = workflow.statuses.choices
    meta = type("Meta", (StatusChangeBase.Meta,), {
        "verbose_name": verbose_name, "verbose_name_plural": verbose_name_plural})
    return type(name, (StatusChangeBase,), {
        "__module__": subject.__module__,
        "__qualname__": name,
        "__doc__": f"The status history of {subject.__name__}: one row a move (from, to, who, when, why).",
        "Meta": meta,
        "subject_field": field,
        field: models.ForeignKey(subject, on_delete=models.CASCADE, related_name=workflow.history),
        "from_status": models.CharField(_("from"), max_length=20, choices=statuses, blank=True),
        "to_status": models.CharField(_("to"), max_length=20, choices=statuses),
    })
