"""A member's own data: see it, download it, set their consents, ask for its erasure."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.core.permissions import member_required

from .. import export, parts, selectors, services
from ..enums import ConsentMethod
from ..forms import ErasureRequestForm, MyConsentsForm


@member_required
def my_data(request: HttpRequest) -> HttpResponse:
    person = selectors.person_for(request.user)
    form = None
    if person is not None:
        form = MyConsentsForm(request.POST if request.method == "POST" else None,
                              current=selectors.current_consents(person))
        if request.method == "POST" and form.is_valid():
            changed = services.consents_update(actor=request.user, person=person, choices=form.choices(),
                                               method=ConsentMethod.WEB)
            messages.success(request, _("Your choices have been recorded.") if changed
                             else _("Nothing changed in your choices."))
            return redirect("privacy:my_data")
    data = export.person_data(person) if person is not None else {}
    account = parts.export_account_of_user(request.user) if person is None else {}
    return render(request, "privacy/my_data.html", {
        "person": person, "form": form, "sections": export.readable_sections(data),
        "account": export.readable_pairs(account.get("account", {})), "pending": selectors.pending_request(person),
    })


@member_required
def my_data_json(request: HttpRequest) -> HttpResponse:
    person = selectors.person_for(request.user)
    if person is None:
        raise Http404
    return export.json_response(person)


@member_required
def erasure_request(request: HttpRequest) -> HttpResponse:
    person = selectors.person_for(request.user)
    if person is None:
        raise Http404
    form = ErasureRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erasure_request_create(actor=request.user, person=person, reason=form.cleaned_data["reason"],
                                            base_url=request.build_absolute_uri("/"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your request has been sent to the coordinators. They will erase your "
                                        "data within one month and tell you when it is done."))
        return redirect("privacy:my_data")
    return render(request, "privacy/erasure_request.html", {"form": form, "person": person,
                                                             "pending": selectors.pending_request(person)})


@member_required
@require_POST
def erasure_withdraw(request: HttpRequest) -> HttpResponse:
    pending = selectors.pending_request(selectors.person_for(request.user))
    if pending is None:
        raise Http404
    services.erasure_request_withdraw(actor=request.user, request=pending)
    messages.success(request, _("Your request to be erased has been withdrawn."))
    return redirect("privacy:my_data")
