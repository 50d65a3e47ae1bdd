from django.apps import AppConfig


class MicroservicesConfig(AppConfig):
    name = "microservices"
    default_auto_field = "django.db.models.BigAutoField"
