"""A publication is stored once, whatever the number of sources that knew it and the number of the
directory's people who signed it.

- ``Publication``: the work, with every identifier the sources gave (DOI, PMID, HAL id, OpenAlex
  id) and ``title_key``, its normalised title, used with the year to merge works that have no
  shared identifier.
- ``Authorship``: the author list in order, as the sources wrote it; ``person`` is set when the
  author is one of the directory's people (by ORCID iD, else by name on a linked profile).
- ``PersonPublication``: the work on a person's profile. ``hidden`` is the member's choice and
  survives every refresh; erasure deletes these links (the works are public facts and stay).
- ``HarvestState``: per person and source, when the last harvest ran, what it saw and what failed,
  so that a refresh asks only what changed and one source's failure never hides the others'.
"""
from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import optional_link
from passerelle.core.mixins import page_url
from passerelle.core.models import Timestamped

from .enums import LinkOrigin, Source, WorkType


class Publication(Timestamped):
    title = models.CharField(_("title"), max_length=1000)
    abstract = models.TextField(_("abstract"), blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    venue = models.CharField(_("journal or venue"), max_length=500, blank=True)
    work_type = models.CharField(_("type"), max_length=20, choices=WorkType.choices, default=WorkType.ARTICLE)
    doi = models.CharField(_("DOI"), max_length=255, blank=True)
    pmid = models.CharField(_("PubMed id"), max_length=20, blank=True)
    hal_id = models.CharField(_("HAL id"), max_length=60, blank=True)
    openalex_id = models.CharField(_("OpenAlex id"), max_length=40, blank=True)
    title_key = models.CharField(max_length=255, editable=False, db_index=True)
    sources = models.JSONField(_("sources"), default=list, blank=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.UniqueConstraint(fields=["doi"], condition=~Q(doi=""), name="publication_unique_doi"),
            models.UniqueConstraint(fields=["pmid"], condition=~Q(pmid=""), name="publication_unique_pmid"),
            models.UniqueConstraint(fields=["hal_id"], condition=~Q(hal_id=""), name="publication_unique_hal"),
            models.UniqueConstraint(fields=["openalex_id"], condition=~Q(openalex_id=""),
                                    name="publication_unique_openalex"),
        ]
        indexes = [models.Index(fields=["year"]), models.Index(fields=["title_key", "year"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    get_absolute_url = page_url("publications:detail")


class Authorship(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="authorships")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name as published"), max_length=300)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True)
    affiliation = models.CharField(_("affiliation as published"), max_length=500, blank=True)
    country = models.CharField(_("country code"), max_length=2, blank=True)
    person = optional_link("directory.Person", _("person"), on_delete=models.SET_NULL, related_name="authorships")

    class Meta:
        ordering = ["publication", "position"]
        verbose_name = _("authorship")
        verbose_name_plural = _("authorships")
        constraints = [
            models.UniqueConstraint(fields=["publication", "position"], name="authorship_unique_position"),
        ]

    def __str__(self) -> str:
        return self.name


class PersonPublication(models.Model):
    person = models.ForeignKey("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="publication_links")
    publication = models.ForeignKey(Publication, verbose_name=_("publication"), on_delete=models.CASCADE,
                                    related_name="person_links")
    hidden = models.BooleanField(_("hidden"), default=False,
                                 help_text=_("Hidden works are not shown on the profile nor used for suggestions."))
    origin = models.CharField(_("origin"), max_length=20, choices=LinkOrigin.choices, default=LinkOrigin.HARVEST)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "-publication__year"]
        verbose_name = _("publication of a person")
        verbose_name_plural = _("publications of people")
        constraints = [
            models.UniqueConstraint(fields=["person", "publication"], name="person_publication_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.publication_id}"


class HarvestState(models.Model):
    person = models.ForeignKey("directory.Person", on_delete=models.CASCADE, related_name="harvest_states")
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    cursor = models.CharField(max_length=255, blank=True,
                              help_text=_("What the source needs to send only what changed since (a date or a tag)."))
    works_seen = models.PositiveIntegerField(_("works seen"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("harvest state")
        verbose_name_plural = _("harvest states")
        constraints = [models.UniqueConstraint(fields=["person", "source"], name="harvest_state_unique")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.source}"
