from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from dateline.newsroom.archive import ArchiveMissing, month_folder, story_archive
from dateline.newsroom.models import ArticlePage


def new_story(request):
    """Open the editor for a new story in this month's archive folder (made on first use)."""
    try:
        archive = story_archive()
    except ArchiveMissing as exc:
        messages.error(request, str(exc))
        return redirect("wagtailadmin_home")
    # Page permissions live on the tree (the Reporter group may add pages under Home), not on the model.
    if not archive.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    folder = month_folder(archive=archive)
    model = ArticlePage._meta
    return redirect(reverse("wagtailadmin_pages:add", args=(model.app_label, model.model_name, folder.pk)))
