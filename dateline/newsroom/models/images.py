from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsImage(AbstractImage):
    """A picture in the newsroom's library, with the caption and credit it usually runs with.

    A story can override both for its own use of the picture (see ArticlePage.lead_image_caption).
    """

    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(max_length=255, blank=True, help_text="e.g. “Photo: Name/Agency”")

    admin_form_fields = Image.admin_form_fields + ("caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
