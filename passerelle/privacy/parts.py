"""The export and erasure parts of accounts, directory, events and privacy itself.

Erasure keeps every row that a figure counts (a registration, a delegation seat, a talk, an
affiliation) but strips what identifies the person: the person row becomes a stub named
"#<id>", visible to coordinators only, that keeps its territory, kind of actor and
organisations, so the indicators (participants per event, territory, kind; active people and
organisations) stay true. Names, contact details, identifiers, texts, tags, history, consents,
the account and its sign-in records are deleted.
"""
from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db.models import F, Q
from django.utils import timezone

from passerelle.accounts.models import ApiToken, Invitation
from passerelle.core.enums import Visibility
from passerelle.directory import audit, search
from passerelle.directory.models import AuditEntry, ImportBatch, Person
from passerelle.events import services as event_services
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Delegation, ProgrammeItem, Registration

from .models import ConsentRecord, ErasureRequest, RetentionFlag
from .registry import register


def _when(value: Any) -> str:
    return value.isoformat() if value else ""


# Accounts -----------------------------------------------------------------------------------

def _emails(person: Person) -> set[str]:
    """The addresses whose records are the person's: the sign-in address of their own account.

    Never the profile's e-mail string when it is another account's: sign-in records, lockout
    counters and invitations follow the account. A profile without an account owns only the
    invitations sent to it, and those sent to its address while no account uses that address.
    """
    if person.user_id:
        return {person.user.email.lower()}
    email = (person.email or "").strip().lower()
    if email and not get_user_model().objects.filter(email__iexact=email).exists():
        return {email}
    return set()


def export_account(person: Person) -> dict:
    return _account_data(person.user if person.user_id else None, _emails(person), Q(person=person))


def export_account_of_user(user: Any) -> dict:
    """The account part for a member who has no directory profile."""
    return _account_data(user, {user.email.lower()}, Q())


def _account_data(user: Any, emails: set[str], invited_as: Q) -> dict:
    data: dict[str, Any] = {}
    if user is not None:
        data["account"] = {
            "email": user.email, "first_name": user.first_name, "last_name": user.last_name,
            "role": user.get_role_display(), "active": user.is_active,
            "created": _when(user.date_joined), "last_sign_in": _when(user.last_login),
        }
        data["api_tokens"] = [
            {"name": token.name, "prefix": token.prefix, "created": _when(token.created_at),
             "last_used": _when(token.last_used_at), "expires": _when(token.expires_at),
             "revoked": _when(token.revoked_at)}
            for token in ApiToken.objects.filter(user=user).order_by("created_at")
        ]
        data["sign_ins"] = [
            {"at": _when(log.attempt_time), "address": log.ip_address, "browser": log.user_agent}
            for log in AccessLog.objects.filter(username__in=emails).order_by("-attempt_time")[:200]
        ]
    invitations = Invitation.objects.filter(invited_as | Q(email__in=emails)) if invited_as else \
        Invitation.objects.filter(email__in=emails)
    data["invitations"] = [{"email": i.email, "sent": _when(i.created_at), "accepted": _when(i.accepted_at)}
                           for i in invitations.order_by("-created_at")]
    return {key: value for key, value in data.items() if value}


def erase_account(person: Person) -> dict:
    """Delete invitations, sign-in records and sessions; the account is anonymised and closed
    (rows of other apps may point to it, so it stays as an empty, inactive shell)."""
    emails = _emails(person)
    counts = {
        "invitations": Invitation.objects.filter(Q(person=person) | Q(email__in=emails)).delete()[0],
        "sign_in_records": sum(model.objects.filter(username__in=emails).delete()[0]
                               for model in (AccessAttempt, AccessLog, AccessFailureLog)),
    }
    user = person.user if person.user_id else None
    if user is not None:
        counts["sessions"] = _delete_sessions(user.pk)
        counts["api_tokens"] = ApiToken.objects.filter(user=user).delete()[0]
        user.email = f"erased-{user.pk}@erased.invalid"
        user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        counts["account"] = 1
    return counts


def _delete_sessions(user_pk: int) -> int:
    ids = [session.pk for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
           if session.get_decoded().get("_auth_user_id") == str(user_pk)]
    return Session.objects.filter(pk__in=ids).delete()[0]


# Directory ----------------------------------------------------------------------------------

def export_directory(person: Person) -> dict:
    profile = audit.person_snapshot(person)
    profile.update(visibility=person.get_visibility_display(), created=_when(person.created_at),
                   updated=_when(person.updated_at))
    history = [
        {"at": _when(entry.at), "action": entry.get_action_display(),
         "by": _actor_label(entry.actor_id, person),
         "changes": {field: {"from": old, "to": new} for field, (old, new) in entry.changes.items()}}
        for entry in audit.history_of(person)
    ]
    return {"profile": profile, "history": history}


def _actor_label(actor_id: int | None, person: Person) -> str:
    """Who made a change, without naming other people: the person, a coordinator or an import."""
    if actor_id is None:
        return "import or system"
    return "you" if actor_id == person.user_id else "a coordinator"


def erase_directory(person: Person) -> dict:
    """Anonymise the profile in place (territory and kind kept for the figures) and scrub its
    history and the import files that held it."""
    counts = {
        "history_entries": AuditEntry.objects.filter(object_type="person", object_id=person.pk).delete()[0],
        "import_rows": _scrub_imports(person),
        "affiliation_positions": person.affiliations.exclude(position="").update(position=""),
    }
    person.category_tags.all().delete()
    person.site_tags.all().delete()
    person.techniques.clear()
    person.languages.clear()
    Person.objects.filter(pk=person.pk).update(
        first_name="", last_name=f"#{person.pk}", email="", user=None, orcid="", expertise="", keywords="",
        offers="", seeks="", visibility=Visibility.COORDINATORS, consent_date=None, updated_at=timezone.now(),
    )
    person.refresh_from_db()
    search.refresh_person(person)
    counts["profile"] = 1
    return counts


