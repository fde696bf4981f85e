"""The page tree: home, sections, the story archive and the stories themselves.

Stories live in the archive, Home → Stories → year → month → story, so no parent ever holds more than
about a thousand children (Wagtail's explorer and tree operations slow down with very many siblings).
A story's section is a foreign key, not its place in the tree: its public URL is
/<section>/<yyyy>/<mm>/<dd>/<slug>/, and it keeps rendering if its section is deleted.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PagePermissionTester, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from dateline.newsroom.blocks import StoryBodyBlock
from dateline.newsroom.forms import ArticlePageForm
from dateline.newsroom.fragments import Deferred, kept_value


class HomePage(Page):
    lead_story = models.ForeignKey(
        "newsroom.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story at the top of the home page; the newest story when empty.",
    )

    content_panels = Page.content_panels + [FieldPanel("lead_story")]
    subpage_types = ["newsroom.SectionPage", "newsroom.StoryArchivePage"]
    parent_page_types = ["wagtailcore.Page"]

    def route(self, request, path_components):
        """A story's canonical URL, /<section>/<yyyy>/<mm>/<dd>/<slug>/, in one query (instead of the section by
        slug, its own row, then the story). Anything else, a story under another section's or an old path
        included, walks the tree as Wagtail does (and the story's `serve` redirects it to its canonical URL)."""
        if len(path_components) == 5:
            story = kept_value(
                request,
                "story-at",
                [self, *path_components],
                lambda: find_story(*path_components[1:], section_slug=path_components[0], home=self),
            )
            if story is not None:
                return RouteResult(story)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from dateline.newsroom import listings

        context = super().get_context(request, *args, **kwargs)
        context.update(listings.home_page_context(self, request))
        return context


class DatedStoryRoutingMixin:
    """Answers /<this page>/<yyyy>/<mm>/<dd>/<slug>/ with the live story published that day."""

    def route(self, request, path_components):
        if len(path_components) == 4:
            story = kept_value(
                request,
                "story-at",
                [self, *path_components],
                lambda: find_story(*path_components, preferred_section=self),
            )
            if story is not None:
                return RouteResult(story)
        return super().route(request, path_components)


class SectionPage(DatedStoryRoutingMixin, Page):
    intro = models.TextField(blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        from dateline.newsroom import listings

        context = super().get_context(request, *args, **kwargs)
        stories = listings.published_stories().filter(section=self)
        context["page_of_stories"] = listings.paginate(stories, request)
        return context


class StoryArchivePage(DatedStoryRoutingMixin, Page):
    """The container of every story, by year and month; also the reader's date archive."""

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.StoryYearPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["periods"] = self.get_children().live().order_by("-slug")
        return context


class StoryYearPage(Page):
    parent_page_types = ["newsroom.StoryArchivePage"]
    subpage_types = ["newsroom.StoryMonthPage"]
    template = "newsroom/story_period_page.html"

    def date_range(self):
        year = int(self.slug)
        return local_midnight(year, 1, 1), local_midnight(year + 1, 1, 1)

    def get_context(self, request, *args, **kwargs):
        return period_context(self, request, super().get_context(request, *args, **kwargs))


class DateOrderedPermissionTester(PagePermissionTester):
    """A month folder's stories are ordered by date, and a story has no children: nobody reorders them by hand.
    Wagtail's "Sort menu order" lists every child on one page and moves one by rewriting each sibling's tree path."""

    def can_reorder_children(self):
        return False


class StoryMonthPage(Page):
    parent_page_types = ["newsroom.StoryYearPage"]
    subpage_types = ["newsroom.ArticlePage"]
    template = "newsroom/story_period_page.html"

    def permissions_for_user(self, user):
        return DateOrderedPermissionTester(user, self)

    def date_range(self):
        year, month = int(self.get_parent().slug), int(self.slug)
        end = local_midnight(year + month // 12, month % 12 + 1, 1)
        return local_midnight(year, month, 1), end

    def get_context(self, request, *args, **kwargs):
        return period_context(self, request, super().get_context(request, *args, **kwargs))


class ArticlePage(Page):
    standfirst = models.TextField(
        blank=True, max_length=400, help_text="One or two sentences under the headline; also the summary in feeds."
    )
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(
        "caption", max_length=500, blank=True, help_text="Leave empty to use the image's own caption."
    )
    lead_image_credit = models.CharField(
        "credit", max_length=255, blank=True, help_text="Leave empty to use the image's own credit."
    )
    body = StreamField(StoryBodyBlock(), blank=True)
    section = models.ForeignKey(
        "newsroom.SectionPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    published_at = models.DateTimeField(
        "first published", null=True, blank=True, help_text="Set on first publication; the date in the story's URL."
    )
    updated_at = models.DateTimeField(
        "updated", null=True, blank=True, help_text="Shown as “Updated” when a story changes in substance."
    )
    embargoed = models.BooleanField(
        default=False,
        help_text="Under embargo: invisible everywhere until the go-live time set under “Scheduled publishing”.",
    )
    source = models.CharField(max_length=200, blank=True, editable=False, help_text="Where an imported story came from")
    source_id = models.CharField(max_length=500, blank=True, editable=False)
    source_checksum = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = [
        TitleFieldPanel("title", heading="Headline"),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
        FieldPanel("section"),
        InlinePanel("author_links", heading="Authors", label="Author"),
        InlinePanel("topic_links", heading="Topics", label="Topic", help_text="The first topic is the primary topic."),
        FieldRowPanel([FieldPanel("published_at"), FieldPanel("updated_at")], heading="Dates"),
        FieldPanel("embargoed"),
        InlinePanel(
            "notes",
            heading="Corrections and updates",
            label="Note",
            help_text="Appended to the story with their time; publishing one sets the story's updated time.",
        ),
    ]
    base_form_class = ArticlePageForm
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("section"),
        index.FilterField("published_at"),
        # The search page (dateline/search): a headline match outranks a standfirst match, which outranks the body;
        # topics and authors are searchable by name.
        index.SearchField("title", boost=5),
        index.SearchField("standfirst", boost=2),
        index.RelatedFields("topic_links", [index.RelatedFields("topic", [index.SearchField("name", boost=2)])]),
        index.RelatedFields("author_links", [index.RelatedFields("author", [index.SearchField("name")])]),
    ]
    parent_page_types = ["newsroom.StoryMonthPage"]
    subpage_types = []

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"
        indexes = [
            models.Index(fields=["-published_at"], name="story_newest"),
            models.Index(fields=["section", "-published_at"], name="story_section_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"], condition=~models.Q(source=""), name="story_unique_source"
            )
        ]

    @property
    def headline(self):
        return self.title

    @property
    def lead_caption(self):
        return self.lead_image_caption or (self.lead_image.caption if self.lead_image else "")

    @property
    def lead_credit(self):
        return self.lead_image_credit or (self.lead_image.credit if self.lead_image else "")

    @cached_property
    def topics(self):
        return [link.topic for link in self.topic_links.select_related("topic")]

    @property
    def primary_topic(self):
        return self.topics[0] if self.topics else None

    @cached_property
    def authors(self):
        return [link.author for link in self.author_links.select_related("author")]

    @property
    def dateline_time(self):
        """The time that dates the story: first publication, or for a draft its latest change."""
        return self.published_at or self.first_published_at or self.latest_revision_created_at or timezone.now()

    @property
    def is_under_embargo(self):
        return self.embargoed and self.go_live_at is not None and self.go_live_at > timezone.now()

    @cached_property
    def _notes(self):
        if getattr(self, "has_notes", None) is False:  # known from the query that found it (`find_story`)
            return []
        return sorted(self.notes.all(), key=lambda note: note.noted_at)

    @property
    def corrections(self):
        return [note for note in self._notes if note.kind == StoryNote.CORRECTION]

    @property
    def updates(self):
        return [note for note in self._notes if note.kind == StoryNote.UPDATE]

    def save(self, *args, **kwargs):
        if self.live and not self.published_at:
            self.published_at = self.first_published_at or timezone.now()
        for link in [*self.topic_links.all(), *self.author_links.all()]:
            link.published_at = self.published_at
        latest_note = max((note.noted_at for note in self.notes.all() if note.noted_at), default=None)
        if latest_note and (self.updated_at is None or latest_note > self.updated_at):
            self.updated_at = latest_note
        super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        return DateOrderedPermissionTester(user, self)

    def get_view_restrictions(self):
        """No query when the query that found the story (`find_story`) showed that neither it nor an ancestor is
        restricted or an alias (whose source's restrictions apply); otherwise Wagtail's own lookup."""
        if getattr(self, "restricted", None) is False and getattr(self, "under_alias", None) is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if not parts or parts[2] is None:
            return parts
        site_id, root_url, tree_path = parts
        day = timezone.localtime(self.dateline_time).strftime("%Y/%m/%d")
        # tree_path is <site>/stories/<yyyy>/<mm>/<slug>/; sections are siblings of the archive.
        site_prefix, archive_slug = tree_path.rstrip("/").rsplit("/", 4)[:2]
        prefix = f"{site_prefix}/{self.section.slug if self.section_id and self.section else archive_slug}"
        return site_id, root_url, f"{prefix}/{day}/{self.slug}/"

    def serve(self, request, *args, **kwargs):
        if self.is_under_embargo:
            raise Http404("Under embargo")
        if self.expire_at is not None and self.expire_at <= timezone.now():
            raise Http404("Expired")  # before the scheduler's next round unpublishes it
        canonical = self.get_url(request)
        if canonical and request.path != canonical:
            return redirect(canonical, permanent=True)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from dateline.newsroom import listings

        context = super().get_context(request, *args, **kwargs)
        context["read_more"] = Deferred(lambda: listings.read_more(self))
        return context


class StoryNote(Orderable):
    """A correction or an update appended to a published story."""

    CORRECTION, UPDATE = "correction", "update"

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=20, choices=[(CORRECTION, "Correction"), (UPDATE, "Update")], default=UPDATE)
    text = models.TextField()
    noted_at = models.DateTimeField("time", default=timezone.now)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("noted_at")]), FieldPanel("text")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


