"""Replace Wagtail's placeholder page with the newsroom's home page and story archive."""

from django.db import migrations


def create_site(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("newsroom.HomePage")
    StoryArchivePage = apps.get_model("newsroom.StoryArchivePage")

    placeholder_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=placeholder_type, slug="home", depth=2).delete()
    if HomePage.objects.exists():
        return

    locale = Locale.objects.order_by("pk").first()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="newsroom")
    archive_type, _ = ContentType.objects.get_or_create(model="storyarchivepage", app_label="newsroom")
    home = HomePage.objects.create(
        title="Home", draft_title="Home", slug="home", content_type=home_type, locale=locale,
        path="00010001", depth=2, numchild=1, url_path="/home/", live=True,
    )
    StoryArchivePage.objects.create(
        title="Stories", draft_title="Stories", slug="stories", content_type=archive_type, locale=locale,
        path="000100010001", depth=3, numchild=0, url_path="/home/stories/", live=True,
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk}
    )


def remove_site(apps, schema_editor):
    apps.get_model("newsroom.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_site, remove_site)]
