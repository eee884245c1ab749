"""The review: coordinators assign reviewers (suggested by expertise, blocked by conflicts of
interest); reviewers see only their own assignments, score them or declare a conflict."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.permissions import coordinator_required, member_required

from .. import review, reviewers, selectors
from ..enums import CLOSED_BY_CONFLICT
from ..forms import AssignForm, ConflictForm, ConflictOnBehalfForm, ReviewForm
from ..models import Application, ConflictOfInterest, ReviewAssignment


@coordinator_required
def application_reviewers(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("call", "project"), pk=pk)
    form = AssignForm(request.POST or None, pool=reviewers.reviewer_pool().order_by("last_name", "first_name"))
    if request.method == "POST" and request.POST.get("remove"):
        assignment = get_object_or_404(application.assignments, pk=request.POST["remove"])
        try:
            review.unassign_reviewer(actor=request.user, assignment=assignment)
            messages.success(request, _("The reviewer has been removed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("funding:application_reviewers", pk=application.pk)
    if request.method == "POST" and form.is_valid():
        score = request.POST.get("score")
        try:
            review.assign_reviewer(actor=request.user, application=application,
                                   reviewer=form.cleaned_data["reviewer"],
                                   match_score=float(score) if score else None)
        except (ValidationError, ValueError) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else _("Invalid score."))
        else:
            messages.success(request, _("The reviewer is assigned and told by e-mail."))
            return redirect("funding:application_reviewers", pk=application.pk)
    return render(request, "funding/application_reviewers.html", {
        "application": application, "form": form,
        "assignments": application.assignments.select_related("reviewer"),
        "suggestions": reviewers.suggest_reviewers(application),
        "can_assign": application.status in review.REVIEWABLE,
    })


@coordinator_required
def application_conflicts(request: HttpRequest, pk: int) -> HttpResponse:
    """Conflicts of interest declared about this application; a coordinator records one on a
    reviewer's behalf (an open assignment of that reviewer to it is declined)."""
    application = get_object_or_404(Application.objects.select_related("call", "project"), pk=pk)
    form = ConflictOnBehalfForm(request.POST or None,
                                pool=reviewers.reviewer_pool().order_by("last_name", "first_name"))
    if request.method == "POST" and form.is_valid():
        try:
            review.declare_conflict(actor=request.user, reviewer=form.cleaned_data["reviewer"],
                                    application=application, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The conflict of interest is recorded for %(reviewer)s.") % {
                "reviewer": form.cleaned_data["reviewer"]})
            return redirect("funding:application_conflicts", pk=application.pk)
    declared = (ConflictOfInterest.objects.filter(application=application)
                .select_related("reviewer", "declared_by").order_by("-declared_at", "-pk"))
    return render(request, "funding/application_conflicts.html", {
        "application": application, "form": form, "declared": declared})


@member_required
def review_list(request: HttpRequest) -> HttpResponse:
    """A reviewer's own assignments, and nothing else."""
    return render(request, "funding/review_list.html", {"assignments": selectors.assignments_of(request.user)})


def visible_assignment(request: HttpRequest, pk: int) -> ReviewAssignment:
    """Only the reviewer (and coordinators) open an assignment; others get 404."""
    return get_object_or_404(selectors.review_queryset(request.user).prefetch_related(
        "scores", "application__documents", "application__amounts", "application__project__partners__person",
        "application__project__partners__organisation"), pk=pk)


@member_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = visible_assignment(request, pk)
    own = assignment.reviewer.user_id == request.user.pk
    form = ReviewForm(request.POST or None, assignment=assignment)
    if request.method == "POST" and own and form.is_valid():
        try:
            review.submit_review(actor=request.user, assignment=assignment, scores=form.scores(),
                                 comments=form.cleaned_data["comments"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your review has been saved. Thank you."))
            return redirect("funding:reviews")
    application = assignment.application
    return render(request, "funding/review_detail.html", {
        "assignment": assignment, "application": application, "form": form, "own": own,
        "open": own and assignment.status not in CLOSED_BY_CONFLICT and application.status == "under_review",
        # A reviewer whose assignment a conflict closed no longer reads the application.
        "show_application": not own or assignment.status not in CLOSED_BY_CONFLICT,
        "requested": selectors.totals_by_currency(application.amounts.all()),
    })


@member_required
def review_conflict(request: HttpRequest, pk: int) -> HttpResponse:
    """The reviewer declares a conflict of interest: the assignment is declined."""
    assignment = get_object_or_404(selectors.assignments_of(request.user), pk=pk)
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        review.declare_conflict(actor=request.user, reviewer=assignment.reviewer,
                                application=assignment.application, reason=form.cleaned_data["reason"])
        messages.success(request, _("The conflict of interest is recorded; the coordinators will assign someone "
                                    "else."))
        return redirect("funding:reviews")
    return render(request, "funding/review_conflict.html", {"assignment": assignment, "form": form})
