"""Publication tests read pages and messages in English."""
from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield
