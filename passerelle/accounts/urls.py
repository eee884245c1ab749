from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("invitations/", views.invitation_list, name="invitations"),
    path("invitation/<str:token>/", views.invitation_accept, name="accept"),
    path("email/", views.email_change_request, name="email_change"),
    path("email/<str:token>/", views.email_change_confirm, name="email_change_confirm"),
]
