"""Registrations of people to events (with the waiting list) and delegations."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import Territory
from passerelle.core.fields import account_field, optional_link

from ..enums import RegistrationRole, RegistrationStatus
from .event import Event


class Registration(models.Model):
    """One person at one event; re-registering after a cancellation reuses the row."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        "directory.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="registrations"
    )
    role = models.CharField(_("role"), max_length=20, choices=RegistrationRole.choices,
                            default=RegistrationRole.DELEGATE)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.CONFIRMED, editable=False)
    consent_to_list = models.BooleanField(
        _("appear in the participant list"), default=False,
        help_text=_("Your name and organisation are shown on the event's public page."),
    )
    registered_by = account_field()
    # The waiting list is served in order of ``queued_at``.
    queued_at = models.DateTimeField(_("registered at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Travel and stay, for delegations: what the organisers need to book, feed and invite people.
    arrival = models.DateField(_("arrival"), null=True, blank=True)
    departure = models.DateField(_("departure"), null=True, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=200, blank=True,
                                     help_text=_("E.g. vegetarian, no pork, gluten-free, allergies."))
    invitation_letter = models.BooleanField(
        _("I need an invitation letter (visa)"), default=False,
        help_text=_("The organisers send a letter of invitation for the visa or travel authorisation."))
    letter_details = models.CharField(
        _("for the letter"), max_length=300, blank=True,
        help_text=_("Name as written in the passport and nationality. Do not write the passport number here."))

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="registration_unique_person")]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED


class Delegation(models.Model):
    """A named group travelling from one territory to the other for an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="delegations")
    name = models.CharField(_("name"), max_length=200)
    origin = models.CharField(_("territory of origin"), max_length=8, choices=Territory.choices)
    destination = models.CharField(_("destination"), max_length=8, choices=Territory.choices)
    head = optional_link(
        "directory.Person", _("head of delegation"), on_delete=models.SET_NULL, related_name="headed_delegations",
    )
    members = models.ManyToManyField(
        "directory.Person", blank=True, related_name="delegations", verbose_name=_("members")
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self) -> str:
        return self.name
