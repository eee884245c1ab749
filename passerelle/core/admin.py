from django.contrib import admin

from .models import CancerSite, CsoCategory, Language, Technique, UnsentEmail


@admin.register(CsoCategory)
class CsoCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_fr", "active"]
    list_filter = ["active"]
    search_fields = ["code", "title_en", "title_fr"]


@admin.register(CancerSite)
class CancerSiteAdmin(admin.ModelAdmin):
    list_display = ["icrp_code", "title_en", "title_fr", "icd10", "childhood_young_adult"]
    list_filter = ["childhood_young_adult", "not_otherwise_specified"]
    search_fields = ["title_en", "title_fr", "synonyms", "icd10"]


@admin.register(Technique)
class TechniqueAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_fr"]
    search_fields = ["code", "title_en", "title_fr"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_fr"]


@admin.register(UnsentEmail)
class UnsentEmailAdmin(admin.ModelAdmin):
    """Notifications that could not be sent: read-only, resent by ``manage.py mail_retry``."""

    list_display = ["subject", "created_at", "updated_at", "attempts"]
    search_fields = ["subject", "to"]
    readonly_fields = ["subject", "body", "from_email", "to", "attempts", "last_error", "created_at", "updated_at"]
    exclude = ["attachments"]

    def has_add_permission(self, request) -> bool:
        return False


class StatusChangeInline(admin.TabularInline):
    """The status history of an object, read-only: statuses move through their service only."""

    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "note", "by", "at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False
