"""Choices shared by every app: territories, kinds of organisation and actor, time zones, visibility,
whether something on a timetable still takes place."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Territory(models.TextChoices):
    AURA = "AURA", _("Auvergne-Rhône-Alpes")
    QC = "QC", _("Québec")
    OTHER = "OTHER", _("Elsewhere")


class OrganisationKind(models.TextChoices):
    UNIVERSITY = "university", _("University")
    HOSPITAL = "hospital", _("Hospital / CHU")
    CANCER_CENTRE = "cancer_centre", _("Cancer centre")
    RESEARCH_CENTRE = "research_centre", _("Research centre")
    COMPANY = "company", _("Company")
    PATIENT_ASSOCIATION = "patient_association", _("Patient association")
    FUNDER = "funder", _("Funder")
    PUBLIC_BODY = "public_body", _("Public body")
    OTHER = "other", _("Other")


class ActorKind(models.TextChoices):
    RESEARCHER = "researcher", _("Researcher")
    CLINICIAN = "clinician", _("Clinician")
    CLINICIAN_RESEARCHER = "clinician_researcher", _("Clinician-researcher")
    ENGINEER = "engineer", _("Engineer / technician")
    COMPANY = "company", _("Company representative")
    PATIENT_PARTNER = "patient_partner", _("Patient partner")
    ASSOCIATION = "association", _("Association")
    PUBLIC_BODY = "public_body", _("Public body")
    COORDINATOR = "coordinator", _("Coordinator")


class TimeZone(models.TextChoices):
    """The zones events and calls are entered and shown in (moments are stored in UTC)."""

    PARIS = "Europe/Paris", _("Lyon / Paris time (Europe/Paris)")
    MONTREAL = "America/Montreal", _("Québec / Montréal time (America/Montreal)")


class ScheduleStatus(models.TextChoices):
    """Whether something on a timetable (an event's programme item, a bilateral meeting) takes place."""

    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")
    COORDINATORS = "coordinators", _("Coordinators only")
