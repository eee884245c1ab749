"""Impact: outcomes of projects traced back to their origin, indicators by year and territory,
the coordinators' dashboard, the collaboration network, public figures, exports and the API."""
