"""StreamField blocks for a story's body."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from dateline.newsroom.embeds import UnsupportedEmbed, parse_embed_url

PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]


class SubheadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "newsroom/blocks/subheading.html"
        form_classname = "title"


class QuotationBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quotation.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500, help_text="Leave empty to use the image's caption.")
    credit = blocks.CharBlock(required=False, max_length=255, help_text="Leave empty to use the image's credit.")

    class Meta:
        icon = "image"
        template = "newsroom/blocks/image.html"


class SocialEmbedValue(blocks.StructValue):
    @cached_property
    def embed(self):
        try:
            return parse_embed_url(self.get("url"))
        except UnsupportedEmbed:
            return None


class SocialEmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(help_text="A YouTube video, an X/Twitter post or a Facebook post")
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "media"
        template = "newsroom/blocks/embed.html"
        value_class = SocialEmbedValue

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_embed_url(value.get("url"))
        except UnsupportedEmbed as exc:
            raise blocks.StructBlockValidationError(block_errors={"url": ValidationError(str(exc))}) from None
        return value


class RelatedLinkValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        return page.url if page else self.get("url")

    def text(self):
        page = self.get("page")
        return self.get("title") or (page.title if page else self.get("url"))


class RelatedLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, page_type="newsroom.ArticlePage")
    url = blocks.URLBlock(required=False, help_text="An outside link, when no story is chosen")
    title = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text="Leave empty to use the story's headline. A headline alone waits for a story with that headline.",
    )

    class Meta:
        icon = "link"
        template = "newsroom/blocks/related_link.html"
        value_class = RelatedLinkValue

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url") and not value.get("title"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a story, enter a link or a headline")}
            )
        return value


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="newsroom/blocks/paragraph.html")
    subheading = SubheadingBlock()
    quotation = QuotationBlock()
    image = CaptionedImageBlock()
    embed = SocialEmbedBlock()
    related_link = RelatedLinkBlock()
