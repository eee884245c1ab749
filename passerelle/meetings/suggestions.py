"""Who to meet: the matching engine's suggestions among a session's participants, with reasons in
words (``passerelle.suggestions`` does the ranking, the visibility and the wording)."""
from __future__ import annotations

from typing import Any

from passerelle.directory.models import Person
from passerelle.suggestions.selectors import Suggestion, pair_suggestion, suggest_partners

from . import selectors
from .models import B2BSession

SUGGESTED = 8


def for_participant(session: B2BSession, person: Person, viewer: Any, k: int = SUGGESTED) -> list[Suggestion]:
    """The best partners for ``person`` among the people they may meet at this session (the other
    territory first, as the cooperation wants), best first."""
    candidates = selectors.people_to_meet(session=session, viewer=viewer, person=person)
    return suggest_partners(person, viewer=viewer, candidates=candidates, k=k)


def reasons_for(session: B2BSession, person: Person | None, partner: Person, viewer: Any) -> list[str]:
    """Why ``person`` and ``partner`` would gain from meeting (empty when the engine sees nothing)."""
    if person is None:
        return []
    found = pair_suggestion(person, partner, viewer=viewer)
    return list(found.reasons) if found else []
