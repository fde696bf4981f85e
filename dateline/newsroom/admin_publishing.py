"""Creating and publishing a story from the admin's editor without the work Wagtail repeats.

Wagtail's create view, asked to publish, validates the new page four times (the form, then `full_clean` again in
`add_child`, in `save_revision` and in the publication's save: about nine queries each, most of them checking that
foreign keys such as the owner and the content type exist), rebuilds the page it has just saved from the
revision's JSON to publish it (seven more queries, and the StreamField parsed again), asks three times whether the
story is a site's root page, and reads the page back from the database afterwards. `StoryCreateView` publishes
the page the form validated, with Wagtail's own publication action, so the revision, the log entries, the
`page_published` signal and the hooks are exactly Wagtail's; only the repetitions are gone.
"""

from contextlib import contextmanager

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.admin import messages
from wagtail.admin.views.pages.create import CreateView
from wagtail.permissions import policy_registry


class PublishStoryAction(PublishPageRevisionAction):
    """Wagtail's publication of a revision, given the page the revision was just saved from.

    Wagtail's action rebuilds the page from the revision (`revision.as_object()`); for a revision made a moment
    ago from `page`, in the same request, that is a copy of `page`.
    """

    def __init__(self, revision, page, user=None):
        self.instance = page  # BaseAction's attributes, then PublishRevisionAction's, without as_object()
        self.user = user
        self.revision = revision
        self.object = page
        self.permission_policy = policy_registry.get(page)
        self.changed = True
        self.log_action = True
        self.previous_revision = None


@contextmanager
def validated_once(page):
    """While this lasts, the page's saves skip `full_clean`: the create form has just validated it.

    Wagtail's `Page.save()` validates a live page on every save and offers `clean=False` only to its direct
    callers, not through `add_child` or the publication action; an instance attribute shadows the method.
    """
    page.full_clean = _already_validated
    try:
        yield page
    finally:
        del page.full_clean


def _already_validated(*args, **kwargs):
    return None


class StoryCreateView(CreateView):
    """The create view of stories: "Publish" publishes the validated page once (see the module's docstring)."""

    def publish_action(self):
        self.page = self.form.save(commit=False)
        # A story lives in a month folder and is never a site's root (Wagtail's own annotation for this check).
        self.page._is_site_root = False
        with validated_once(self.page):
            self.parent_page.add_child(instance=self.page)
            self.set_default_privacy_setting()
            revision = self.page.save_revision(user=self.request.user, log_action=True, clean=False)
            self.subscription.page = self.page
            self.subscription.save()

            response = self.run_hook("before_publish_page", self.request, self.page)
            if response:
                return response
            # The same instance is published, so it already holds what the publication changed (no re-read).
            PublishStoryAction(revision, self.page, user=self.request.user).execute()

        response = self.run_hook("after_publish_page", self.request, self.page)
        if response:
            return response

        if self.page.go_live_at and self.page.go_live_at > timezone.now():
            messages.success(
                self.request,
                _("Page '%(page_title)s' created and scheduled for publishing.")
                % {"page_title": self.page.get_admin_display_title()},
                buttons=[self.get_edit_message_button()],
            )
        else:
            buttons = []
            if self.page.url is not None:
                buttons.append(self.get_view_live_message_button())
            buttons.append(self.get_edit_message_button())
            messages.success(
                self.request,
                _("Page '%(page_title)s' created and published.") % {"page_title": self.page.get_admin_display_title()},
                buttons=buttons,
            )

        response = self.run_hook("after_create_page", self.request, self.page)
        if response:
            return response
        return self.redirect_away()
