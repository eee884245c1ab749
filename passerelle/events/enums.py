"""States and kinds of the events app; the allowed status moves live here, next to the states."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import ScheduleStatus
from passerelle.core.workflow import Workflow


class EventKind(models.TextChoices):
    ANNUAL_MEETING = "annual_meeting", _("Annual bilateral meeting")
    MISSION = "mission", _("Thematic mission abroad")
    INCOMING_DELEGATION = "incoming_delegation", _("Incoming delegation")
    RESEARCHERS_TOUR = "researchers_tour", _("Researchers' tour")
    SITE_VISIT = "site_visit", _("Site visit")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    REGISTRATION_OPEN = "registration_open", _("Registration open")
    CLOSED = "closed", _("Registration closed")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


# The only moves ``services.event_set_status`` accepts; everything else is refused.
EVENT_WORKFLOW = Workflow("""
    draft             -> published, cancelled
    published         -> draft, registration_open, closed, held, cancelled
    registration_open -> closed, held, cancelled
    closed            -> registration_open, held, cancelled
    held              ->
    cancelled         ->
""", statuses=EventStatus, refused=_("An event cannot go from “%(from)s” to “%(to)s”."))

# Statuses the public may see (a draft is for coordinators only).
PUBLIC_STATUSES = frozenset(EventStatus) - {EventStatus.DRAFT}


class ItemKind(models.TextChoices):
    SESSION = "session", _("Session")
    TALK = "talk", _("Talk")
    PANEL = "panel", _("Panel")
    VISIT = "visit", _("Site visit")
    MEAL = "meal", _("Meal")


# A programme item takes place or is cancelled, like a bilateral meeting: the one choice in core.
ItemStatus = ScheduleStatus


class RegistrationRole(models.TextChoices):
    DELEGATE = "delegate", _("Delegate")
    SPEAKER = "speaker", _("Speaker")
    ORGANISER = "organiser", _("Organiser")
    HOST = "host", _("Host")
    VISITOR = "visitor", _("Visitor")


# What a member may say they come as; speakers, organisers and hosts are named by coordinators.
SELF_CHOSEN_ROLES = (RegistrationRole.DELEGATE, RegistrationRole.VISITOR)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")
