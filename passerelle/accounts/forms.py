from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from passerelle.directory.models import Person

from .models import Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    person = forms.ModelChoiceField(
        Person.objects.filter(user__isnull=True), required=False, label=_("Directory profile"),
        help_text=_("The profile this person will be able to edit, if it already exists."),
    )


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, email: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict:
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            from django.contrib.auth import get_user_model

            probe = get_user_model()(email=self.email, first_name=data.get("first_name", ""),
                                     last_name=data.get("last_name", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class EmailChangeForm(forms.Form):
    email = forms.EmailField(label=_("New e-mail address"), max_length=254,
                             help_text=_("A link to confirm the change is sent to this address."))


class SignInForm(AuthenticationForm):
    """Django's sign-in form with a message written for an e-mail sign-in (Django's own message
    assembles « un » + the field's name, which reads wrong in French)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address or the password is wrong. Check both and try again."),
    }


class ApiTokenForm(forms.Form):
    EXPIRY_CHOICES = [("", _("Never")), ("30", _("In 30 days")), ("90", _("In 90 days")), ("365", _("In a year"))]

    name = forms.CharField(label=_("Name"), max_length=100,
                           help_text=_("What the token is for, e.g. “weekly export script”."))
    expires_in = forms.ChoiceField(label=_("Expiry"), choices=EXPIRY_CHOICES, required=False)
