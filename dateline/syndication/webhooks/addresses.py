"""Refuse webhook URLs that point into the server's own network, unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES is set."""

import ipaddress
import socket

from django.conf import settings

from dateline.newsroom.addresses import split_url


class UnsafeAddress(ValueError):
    """A webhook URL that Dateline will not call: the message says why."""


def is_public(address):
    ip = ipaddress.ip_address(address)
    return ip.is_global and not ip.is_multicast


def check_url(url):
    """Raise UnsafeAddress unless the URL is http(s) and every address its host resolves to is public."""
    parts = split_url(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeAddress(f"{url!r} is not an http:// or https:// URL")
    if getattr(settings, "DATELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False):
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeAddress(f"the host {parts.hostname!r} does not resolve ({exc})") from None
    for info in infos:
        address = info[4][0]
        if not is_public(address):
            raise UnsafeAddress(
                f"{parts.hostname!r} resolves to {address}, a private, loopback or reserved address; "
                "set WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true to allow it"
            )
