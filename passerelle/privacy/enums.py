"""Choices of the privacy app: what a consent covers, how it was given, where a request stands."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    DIRECTORY = "directory", _("Profile kept in the directory and shown as its visibility allows")
    MATCHING = "matching", _("Profile used to suggest partners and meetings")


class ConsentMethod(models.TextChoices):
    WEB = "web", _("by the person, on Passerelle")
    FORM = "form", _("signed form, recorded by a coordinator")
    EMAIL = "email", _("by e-mail, recorded by a coordinator")
    ORAL = "oral", _("orally, recorded by a coordinator")
    IMPORT = "import", _("with an imported file")
    PROFILE = "profile", _("on the profile form, by a coordinator")


class ErasureStatus(models.TextChoices):
    PENDING = "pending", _("requested, to be executed")
    DONE = "done", _("executed")
    WITHDRAWN = "withdrawn", _("withdrawn by the person")


class RetentionResolution(models.TextChoices):
    KEPT = "kept", _("kept after review")
    ERASED = "erased", _("erased")


# Version of the privacy notice (templates/privacy/notice.html) that consents given now refer to.
NOTICE_VERSION = "2026-11"
