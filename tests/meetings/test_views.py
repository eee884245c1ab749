"""The pages, driven like a user: a coordinator opens a session, members set availability, browse
people, request, answer; the coordinator schedules, moves (drag-and-drop post or the no-JS form),
locks and publishes; members see their agenda."""
from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from passerelle.core.french import in_active_language
from passerelle.meetings.enums import MeetingStatus, RequestStatus, SessionStatus
from passerelle.meetings.models import B2BSession, Meeting, MeetingRequest, Participant
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import CoordinatorFactory

from .factories import make_request, make_session, place, publish

pytestmark = pytest.mark.django_db


def url(name, session, *args):
    return reverse(f"meetings:{name}", args=[session.event.slug, *args])


def formset(prefix: str, rows: list[dict]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def test_coordinator_opens_a_session_with_windows_lunch_and_tables(client):
    client.force_login(CoordinatorFactory())
    event = EventFactory(slug="entretiens-2027")
    day = event.local(event.start).date().isoformat()
    response = client.get(reverse("meetings:session_create", args=[event.slug]))
    assert response.status_code == 200 and "Lunch" in response.content.decode()

    response = client.post(reverse("meetings:session_create", args=[event.slug]), {
        "slot_minutes": "30", "max_meetings": "6", "solver_seconds": "5", "tables": "Salle Rhône | 2nd floor\nTable 2",
        **formset("windows", [{"day": day, "start": "10:00", "end": "14:00"}]),
        **formset("breaks", [{"day": day, "start": "12:00", "end": "13:00", "label_fr": "Déjeuner",
                              "label_en": "Lunch"}]),
    })

    session = B2BSession.objects.get(event=event)
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    local = [event.local(s.start).strftime("%H:%M") for s in session.slots.all()]
    assert local == ["10:00", "10:30", "11:00", "11:30", "13:00", "13:30"]
    assert [(t.name, t.location) for t in session.tables.all()] == [("Salle Rhône", "2nd floor"), ("Table 2", "")]
    assert session.status == SessionStatus.DRAFT


def test_a_window_outside_the_event_is_refused_with_a_message(client):
    client.force_login(CoordinatorFactory())
    event = EventFactory()
    response = client.post(reverse("meetings:session_create", args=[event.slug]), {
        "slot_minutes": "30", "solver_seconds": "5", "numbered_tables": "3",
        **formset("windows", [{"day": "2001-01-01", "start": "10:00", "end": "12:00"}]),
        **formset("breaks", []),
    })
    assert response.status_code == 200
    assert "Every window must lie within the event" in response.content.decode()
    assert not B2BSession.objects.exists()


def test_asking_to_meet_oneself_leads_back_to_the_people_with_a_message(client, world):
    client.force_login(world.lea.user)
    response = client.post(url("request_create", world.session, world.lea.pk), {"message": "Me", "priority": "2"},
                           follow=True)
    assert response.redirect_chain == [(url("people", world.session), 302)]
    assert "for someone else" in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_members_request_and_answer_through_the_pages(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.lea.user)
    response = client.get(url("people", world.session))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Marc Tremblay" in page and "Léa Dupont" not in page.split("Everyone taking part")[1]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("request_create", world.session, world.marc.pk),
                               {"message": "Radiomics of glioblastoma?", "priority": "3"})
    request = MeetingRequest.objects.get()
    assert response["Location"] == request.get_absolute_url()
    assert [m.to for m in mail.outbox] == [["marc@example.org"]]
    with translation.override("fr"):  # Marc lists no language: French, the site's language
        subject = in_active_language(gettext("%(name)s would like to meet you at %(event)s") % {
            "name": "Léa Dupont", "event": world.session.event.title})
    assert mail.outbox[0].subject == subject

    client.force_login(world.marc.user)
    assert "Radiomics of glioblastoma?" in client.get(url("my_requests", world.session)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request.get_absolute_url(), {"decision": "accept", "priority": "2"})
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert sorted(m.to[0] for m in mail.outbox[1:]) == ["lea@example.org", "marc@example.org"]


def test_availability_page_saves_unavailable_slots(client, world):
    client.force_login(world.lea.user)
    slots = list(world.session.slots.all())
    response = client.post(url("availability", world.session), {"takes_meetings": "on", "max_meetings": "3",
                                                                 "unavailable": [slots[0].pk, slots[2].pk]})
    assert response.status_code == 302
    participant = Participant.objects.get(person=world.lea)
    assert participant.max_meetings == 3
    assert sorted(participant.unavailable_slots.values_list("pk", flat=True)) == [slots[0].pk, slots[2].pk]


