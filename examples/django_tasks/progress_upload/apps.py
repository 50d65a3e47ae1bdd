from django.apps import AppConfig


class ProgressUploadConfig(AppConfig):
    name = "progress_upload"
    default_auto_field = "django.db.models.BigAutoField"
