"""The JSON shapes of the API. `fields=` picks top-level fields (see `SelectableFieldsMixin`)."""

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse
from wagtail.images.views.serve import generate_image_url

from dateline.newsroom.models import Author, NewsImage, SectionPage, Topic
from dateline.syndication import ninjs
from dateline.syndication.stories import site_root_url

DEFAULT_RENDITIONS = {"thumbnail": "fill-400x225", "medium": "width-800", "large": "width-1200"}


def renditions():
    return getattr(settings, "DATELINE_API_IMAGE_RENDITIONS", DEFAULT_RENDITIONS)


class SelectableFieldsMixin:
    """`fields` (a list of names, checked by the view) keeps only those top-level fields."""

    def __init__(self, *args, fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fields:
            for name in set(self.fields) - set(fields):
                self.fields.pop(name)


class SectionSerializer(SelectableFieldsMixin, serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = SectionPage
        fields = ["id", "slug", "title", "intro", "url"]

    def get_url(self, section) -> str:
        return section.get_full_url(self.context["request"]._request) or ""


class SectionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = SectionPage
        fields = ["id", "slug", "title"]


class TopicSerializer(SelectableFieldsMixin, serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Topic
        fields = ["id", "slug", "name", "description", "url"]

    def get_url(self, topic) -> str:
        return self.context["request"].build_absolute_uri(f"/topics/{topic.slug}/")


class TopicRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "slug", "name"]


class AuthorSerializer(SelectableFieldsMixin, serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Author
        fields = ["id", "slug", "name", "role", "bio", "url"]

    def get_url(self, author) -> str:
        return self.context["request"].build_absolute_uri(f"/authors/{author.slug}/")


class AuthorRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "slug", "name"]


@extend_schema_field({"type": "object", "additionalProperties": {"type": "string", "format": "uri"}})
class RenditionsField(serializers.Field):
    """Signed URLs of the image's renditions by name; each is made on its first request."""

    def to_representation(self, image):
        request = self.context["request"]
        return {
            name: request.build_absolute_uri(generate_image_url(image, spec, viewname="api-image-rendition"))
            for name, spec in renditions().items()
        }


class ImageSerializer(SelectableFieldsMixin, serializers.ModelSerializer):
    alt = serializers.CharField(source="default_alt_text")
    renditions = RenditionsField(source="*")
    original_width = serializers.IntegerField(source="width")
    original_height = serializers.IntegerField(source="height")

    class Meta:
        model = NewsImage
        fields = ["id", "title", "alt", "caption", "credit", "original_width", "original_height", "renditions"]


class LeadImageSerializer(serializers.Serializer):
    """A story's lead image, with the caption and credit as this story uses them."""

    id = serializers.IntegerField(source="lead_image.id")
    alt = serializers.CharField(source="lead_image.default_alt_text")
    caption = serializers.CharField(source="lead_caption")
    credit = serializers.CharField(source="lead_credit")
    original_width = serializers.IntegerField(source="lead_image.width")
    original_height = serializers.IntegerField(source="lead_image.height")
    renditions = RenditionsField(source="lead_image")


class NoteSerializer(serializers.Serializer):
    kind = serializers.CharField()
    text = serializers.CharField()
    noted_at = serializers.DateTimeField()


class StorySerializer(SelectableFieldsMixin, serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    ninjs_url = serializers.SerializerMethodField()
    headline = serializers.CharField(source="title")
    standfirst = serializers.CharField()
    section = SectionRefSerializer(allow_null=True)
    topics = serializers.SerializerMethodField()
    authors = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(allow_null=True)
    embargoed_until = serializers.SerializerMethodField()
    lead_image = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()

    def get_url(self, story) -> str:
        return story.get_full_url(self.context["request"]._request) or ""

    def get_ninjs_url(self, story) -> str:
        return reverse("api-ninjs-story", args=[story.pk], request=self.context["request"])

    @extend_schema_field(TopicRefSerializer(many=True))
    def get_topics(self, story):
        return TopicRefSerializer([link.topic for link in ninjs.in_order(story.topic_links.all())], many=True).data

    @extend_schema_field(AuthorRefSerializer(many=True))
    def get_authors(self, story):
        return AuthorRefSerializer([link.author for link in ninjs.in_order(story.author_links.all())], many=True).data

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_embargoed_until(self, story):
        return serializers.DateTimeField().to_representation(story.go_live_at) if story.is_under_embargo else None

    @extend_schema_field(LeadImageSerializer(allow_null=True))
    def get_lead_image(self, story):
        return LeadImageSerializer(story, context=self.context).data if story.lead_image_id else None

    @extend_schema_field(NoteSerializer(many=True))
    def get_notes(self, story):
        notes = sorted(story.notes.all(), key=lambda note: note.noted_at)
        return NoteSerializer(notes, many=True).data

    def get_body_html(self, story) -> str:
        root_url = site_root_url(self.context["request"]._request)
        return ninjs.body_html(((block.block_type, block.value) for block in story.body), root_url)
