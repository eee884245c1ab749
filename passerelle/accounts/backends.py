"""Coordinators hold every permission (they manage everything, the admin included)."""
from django.contrib.auth.backends import ModelBackend


class RoleBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        # Addresses are stored in lower case: "Ada@Example.org" signs in as "ada@example.org".
        if username is not None:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        if user_obj.is_active and getattr(user_obj, "is_coordinator", False):
            return True
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label) -> bool:
        if user_obj.is_active and getattr(user_obj, "is_coordinator", False):
            return True
        return super().has_module_perms(user_obj, app_label)
