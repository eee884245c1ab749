from django.contrib import admin

from passerelle.jobs.models import Job, PeriodicRun, WorkerBeat


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        return [field.name for field in self.model._meta.fields]


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ("title", "handler", "status", "done", "total", "attempts", "created_by", "created_at",
                    "finished_at")
    list_filter = ("status", "handler")
    search_fields = ("title", "handler", "target_id", "worker_id")


@admin.register(WorkerBeat)
class WorkerBeatAdmin(ReadOnlyAdmin):
    list_display = ("worker_id", "started_at", "last_seen_at", "current_job")


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin):
    list_display = ("name", "next_due", "last_claimed_at", "last_worker", "last_job")
