"""Invitation pages: coordinators invite; the invited person sets a password and signs in."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.permissions import coordinator_required, public
from passerelle.directory.views.listing import paginate

from . import services
from .forms import AcceptInvitationForm, InvitationForm
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
