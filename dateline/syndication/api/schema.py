"""The OpenAPI schema covers /api/ only (Wagtail's admin has its own internal API, which is not for partners)."""


def only_public_api(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


# Responses whose fields `fields=` can select: none of their fields is always present.
SELECTABLE = ("Story", "Section", "Topic", "Author", "Image")


def selectable_fields_optional(result, generator, request, public):
    for name in SELECTABLE:
        result["components"]["schemas"].get(name, {}).pop("required", None)
    return result
