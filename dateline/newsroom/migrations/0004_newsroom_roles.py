"""The newsroom's roles and its review workflow.

Reporter: writes and edits their own stories, submits them for review; cannot publish.
Editor: edits any story, approves, publishes, unpublishes and schedules.
Administrator: everything, including site settings, users and groups.
"""

from django.db import migrations

PAGE_PERMISSIONS = {
    "Reporter": ["add", "lock"],
    "Editor": ["add", "change", "publish", "lock", "unlock"],
    "Administrator": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}
# Wagtail checks image permissions on its own Image model, whatever the image model is.
IMAGE_PERMISSIONS = {
    "Reporter": ["add_image", "choose_image"],
    "Editor": ["add_image", "change_image", "choose_image"],
    "Administrator": ["add_image", "change_image", "delete_image", "choose_image"],
}
DOCUMENT_PERMISSIONS = {
    "Reporter": ["add_document", "choose_document"],
    "Editor": ["add_document", "change_document", "choose_document"],
    "Administrator": ["add_document", "change_document", "delete_document", "choose_document"],
}
MODEL_PERMISSIONS = {
    "Reporter": ["wagtailadmin.access_admin", "newsroom.view_topic", "newsroom.add_topic", "newsroom.view_author"],
    "Editor": [
        "wagtailadmin.access_admin",
        *(f"newsroom.{action}_{model}" for action in ("add", "change", "view") for model in ("topic", "author")),
        "newsroom.delete_topic",
    ],
    "Administrator": [
        "wagtailadmin.access_admin",
        *(f"newsroom.{a}_{m}" for a in ("add", "change", "delete", "view") for m in ("topic", "author")),
        "newsroom.change_sitesettings",
        "newsroom.view_sitesettings",
        *(f"auth.{a}_{m}" for a in ("add", "change", "delete", "view") for m in ("user", "group")),
        *(f"wagtailcore.{a}_{m}" for a in ("add", "change", "delete") for m in ("workflow", "task", "collection")),
        "wagtailcore.add_site",
        "wagtailcore.change_site",
    ],
}


def ensure_permissions(apps):
    """Permissions are normally made after all migrations; roles need them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    home = Page.objects.filter(depth=2).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for role, page_types in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        groups[role] = group
        for page_type in page_types:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{page_type}_page")
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        for app_label, codenames in (("wagtailimages", IMAGE_PERMISSIONS[role]), ("wagtaildocs", DOCUMENT_PERMISSIONS[role])):
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
        for dotted in MODEL_PERMISSIONS[role]:
            app_label, codename = dotted.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))

    create_workflow(apps, home, groups["Editor"])
    remove_wagtail_defaults(apps)


def remove_wagtail_defaults(apps):
    """Wagtail's starter "Moderators"/"Editors" groups and workflow would sit confusingly beside these roles."""
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Moderators approval").delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Moderators approval").delete()


def create_workflow(apps, home, editors):
    """"Edit and publish": a reporter submits, an editor approves (publishing it) or asks for changes."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Editor approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name="Edit and publish", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Edit and publish").delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Editor approval").delete()
    apps.get_model("auth", "Group").objects.filter(name__in=PAGE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_story_notes_embargo_link_dates"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
