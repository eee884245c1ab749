"""Writes of bilateral meetings, one module per use-case family, one transaction per use case:
``sessions`` (the grid and the session's status), ``requests`` (send, answer, cancel, expire),
``schedule`` (apply a scheduler run, move, place, lock, publish), ``feedback``. Everything that
touches a schedule runs under ``locking.lock_session`` and re-checks ``rules`` there."""
