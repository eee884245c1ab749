from django.contrib import admin

from .models import CancerSite, CsoCategory, Language, Technique


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
