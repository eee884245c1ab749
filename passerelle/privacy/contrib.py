"""Export and erasure parts of the apps written after the privacy app (see ``registry.py``).

Each part reads the app's own models; an app that is not installed contributes nothing.
"""
from __future__ import annotations
