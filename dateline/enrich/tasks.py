"""Background work of enrichment, run by django-tasks after the publishing transaction commits."""

from django_tasks import task


@task()
def enrich_story(story_id):
    """Suggest topics for the story and recompute its related stories (and offer it to theirs)."""
    from dateline.enrich.related import compute_related, forget
    from dateline.enrich.suggest import suggest_for
    from dateline.newsroom.models import ArticlePage

    story = ArticlePage.objects.filter(pk=story_id).first()
    if story is None:
        return "gone"
    if not story.live:
        affected = forget(story)
        for other in ArticlePage.objects.filter(pk__in=affected):
            compute_related(other)
        return f"removed from {len(affected)} lists"
    suggest_for(story)
    rows = compute_related(story)
    return f"{len(rows)} related"


@task()
def refresh_related(story_id):
    from dateline.enrich.related import compute_related
    from dateline.newsroom.models import ArticlePage

    story = ArticlePage.objects.filter(pk=story_id).first()
    return len(compute_related(story)) if story is not None else 0
