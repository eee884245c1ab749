"""Opportunities (collaboration ideas), joint projects and the cluster's support services.

Writes go through ``services.py``; reads that respect who may see what through ``selectors.py``.
"""
from .opportunity import Opportunity, OpportunityStatusChange
from .project import Project, ProjectPartner, ProjectStatusChange
from .support import ServiceRequest, ServiceRequestNote, SupportService

__all__ = ["Opportunity", "OpportunityStatusChange", "Project", "ProjectPartner", "ProjectStatusChange",
           "ServiceRequest", "ServiceRequestNote", "SupportService"]
