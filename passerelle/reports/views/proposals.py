"""Publications proposed as outcomes of joint projects: the coordinators' list, and the page that
confirms (the outcome is recorded) or dismisses (never proposed again) one of them."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.pagination import paginate
from passerelle.core.permissions import coordinator_required

from .. import selectors, services
from ..enums import ProposalStatus
from ..models import OutcomeProposal


@coordinator_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", ProposalStatus.PROPOSED)
    if status not in ProposalStatus.values:
        status = ProposalStatus.PROPOSED
    page = paginate(request, selectors.proposal_list(status=status))
    signers = selectors.proposal_signers(list(page.object_list))
    return render(request, "reports/proposal_list.html", {
        "page": page, "rows": [(proposal, signers[proposal.pk]) for proposal in page.object_list],
        "status": status, "statuses": ProposalStatus.choices, "page_query": f"status={status}",
    })


def _decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    """A page that says what the decision does, then (POST) the decision."""
    proposal = get_object_or_404(OutcomeProposal.objects.select_related("project", "publication"), pk=pk,
                                 status=ProposalStatus.PROPOSED)
    if request.method == "POST":
        try:
            if decision == ProposalStatus.CONFIRMED:
                outcome = services.proposal_confirm(actor=request.user, proposal=proposal)
                messages.success(request, _("The publication was recorded as an outcome of the project."))
                return redirect(outcome)
            services.proposal_dismiss(actor=request.user, proposal=proposal)
            messages.success(request, _("The proposal was dismissed; it will not be made again."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("reports:outcome_proposals")
    return render(request, "reports/proposal_decide.html", {
        "proposal": proposal, "decision": decision, "work": proposal.publication,
        "signers": selectors.proposal_signers([proposal])[proposal.pk],
    })


@coordinator_required
def proposal_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, ProposalStatus.CONFIRMED)


@coordinator_required
def proposal_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, ProposalStatus.DISMISSED)
