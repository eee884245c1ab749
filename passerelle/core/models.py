"""Reference taxonomies: ICRP CSO categories, cancer sites, techniques, languages; and the abstract
bases the models of every app share (``Timestamped``, ``NewestFirst``, ``DatedRecord``, ``Positioned``).

The taxonomies are loaded from the CSV files in ``core/data`` by a data migration and are read-only
for users; each carries an English and a French title shown in the active language.
"""
from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import optional_link


class Timestamped(models.Model):
    """When a row was created and last saved (set by Django, not editable), for models of any app."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class NewestFirst(models.Model):
    """Rows listed newest first: by ``created_at`` (which the model declares), then by id."""

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class DatedRecord(NewestFirst):
    """A record people create, then edit: when it was created (a default, which an import may set)
    and last saved; listed newest first."""

    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta(NewestFirst.Meta):
        abstract = True


class Positioned(models.Model):
    """Rows a coordinator puts in order by hand (``position``), listed in that order."""

    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class BilingualTitleMixin(models.Model):
    title_en = models.CharField(_("title (English)"), max_length=255)
    title_fr = models.CharField(_("title (French)"), max_length=255)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.title_fr if (get_language() or "fr").startswith("fr") else self.title_en


class CsoCategory(BilingualTitleMixin):
    """A code of the ICRP Common Scientific Outline (v2; v1 codes kept inactive)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    parent = optional_link("self", on_delete=models.PROTECT, related_name="children")
    active = models.BooleanField(_("active"), default=True)
    sort_key = models.CharField(max_length=16, editable=False, db_index=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("cancer research category (CSO)")
        verbose_name_plural = _("cancer research categories (CSO)")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.sort_key = ".".join(part.zfill(3) for part in self.code.split("."))
        super().save(*args, **kwargs)


class CancerSite(BilingualTitleMixin):
    """An ICRP cancer type (site), with its ICD-10 equivalent and search synonyms."""

    icrp_code = models.PositiveIntegerField(_("ICRP code"), unique=True)
    icd10 = models.CharField(_("ICD-10"), max_length=100, blank=True)
    childhood_young_adult = models.BooleanField(_("childhood and young adult"), default=False)
    not_otherwise_specified = models.BooleanField(_("not otherwise specified"), default=False)
    description_en = models.TextField(_("description"), blank=True)
    synonyms = models.CharField(_("synonyms"), max_length=500, blank=True)

    class Meta:
        ordering = ["not_otherwise_specified", "title_en"]
        verbose_name = _("cancer site")
        verbose_name_plural = _("cancer sites")

    @property
    def slug(self) -> str:
        return str(self.icrp_code)


class Technique(BilingualTitleMixin):
    """A technique, platform or discipline used to describe expertise."""

    code = models.SlugField(_("code"), max_length=50, unique=True)

    class Meta:
        ordering = ["title_en"]
        verbose_name = _("technique or platform")
        verbose_name_plural = _("techniques and platforms")


class Language(BilingualTitleMixin):
    """A language a person speaks (ISO 639-1 code)."""

    code = models.CharField(_("code"), max_length=8, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class UnsentEmail(models.Model):
    """A notification whose sending failed after its change was committed: kept to be sent again
    (``manage.py mail_retry``) instead of failing the change or being lost."""

    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    from_email = models.CharField(_("from"), max_length=254)
    to = models.JSONField(_("to"), default=list)
    attachments = models.JSONField(_("attachments"), default=list,
                                   help_text=_("Name, base64 content and type of each attachment."))
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("first attempt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last attempt"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("unsent e-mail")
        verbose_name_plural = _("unsent e-mails")

    def __str__(self) -> str:
        return self.subject
