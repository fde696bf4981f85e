"""Partner keys: `Authorization: Api-Key <key>`. No header: an anonymous caller, who sees what readers see."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

KEYWORD = "Api-Key"


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        from dateline.syndication.models import ApiKey

        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        scheme, _, value = header.partition(" ")
        if scheme.lower() != KEYWORD.lower() or not value.strip():
            raise AuthenticationFailed(f'The Authorization header must be "{KEYWORD} <key>".')
        key = ApiKey.objects.filter(key=value.strip(), active=True).first()
        if key is None:
            raise AuthenticationFailed("Unknown or inactive API key.")
        now = timezone.now()
        if key.last_used_at is None or now - key.last_used_at > timedelta(minutes=5):
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        return AnonymousUser(), key

    def authenticate_header(self, request):
        return f'{KEYWORD} realm="api"'


def api_key_of(request):
    from dateline.syndication.models import ApiKey

    return request.auth if isinstance(request.auth, ApiKey) else None


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = ApiKeyAuthentication
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": f'A partner key from the admin, sent as "{KEYWORD} <key>".',
        }
