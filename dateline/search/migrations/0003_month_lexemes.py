from django.db import migrations

# The same lexeme as dateline.search.models.month_lexeme, computed in the database for the rows already there.
ADD_MONTHS = """
UPDATE dateline_search_storydocument
SET document = document || array_to_tsvector(ARRAY['~' || to_char(published_at AT TIME ZONE 'UTC', 'YYYYMM')])
WHERE published_at IS NOT NULL
"""


def add_month_lexemes(apps, schema_editor):
    """Mark each stored document with its month of publication (PostgreSQL only: the table is unused elsewhere)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD_MONTHS)


class Migration(migrations.Migration):
    dependencies = [("dateline_search", "0002_section_index")]

    operations = [migrations.RunPython(add_month_lexemes, migrations.RunPython.noop)]
