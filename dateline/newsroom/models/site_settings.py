from django.conf import settings
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

SOCIAL_NETWORKS = [
    ("youtube", "YouTube"),
    ("facebook", "Facebook"),
    ("twitter", "X / Twitter"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("whatsapp", "WhatsApp"),
    ("telegram", "Telegram"),
    ("threads", "Threads"),
    ("bluesky", "Bluesky"),
    ("mastodon", "Mastodon"),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock()

    class Meta:
        icon = "link-external"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The newsroom's identity: name, tagline, logo, social accounts and the sections in the navigation."""

    site_name = models.CharField(max_length=100, default="Dateline")
    tagline = models.CharField(max_length=200, blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=10, default="en", help_text="Language of the site's stories (ISO 639-1)")
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)
    navigation = StreamField(
        [("section", blocks.PageChooserBlock(page_type="newsroom.SectionPage"))],
        blank=True,
        help_text="The sections in the site's navigation, in order; also the sections on the home page.",
    )

    select_related = ["logo"]
    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo"), FieldPanel("language")]),
        FieldPanel("social_links"),
        FieldPanel("navigation"),
    ]

    class Meta:
        verbose_name = "site settings"

    @property
    def navigation_sections(self):
        """Live sections of the navigation, in order (one query for all of them)."""
        return [block.value for block in self.navigation if block.value is not None and block.value.live]
