"""The signature partners check: X-Dateline-Signature = "sha256=" + HMAC-SHA256(secret, "<timestamp>." + body)."""

import hashlib
import hmac

SIGNATURE_HEADER = "X-Dateline-Signature"
TIMESTAMP_HEADER = "X-Dateline-Timestamp"
EVENT_HEADER = "X-Dateline-Event"
DELIVERY_HEADER = "X-Dateline-Delivery"


def sign(secret, timestamp, body):
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret, timestamp, body, signature):
    """What a receiver does: recompute the signature and compare in constant time."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature or "")
