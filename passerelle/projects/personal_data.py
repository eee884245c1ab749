"""Personal data held by projects (``passerelle/core/personal_data.py``): the opportunities and
projects a person takes part in are exported and kept on erasure (the reports count them; they
point to the anonymised profile)."""
from passerelle.core.personal_data import declare, not_personal

from . import models

ORDER = 32

declare(models.Opportunity, person=("people",), order=ORDER)
not_personal(models.OpportunityStatusChange, "names the account that moved an opportunity's status (its history)")
not_personal(models.Project, "names the account that created the project")
declare(models.ProjectPartner, person=("person",), order=ORDER)
not_personal(models.ProjectStatusChange, "names the account that moved a project's status (its history)")
not_personal(models.SupportService, "names the cluster's contact for a support service")
not_personal(models.ServiceRequest, "names the accounts that asked for and follow a support request, kept with the "
                                    "project's history; the account itself is closed and anonymised on erasure")
not_personal(models.ServiceRequestNote, "names the account that wrote a note in a support request's thread")
