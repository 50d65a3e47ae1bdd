from django.apps import AppConfig


class RequestlogConfig(AppConfig):
    name = "requestlog"
    default_auto_field = "django.db.models.BigAutoField"
