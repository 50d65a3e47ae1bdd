"""Read-only admin: the bank is edited as files in content/, never in the database."""

from django.contrib import admin

from .models import Category, Question


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Category)
class CategoryAdmin(ReadOnlyAdmin):
    list_display = ["id", "title", "order"]


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ["id", "category", "level", "kind", "minutes"]
    list_filter = ["category", "level", "kind"]
    search_fields = ["id", "question"]
    exclude = ["body_html", "short_answer_html", "question_html", "toc"]
