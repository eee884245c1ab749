"""What every directory record (a profile, an organisation) has: the coordinators' page confirming
its deletion, and its history. The URL names the kind of record (``{"model": Person}``)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from passerelle.core.form_pages import confirm_page
from passerelle.core.pagination import paginate
from passerelle.core.permissions import coordinator_required

from .. import audit, services
from ..models import Organisation, Person


@dataclass(frozen=True)
class Deletion:
    """What deleting a kind of record does: its service, the sentence then flashed (with the
    record's ``%(name)s``) and the list shown next."""

    delete: Callable[[Any, Any], Any]  # (actor, record)
    done: str
    name: Callable[[Any], str]
    back: str


DELETIONS: dict[type[Model], Deletion] = {
    Person: Deletion(lambda actor, person: services.person_delete(actor=actor, person=person),
                     gettext_lazy("The profile of %(name)s has been deleted."),
                     lambda person: person.full_name, "directory:people"),
    Organisation: Deletion(lambda actor, organisation: services.organisation_delete(actor=actor,
                                                                                    organisation=organisation),
                           gettext_lazy("The organisation %(name)s has been deleted."),
                           lambda organisation: organisation.name, "directory:organisations"),
}


@coordinator_required
def delete(request: HttpRequest, pk: int, model: type[Model]) -> HttpResponse:
    """Confirm, then delete the record ``pk`` of ``model``; cancelling goes back to the record."""
    record = get_object_or_404(model, pk=pk)
    deletion = DELETIONS[model]
    return confirm_page(request, "directory/confirm_delete.html",
                        {"object": record, "cancel_url": record.get_absolute_url()},
                        do=lambda: deletion.delete(request.user, record),
                        success=deletion.done % {"name": deletion.name(record)}, to=deletion.back)


@coordinator_required
def history(request: HttpRequest, pk: int, model: type[Model]) -> HttpResponse:
    """The audit history of the record ``pk`` of ``model``, page by page."""
    record = get_object_or_404(model, pk=pk)
    return render(request, "directory/history.html",
                  {"object": record, "page": paginate(request, audit.history_of(record))})
