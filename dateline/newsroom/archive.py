"""Finding (or making) the archive folder a story is stored in: Stories → year → month."""

from django.db import connection, transaction
from django.utils import timezone

from dateline.newsroom.models import StoryArchivePage, StoryMonthPage, StoryYearPage

# A bulk write of this many stories or more refreshes the planner's statistics when it ends.
BULK_STATISTICS_THRESHOLD = 1000


class ArchiveMissing(LookupError):
    pass


def refresh_planner_statistics():
    """ANALYZE after a bulk write of stories. The database plans each query from its statistics; straight after
    tens of thousands of stories arrive they still describe the empty archive (on PostgreSQL, 42 stories estimated
    for a section that held 30,914), and the admin's filtered listings took 150-220 ms in the database instead of
    2-3 ms until autovacuum caught up. Three seconds at 100,000 stories on PostgreSQL."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "sqlite":
            correct_sqlite_statistics(cursor)


def correct_sqlite_statistics(cursor):
    """Two corrections to what SQLite's ANALYZE records, each of which misled its planner at 100,000 stories.

    Empty tables are left out, and the planner takes a table it has no figures for to hold a million rows:
    Wagtail's query for view restrictions (none) walked all 100,000 pages to join them (10 ms on every admin
    page); recorded as one row, such a table comes first in a join (0.05 ms).

    A column that is NULL in every row (`alias_of_id` of the pages) is counted as one value shared by all rows,
    so its index looks useless: publishing looked up a story's aliases by walking every page in path order
    (41 ms of the 105 ms an editor's publish took). A lookup by a value finds nothing there: one row each.
    """
    cursor.execute(
        "INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT name, NULL, '1' FROM sqlite_master "
        "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (SELECT tbl FROM sqlite_stat1)"
    )
    cursor.execute("SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IS NOT NULL")
    for table, index, stat in cursor.fetchall():
        counts = stat.split()
        if len(counts) != 2 or counts[0] != counts[1] or counts[0] == "1":
            continue
        columns = cursor.execute(f'PRAGMA index_info("{index}")').fetchall()
        if len(columns) != 1 or columns[0][2] is None:
            continue
        column = columns[0][2]
        cursor.execute(f'SELECT 1 FROM "{table}" WHERE "{column}" IS NOT NULL LIMIT 1')  # noqa: S608  # nosec B608
        if cursor.fetchone() is None:
            cursor.execute(
                "UPDATE sqlite_stat1 SET stat = %s WHERE tbl = %s AND idx = %s", [f"{counts[0]} 1", table, index]
            )
    cursor.execute("ANALYZE sqlite_master")  # the planner reloads the statistics (it reads them once otherwise)


def story_archive(site=None):
    archives = StoryArchivePage.objects.all()
    if site is not None:
        archives = archives.descendant_of(site.root_page)
    archive = archives.order_by("path").first()
    if archive is None:
        raise ArchiveMissing("No story archive page exists; run `manage.py load_demo` or add one under the home page")
    return archive


@transaction.atomic
def month_folder(when=None, archive=None):
    """The month folder for a date, creating the year and month folders (published) when missing."""
    when = timezone.localtime(when or timezone.now())
    archive = archive or story_archive()
    year = _child_folder(archive, StoryYearPage, f"{when:%Y}", f"{when:%Y}")
    return _child_folder(year, StoryMonthPage, f"{when:%m}", f"{when:%B %Y}")


def _child_folder(parent, model, slug, title):
    folder = model.objects.child_of(parent).filter(slug=slug).first()
    if folder is None:
        folder = parent.add_child(instance=model(title=title, slug=slug, live=True))
    return folder
