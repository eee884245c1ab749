"""The home page of each role: what a visitor, a member and a coordinator need first.

It sits above every app (it reads from all of them, none reads from it)."""
