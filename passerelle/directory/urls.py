from django.urls import path, register_converter

from .models import Organisation, Person
from .views import imports, organisations, people, records


class ExportFormat:
    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormat, "fmt")

app_name = "directory"
urlpatterns = [
    path("people/", people.person_list, name="people"),
    path("people/export.<fmt:fmt>", people.person_export, name="people_export"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_detail, name="person"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", records.delete, {"model": Person}, name="person_delete"),
    path("people/<int:pk>/history/", records.history, {"model": Person}, name="person_history"),
    path("me/", people.my_profile, name="my_profile"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/export.<fmt:fmt>", organisations.organisation_export, name="organisations_export"),
    path("organisations/new/", organisations.organisation_edit, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/delete/", records.delete, {"model": Organisation}, name="organisation_delete"),
    path("organisations/<int:pk>/history/", records.history, {"model": Organisation},
         name="organisation_history"),
    path("imports/", imports.import_list, name="imports"),
    path("imports/new/", imports.import_upload, name="import_upload"),
    path("imports/<int:pk>/mapping/", imports.import_mapping, name="import_mapping"),
    path("imports/<int:pk>/", imports.import_preview, name="import_preview"),
    path("imports/<int:pk>/rows/<int:row>/merge/", imports.import_merge, name="import_merge"),
]
