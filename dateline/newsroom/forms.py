"""The story editor's form: the checks a desk runs before a story goes out."""

from wagtail.admin.forms import WagtailAdminPageForm

HEADLINE_MAX = 110
HEADLINE_WARN = 70
# Buttons that send a story towards readers: publish, submit for review, and workflow actions such as approve.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        headline = cleaned_data.get("title") or ""
        if len(headline) > HEADLINE_MAX:
            self.add_error("title", f"Headlines are at most {HEADLINE_MAX} characters; this one is {len(headline)}.")
        if any(self.data.get(action) for action in PUBLISHING_ACTIONS):
            for field, message in publishing_problems(cleaned_data, self.formsets.get("topic_links")):
                self.add_error(field, message)
        return cleaned_data


def publishing_problems(cleaned_data, topic_formset):
    """(field, message) pairs for what must be fixed before a story can be published."""
    problems = []
    if not (cleaned_data.get("title") or "").strip():
        problems.append(("title", "A story needs a headline."))
    if not cleaned_data.get("section"):
        problems.append(("section", "Choose the story's section before publishing."))
    if topic_formset is not None and not _has_topics(topic_formset):
        problems.append((None, "Add at least one topic before publishing (the first is the primary topic)."))
    image = cleaned_data.get("lead_image")
    if image is not None:
        if not (image.description or "").strip():
            problems.append(("lead_image", "The lead image needs alt text: add a description to the image."))
        if not (cleaned_data.get("lead_image_caption") or image.caption):
            problems.append(("lead_image_caption", "The lead image needs a caption."))
        if not (cleaned_data.get("lead_image_credit") or image.credit):
            problems.append(("lead_image_credit", "The lead image needs a credit."))
    return problems


def _has_topics(formset):
    formset.is_valid()  # the page form is cleaned before its inline formsets; clean them now
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("topic") and not data.get("DELETE"):
            return True
    return False
