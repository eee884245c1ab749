"""Invitation pages: coordinators invite; the invited person sets a password and signs in.
The member's account: sign-in address, API tokens."""
from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.pagination import paginate
from passerelle.core.permissions import coordinator_required, member_required, public

from . import api_tokens, email_change, services
from .forms import AcceptInvitationForm, ApiTokenForm, EmailChangeForm, InvitationForm
from .models import Invitation
from .password_reset import ThrottledPasswordResetView


@coordinator_required
def invitation_list(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                invited_by=request.user, base_url=request.build_absolute_uri("/"), **form.cleaned_data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("accounts:invitations")
    page = paginate(request, Invitation.objects.select_related("invited_by", "person"))
    return render(request, "accounts/invitation_list.html", {"form": form, "page": page})


@public
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation, token=token)
    if not invitation.is_usable:
        return render(request, "accounts/invitation_expired.html", status=410)
    person = invitation.person
    initial = {"first_name": person.first_name, "last_name": person.last_name} if person else {}
    form = AcceptInvitationForm(request.POST or None, initial=initial, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation, first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"], password=form.cleaned_data["password1"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("home")
        login(request, user, backend="passerelle.accounts.backends.RoleBackend")
        messages.success(request, _("Welcome to Passerelle! Your account is ready."))
        return redirect("directory:my_profile")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})


password_reset = public(ThrottledPasswordResetView.as_view())


@member_required
def email_change_request(request: HttpRequest) -> HttpResponse:
    """The member's account: asks for a new sign-in address, confirmed from that address."""
    form = EmailChangeForm(request.POST or None)
    sent_to = ""
    if request.method == "POST" and form.is_valid():
        try:
            email_change.email_change_request(user=request.user, new_email=form.cleaned_data["email"],
                                              base_url=request.build_absolute_uri("/"))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            sent_to = form.cleaned_data["email"].strip().lower()
            form = EmailChangeForm()
    return render(request, "accounts/email_change.html", {"form": form, "sent_to": sent_to})


@member_required
def email_change_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = email_change.email_change_confirm(user=request.user, token=token)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": user.email})
    return redirect("accounts:email_change")


NEW_TOKEN_KEY = "accounts_new_api_token"


@member_required
def api_token_list(request: HttpRequest) -> HttpResponse:
    """The member's API tokens; a new one is shown once, on the page the creation leads to."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["expires_in"]
        expires_at = timezone.now() + timedelta(days=int(days)) if days else None
        try:
            new = api_tokens.token_create(user=request.user, name=form.cleaned_data["name"], expires_at=expires_at)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[NEW_TOKEN_KEY] = {"id": new.token.pk, "secret": new.secret}
            return redirect("accounts:api_tokens")
    shown = request.session.pop(NEW_TOKEN_KEY, None)
    return render(request, "accounts/api_tokens.html", {
        "form": form, "tokens": api_tokens.tokens_of(request.user), "new_secret": shown["secret"] if shown else "",
        "new_token_id": shown["id"] if shown else None, "max_tokens": api_tokens.MAX_ACTIVE_TOKENS,
    })


@member_required
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks to confirm (GET), then revokes (POST) one of the member's own tokens; others' are 404."""
    token = get_object_or_404(api_tokens.tokens_of(request.user), pk=pk, revoked_at__isnull=True)
    if request.method == "POST":
        api_tokens.token_revoke(token=token, actor=request.user)
        messages.success(request, _("The API token “%(name)s” is revoked: scripts using it are now refused.")
                         % {"name": token.name})
        return redirect("accounts:api_tokens")
    return render(request, "accounts/api_token_revoke.html", {"token": token})
