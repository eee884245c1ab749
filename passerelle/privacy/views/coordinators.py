"""Coordinators' pages: a person's consents and data, erasure requests and their execution,
retention reviews."""
from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.pagination import paginate
from passerelle.core.permissions import coordinator_required
from passerelle.directory.models import Person

from .. import export, registry, selectors, services
from ..enums import ConsentPurpose, ErasureStatus
from ..forms import ErasureConfirmForm, RecordConsentForm
from ..models import ConsentRecord, RetentionFlag


@coordinator_required
def erasure_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in ErasureStatus.values else ""
    page = paginate(request, selectors.erasure_requests(status))
    return render(request, "privacy/erasure_list.html", {
        "page": page, "status": status, "statuses": ErasureStatus.choices,
        "pending_count": selectors.erasure_requests(ErasureStatus.PENDING).count(),
    })


@coordinator_required
def person_privacy(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = RecordConsentForm(request.POST if request.method == "POST" else None, initial={"at": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        at = timezone.make_aware(datetime.combine(data["at"], time(12)))
        services.consent_record(actor=request.user, person=person, purpose=data["purpose"], given=data["given"],
                                method=data["method"], note=data["note"], at=at)
        messages.success(request, _("The consent has been recorded."))
        return redirect("privacy:person", pk=person.pk)
    return render(request, "privacy/person.html", {
        "person": person, "form": form, "erased": selectors.is_erased(person),
        "consents": [(ConsentPurpose(purpose).label, record)
                     for purpose, record in selectors.current_consents(person).items()],
        "history": ConsentRecord.objects.filter(person=person).select_related("recorded_by"),
        "requests": person.erasure_requests.all(),
    })


@coordinator_required
def person_data_json(request: HttpRequest, pk: int) -> HttpResponse:
    return export.json_response(get_object_or_404(Person, pk=pk))


@coordinator_required
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("user"), pk=pk)
    if selectors.is_erased(person):
        messages.info(request, _("This profile has already been erased."))
        return redirect("privacy:person", pk=person.pk)
    form = ErasureConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_erase(actor=request.user, person=person)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The personal data has been erased; an anonymous record #%(pk)s remains "
                                        "for the figures.") % {"pk": person.pk})
            return redirect("privacy:erasures")
    data = export.person_data(person)
    return render(request, "privacy/person_erase.html", {
        "person": person, "form": form, "pending": selectors.pending_request(person),
        "apps": [(label, _count_items(data.get(label, {}))) for label in registry.registered_labels()],
    })


def _count_items(content: dict) -> int:
    return sum(len(value) if isinstance(value, list) else 1 for value in content.values())


@coordinator_required
def retention(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        flagged = services.flag_inactive_profiles()
        messages.success(request, _("%(count)d profiles newly flagged for review.") % {"count": flagged})
        return redirect("privacy:retention")
    return render(request, "privacy/retention.html", {
        "page": paginate(request, selectors.open_flags()),
        "cutoff": selectors.retention_cutoff(),
    })


@coordinator_required
def retention_keep(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep a flagged profile (after checking with the person): a confirmation page, then POST."""
    flag = get_object_or_404(RetentionFlag.objects.select_related("person"), pk=pk)
    if request.method != "POST":
        return render(request, "privacy/retention_keep.html", {"flag": flag})
    try:
        services.retention_keep(actor=request.user, flag=flag)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s is kept; the profile will be reviewed again after another period.")
                         % {"name": flag.person.full_name})
    return redirect("privacy:retention")
