"""Pages built around one form that a service saves, and the status page of a workflow object.

Views stay thin: they build the form and say which service saves it; :func:`form_page` does the
HTTP part every such page shares (a valid POST calls the service, a ``ValidationError`` the
service raises is shown like the form's own errors, success is flashed and redirects, anything
else renders the page). :class:`StatusForm` and :func:`status_page` do the same for a move along a
workflow of ``core/workflow.py``: the moves offered are the workflow's, the history is its rows.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

Saver = Callable[[dict[str, Any]], Any]


def save_posted(request: HttpRequest, form: forms.BaseForm, save: Saver,
                formsets: Iterable[Any] = ()) -> tuple[bool, Any]:
    """On a POST with a valid ``form`` (and valid ``formsets``, the other parts of the page),
    ``save(form.cleaned_data)``; a ``ValidationError`` it raises goes on the form. Returns
    ``(True, what save returned)`` once saved, ``(False, None)`` otherwise."""
    if request.method != "POST" or not form.is_valid() or not all(f.is_valid() for f in formsets):
        return False, None
    try:
        return True, save(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False, None


PageContext = Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None


def form_page(request: HttpRequest, form: forms.BaseForm, template: str, context: PageContext = None,
              *, save: Saver, success: str | Callable[[Any], str], to: Any = None,
              formsets: Iterable[Any] = ()) -> HttpResponse:
    """The page of ``form``: once :func:`save_posted` has saved it, flash ``success`` (a sentence,
    or a function of what ``save`` returned) and redirect to ``to`` (what ``redirect`` takes, or a
    function of what ``save`` returned; by default what ``save`` returned); otherwise render
    ``template`` with ``form`` and ``context`` (a mapping, or a function giving it: then what the
    page shows besides the form is only read when the page is shown, after any save attempt)."""
    saved, result = save_posted(request, form, save, formsets)
    if saved:
        messages.success(request, success(result) if callable(success) else success)
        target = to(result) if callable(to) else to
        return redirect(result if target is None else target)
    extra = context() if callable(context) else context
    return render(request, template, {"form": form, **(extra or {})})


def edit_page(request: HttpRequest, form: forms.ModelForm, template: str, *, success: str,
              update: Callable[..., Any], related: Iterable[str]) -> HttpResponse:
    """The page of ``form``, editing its row: ``update`` (the service) saves it, given the asker as
    ``actor``, the row as the form left it (unsaved) under its model's name and the form's
    ``related`` values; then to what ``update`` returned. The template gets the row under its
    model's name."""
    name = form.instance._meta.model_name
    return form_page(request, form, template, {name: form.instance}, success=success,
                     save=lambda data: update(actor=request.user, **{name: form.save(commit=False)},
                                              **{field: data[field] for field in related}))


class StatusForm(forms.Form):
    """A move of ``obj`` along its workflow: the statuses a person may reach by hand from its
    current one (``as_member``: those a member who is not a coordinator may choose)."""

    to_status = forms.ChoiceField(label=gettext_lazy("New status"))

    def __init__(self, *args: Any, obj: Any, as_member: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = obj.workflow.choices(obj.status, as_member=as_member, by_hand=True)


def status_is_now(obj: Any) -> str:
    """The flash message after a move: the status ``obj`` has reached."""
    return _("The status is now “%(status)s”.") % {"status": obj.get_status_display()}


def status_page(request: HttpRequest, obj: Any, form: StatusForm, template: str,
                context: Mapping[str, Any] | None = None, *, move: Saver,
                success: str | Callable[[Any], str] | None = None) -> HttpResponse:
    """The status page of ``obj``: ``move(cleaned_data)`` calls its service, then back to ``obj``.
    The template gets ``obj`` under its model's name, the form, the history rows of its workflow
    and ``context``."""
    history = getattr(obj, obj.workflow.history).select_related("by")
    return form_page(request, form, template, {obj._meta.model_name: obj, "history": history, **(context or {})},
                     save=move, success=success or (lambda _moved: status_is_now(obj)), to=obj)


def confirm_page(request: HttpRequest, template: str, context: Mapping[str, Any], *, do: Callable[[], Any],
                 success: str | Callable[[Any], str], to: Any) -> HttpResponse:
    """A page that asks to confirm an action (a deletion, a submission…): a POST does ``do()``,
    flashes ``success`` (a sentence, or a function of what ``do`` returned) and redirects to ``to``;
    a ``ValidationError`` it raises (the action is refused) is flashed as an error, and back to ``to``
    all the same. Anything else shows ``template`` with ``context``."""
    if request.method == "POST":
        try:
            done = do()
        except ValidationError as error:
            flash_refusal(request, error)
        else:
            messages.success(request, success(done) if callable(success) else success)
        return redirect(to)
    return render(request, template, context)


def flash_refusal(request: HttpRequest, error: ValidationError) -> None:
    """A service's refusal (its ``ValidationError``) as an error message on the next page."""
    messages.error(request, " ".join(error.messages))
