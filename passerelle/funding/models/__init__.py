"""Funding programmes, their calls (with the rules as data and the review criteria), applications
with their amounts per currency and documents, and the review (assignments, scores, conflicts).

Writes go through ``services.py`` (and ``review.py``); reads through ``selectors.py``.
"""
from .application import Application, ApplicationAmount, ApplicationDocument, ApplicationStatusChange
from .programme import Call, CallRule, Programme, ReviewCriterion
from .review import ConflictOfInterest, ReviewAssignment, ReviewScore

__all__ = ["Application", "ApplicationAmount", "ApplicationDocument", "ApplicationStatusChange", "Call",
           "CallRule", "ConflictOfInterest", "Programme", "ReviewAssignment", "ReviewCriterion", "ReviewScore"]
