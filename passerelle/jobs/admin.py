from django.contrib import admin

from passerelle.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "handler", "status", "done", "total", "created_by", "created_at", "finished_at")
    list_filter = ("status", "handler")
    search_fields = ("title", "handler", "target_id")
    readonly_fields = [field.name for field in Job._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
