"""Writes for the support services: a member asks for a service (possibly for a project); a
coordinator follows the request to completion, with notes and a status history."""
from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.mail import after_commit
from passerelle.core.workflow import transition

from . import notifications
from .enums import SERVICE_REQUEST_WORKFLOW, ServiceRequestStatus
from .models import Project, ServiceRequest, ServiceRequestNote, SupportService


def service_request_create(*, actor: Any, service: SupportService, message: str,
                           project: Project | None = None) -> ServiceRequest:
    if not service.active:
        raise ValidationError(_("This service is not offered at the moment."))
    with transaction.atomic():
        request = ServiceRequest(service=service, requester=actor, project=project, message=message.strip(),
                                 assigned_to=service.contact)
        request.full_clean()
        request.save()
        ServiceRequestNote.objects.create(request=request, to_status=request.status, by=actor)
        after_commit(partial(notifications.service_request_created, request, actor=actor))
    return request


def check_service_request_transition(request: ServiceRequest, to_status: str, *, by_coordinator: bool) -> None:
    SERVICE_REQUEST_WORKFLOW.check(request.status, to_status, as_member=not by_coordinator)


def service_request_set_status(*, actor: Any, request: ServiceRequest, to_status: str, note: str = "",
                               by_coordinator: bool = True) -> ServiceRequest:
    """Move a request (coordinators: any allowed move; the requester: withdraw only), with a note."""
    with transaction.atomic():
        locked = ServiceRequest.objects.select_for_update().get(pk=request.pk)
        check_service_request_transition(locked, to_status, by_coordinator=by_coordinator)
        if to_status == ServiceRequestStatus.DECLINED and not note.strip():
            raise ValidationError({"note": _("Say why the request is declined.")})
        changes: dict[str, Any] = {
            "completed_at": timezone.now() if to_status == ServiceRequestStatus.COMPLETED else None}
        if to_status == ServiceRequestStatus.IN_PROGRESS and locked.assigned_to_id is None and by_coordinator:
            changes["assigned_to"] = actor
        transition(locked, to_status, by=actor, note=note, check=False, changes=changes)
        after_commit(partial(notifications.service_request_changed, locked, actor=actor, note=note.strip()))
    return locked


def service_request_add_note(*, actor: Any, request: ServiceRequest, text: str,
                             internal: bool = False) -> ServiceRequestNote:
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    with transaction.atomic():
        return ServiceRequestNote.objects.create(request=request, text=text.strip(), internal=internal, by=actor)


def service_request_assign(*, actor: Any, request: ServiceRequest, coordinator: Any) -> ServiceRequest:
    with transaction.atomic():
        request.assigned_to = coordinator
        request.save(update_fields=["assigned_to", "updated_at"])
        ServiceRequestNote.objects.create(
            request=request, by=actor, internal=True,
            text=_("Followed by %(name)s.") % {"name": coordinator} if coordinator else _("No longer assigned."),
        )
    return request
