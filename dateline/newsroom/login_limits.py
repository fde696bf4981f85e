"""Abuse limits on the editors' sign-in and password reset (Wagtail's `/admin/login/` and `/admin/password_reset/`).

At most `DATELINE_LOGIN_TRIES_PER_MINUTE` tries (10) a minute from one client address and, separately, for one
account; past that the form answers 429 with a page saying why and when to try again. The counters live in the
default cache (Redis in production, local memory in development), one key per address or account that expires a
minute after its first try.

Why these few lines rather than a library: django-axes locks an account after failures (anyone who knows an
editor's username could lock them out) instead of slowing the caller with 429; django-ratelimit (last released
2023) does the same add-then-incr on the cache, but fails closed when the cache is unreachable (every editor locked
out during a Redis outage), answers 403 unless a view is configured, and flags local memory caches in system checks.
Django's cache gives exactly what is needed. When the cache is unreachable the limits are off (the passwords still
guard the admin) and the cache backend logs it.

Password reset answers the same redirect, doing the same work, whether or not an account has the address: looking
the address up and sending the mail is a task (`send_password_reset`) queued once the response has been sent, so
neither the answer nor its timing says which addresses belong to an account.

The client's address is the one the API's throttles use (Django REST framework's `NUM_PROXIES`): REMOTE_ADDR, or
the address that many proxies from the right of X-Forwarded-For when trusted proxies are declared.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django_tasks import task
from rest_framework.throttling import BaseThrottle
from wagtail.admin.views import account
from wagtail.admin.views.account import get_password_reset_form

WINDOW_SECONDS = 60
PREFIX = "login-limits"


def tries_per_minute():
    return getattr(settings, "DATELINE_LOGIN_TRIES_PER_MINUTE", 10)


def client_ip(request):
    """The caller's address, by the same rule as the API's rate limits (settings.REST_FRAMEWORK["NUM_PROXIES"])."""
    return BaseThrottle().get_ident(request) or "unknown"


def counter_key(scope, kind, value):
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]  # no addresses or usernames in cache keys
    return f"{PREFIX}:{scope}:{kind}:{digest}"


def count_try(key):
    """Count one try; the count so far in this minute, or None when the cache cannot be reached."""
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: a new minute starts with this try
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        return 1


def over_limit(request, scope, account_name):
    """Count this try against the caller's address and the account it names; True once either passes the limit."""
    keys = [counter_key(scope, "ip", client_ip(request))]
    account_name = (account_name or "").strip().lower()
    if account_name:
        keys.append(counter_key(scope, "account", account_name))
    counts = [count_try(key) for key in keys]
    return any(count is not None and count > tries_per_minute() for count in counts)


def too_many_tries(request, action):
    response = TemplateResponse(
        request,
        "newsroom/admin/too_many_tries.html",
        {"action": action, "tries": tries_per_minute(), "wait_seconds": WINDOW_SECONDS},
        status=429,
    )
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


class LimitedLoginView(account.LoginView):
    def post(self, request, *args, **kwargs):
        if over_limit(request, "login", request.POST.get("username")):
            return too_many_tries(request, "sign in")
        return super().post(request, *args, **kwargs)


class RedirectThenRun(HttpResponseRedirect):
    """A redirect that runs `after` once it has been sent: WSGI servers call close() after the last byte."""

    def __init__(self, url, after):
        super().__init__(url)
        self.after = after

    def close(self):
        try:
            self.after()
        finally:
            super().close()


class LimitedPasswordResetView(account.PasswordResetView):
    def post(self, request, *args, **kwargs):
        if over_limit(request, "password-reset", request.POST.get("email")):
            return too_many_tries(request, "reset a password")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # Not form.save(): it looks the address up and sends mail while the caller waits.
        email = form.cleaned_data["email"]
        domain, use_https = self.request.get_host(), self.request.is_secure()
        return RedirectThenRun(
            self.get_success_url(),
            lambda: send_password_reset.enqueue(email=email, domain=domain, use_https=use_https),
        )


@task()
def send_password_reset(email, domain, use_https):
    """Mail a reset link to every active account with this address that may reset its password (none: no mail)."""
    form = get_password_reset_form()(data={"email": email})
    if not form.is_valid():
        return "invalid"
    form.save(
        domain_override=domain,
        use_https=use_https,
        email_template_name=account.PasswordResetView.email_template_name,
        subject_template_name=account.PasswordResetView.subject_template_name,
    )
    return "done"
