"""Uploads that are not pictures, too big, or decompression bombs are refused and nothing is stored."""

from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from dateline.newsroom.models import NewsImage


@pytest.fixture
def reporter_client(client, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("reporter", "r@example.com", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Reporter"))
    client.force_login(user)
    return client


def png(width, height):
    buffer = BytesIO()
    PILImage.new("L", (width, height), 200).save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name, data, content_type):
    return client.post(
        "/admin/images/add/", {"title": name, "file": SimpleUploadedFile(name, data, content_type=content_type)}
    )


def test_a_reporter_can_upload_a_picture(reporter_client):
    response = upload(reporter_client, "photo.png", png(800, 600), "image/png")
    assert response.status_code == 302
    assert NewsImage.objects.get().width == 800


@pytest.mark.parametrize(
    "name, data, content_type, message",
    [
        ("notes.png", b"this is not a picture at all", "image/png", "Upload a valid image"),
        ("script.svg", b"<svg onload='alert(1)'></svg>", "image/svg+xml", "Not a supported image format"),
        ("huge.jpg", b"\xff\xd8\xff" + b"0" * (21 * 1024 * 1024), "image/jpeg", "This file is too big"),
        ("bomb.png", png(8000, 6000), "image/png", "too many pixels"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(reporter_client, name, data, content_type, message):
    response = upload(reporter_client, name, data, content_type)
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not NewsImage.objects.exists()
