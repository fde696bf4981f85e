"""Every operation of the OpenAPI schema, exercised by Schemathesis against the application (in-process WSGI)."""

import json
from datetime import timedelta

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from dateline.newsroom.models import ArticlePage


def generated_schema():
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


schema = schemathesis.openapi.from_dict(generated_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the WSGI handler would close the test's connection after each request
    (its transaction is not in autocommit), which PostgreSQL then reports as a closed connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_data(make_story, settings, keep_test_connection):
    settings.DATELINE_API_ANON_RATE_PER_MINUTE = 100_000
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # Schemathesis calls the app as localhost
    cache.clear()
    make_story("Published story", topics=["Afghanistan", "Russia"])
    make_story("Sport story", section="sport", topics=["Cricket"], authors=["Rohan Iyer"], days_ago=1)
    make_story("Draft story", publish=False)
    embargoed = make_story("Embargoed story")
    ArticlePage.objects.filter(pk=embargoed.pk).update(embargoed=True, go_live_at=timezone.now() + timedelta(hours=1))


def test_the_served_schema_is_the_one_tested(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    served = response.json()
    assert served == generated_schema()
    assert set(served["paths"]) >= {"/api/stories/", "/api/ninjs/stories/{id}/", "/api/images/"}


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_every_operation_conforms_to_the_schema(case, api_data):
    case.call_and_validate()
