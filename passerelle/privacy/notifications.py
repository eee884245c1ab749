"""E-mails of the privacy app: coordinators learn of each erasure request."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from passerelle.accounts.models import Role
from passerelle.core.mail import deliver, make_message

from .models import ErasureRequest


def send_erasure_requested(request_pk: int, base_url: str = "") -> int:
    request = ErasureRequest.objects.filter(pk=request_pk).first()
    if request is None:
        return 0
    coordinators = list(get_user_model().objects.filter(role=Role.COORDINATOR, is_active=True)
                        .values_list("email", flat=True))
    if not coordinators:
        return 0
    body = render_to_string("privacy/email/erasure_requested.txt", {
        "request": request, "url": base_url.rstrip("/") + reverse("privacy:erasures"),
    })
    subject = _("Passerelle: a request to erase personal data")
    return sum(deliver(make_message(subject=subject, body=body, to=[address])) for address in coordinators)