def _identifying_values(person: Person) -> tuple[set[str], tuple[str, str]]:
    exact = {value.strip().lower() for value in (person.email, person.orcid) if value.strip()}
    return exact, (person.first_name.strip().lower(), person.last_name.strip().lower())


def _row_is_about(row: list[Any], exact: set[str], names: tuple[str, str]) -> bool:
    cells = {str(cell).strip().lower() for cell in row}
    return bool(cells & exact) or (all(names) and names[0] in cells and names[1] in cells)


def _scrub_imports(person: Person) -> int:
    """Blank the rows of stored import files that describe the person (kept as empty rows, so
    the row numbers of the import reports stay right)."""
    exact, names = _identifying_values(person)
    full_name = f"{names[0]} {names[1]}".strip()
    scrubbed = 0
    for batch in ImportBatch.objects.filter(kind=ImportBatch.Kind.PEOPLE).iterator():
        rows = [[""] * len(row) if _row_is_about(row, exact, names) else row for row in batch.rows]
        hits = sum(1 for old, new in zip(batch.rows, rows, strict=True) if old is not new)
        report = _scrub_text(batch.report, exact | ({full_name} if all(names) else set()))
        if hits or report != batch.report:
            batch.rows, batch.report = rows, report
            batch.save(update_fields=["rows", "report"])
            scrubbed += hits
    return scrubbed


def _scrub_text(value: Any, needles: set[str]) -> Any:
    if isinstance(value, dict):
        return {key: _scrub_text(item, needles) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub_text(item, needles) for item in value]
    if isinstance(value, str) and any(needle and needle in value.lower() for needle in needles):
        return "—"
    return value


# Events -------------------------------------------------------------------------------------

def export_events(person: Person) -> dict:
    registrations = Registration.objects.filter(person=person).select_related("event").order_by("event__start")
    delegations = Delegation.objects.filter(Q(members=person) | Q(head=person)).select_related("event").distinct()
    talks = ProgrammeItem.objects.filter(speakers=person).select_related("event").order_by("start")
    data = {
        "registrations": [
            {"event": r.event.title, "start": _when(r.event.start), "role": r.get_role_display(),
             "status": r.get_status_display(), "listed_on_participant_list": r.consent_to_list,
             "registered": _when(r.queued_at), "confirmed": _when(r.confirmed_at), "cancelled": _when(r.cancelled_at),
             "arrival": _when(r.arrival), "departure": _when(r.departure), "dietary_needs": r.dietary_needs,
             "invitation_letter": r.invitation_letter, "letter_details": r.letter_details}
            for r in registrations
        ],
        "delegations": [{"event": d.event.title, "delegation": d.name, "head": d.head_id == person.pk}
                        for d in delegations],
        "programme": [{"event": item.event.title, "title": item.title, "start": _when(item.start)} for item in talks],
    }
    return {key: value for key, value in data.items() if value}


def erase_events(person: Person) -> dict:
    """Registrations to events still to come are cancelled (the seat goes to the waiting list);
    past ones stay, unlisted, so participant counts do not change. Talks and delegation seats
    stay (the reports count them) but the stub is visible to coordinators only, so programmes
    and event pages no longer name anyone; the person no longer heads a delegation."""
    upcoming = (Registration.objects.filter(person=person, event__end__gte=timezone.now())
                .exclude(status=RegistrationStatus.CANCELLED))
    cancelled = 0
    for registration in upcoming:
        event_services.registration_cancel(actor=None, registration=registration)
        cancelled += 1
    # Calendars that named the speaker get a new version of each of their items.
    items = ProgrammeItem.objects.filter(speakers=person).update(sequence=F("sequence") + 1)
    return {
        "registrations_cancelled": cancelled,
        "participant_list_entries": Registration.objects.filter(person=person, consent_to_list=True)
        .update(consent_to_list=False),
        "programme_items_renamed": items,
        "delegations_headed": Delegation.objects.filter(head=person).update(head=None),
        # Travel details describe the person (diet, passport name, nationality): blanked, the row stays.
        "travel_details": Registration.objects.filter(person=person).exclude(
            arrival=None, departure=None, dietary_needs="", invitation_letter=False, letter_details="",
        ).update(arrival=None, departure=None, dietary_needs="", invitation_letter=False, letter_details=""),
    }


# Privacy ------------------------------------------------------------------------------------

def export_privacy(person: Person) -> dict:
    data = {
        "consents": [
            {"purpose": r.get_purpose_display(), "given": r.given, "at": _when(r.at), "how": r.get_method_display(),
             "notice_version": r.notice_version, "note": r.note}
            for r in ConsentRecord.objects.filter(person=person)
        ],
        "erasure_requests": [
            {"requested": _when(r.requested_at), "status": r.get_status_display(), "reason": r.reason}
            for r in ErasureRequest.objects.filter(person=person)
        ],
    }
    return {key: value for key, value in data.items() if value}


def erase_privacy(person: Person) -> dict:
    """Consent records go (nothing is processed any more); erasure requests stay, nameless, as
    the proof that the erasure was done."""
    counts = {"consent_records": ConsentRecord.objects.filter(person=person).delete()[0]}
    ErasureRequest.objects.filter(person=person).update(label=f"#{person.pk}", reason="")
    RetentionFlag.objects.filter(person=person).delete()
    return counts


register("events", export=export_events, erase=erase_events, order=20)
register("privacy", export=export_privacy, erase=erase_privacy, order=70)
register("accounts", export=export_account, erase=erase_account, order=80)
register("directory", export=export_directory, erase=erase_directory, order=90)
