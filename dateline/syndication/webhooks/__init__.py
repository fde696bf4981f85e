"""Webhooks: partners' endpoints get each story as ninjs when it is published, updated, corrected or withdrawn.

`signal_handlers` turns the newsroom's story signals into one `WebhookDelivery` per endpoint (after the commit);
`tasks.deliver` POSTs it, signed by `signing`, and retries with back-off; each try is a `WebhookAttempt`.
"""
