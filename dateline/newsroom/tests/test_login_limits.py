"""Abuse limits on the editors' sign-in and password reset, the reset's identical answers, and password rules."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory

from dateline.newsroom.login_limits import LimitedPasswordResetView

LOGIN, RESET = "/admin/login/", "/admin/password_reset/"
PASSWORD = "a-long-test-password-for-the-desk"


@pytest.fixture(autouse=True)
def empty_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, headers=headers)


def test_sign_in_allows_ten_tries_a_minute_from_an_address_then_answers_429(client, editor):
    for attempt in range(10):
        response = sign_in(client, f"someone-{attempt}", "wrong-password")
        assert response.status_code == 200, attempt  # the form again, with its error
    response = sign_in(client, "editor", PASSWORD)  # even the right password waits
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Too many tries" in page and "10 times a minute" in page
    assert "wagtailadmin/css/core.css" in page  # the admin's own styled page, not a bare error
    assert "_auth_user_id" not in client.session
    assert sign_in(client, "editor", PASSWORD, address="203.0.113.8").status_code == 302  # another address may


def test_sign_in_allows_ten_tries_a_minute_for_an_account_from_any_address(client, editor):
    for attempt in range(10):
        assert sign_in(client, "Editor", "wrong-password", address=f"198.51.100.{attempt}").status_code == 200
    assert sign_in(client, "editor", PASSWORD, address="198.51.100.99").status_code == 429
    assert sign_in(client, "reporter", "wrong-password", address="198.51.100.98").status_code == 200


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, editor, settings):
    for attempt in range(10):
        sign_in(client, f"someone-{attempt}", "wrong", address="10.0.0.1", X_FORWARDED_FOR=f"192.0.2.{attempt}")
    # Without trusted proxies a forged X-Forwarded-For changes nothing: the connecting address is over its limit.
    assert sign_in(client, "other", "wrong", address="10.0.0.1", X_FORWARDED_FOR="192.0.2.200").status_code == 429

    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    cache.clear()
    for attempt in range(10):
        sign_in(client, f"someone-{attempt}", "wrong", address="10.0.0.1", X_FORWARDED_FOR="192.0.2.1")
    assert sign_in(client, "x", "wrong", address="10.0.0.1", X_FORWARDED_FOR="192.0.2.1").status_code == 429
    # Behind one trusted proxy each client is counted by the address the proxy saw.
    assert sign_in(client, "y", "wrong", address="10.0.0.1", X_FORWARDED_FOR="192.0.2.2").status_code == 200


def test_password_reset_allows_ten_tries_a_minute_then_answers_429(client, editor):
    for attempt in range(10):
        response = client.post(RESET, {"email": f"nobody{attempt}@example.com"}, REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 302
    response = client.post(RESET, {"email": "editor@example.com"}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429 and "Too many tries" in response.content.decode()
    for attempt in range(9):
        client.post(RESET, {"email": "Editor@Example.com"}, REMOTE_ADDR=f"198.51.100.{attempt}")
    assert client.post(RESET, {"email": "editor@example.com"}, REMOTE_ADDR="198.51.100.50").status_code == 429
    assert len(mail.outbox) == 9  # every try within the limit was mailed; none after it


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, editor):
    known = client.post(RESET, {"email": "editor@example.com"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor@example.com"] and "/admin/password_reset/confirm/" in mail.outbox[0].body
    unknown = client.post(RESET, {"email": "stranger@example.com"})
    assert len(mail.outbox) == 1  # no mail for an address without an account
    assert (known.status_code, known["Location"], known.content) == (
        unknown.status_code,
        unknown["Location"],
        unknown.content,
    )
    assert sorted(known.headers) == sorted(unknown.headers)


def test_password_reset_mail_leaves_after_the_response(editor):
    request = RequestFactory().post(RESET, {"email": "editor@example.com"})
    request._dont_enforce_csrf_checks = True
    response = LimitedPasswordResetView.as_view()(request)
    assert response.status_code == 302 and mail.outbox == []  # answered before anything was looked up or sent
    response.close()  # what the WSGI server does once the response has been sent
    assert [message.to for message in mail.outbox] == [["editor@example.com"]]


@pytest.mark.parametrize("password", ["password1234", "Kx7#pQ2$mLw"])  # a common one; an 11-character one
def test_admin_user_forms_refuse_weak_passwords(admin_client, password):
    assert len(password) in (11, 12)
    data = {
        "username": "new-reporter",
        "email": "new@example.com",
        "first_name": "New",
        "last_name": "Reporter",
        "password1": password,
        "password2": password,
        "is_active": "on",
    }
    response = admin_client.post("/admin/users/new/", data)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="new-reporter").exists()
    errors = str(response.context["form"].errors)
    assert "too common" in errors or "at least 12 characters" in errors

    user = get_user_model().objects.create_user("existing", "existing@example.com", PASSWORD)
    response = admin_client.post(f"/admin/users/edit/{user.pk}/", {**data, "username": "existing"})
    assert response.status_code == 200 and get_user_model().objects.get(pk=user.pk).check_password(PASSWORD)

    response = admin_client.post("/admin/users/new/", {**data, "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and get_user_model().objects.filter(username="new-reporter").exists()
