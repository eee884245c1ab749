"""Outcomes of joint projects: what grew from them (a paper, a patent, a trial, money, an office
abroad, a company), dated and linked, with the identifier each kind calls for.

Writes go through ``services.py`` (validation per kind, audit); the chain back to the meeting
and the event is read by ``selectors.outcome_chain``. Publications co-signed by a project's
partners are proposed as its outcomes (``OutcomeProposal``), which a coordinator confirms or
dismisses.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import Territory
from passerelle.core.fields import account_field, optional_link
from passerelle.core.mixins import BilingualText, page_url
from passerelle.core.models import Timestamped
from passerelle.funding.enums import Currency

from .enums import OutcomeKind, ProposalStatus
from .outcome_ids import normalize_doi, normalize_patent_number, normalize_trial_id, trial_registry


class Outcome(BilingualText, Timestamped):
    project = models.ForeignKey("projects.Project", verbose_name=_("project"), on_delete=models.PROTECT,
                                related_name="outcomes")
    kind = models.CharField(_("kind"), max_length=30, choices=OutcomeKind.choices)
    title_fr, title_en, description_fr, description_en = BilingualText.fields()
    date = models.DateField(_("date"), help_text=_("Publication, filing, registration, decision or opening date."))
    link = models.URLField(_("link"), blank=True, max_length=500)
    doi = models.CharField(_("DOI"), max_length=255, blank=True, help_text=_("e.g. 10.1038/s41586-020-2649-2"))
    trial_id = models.CharField(_("trial registry id"), max_length=40, blank=True,
                                help_text=_("e.g. NCT01234567 or 2023-501234-12-00"))
    patent_number = models.CharField(_("patent publication number"), max_length=40, blank=True,
                                     help_text=_("e.g. EP3456789A1"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    organisation = optional_link(
        "directory.Organisation", _("organisation"), on_delete=models.SET_NULL, related_name="outcomes",
        help_text=_("The funder, the organisation that opened a site, or the company created (if in the directory)."),
    )
    organisation_name = models.CharField(
        _("organisation (not in the directory)"), max_length=255, blank=True,
        help_text=_("Its name, when it is not in the directory."),
    )
    territory = models.CharField(
        _("territory"), max_length=8, choices=Territory.choices, blank=True,
        help_text=_("Where it happened (a site opened, a funder's side); empty when it belongs to both."),
    )
    created_by = account_field(editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        indexes = [models.Index(fields=["kind", "date"]), models.Index(fields=["date"])]

    get_absolute_url = page_url("reports:outcome")

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name

    @property
    def trial_registry(self) -> str:
        return trial_registry(self.trial_id) if self.trial_id else ""

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def clean(self) -> None:
        """Normalise the identifiers and require what each kind needs."""
        errors: dict[str, list] = {}

        def check(name: str, normalize) -> None:
            value = getattr(self, name)
            if value:
                try:
                    setattr(self, name, normalize(value))
                except ValidationError as error:
                    errors.setdefault(name, []).extend(error.error_list)

        check("doi", normalize_doi)
        check("trial_id", normalize_trial_id)
        check("patent_number", normalize_patent_number)
        required = {
            OutcomeKind.PUBLICATION: [("doi", _("A publication needs its DOI."))],
            OutcomeKind.CLINICAL_TRIAL: [("trial_id", _("A clinical trial needs its registry id."))],
            OutcomeKind.PATENT: [("patent_number", _("A patent needs its publication number."))],
            OutcomeKind.FOLLOW_ON_FUNDING: [("amount", _("Follow-on funding needs its amount.")),
                                            ("currency", _("Follow-on funding needs its currency."))],
            OutcomeKind.NEW_SITE: [("territory", _("Say where the new office or site opened."))],
        }.get(self.kind, [])
        for name, message in required:
            if getattr(self, name) in (None, "") and name not in errors:
                errors.setdefault(name, []).append(ValidationError(message, code="required"))
        if self.kind in (OutcomeKind.FOLLOW_ON_FUNDING, OutcomeKind.NEW_SITE, OutcomeKind.COMPANY) \
                and not (self.organisation_id or self.organisation_name.strip()):
            errors.setdefault("organisation", []).append(ValidationError(
                _("Name the funder, the organisation or the company (from the directory or by its name)."),
                code="required"))
        if (self.amount is None) != (not self.currency) and "amount" not in errors and "currency" not in errors:
            errors.setdefault("currency", []).append(ValidationError(
                _("An amount and its currency go together."), code="currency"))
        if errors:
            raise ValidationError(errors)


class FigureSet(models.Model):
    """Every indicator's series over all years for one standing filter set (all territories, or one
    territory), computed in the background and read by the dashboard, the exports, the public page,
    the annual reports and the API (``passerelle/reports/figures.py``)."""

    territory = models.CharField(_("territory"), max_length=8, choices=Territory.choices, blank=True, unique=True,
                                 help_text=_("Empty: all territories."))
    series = models.JSONField(_("series"), default=dict, editable=False)
    computed_at = models.DateTimeField(_("computed at"))
    seconds = models.FloatField(_("computing time (s)"), default=0)

    class Meta:
        verbose_name = _("set of figures")
        verbose_name_plural = _("sets of figures")

    def __str__(self) -> str:
        return self.get_territory_display() or str(_("All territories"))


class OutcomeProposal(models.Model):
    """A work co-signed by partners of a project after its start, proposed as the project's outcome
    (``services.propose_publication_outcomes``). Confirming it records the ``Outcome``; a dismissed
    proposal stays, so that the same work is never proposed again for that project."""

    project = models.ForeignKey("projects.Project", verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="outcome_proposals")
    publication = models.ForeignKey("publications.Publication", verbose_name=_("publication"),
                                    on_delete=models.CASCADE, related_name="outcome_proposals")
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices,
                              default=ProposalStatus.PROPOSED)
    outcome = optional_link(
        Outcome, _("outcome recorded"), on_delete=models.SET_NULL, related_name="proposals", editable=False,
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = account_field(_("decided by"), editable=False)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("proposed outcome")
        verbose_name_plural = _("proposed outcomes")
        constraints = [models.UniqueConstraint(fields=["project", "publication"], name="outcome_proposal_unique")]
        indexes = [models.Index(fields=["status", "-proposed_at"])]

    def __str__(self) -> str:
        return f"{self.publication} → {self.project}"
