"""An index on Wagtail's page table for the admin's "most recently changed first" lists (Stories, the explorer of
a month folder, the admin search): without it each page of those lists sorts every page of the archive."""

from django.db import migrations

INDEX = "newsroom_page_newest_change"


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0005_widen_story_source"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (latest_revision_created_at DESC, id DESC)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
