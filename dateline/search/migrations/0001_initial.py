import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

GIN_INDEXES = [("storydocument_headline_gin", "headline"), ("storydocument_document_gin", "document")]


def create_gin_indexes(apps, schema_editor):
    """GIN indexes on the two tsvector columns; PostgreSQL only (the table stays unused on SQLite)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in GIN_INDEXES:
        schema_editor.execute(f"CREATE INDEX {name} ON dateline_search_storydocument USING gin ({column})")


def drop_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in GIN_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    initial = True

    dependencies = [("newsroom", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="StoryDocument",
            fields=[
                (
                    "story",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="newsroom.articlepage",
                    ),
                ),
                ("published_at", models.DateTimeField(null=True)),
                ("section_id", models.IntegerField(null=True)),
                ("embargoed_until", models.DateTimeField(null=True)),
                ("headline", django.contrib.postgres.search.SearchVectorField()),
                ("document", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={"indexes": [models.Index(fields=["published_at"], name="storydocument_published")]},
        ),
        migrations.RunPython(create_gin_indexes, drop_gin_indexes),
    ]
