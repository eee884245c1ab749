"""States and kinds of the projects app; the allowed status moves live here, next to the states."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.workflow import Workflow


class OriginKind(models.TextChoices):
    """Where a collaboration idea was born."""

    EVENT = "event", _("An event")
    MEETING = "meeting", _("A meeting and its feedback")
    SUGGESTION = "suggestion", _("A matching suggestion")
    MANUAL = "manual", _("Entered by hand")


class OpportunityStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    EXPLORING = "exploring", _("Exploring")
    PROJECT = "project", _("Became a project")
    DROPPED = "dropped", _("Dropped")


# The only moves ``services.opportunity_set_status`` accepts. "project" is reached by creating a
# project from the opportunity (``project_create_from_opportunity``), never by hand.
OPPORTUNITY_WORKFLOW = Workflow("""
    idea      -> exploring, dropped
    exploring -> idea, dropped
    dropped   -> idea, exploring
    project   ->
""", statuses=OpportunityStatus, refused=_("An opportunity cannot go from “%(from)s” to “%(to)s”."))


class ProjectStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


PROJECT_WORKFLOW = Workflow("""
    draft     -> active, stopped
    active    -> completed, stopped
    stopped   -> active
    completed ->
""", statuses=ProjectStatus, refused=_("A project cannot go from “%(from)s” to “%(to)s”."))


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    CO_INVESTIGATOR = "co_investigator", _("Co-investigator")
    PARTNER = "partner", _("Partner")
    PATIENT_PARTNER = "patient_partner", _("Patient partner")
    ADVISOR = "advisor", _("Advisor")


class ServiceKind(models.TextChoices):
    PROJECT_ENGINEERING = "project_engineering", _("Project engineering")
    PARTNER_SEARCH = "partner_search", _("Partner search")
    FUNDING_WATCH = "funding_watch", _("Funding watch")
    VALORISATION = "valorisation", _("Valorisation and technology transfer")
    EVENT_SUPPORT = "event_support", _("Event support")
    TRAINING = "training", _("Training")
    COMMUNICATION = "communication", _("Communication")
    OTHER = "other", _("Other")


class ServiceRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Coordinators move requests; the requester may only withdraw an unfinished one.
# The history of a request is its thread of notes (``ServiceRequestNote.text``).
SERVICE_REQUEST_WORKFLOW = Workflow("""
    new         -> in_progress, declined, withdrawn
    in_progress -> completed, declined, withdrawn
    completed   -> in_progress
    declined    -> new
    withdrawn   ->
""", statuses=ServiceRequestStatus, refused=_("A request cannot go from “%(from)s” to “%(to)s”."),
    member_moves={ServiceRequestStatus.WITHDRAWN}, history="notes", note_field="text")
