"""Suggested partners: the web side of the matching engine (adapter, index, pages, API, event jobs)."""
