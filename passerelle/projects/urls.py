from django.urls import path

from .views import opportunities

app_name = "projects"
urlpatterns = [
    path("opportunities/", opportunities.opportunity_list, name="opportunities"),
    path("opportunities/<int:pk>/", opportunities.opportunity_detail, name="opportunity"),
]
