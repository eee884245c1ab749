from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("invitations/", views.invitation_list, name="invitations"),
    path("invitation/<str:token>/", views.invitation_accept, name="accept"),
    path("email/", views.email_change_request, name="email_change"),
    path("email/<str:token>/", views.email_change_confirm, name="email_change_confirm"),
    path("tokens/", views.api_token_list, name="api_tokens"),
    path("tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
