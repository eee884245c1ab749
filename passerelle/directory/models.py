"""The directory of the community on both sides: organisations, people, their expertise.

Writes go through ``services.py`` (which keeps the search document and the audit trail
up to date); reads that respect visibility go through ``selectors.py``.
"""
from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import ActorKind, OrganisationKind, Territory, Visibility
from passerelle.core.fields import optional_link
from passerelle.core.identifiers import validate_orcid, validate_ror
from passerelle.core.mixins import page_url
from passerelle.core.models import NewestFirst, Timestamped


class Organisation(Timestamped):
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    territory = models.CharField(_("territory"), max_length=8, choices=Territory.choices)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    ror_id = models.CharField(
        _("ROR id"), max_length=9, blank=True, validators=[validate_ror],
        help_text=_("Research Organization Registry identifier, e.g. 03yrm5c26."),
    )
    parent = optional_link("self", _("parent organisation"), on_delete=models.SET_NULL, related_name="children")
    search_document = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["ror_id"], condition=~Q(ror_id=""), name="organisation_unique_ror"),
        ]
        indexes = [models.Index(fields=["territory", "kind"]), models.Index(fields=["name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    get_absolute_url = page_url("directory:organisation")


class Person(Timestamped):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="person",
    )
    kind = models.CharField(_("kind of actor"), max_length=30, choices=ActorKind.choices)
    territory = models.CharField(_("territory"), max_length=8, choices=Territory.choices)
    orcid = models.CharField(
        _("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid],
        help_text=_("e.g. 0000-0002-1825-0097"),
    )
    idhal = models.CharField(
        _("idHAL"), max_length=100, blank=True,
        help_text=_("Your identifier in HAL, the French open archive (e.g. jean-dupont)."),
    )
    organisations = models.ManyToManyField(
        Organisation, through="Affiliation", related_name="people", verbose_name=_("organisations")
    )
    languages = models.ManyToManyField("core.Language", blank=True, verbose_name=_("languages"))
    expertise = models.TextField(_("expertise"), blank=True)
    keywords = models.CharField(
        _("keywords"), max_length=500, blank=True, help_text=_("Separated by semicolons.")
    )
    categories = models.ManyToManyField(
        "core.CsoCategory", through="PersonCategory", blank=True,
        verbose_name=_("cancer research categories"),
    )
    sites = models.ManyToManyField(
        "core.CancerSite", through="PersonSite", blank=True, verbose_name=_("cancer sites")
    )
    techniques = models.ManyToManyField(
        "core.Technique", blank=True, verbose_name=_("techniques and platforms")
    )
    offers = models.TextField(_("what I offer"), blank=True, help_text=_("One item per line."))
    seeks = models.TextField(_("what I seek"), blank=True, help_text=_("One item per line."))
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    consent_date = models.DateField(_("consent date"), null=True, blank=True)
    search_document = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(fields=["orcid"], condition=~Q(orcid=""), name="person_unique_orcid"),
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="person_unique_email"),
        ]
        indexes = [
            # Covers the visibility rule (level or own profile) with the usual filters: counts of the
            # directory read this small index instead of the wide rows (search documents).
            models.Index(fields=["visibility", "territory", "kind", "user"], name="directory_person_visible_idx"),
            models.Index(fields=["kind"]),
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["updated_at"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    get_absolute_url = page_url("directory:person")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def offer_list(self) -> list[str]:
        return [line.strip() for line in self.offers.splitlines() if line.strip()]

    @property
    def seek_list(self) -> list[str]:
        return [line.strip() for line in self.seeks.splitlines() if line.strip()]

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.replace(",", ";").split(";") if k.strip()]


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="affiliations"
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    is_primary = models.BooleanField(_("main affiliation"), default=False)

    class Meta:
        ordering = ["-is_primary", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="affiliation_unique"),
        ]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation}"


class PercentageTag(models.Model):
    """ICRP practice: a tag may carry a relevance percentage (split evenly when absent)."""

    percentage = models.PositiveSmallIntegerField(
        _("relevance (%)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )

    class Meta:
        abstract = True


class PersonCategory(PercentageTag):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="category_tags")
    category = models.ForeignKey("core.CsoCategory", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "category"], name="person_category_unique")]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.category_id}"


class PersonSite(PercentageTag):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="site_tags")
    site = models.ForeignKey("core.CancerSite", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "site"], name="person_site_unique")]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.site_id}"


class AuditEntry(models.Model):
    """Who changed what and when, for one organisation or person."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")
        IMPORT = "import", _("imported")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(max_length=255)
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")

    def __str__(self) -> str:
        return f"{self.object_repr} {self.action} {self.at:%Y-%m-%d %H:%M}"


class ImportBatch(NewestFirst):
    """An uploaded CSV/XLSX file on its way into the directory: mapped, previewed, committed."""

    class Kind(models.TextChoices):
        PEOPLE = "people", _("People")
        ORGANISATIONS = "organisations", _("Organisations")

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded, columns to map")
        MAPPED = "mapped", _("mapped, ready to preview")
        COMMITTED = "committed", _("imported")

    kind = models.CharField(_("what it holds"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("file"), max_length=255)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED)
    report = models.JSONField(default=dict)
    # Rows merged by hand into the existing profile they duplicate (left out when the file is imported).
    merged_rows = models.JSONField(_("rows merged into existing profiles"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta(NewestFirst.Meta):
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_kind_display()})"

    get_absolute_url = page_url("directory:import_preview")
