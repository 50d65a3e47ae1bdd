from django.apps import AppConfig


class MultichannelConfig(AppConfig):
    name = "multichannel"
    default_auto_field = "django.db.models.BigAutoField"
