from django import template

from dateline.enrich.related import related_for
from dateline.enrich.topics import topic_overview as overview_of

register = template.Library()


@register.simple_tag
def related_stories(page, limit=None, shown=None):
    """{% related_stories page shown=read_more as related %}: the story's stored related stories (pins first,
    exclusions honoured, none of the `shown` stories). Reads what was computed when the stories were published;
    computes nothing."""
    if page is None or not getattr(page, "pk", None):
        return []
    return related_for(page, limit, shown=shown or ())


@register.simple_tag
def topic_overview(topic, limit=8):
    """{% topic_overview topic as overview %}: description, co-occurring topics and the month-by-month timeline."""
    if topic is None or not getattr(topic, "pk", None):
        return {}
    return overview_of(topic, limit=limit)
