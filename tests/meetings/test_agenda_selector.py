"""One agenda query: the person's page, the calendars and the API all read ``agenda_meetings``."""
from __future__ import annotations

import pytest

from passerelle.meetings import selectors

from .factories import make_request, place, publish

pytestmark = pytest.mark.django_db


def test_the_agenda_holds_announced_meetings_and_drafts_only_on_request(world):
    announced = place(world.session, make_request(world.session, world.lea, world.marc), 1, 1)
    publish(world.session)
    draft = place(world.session, make_request(world.session, world.lea, world.paul), 2)
    assert list(selectors.agenda_meetings(world.lea, seen_by=world.lea.user)) == [announced]
    assert list(selectors.agenda_meetings(world.lea, session=world.session)) == [announced]
    assert set(selectors.agenda_meetings(world.lea, session=world.session, include_drafts=True)) == {announced, draft}
    assert [m.pk for m in selectors.agenda_of(world.session, world.lea)] == [announced.pk]
    assert list(selectors.agenda_meetings(world.ines, seen_by=world.lea.user)) == []