def test_coordinator_runs_moves_locks_and_publishes(client, world, django_capture_on_commit_callbacks):
    client.force_login(CoordinatorFactory())
    request = make_request(world.session, world.lea, world.marc)
    response = client.post(url("run", world.session))
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    meeting = Meeting.objects.get(request=request)

    schedule_page = client.get(url("schedule", world.session)).content.decode()
    assert "100.00 % of the best possible" in schedule_page
    assert f'data-move-url="{url("meeting_move", world.session, meeting.pk)}"' in schedule_page

    # the drag-and-drop posts the cell; a busy cell is refused with the reason
    other = place(world.session, make_request(world.session, world.ines, world.paul), 3, 1)
    target = f"{other.slot_id}-{other.table_id}"
    client.post(url("meeting_move", world.session, meeting.pk),
                {"cell": target, "next": url("schedule", world.session)})
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table_id) != (other.slot_id, other.table_id)
    free = f"{other.slot_id}-{world.session.tables.first().pk}"
    response = client.post(url("meeting_move", world.session, meeting.pk), {"cell": free,
                                                                           "next": url("grid", world.session)})
    assert response["Location"] == url("grid", world.session)
    meeting.refresh_from_db()
    assert meeting.slot_id == other.slot_id and set(meeting.attendees.values_list("slot_id", flat=True)) == {
        other.slot_id}

    client.post(url("meeting_lock", world.session, meeting.pk), {"locked": "1"})
    meeting.refresh_from_db()
    assert meeting.locked

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("publish", world.session))
    assert Meeting.objects.filter(published_at__isnull=True).count() == 0
    assert {m.to[0] for m in mail.outbox} == {"lea@example.org", "marc@example.org", "ines@example.org",
                                              "paul@example.org"}


def test_the_no_js_move_form_lists_only_free_cells(client, world):
    client.force_login(CoordinatorFactory())
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    busy = place(world.session, make_request(world.session, world.lea, world.paul), 1, 0)
    response = client.get(url("meeting_move", world.session, meeting.pk))
    options = response.content.decode()
    assert f'value="{busy.slot_id}-' not in options  # Léa is busy then
    assert f'value="{meeting.slot_id}-{world.session.tables.last().pk}"' in options


def test_agenda_page_print_and_ics(client, world):
    place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    publish(world.session)
    client.force_login(world.lea.user)
    page = client.get(url("agenda", world.session)).content.decode()
    assert "Marc Tremblay" in page and "Table 1" in page
    assert "Marc Tremblay" in client.get(url("agenda_print", world.session)).content.decode()
    response = client.get(url("agenda_ics", world.session))
    assert response["Content-Type"].startswith("text/calendar")
    assert b"Marc Tremblay" in response.content


def test_cancelling_an_announced_meeting_keeps_it_as_cancelled(client, world, django_capture_on_commit_callbacks):
    request = make_request(world.session, world.lea, world.marc)
    place(world.session, request, 0, 0)
    publish(world.session)
    client.force_login(world.marc.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("request_cancel", world.session, request.pk))
    meeting = Meeting.objects.get(request=request)
    assert (meeting.status, meeting.sequence) == (MeetingStatus.CANCELLED, 1)
    assert [m.to[0] for m in mail.outbox][-2:] == ["lea@example.org", "marc@example.org"] or \
        sorted(m.to[0] for m in mail.outbox[-2:]) == ["lea@example.org", "marc@example.org"]
    assert b"STATUS:CANCELLED" in client.get(url("agenda_ics", world.session)).content


def test_event_page_links_to_its_session(client, world):
    client.force_login(world.lea.user)
    page = client.get(world.session.event.get_absolute_url()).content.decode()
    assert world.session.get_absolute_url() in page


def test_grid_and_table_sheet(client, world):
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    client.force_login(CoordinatorFactory())
    day = world.session.event.local(meeting.slot.start).date().isoformat()
    assert "Léa Dupont" in client.get(url("grid", world.session) + f"?day={day}").content.decode()
    sheet = client.get(url("table_print", world.session, meeting.table_id) + f"?day={day}").content.decode()
    assert "Léa Dupont" in sheet and "Marc Tremblay" in sheet


def test_people_to_meet_lists_suggestions_with_reasons_first_and_hides_hidden_profiles(client):
    from tests.suggestions.factories import community as make_community

    people = make_community()
    session = make_session(tables=2)
    for person in (people.clinician, people.company, people.economist, people.hidden, people.glioma_researcher):
        RegistrationFactory(event=session.event, person=person)
    client.force_login(people.owner)

    page = client.get(url("people", session)).content.decode()

    suggested, everyone = page.split("Everyone taking part")
    assert "Suggested for you" in suggested
    assert "Marc Tremblay" in suggested and 'class="reasons"' in suggested
    assert "Cachée" not in page  # coordinators-only profile
    assert "Paul Lavoie" in everyone and "Claire Roux" not in everyone

    response = client.get(url("request_create", session, people.company.pk))
    assert "Why you might meet" in response.content.decode()


def test_a_member_not_registered_is_invited_to_register(client, world, member):
    client.force_login(member)
    page = client.get(url("session", world.session)).content.decode()
    assert reverse("events:register", args=[world.session.event.slug]) in page
    assert client.get(url("people", world.session)).status_code == 403


def test_the_reminder_command_expires_old_requests(world):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    world.session.request_expiry_days = 2
    world.session.save()
    old = make_request(world.session, world.lea, world.marc, status=RequestStatus.PENDING)
    MeetingRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    out = StringIO()
    call_command("meetings_remind", stdout=out)
    assert out.getvalue().strip() == "1 requests expired, 0 reminders sent."
    old.refresh_from_db()
    assert old.status == RequestStatus.EXPIRED
