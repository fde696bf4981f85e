"""Two editors saving the same story: the later one is told, and nothing is lost.

Wagtail already keeps every save as a revision, and refuses an autosave made from an outdated copy ("Saving will
overwrite a newer version.": the edit form carries `loaded_revision_id` and `loaded_revision_created_at`). A save
or publish from the buttons is not refused: the later editor's version becomes the latest revision while the
other editor's stays in the history. This hook tells the later editor so, naming who saved in between and linking
to the comparison of the two revisions, so that they can merge the other changes rather than silently drop them.
"""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks


def saved_in_between(request, page):
    """Revisions of page saved after the one this editor loaded and before the one this request just saved."""
    loaded_id = request.POST.get("loaded_revision_id", "")
    if not (loaded_id.isascii() and loaded_id.isdigit()):
        return []
    latest = page.get_latest_revision()
    if latest is None:
        return []
    return list(
        page.revisions.filter(pk__gt=int(loaded_id))
        .exclude(pk=latest.pk)
        .exclude(user=request.user)  # the editor's own autosaves
        .select_related("user")
        .order_by("created_at", "pk")
    )


@hooks.register("after_edit_page")
@hooks.register("after_publish_page")
def warn_about_edit_conflict(request, page):
    if request.method != "POST" or not request.accepts("text/html"):
        return None  # autosaves from an outdated copy are refused by Wagtail itself
    others = saved_in_between(request, page)
    if not others:
        return None
    names = sorted({str(revision.user) if revision.user else "someone" for revision in others})
    compare_url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, others[-1].pk, page.get_latest_revision().pk]
    )
    messages.warning(
        request,
        format_html(
            "{} saved this story after you opened it. Your version is now the latest; theirs is kept in the "
            'history. <a href="{}">Compare the two versions</a> to bring back anything of theirs you need.',
            ", ".join(names),
            compare_url,
        ),
    )
    return None
