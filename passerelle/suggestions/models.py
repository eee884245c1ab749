"""Persisted results of the suggestions: each event participant's suggested meetings, computed by
a background job (``jobs.compute_event_suggestions``) and replaced as a whole on each run."""
from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import optional_link


class EventSuggestion(models.Model):
    """``partner`` is the ``rank``-th suggested meeting of ``person`` at ``event``."""

    event = models.ForeignKey("events.Event", verbose_name=_("event"), on_delete=models.CASCADE,
                              related_name="meeting_suggestions")
    person = models.ForeignKey("directory.Person", verbose_name=_("participant"), on_delete=models.CASCADE,
                               related_name="+")
    partner = models.ForeignKey("directory.Person", verbose_name=_("suggested partner"),
                                on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    components = models.JSONField(_("score components"), default=dict)
    reasons_en = models.JSONField(_("reasons (English)"), default=list)
    reasons_fr = models.JSONField(_("reasons (French)"), default=list)
    computed_at = models.DateTimeField(_("computed at"))
    job = optional_link("jobs.Job", _("job"), on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["event", "person", "rank"]
        verbose_name = _("suggested meeting")
        verbose_name_plural = _("suggested meetings")
        constraints = [
            models.UniqueConstraint(fields=["event", "person", "partner"], name="event_suggestion_unique_pair"),
        ]
        indexes = [models.Index(fields=["event", "person", "rank"])]

    def __str__(self) -> str:
        return f"{self.person} → {self.partner} ({self.score:.2f})"

    @property
    def reasons(self) -> list[str]:
        """The reasons in the active language."""
        return self.reasons_fr if (get_language() or "fr").startswith("fr") else self.reasons_en


class IndexSnapshot(models.Model):
    """The matching index of the directory as built by a worker, for every web process to load: the
    index pickled, compressed and signed with the site's SECRET_KEY (``index.py`` refuses an unsigned
    one), with the directory ``fingerprint`` it was built from and a ``version`` moved at each save."""

    key = models.CharField(_("key"), max_length=50, primary_key=True)
    version = models.PositiveBigIntegerField(_("version"), default=1)
    fingerprint = models.TextField(_("directory fingerprint"))
    data = models.BinaryField(_("data"))
    signature = models.CharField(_("signature"), max_length=128)
    people = models.PositiveIntegerField(_("people"), default=0)
    built_at = models.DateTimeField(_("built at"))

    class Meta:
        verbose_name = _("suggestions index snapshot")
        verbose_name_plural = _("suggestions index snapshots")

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"
