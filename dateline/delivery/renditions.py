"""Lead-image renditions made when a story is published or changed, so that no reader's request pays for them.

The sizes and formats live in the templates that show them (`newsroom/includes/lead_image.html` on the story
page, `card_image.html` on story cards): rendering those includes here creates exactly the renditions the pages
will ask for (Wagtail stores each one once), and nothing has to be kept in step by hand.
"""

from django.template.loader import render_to_string

# (template, extra context) for every way a lead image is shown.
LEAD_IMAGE_USES = (
    ("newsroom/includes/lead_image.html", {}),
    ("newsroom/includes/card_image.html", {"size": "lead"}),
    ("newsroom/includes/card_image.html", {"size": ""}),
)


def head_filter_specs():
    """Renditions a story page names in its head: the share image of OpenGraph, Twitter cards and JSON-LD."""
    try:
        from dateline.syndication.stories import SHARE_IMAGE_FILTER
    except ImportError:  # a project without syndication
        return []
    return [SHARE_IMAGE_FILTER]


def render_lead_image(image):
    """Create every rendition of this image that story pages and cards use; returns how many it has."""
    for template, context in LEAD_IMAGE_USES:
        render_to_string(template, {"image": image, **context})
    if specs := head_filter_specs():
        image.get_renditions(*specs)
    return image.renditions.count()
