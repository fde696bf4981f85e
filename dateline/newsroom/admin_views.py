from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from dateline.newsroom.archive import ArchiveMissing, month_folder
from dateline.newsroom.models import ArticlePage


def new_story(request):
    """Open the editor for a new story in this month's archive folder (made on first use)."""
    if not request.user.has_perm("newsroom.add_articlepage") and not request.user.is_superuser:
        raise PermissionDenied
    try:
        folder = month_folder()
    except ArchiveMissing as exc:
        messages.error(request, str(exc))
        return redirect("wagtailadmin_home")
    model = ArticlePage._meta
    return redirect(reverse("wagtailadmin_pages:add", args=(model.app_label, model.model_name, folder.pk)))
