from django.contrib import admin

from .models import Authorship, HarvestState, PersonPublication, Publication


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    raw_id_fields = ("person",)


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ("title", "year", "venue", "doi")
    list_filter = ("work_type", "year")
    search_fields = ("title", "doi", "pmid", "hal_id")
    inlines = [AuthorshipInline]


@admin.register(PersonPublication)
class PersonPublicationAdmin(admin.ModelAdmin):
    list_display = ("person", "publication", "hidden", "origin")
    list_filter = ("hidden", "origin")
    raw_id_fields = ("person", "publication")


@admin.register(HarvestState)
class HarvestStateAdmin(admin.ModelAdmin):
    list_display = ("person", "source", "last_success_at", "works_seen", "last_error")
    list_filter = ("source",)
    raw_id_fields = ("person",)
