from django.apps import AppConfig


class CsvImportConfig(AppConfig):
    name = "csv_import"
    default_auto_field = "django.db.models.BigAutoField"
