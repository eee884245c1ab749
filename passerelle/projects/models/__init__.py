"""Opportunities (collaboration ideas), joint projects and the cluster's support services.

Writes go through ``services.py``; reads that respect who may see what through ``selectors.py``.
"""
from .opportunity import Opportunity, OpportunityStatusChange

__all__ = ["Opportunity", "OpportunityStatusChange"]
