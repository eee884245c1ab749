from django.urls import path

from .views import opportunities, projects, support

app_name = "projects"
urlpatterns = [
    path("", projects.project_list, name="projects"),
    path("new/", projects.project_create, name="project_create"),
    path("<int:pk>/", projects.project_detail, name="project"),
    path("<int:pk>/edit/", projects.project_edit, name="project_edit"),
    path("<int:pk>/partners/", projects.project_partners, name="project_partners"),
    path("<int:pk>/status/", projects.project_status, name="project_status"),
    path("opportunities/", opportunities.opportunity_list, name="opportunities"),
    path("opportunities/new/", opportunities.opportunity_create, name="opportunity_create"),
    path("opportunities/<int:pk>/", opportunities.opportunity_detail, name="opportunity"),
    path("opportunities/<int:pk>/edit/", opportunities.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/status/", opportunities.opportunity_status, name="opportunity_status"),
    path("opportunities/<int:pk>/project/", opportunities.opportunity_make_project, name="opportunity_project"),
    path("services/", support.service_list, name="services"),
    path("services/<slug:slug>/", support.service_detail, name="service"),
    path("services/<slug:slug>/request/", support.service_request_create, name="service_request_create"),
    path("requests/", support.service_request_list, name="service_requests"),
    path("requests/<int:pk>/", support.service_request_detail, name="service_request"),
]
