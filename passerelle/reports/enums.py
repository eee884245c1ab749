"""Kinds of outcome of a joint project."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeKind(models.TextChoices):
    PUBLICATION = "publication", _("Publication")
    PATENT = "patent", _("Patent")
    CLINICAL_TRIAL = "clinical_trial", _("Clinical trial")
    FOLLOW_ON_FUNDING = "follow_on_funding", _("Follow-on funding")
    EXCHANGE = "exchange", _("Student or researcher exchange")
    NEW_SITE = "new_site", _("New office or site abroad")
    COMPANY = "company", _("Company created")
    OTHER = "other", _("Other")


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    DISMISSED = "dismissed", _("Dismissed")
