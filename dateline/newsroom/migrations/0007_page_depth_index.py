"""An index on Wagtail's page table by depth: the tree's top levels (the sites' home pages, the root) are looked up
by depth, which without it reads every page of the archive (35-43 ms at 100,000 stories on PostgreSQL)."""

from django.db import migrations

INDEX = "newsroom_page_depth"


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0006_page_newest_change_index"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
