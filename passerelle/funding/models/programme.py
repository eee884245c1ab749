"""Funding programmes and their calls; a call's eligibility rules are rows of data (``CallRule``)."""
from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.bilingual import bilingual
from passerelle.core.fields import account_field, time_zone_field
from passerelle.core.mixins import BilingualName, BilingualText, OwnTimeZone, page_url
from passerelle.core.models import Positioned, Timestamped

from ..enums import CallStatus, RuleKind


class Programme(BilingualName, models.Model):
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    name_fr, name_en, description_fr, description_en = BilingualName.fields()
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    funders = models.ManyToManyField(
        "directory.Organisation", blank=True, related_name="funding_programmes", verbose_name=_("funders"),
    )
    territories = models.JSONField(
        _("territories"), default=list, blank=True, help_text=_("The territories the programme funds."),
    )
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name_fr"]
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")

    def __str__(self) -> str:
        return self.name

    get_absolute_url = page_url("funding:programme", "slug")


class Call(BilingualText, OwnTimeZone, Timestamped):
    programme = models.ForeignKey(Programme, verbose_name=_("programme"), on_delete=models.PROTECT,
                                  related_name="calls")
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    title_fr, title_en, description_fr, description_en = BilingualText.fields()
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes (deadline)"))
    time_zone = time_zone_field()
    status = models.CharField(_("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT)
    created_by = account_field()

    class Meta:
        ordering = ["-closes_at", "pk"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        indexes = [models.Index(fields=["status", "closes_at"])]

    get_absolute_url = page_url("funding:call", "slug")

    def is_open(self, now: datetime | None = None) -> bool:
        """Published, opened, and the deadline not reached (the deadline instant itself is too late)."""
        now = now or timezone.now()
        return self.status == CallStatus.PUBLISHED and self.opens_at <= now < self.closes_at

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The deadline must come after the opening.")})


class CallRule(models.Model):
    """One eligibility rule of a call: a kind and its parameters (see ``eligibility.RULE_PARAMETERS``)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("rule"), max_length=30, choices=RuleKind.choices)
    params = models.JSONField(_("parameters"), default=dict)

    class Meta:
        ordering = ["call", "kind"]
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        constraints = [models.UniqueConstraint(fields=["call", "kind"], name="call_rule_unique_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        from ..eligibility import validate_params

        validate_params(self.kind, self.params)


class ReviewCriterion(Positioned):
    """A criterion reviewers score, from 0 to ``max_score``; the ranking weighs it by ``weight``."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    label_fr = models.CharField(_("criterion (French)"), max_length=200)
    label_en = models.CharField(_("criterion (English)"), max_length=200, blank=True)
    description_fr = models.TextField(_("guidance (French)"), blank=True)
    description_en = models.TextField(_("guidance (English)"), blank=True)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=5)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self) -> str:
        return self.label

    label = bilingual("label")
    description = bilingual("description")

    def clean(self) -> None:
        if self.max_score is not None and self.max_score < 1:
            raise ValidationError({"max_score": _("The maximum score must be at least 1.")})
