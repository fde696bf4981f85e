"""Finding (or making) the archive folder a story is stored in: Stories → year → month."""

from django.db import transaction
from django.utils import timezone

from dateline.newsroom.models import StoryArchivePage, StoryMonthPage, StoryYearPage


class ArchiveMissing(LookupError):
    pass


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
