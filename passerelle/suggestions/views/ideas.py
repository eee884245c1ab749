"""Find partners for an idea: a pasted project summary → ranked people and organisations."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passerelle.core.permissions import member_required
from passerelle.directory.models import Person

from .. import selectors
from ..forms import IdeaForm


@member_required
def idea(request: HttpRequest) -> HttpResponse:
    me = Person.objects.filter(user=request.user).first()
    home = me.territory if me else ""
    form = IdeaForm(request.POST or None, home_territory=home)
    results = None
    if request.method == "POST" and form.is_valid():
        results = selectors.suggest_for_idea(viewer=request.user, **form.idea())
        # Shown again with the recognised tags as applied: ticked chips the person may untick.
        form = IdeaForm(form.reviewed_data(), home_territory=home)
    return render(request, "suggestions/idea.html", {"form": form, "results": results})
