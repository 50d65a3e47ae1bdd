from django.apps import AppConfig


class AccountsBackendConfig(AppConfig):
    name = "accounts_backend"
    default_auto_field = "django.db.models.BigAutoField"
