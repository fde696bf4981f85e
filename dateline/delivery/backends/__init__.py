"""Purge backends: where invalidated tags are sent. Configured by `DATELINE_PURGE_BACKENDS`, laid out like
wagtail.contrib.frontend_cache: a name per backend, with its dotted class path under BACKEND and its options."""

from django.utils.module_loading import import_string

from dateline.delivery import conf


def get_backends():
    backends = {}
    for name, params in conf.get("DATELINE_PURGE_BACKENDS").items():
        options = dict(params)
        backend_class = import_string(options.pop("BACKEND"))
        backends[name] = backend_class(options)
    return backends
