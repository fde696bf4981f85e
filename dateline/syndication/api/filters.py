"""Story filters: section, topic and author by slug, updated since, published between."""

from datetime import UTC

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django_filters.fields import IsoDateTimeField

from dateline.newsroom.models import ArticleAuthor, ArticlePage, ArticleTopic


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 time in UTC: PostgreSQL refuses offsets beyond ±16 hours, which ISO 8601 allows."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return value
        try:
            return value.astimezone(UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError("This time is out of range.", code="invalid") from None


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class StoryFilter(django_filters.FilterSet):
    section = django_filters.CharFilter(field_name="section__slug", help_text="A section's slug.")
    topic = django_filters.CharFilter(method="filter_topic", help_text="A topic's slug.")
    author = django_filters.CharFilter(method="filter_author", help_text="An author's slug.")
    updated_since = UtcIsoDateTimeFilter(
        method="filter_updated_since",
        help_text="Stories published, republished or updated at or after this time (ISO 8601).",
    )
    published_after = UtcIsoDateTimeFilter(
        field_name="published_at", lookup_expr="gte", help_text="First published at or after this time (ISO 8601)."
    )
    published_before = UtcIsoDateTimeFilter(
        field_name="published_at", lookup_expr="lt", help_text="First published before this time (ISO 8601)."
    )

    class Meta:
        model = ArticlePage
        fields = []

    def is_valid(self):
        valid = super().is_valid()
        for name in ("updated_since", "published_after", "published_before"):
            if name in self.data and not str(self.data[name]).strip():
                self.form.add_error(name, "Enter a date and time (ISO 8601); this one is empty.")
                valid = False
        return valid

    def filter_topic(self, stories, name, value):
        links = ArticleTopic.objects.filter(page=OuterRef("pk"), topic__slug=value)
        return stories.filter(Exists(links))

    def filter_author(self, stories, name, value):
        links = ArticleAuthor.objects.filter(page=OuterRef("pk"), author__slug=value)
        return stories.filter(Exists(links))

    def filter_updated_since(self, stories, name, value):
        return stories.filter(Q(last_published_at__gte=value) | Q(updated_at__gte=value))
