"""States and kinds of the projects app; the allowed status moves live here, next to the states."""
from django.db import models
from django.utils.translation import gettext_lazy as _


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
OPPORTUNITY_TRANSITIONS: dict[str, frozenset[str]] = {
    OpportunityStatus.IDEA: frozenset({OpportunityStatus.EXPLORING, OpportunityStatus.DROPPED}),
    OpportunityStatus.EXPLORING: frozenset({OpportunityStatus.IDEA, OpportunityStatus.DROPPED}),
    OpportunityStatus.DROPPED: frozenset({OpportunityStatus.IDEA, OpportunityStatus.EXPLORING}),
    OpportunityStatus.PROJECT: frozenset(),
}
