"""Load the demo newsroom ("English News"): sections, topics, authors, pictures, stories and an admin login.

Idempotent: a second run finds everything in place and changes nothing.
"""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from dateline.newsroom.demo import content
from dateline.newsroom.demo.images import make_demo_image, make_demo_logo
from dateline.newsroom.models import Author, HomePage, SectionPage, SiteSettings, Topic
from dateline.newsroom.story import Story, StoryImage, image_from_story_image, page_from_story, paragraph_html

DEMO_SOURCE = "demo"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "dateline-demo-admin"  # noqa: S105 (a published demo login, printed by `make run`)
# One demo login per newsroom role (username, role, display name); the password is "dateline-demo-<username>".
ROLE_USERS = [
    ("reporter", "Reporter", "Ravi Reporter"),
    ("editor", "Editor", "Esha Editor"),
    ("administrator", "Administrator", "Anil Administrator"),
]


class Command(BaseCommand):
    help = "Load the demo newsroom; safe to run again."

    def handle(self, *args, **options):
        home = HomePage.objects.order_by("path").first()
        if home is None:
            self.stderr.write("No home page: run `manage.py migrate` first.")
            raise SystemExit(1)
        with transaction.atomic():
            sections = self.load_sections(home)
            self.load_topics_and_authors()
            self.load_site_settings(home, sections)
            self.load_admin()
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        total = len(content.STORIES)
        # Oldest first, so a story's related links find the earlier stories they point to.
        stories = sorted(content.STORIES, key=lambda data: data["published"])
        for number, data in enumerate(stories, start=1):
            _, status = page_from_story(demo_story(data), publish=True)
            counts[status] += 1
            self.stdout.write(f"\r  stories {number}/{total}", ending="")
            self.stdout.flush()
        self.stdout.write("")
        summary = ", ".join(f"{count} {status}" for status, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo newsroom ready: {total} stories ({summary})."))

    def load_sections(self, home):
        sections = []
        for data in content.SECTIONS:
            section = SectionPage.objects.child_of(home).filter(slug=data["slug"]).first()
            if section is None:
                section = home.add_child(
                    instance=SectionPage(title=data["title"], slug=data["slug"], intro=data["intro"])
                )
                section.save_revision().publish()
            sections.append(section)
        return sections

    def load_topics_and_authors(self):
        for data in content.TOPICS:
            Topic.objects.get_or_create(slug=data["slug"], defaults=data)
        for data in content.AUTHORS:
            links = {"twitter": data.get("twitter", ""), "email": data.get("email", "")}
            fields = {"name": data["name"], "role": data["role"], "bio": data["bio"], **links}
            Author.objects.get_or_create(slug=data["slug"], defaults=fields)

    def load_site_settings(self, home, sections):
        site_settings = SiteSettings.for_site(home.get_site())
        if site_settings.site_name == content.SITE["site_name"]:
            return  # already set up, perhaps edited since: leave it alone
        site_settings.site_name = content.SITE["site_name"]
        site_settings.tagline = content.SITE["tagline"]
        site_settings.logo = image_from_story_image(
            StoryImage(data=make_demo_logo("EN"), filename="english-news-logo.png", title="English News logo", alt="")
        )
        site_settings.social_links = [("link", {"network": n, "url": u}) for n, u in content.SITE["social_links"]]
        site_settings.navigation = [("section", section) for section in sections]
        site_settings.save()

    def load_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD)
        for username, role, full_name in ROLE_USERS:
            if User.objects.filter(username=username).exists():
                continue
            first, last = full_name.split(" ", 1)
            user = User.objects.create_user(
                username, f"{username}@example.com", f"dateline-demo-{username}", first_name=first, last_name=last
            )
            user.groups.add(Group.objects.get(name=role))


def demo_story(data):
    topics = {topic["slug"]: topic["name"] for topic in content.TOPICS}
    authors = {author["slug"]: author["name"] for author in content.AUTHORS}
    image = data["image"]
    return Story(
        headline=data["headline"],
        standfirst=data["standfirst"],
        body=[demo_block(kind, value) for kind, value in data["body"]],
        lead_image=StoryImage(
            data=make_demo_image(image["motif"], tuple(image["palette"]), seed=sum(map(ord, data["slug"]))),
            filename=f"{data['slug']}.jpg",
            title=data["headline"],
            alt=image["alt"],
            caption=image["caption"],
            credit=image["credit"],
        ),
        section=data["section"],
        topics=[topics[slug] for slug in data["topics"]],
        authors=[authors[slug] for slug in data["authors"]],
        published_at=datetime.fromisoformat(data["published"]),
        updated_at=datetime.fromisoformat(data["updated"]) if data.get("updated") else None,
        slug=data["slug"],
        source=DEMO_SOURCE,
        source_id=data["slug"],
    )


def demo_block(kind, value):
    if kind == "paragraph":
        return kind, paragraph_html(value)
    if kind == "embed":
        return kind, {"url": value}
    if kind == "related_link":
        return kind, {"headline": value["title"], "title": value["title"]}
    return kind, value
