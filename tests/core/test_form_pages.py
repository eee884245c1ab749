"""``form_page``: what the page shows besides the form, given as a function, is read only when the
page is shown (after the save attempt), never on a successful save."""
from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from passerelle.core.form_pages import form_page


class NameForm(forms.Form):
    name = forms.CharField()


def _post(data):
    request = RequestFactory().post("/somewhere/", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.parametrize("refuse", [False, True])
def test_a_context_function_is_read_only_when_the_page_is_shown(refuse):
    reads, saved = [], []

    def save(data):
        if refuse:
            raise ValidationError("Refused by the service.")
        saved.append(data["name"])
        return "/done/"

    def context():
        reads.append(list(saved))  # what had been saved when the page's facts were read
        return {"facts": "read"}

    request = _post({"name": "Ada"})
    response = form_page(request, NameForm(request.POST), "includes/post_form.html", context,
                         save=save, success="Saved.")

    if refuse:
        assert (response.status_code, reads, saved) == (200, [[]], [])
        assert b"Refused by the service." in response.content
    else:
        assert (response.status_code, response["Location"], reads, saved) == (302, "/done/", [], ["Ada"])
