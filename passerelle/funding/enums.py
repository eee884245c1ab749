"""States and kinds of the funding app; the allowed status moves live here, next to the states."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.workflow import Workflow


class Currency(models.TextChoices):
    """Amounts keep their currency: never converted, summed per currency."""

    EUR = "EUR", _("euro (EUR)")
    CAD = "CAD", _("Canadian dollar (CAD)")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class RuleKind(models.TextChoices):
    """The kinds of eligibility rule a call may hold; parameters are described in ``eligibility.py``."""

    LEADS_PER_TERRITORY = "leads_per_territory", _("A lead in each territory")
    ORGANISATION_KINDS = "organisation_kinds", _("Eligible kinds of organisation")
    MAX_AMOUNT = "max_amount", _("Maximum amount requested")
    MAX_DURATION = "max_duration", _("Maximum duration")
    REQUIRED_DOCUMENTS = "required_documents", _("Documents required")


class DocumentKind(models.TextChoices):
    PROPOSAL = "proposal", _("Scientific proposal")
    BUDGET = "budget", _("Budget")
    CV = "cv", _("CVs of the leads")
    LETTER = "letter", _("Letters of support")
    DATA_PLAN = "data_plan", _("Data management plan")
    ETHICS = "ethics", _("Ethics approval")
    OTHER = "other", _("Other")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Ineligible")
    UNDER_REVIEW = "under_review", _("Under review")
    FUNDED = "funded", _("Funded")
    DECLINED = "declined", _("Declined")


# The only moves ``services.application_set_status`` accepts. Submission and the eligibility
# check have their own services (deadline, rules); ineligible goes back to draft for a correction
# while the call is still open.
#
# ``by_hand``: the moves a coordinator makes on the status page (the others have their own service:
# submission, eligibility check, reviewer assignment, decision). A submitted application is
# returned to the applicants, an ineligible one returned for a correction or overruled (with a note).
APPLICATION_WORKFLOW = Workflow("""
    draft        -> submitted
    submitted    -> eligible, ineligible, draft
    eligible     -> under_review, ineligible
    ineligible   -> eligible, draft
    under_review -> funded, declined
    funded       ->
    declined     ->
""", statuses=ApplicationStatus, refused=_("An application cannot go from “%(from)s” to “%(to)s”."), by_hand="""
    submitted  -> draft
    ineligible -> draft, eligible
    eligible   -> ineligible, under_review
""")
DECIDED_STATUSES = frozenset({ApplicationStatus.FUNDED, ApplicationStatus.DECLINED})


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("To review")
    SUBMITTED = "submitted", _("Review submitted")
    DECLINED = "declined", _("Declined (conflict of interest)")
    WITHDRAWN = "withdrawn", _("Withdrawn (conflict of interest declared after the review)")


# Assignments that give no access to the application and count in no ranking.
CLOSED_BY_CONFLICT = frozenset({AssignmentStatus.DECLINED, AssignmentStatus.WITHDRAWN})
