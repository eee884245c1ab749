from django.urls import path, re_path

from .views import annual, dashboard, network, outcomes, proposals, public

app_name = "reports"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("refresh/", dashboard.refresh, name="refresh"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", dashboard.export, name="export"),
    path("figures/", public.figures, name="public"),
    path("network/", network.network_page, name="network"),
    path("annual/", annual.annual_index, name="annual_index"),
    path("annual/<int:year>/", annual.annual_report, name="annual"),
    path("outcomes/", outcomes.outcome_list, name="outcomes"),
    path("outcomes/new/", outcomes.outcome_create, name="outcome_create"),
    path("outcomes/<int:pk>/", outcomes.outcome_detail, name="outcome"),
    path("outcomes/<int:pk>/edit/", outcomes.outcome_edit, name="outcome_edit"),
    path("outcomes/<int:pk>/delete/", outcomes.outcome_delete, name="outcome_delete"),
    path("outcomes/proposals/", proposals.proposal_list, name="outcome_proposals"),
    path("outcomes/proposals/<int:pk>/confirm/", proposals.proposal_confirm, name="proposal_confirm"),
    path("outcomes/proposals/<int:pk>/dismiss/", proposals.proposal_dismiss, name="proposal_dismiss"),
]
