"""The full-text search table: FTS5 on SQLite, tsvector with GIN and trigram indexes on PostgreSQL.

It is not a Django model because its shape differs per database; interviewkit.search owns it.
"""

from django.db import migrations


def create(apps, schema_editor):
    from interviewkit.search import search_tables_create

    search_tables_create(schema_editor)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS search_question")


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
