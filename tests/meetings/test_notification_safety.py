"""Control characters never reach a header, and a notification never fails a committed change:
names with line breaks are refused, legacy ones are made one line in subjects, a mail server that
is down leaves the request saved and the e-mail kept for later, and the reminder job goes on past
a bad item."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from passerelle.core.mail import retry_unsent
from passerelle.core.models import UnsentEmail
from passerelle.directory.models import Person
from passerelle.meetings import notifications
from passerelle.meetings.models import MeetingRequest
from passerelle.meetings.services import requests as services
from passerelle.projects import services as project_services
from tests.factories import PersonFactory

from .test_views import url

pytestmark = pytest.mark.django_db
INJECTION = "Julien\r\nBcc: attacker@evil.example"


def test_a_name_with_a_line_break_is_refused_by_the_model():
    person = PersonFactory.build(first_name=INJECTION)
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "first_name" in refused.value.message_dict


def test_an_opportunity_title_with_a_line_break_is_refused():
    with pytest.raises(ValidationError) as refused:
        project_services.opportunity_create(actor=None, title=INJECTION, people=[PersonFactory()], notify=False)
    assert "title" in refused.value.message_dict


def test_a_legacy_name_with_a_line_break_does_not_break_a_meeting_request(client, world,
                                                                          django_capture_on_commit_callbacks):
    Person.objects.filter(pk=world.lea.pk).update(first_name=INJECTION)
    client.force_login(world.lea.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("request_create", world.session, world.marc.pk), {"message": "Hi", "priority": "2"})
    assert response.status_code == 302
    assert MeetingRequest.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["marc@example.org"]]
    assert "\n" not in mail.outbox[0].subject and "\r" not in mail.outbox[0].subject
    assert "Bcc" not in mail.outbox[0].message().keys()


def test_a_mail_server_down_keeps_the_request_and_the_message_for_later(client, world, settings,
                                                                       django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.core.mail_backends.ServerDownBackend"
    client.force_login(world.lea.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("request_create", world.session, world.marc.pk), {"message": "Hi", "priority": "2"})
    assert response.status_code == 302
    assert MeetingRequest.objects.count() == 1
    assert list(UnsentEmail.objects.values_list("to", "attempts")) == [(["marc@example.org"], 1)]

    assert retry_unsent() == (0, 1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retry_unsent() == (1, 0)
    assert [m.to for m in mail.outbox] == [["marc@example.org"]]
    assert not UnsentEmail.objects.exists()


def test_the_reminder_job_goes_on_past_a_bad_request(world, monkeypatch):
    world.session.request_expiry_days = 4
    world.session.save()
    bad = services.request_send(actor=None, session=world.session, requester=world.lea, invitees=[world.marc],
                                 message="")
    good = services.request_send(actor=None, session=world.session, requester=world.ines, invitees=[world.paul],
                                  message="")
    MeetingRequest.objects.update(created_at=timezone.now() - timedelta(days=3))
    send_reminder = notifications.send_request_reminder

    def broken_for_one(request, *args, **kwargs):
        if request.pk == bad.pk:
            raise RuntimeError("a template error")
        return send_reminder(request, *args, **kwargs)

    monkeypatch.setattr(notifications, "send_request_reminder", broken_for_one)
    assert services.requests_expire_and_remind() == (0, 1)
    good.refresh_from_db()
    assert good.reminded_at is not None
    bad.refresh_from_db()
    assert bad.reminded_at is None  # tried again at the next run
    assert [m.to for m in mail.outbox] == [["paul@example.org"]]
