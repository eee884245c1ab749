"""The home page: one URL, what the reader needs first by role (``selectors.home_for``)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passerelle.core.permissions import public

from .selectors import home_for


@public
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"home": home_for(request.user)})
