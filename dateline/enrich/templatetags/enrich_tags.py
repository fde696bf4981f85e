from django import template

from dateline.enrich.related import related_for

register = template.Library()


@register.simple_tag
def related_stories(page, limit=None):
    """{% related_stories page as related %}: the story's stored related stories (pins first, exclusions honoured).
    Reads what was computed when the stories were published; computes nothing."""
    if page is None or not getattr(page, "pk", None):
        return []
    return related_for(page, limit)
