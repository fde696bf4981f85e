"""Rate limits: each partner key's own requests per minute; anonymous callers share API_ANON_RATE_PER_MINUTE
per client address. Over the limit: 429 with Retry-After (Django REST framework adds the header)."""

import hashlib

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from dateline.syndication.api.auth import api_key_of


class ApiKeyRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        return None  # set per request in allow_request

    def allow_request(self, request, view):
        key = api_key_of(request)
        if key is not None:
            self.num_requests = key.rate_limit
            self.ident = "key:" + hashlib.sha256(key.key.encode()).hexdigest()[:32]
        else:
            self.num_requests = getattr(settings, "DATELINE_API_ANON_RATE_PER_MINUTE", 300)
            self.ident = "anon:" + (self.get_ident(request) or "unknown")
        self.duration = 60
        self.rate = f"{self.num_requests}/min"
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.ident}
