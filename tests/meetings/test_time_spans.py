"""Windows and breaks of a session end strictly after they start (``TimeSpan.clean``)."""
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from passerelle.meetings.models import SessionBreak, SessionWindow

START = datetime(2027, 1, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize("model", [SessionWindow, SessionBreak])
def test_a_span_that_ends_when_it_starts_is_refused_on_its_end(model):
    with pytest.raises(ValidationError) as refused:
        model(start=START, end=START).clean()
    assert refused.value.message_dict == {"end": ["The end must come after the start."]}


@pytest.mark.parametrize("model", [SessionWindow, SessionBreak])
def test_a_span_that_ends_later_or_lacks_a_moment_passes(model):
    model(start=START, end=START.replace(hour=11)).clean()
    model(start=None, end=START).clean()
