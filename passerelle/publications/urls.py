from django.urls import path

from . import views

app_name = "publications"
urlpatterns = [
    path("me/", views.my_publications, name="mine"),
    path("harvest/", views.harvest_many, name="harvest_many"),
    path("<int:pk>/", views.publication_detail, name="detail"),
    path("people/<int:pk>/", views.person_publications, name="person"),
    path("people/<int:pk>/manage/", views.manage, name="manage"),
    path("people/<int:pk>/identifiers/", views.identifiers, name="identifiers"),
    path("people/<int:pk>/harvest/", views.harvest, name="harvest"),
    path("people/<int:pk>/doi/", views.add_doi, name="add_doi"),
    path("people/<int:pk>/file/", views.import_file, name="import_file"),
    path("links/<int:pk>/visibility/", views.link_visibility, name="link_visibility"),
    path("links/<int:pk>/remove/", views.link_remove, name="link_remove"),
]
