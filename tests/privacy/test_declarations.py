"""Every model that points to a person or an account says what it holds (its app's
personal_data.py), so a new model cannot be left out of the export and the erasure."""
from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from passerelle.core import personal_data
from passerelle.core.personal_data import Erasure
from passerelle.directory.models import Person
from passerelle.privacy import registry
from passerelle.suggestions.models import EventSuggestion


def _links(model: type[models.Model], targets: tuple[type[models.Model], ...]) -> set[str]:
    return {field.name for field in model._meta.get_fields()
            if field.concrete and field.is_relation and field.related_model in targets}


def _project_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if model.__module__.startswith("passerelle.")]


def test_every_model_linked_to_a_person_or_an_account_is_declared():
    targets = (Person, get_user_model())
    linked = [model for model in _project_models() if _links(model, targets)]
    assert len(linked) > 30
    forgotten = [model._meta.label for model in linked if not personal_data.is_declared(model)]
    assert forgotten == []


def test_a_declaration_names_every_link_to_the_person():
    """The export and the erasure find rows only through the declared links: none may be missing."""
    for entry in personal_data.declarations():
        if entry.erasure == Erasure.APP_PART:
            continue
        assert set(entry.person) == _links(entry.model, (Person,)), entry.model._meta.label


def test_blanking_empties_every_free_text_of_the_model():
    for entry in personal_data.declarations():
        if entry.erasure == Erasure.BLANK:
            texts = {f.name for f in entry.model._meta.concrete_fields if isinstance(f, models.TextField)}
            assert set(entry.texts) == texts, entry.model._meta.label


def test_a_model_is_either_personal_or_not():
    personal = {entry.model for entry in personal_data.declarations()}
    assert personal.isdisjoint(personal_data.not_personal_models())
    assert all(reason.strip() for reason in personal_data.not_personal_models().values())


def test_each_declaring_app_has_its_part():
    declared = {entry.app_label for entry in personal_data.declarations()}
    assert declared <= set(registry.registered_labels())


def test_declaring_an_unknown_field_is_refused():
    with pytest.raises(ValueError, match="no field"):
        personal_data.declare(EventSuggestion, person=("nobody",))
    with pytest.raises(ValueError, match="blanking"):
        personal_data.declare(EventSuggestion, person=("person",), erasure=Erasure.BLANK)
    assert personal_data.of_app("suggestions")[0].erasure == Erasure.DELETE