def visible_stories():
    """Live stories that readers may see: not scheduled, not expired, not under embargo."""
    now = timezone.now()
    # Expiry is also checked here: the scheduler unpublishes an expired story only on its next round.
    return ArticlePage.objects.live().exclude(embargoed=True, go_live_at__gt=now).exclude(expire_at__lte=now)


class StoryLink(Orderable):
    """A story's link to a topic or author. Carries the story's publication time so that a topic's or an
    author's newest stories come straight off an index, however many stories they have."""

    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta(Orderable.Meta):
        abstract = True


class ArticleTopic(StoryLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey("newsroom.Topic", on_delete=models.CASCADE, related_name="story_links")

    panels = [FieldPanel("topic")]

    class Meta(StoryLink.Meta):
        indexes = [models.Index(fields=["topic", "-published_at"], name="topic_newest")]


class ArticleAuthor(StoryLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey("newsroom.Author", on_delete=models.CASCADE, related_name="story_links")

    panels = [FieldPanel("author")]

    class Meta(StoryLink.Meta):
        indexes = [models.Index(fields=["author", "-published_at"], name="author_newest")]


def local_midnight(year, month, day):
    return timezone.make_aware(datetime.combine(datetime(year, month, day).date(), time.min))


def is_story_or_ancestor(path_field):
    """Keyword arguments for `filter`: the page at `path_field` is the outer query's story or an ancestor of it
    (its path is a prefix of the story's)."""
    return {path_field: Substr(OuterRef("path"), 1, Length(path_field))}


def with_serving_flags(stories):
    """Answers, in the same query, what serving a story would otherwise ask separately: whether it has notes,
    whether a view restriction applies to it or an ancestor, whether it or an ancestor is an alias."""
    return stories.annotate(
        has_notes=Exists(StoryNote.objects.filter(page=OuterRef("pk"))),
        restricted=Exists(PageViewRestriction.objects.filter(**is_story_or_ancestor("page__path"))),
        under_alias=Exists(Page.objects.filter(alias_of__isnull=False, **is_story_or_ancestor("path"))),
    )


def find_story(year, month, day, slug, preferred_section=None, section_slug=None, home=None):
    """The live story with this slug published on this (local) day, or None. With `section_slug` (and the
    `home` page it is under), only a story of that section: its canonical URL."""
    try:
        start = local_midnight(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        return None
    candidates = list(
        with_serving_flags(visible_stories())
        .filter(slug=slug, published_at__gte=start, published_at__lt=start + timedelta(days=1))
        .select_related("section", "lead_image")[:5]
    )
    if section_slug is not None:
        return next((story for story in candidates if is_section_under(story.section, section_slug, home)), None)
    for story in candidates:
        if preferred_section is not None and story.section_id == preferred_section.pk:
            return story
    return candidates[0] if candidates else None


def is_section_under(section, slug, home):
    return (
        section is not None
        and section.slug == slug
        and section.depth == home.depth + 1
        and section.path.startswith(home.path)
    )


def period_context(folder, request, context):
    from dateline.newsroom import listings

    start, end = folder.date_range()
    stories = listings.published_stories().filter(published_at__gte=start, published_at__lt=end)
    context["page_of_stories"] = listings.paginate(stories, request)
    # A month folder's children are its stories, not periods: listing them would bypass visible_stories().
    periods = folder.get_children().live().order_by("slug")
    context["periods"] = [] if isinstance(folder, StoryMonthPage) else periods
    return context
