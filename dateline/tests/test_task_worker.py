"""Production's background work: a publication only queues its tasks in the database queue
(TASKS_BACKEND=django_tasks_db.DatabaseBackend); `manage.py db_worker` runs them, after which the story is
found by search, has its related stories and its renditions."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # django-tasks rebuilds its backend


def search_finds(client, words, story):
    return f'href="{story.url}"' in client.get("/search/", {"q": words}).content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publication_queues_its_work_and_the_worker_runs_it(database_queue, make_story, client):
    with_capture = DBTaskResult.objects.count()
    story = make_story("Quarry workers vote to strike over pay")
    queued = list(DBTaskResult.objects.values_list("task_path", "status"))
    assert len(queued) > with_capture
    assert any(path.endswith("index_story") for path, _ in queued)
    assert all(status == "READY" for _, status in queued)
    assert not search_finds(client, "quarry workers", story)

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO(), stderr=StringIO())

    statuses = set(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == {"SUCCESSFUL"}, list(
        DBTaskResult.objects.values_list("task_path", "status", "exception_class_path")
    )
    assert search_finds(client, "quarry workers", story)
