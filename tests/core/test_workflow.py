"""The one status workflow: moves as data, one transition that checks, records and saves together."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from passerelle.core.workflow import Workflow, allowed_moves, transition
from passerelle.projects.enums import (
    PROJECT_WORKFLOW,
    SERVICE_REQUEST_WORKFLOW,
    ProjectStatus,
    ServiceRequestStatus,
)
from passerelle.projects.models import Project, ProjectStatusChange, ServiceRequest
from tests.factories import CoordinatorFactory, MemberFactory
from tests.projects.factories import ProjectFactory, SupportServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


class Light(models.TextChoices):
    RED = "red", "Red"
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"


LIGHTS = Workflow({Light.RED: {Light.GREEN}, Light.GREEN: {Light.AMBER, Light.RED}, Light.AMBER: {Light.RED}},
                  statuses=Light, by_hand=[(Light.GREEN, Light.AMBER)], member_moves={Light.RED})


def test_the_moves_are_read_from_the_description():
    assert LIGHTS.allowed_moves(Light.GREEN) == {"amber", "red"}
    assert LIGHTS.allowed_moves(Light.GREEN, by_hand=True) == {"amber"}
    assert LIGHTS.allowed_moves(Light.GREEN, as_member=True) == {"red"}
    assert LIGHTS.allowed_moves("unknown") == frozenset()
    assert LIGHTS.choices(Light.GREEN) == [("red", "Red"), ("amber", "Amber")]


def test_a_description_naming_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="blue"):
        Workflow({Light.RED: {"blue"}}, statuses=Light)


def test_a_refused_move_names_both_statuses_in_the_default_sentence():
    with pytest.raises(ValidationError, match="The status cannot go from “Red” to “Amber”."):
        LIGHTS.check(Light.RED, Light.AMBER)
    LIGHTS.check(Light.RED, Light.GREEN)


def test_allowed_moves_of_an_object_a_status_and_a_user():
    project = ProjectFactory()
    assert allowed_moves(project) == {ProjectStatus.ACTIVE, ProjectStatus.STOPPED}
    assert allowed_moves(ProjectStatus.ACTIVE, workflow=PROJECT_WORKFLOW) == {ProjectStatus.COMPLETED,
                                                                              ProjectStatus.STOPPED}
    with pytest.raises(TypeError):
        allowed_moves(ProjectStatus.ACTIVE)
    request = ServiceRequest.objects.create(service=SupportServiceFactory(), requester=MemberFactory(),
                                            message="Help")
    assert allowed_moves(request, MemberFactory()) == {ServiceRequestStatus.WITHDRAWN}
    assert allowed_moves(request, CoordinatorFactory()) == SERVICE_REQUEST_WORKFLOW.allowed_moves(request.status)
    assert len(allowed_moves(request, CoordinatorFactory())) == 3


def test_an_allowed_move_writes_the_status_and_one_history_row():
    project = ProjectFactory()
    coordinator = CoordinatorFactory()
    change = transition(project, ProjectStatus.ACTIVE, by=coordinator, note="  Funded  ")
    project.refresh_from_db()
    assert project.status == ProjectStatus.ACTIVE
    assert list(ProjectStatusChange.objects.filter(project=project).values_list(
        "from_status", "to_status", "by", "note")) == [("draft", "active", coordinator.pk, "Funded")]
    assert change.pk is not None


def test_a_refused_move_raises_the_workflow_sentence_and_writes_nothing():
    project = ProjectFactory()
    with pytest.raises(ValidationError, match="A project cannot go from “Draft” to “Completed”."):
        transition(project, ProjectStatus.COMPLETED, by=None)
    project.refresh_from_db()
    assert project.status == ProjectStatus.DRAFT
    assert not ProjectStatusChange.objects.filter(project=project).exists()


def test_the_move_is_checked_against_the_stored_status_not_a_stale_copy():
    project = ProjectFactory()
    stale = Project.objects.get(pk=project.pk)
    transition(project, ProjectStatus.ACTIVE, by=None)
    transition(project, ProjectStatus.COMPLETED, by=None)
    with pytest.raises(ValidationError, match="from “Completed” to “Stopped”"):
        transition(stale, ProjectStatus.STOPPED, by=None)


def test_status_history_and_other_fields_are_saved_together_or_not_at_all():
    project = ProjectFactory()
    with pytest.raises(ValueError):
        transition(project, ProjectStatus.ACTIVE, by=None, changes={"no_such_field": 1})
    assert Project.objects.get(pk=project.pk).status == ProjectStatus.DRAFT
    assert not ProjectStatusChange.objects.filter(project=project).exists()


def test_a_move_for_a_member_is_limited_to_the_member_moves():
    request = ServiceRequest.objects.create(service=SupportServiceFactory(), requester=MemberFactory(),
                                            message="Help")
    with pytest.raises(ValidationError, match="A request cannot go from “New” to “In progress”."):
        transition(request, ServiceRequestStatus.IN_PROGRESS, by=None, as_member=True)
    transition(request, ServiceRequestStatus.WITHDRAWN, by=None, note="No longer needed", as_member=True)
    assert list(request.notes.values_list("from_status", "to_status", "text")) == [
        ("new", "withdrawn", "No longer needed")]


def test_no_module_reads_a_transitions_table_but_its_workflow():
    """The moves are asked of the workflow; only ``enums.py`` (where they are written) and the
    workflow module itself touch the ``*_TRANSITIONS`` tables."""
    root = Path(__file__).resolve().parents[2] / "passerelle"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "enums.py" or path.relative_to(root).as_posix() == "core/workflow.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\b[A-Z_]+_TRANSITIONS\b", text):
            offenders.append(path.relative_to(root).as_posix())
    assert offenders == []
