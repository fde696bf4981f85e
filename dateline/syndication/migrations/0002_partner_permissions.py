"""Administrators manage partners' API keys and webhook endpoints and read the delivery log."""

from django.db import migrations

PERMISSIONS = [
    *(f"{action}_{model}" for action in ("add", "change", "delete", "view") for model in ("apikey", "webhookendpoint")),
    "view_webhookdelivery",
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("syndication")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Administrator").first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="syndication", codename__in=PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [("syndication", "0001_initial"), ("newsroom", "0004_newsroom_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
