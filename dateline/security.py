"""Content-Security-Policy by path: strict on reader pages, looser where third-party code needs inline script.

The policies themselves are in settings (`DATELINE_CSP_POLICIES`); django-csp's middleware writes the header,
and this subclass picks the policy for the request's path. Reader pages carry no nonce on purpose: the page
cache (`dateline.delivery.middleware`, above this one) stores whole responses and replays them, headers
included, to other readers, so a per-request nonce would be shared between readers and would not match a fresh
header. Reader templates therefore have no inline script or style at all; the two error pages' inline styles
(rendered when the database or a view fails, without static files being certain) are allowed by their
SHA-256 hashes, computed once from the template files (`inline_style_hashes`).

This module is imported by settings: it may import only the standard library, Django and django-csp.
"""

import base64
import hashlib
import re
from pathlib import Path

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

STYLE_ELEMENT = re.compile(r"<style(?:\s[^>]*)?>(.*?)</style>", re.DOTALL | re.IGNORECASE)


def inline_style_hashes(*templates):
    """The CSP sources ('sha256-…') of every <style> element in these template files, exactly as written.

    Only for templates whose <style> holds no template tags: the hash is of the bytes the browser receives."""
    sources = []
    for template in templates:
        for css in STYLE_ELEMENT.findall(Path(template).read_text(encoding="utf-8")):
            if "{%" in css or "{{" in css:
                raise ValueError(f"{template}: an inline <style> with template tags cannot be hashed once")
            digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
            sources.append(f"'sha256-{digest}'")
    return sources


def matching_policy(path):
    """(prefix, directives): the first of DATELINE_CSP_POLICIES whose prefix starts the path."""
    for prefix, directives in settings.DATELINE_CSP_POLICIES:
        if path.startswith(prefix):
            return prefix, directives
    raise LookupError(f"no CSP policy matches {path!r}; DATELINE_CSP_POLICIES must end with the prefix '/'")


# django-csp rebuilds the header for every response (deep copies of the directives: about 0.3 ms); ours are fixed,
# so each path's header is built once, and django-csp does the work only for a response that changes its policy.
RESPONSE_OVERRIDES = tuple(
    f"_csp_{kind}{ro}" for kind in ("config", "update", "replace", "exempt") for ro in ("", "_ro")
)
_headers = {}


@receiver(setting_changed)
def _forget_headers(setting, **kwargs):
    if setting in ("DATELINE_CSP_POLICIES", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
        _headers.clear()


def header_for_path(path):
    prefix, directives = matching_policy(path)
    if prefix not in _headers:
        _headers[prefix] = build_policy(default_config(directives))
    return _headers[prefix]


class PathPolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy chosen by path; a view's own @csp decorators still win."""

    def process_response(self, request, response):
        plain = not any(hasattr(response, name) for name in RESPONSE_OVERRIDES)
        if not plain or settings.DEBUG or getattr(request, "_csp_nonce", None) or self.report_only_policy():
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = header_for_path(request.path_info)
        return response

    @staticmethod
    def report_only_policy():
        return getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        _prefix, directives = matching_policy(request.path_info)
        return PolicyParts(default_config(directives), parts.update, parts.replace, parts.nonce)
