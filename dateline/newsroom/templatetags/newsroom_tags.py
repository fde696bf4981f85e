from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from dateline.newsroom import fragments

register = template.Library()

# Simple-icons style 24x24 paths; inline so the page needs no icon font or extra request.
ICON_PATHS = {
    "youtube": "M23.5 6.2a3 3 0 0 0-2.1-2.1C19.5 3.6 12 3.6 12 3.6s-7.5 0-9.4.5A3 3 0 0 0 .5 6.2 31 31 0 0 0 0 12a31 "
    "31 0 0 0 .5 5.8 3 3 0 0 0 2.1 2.1c1.9.5 9.4.5 9.4.5s7.5 0 9.4-.5a3 3 0 0 0 2.1-2.1A31 31 0 0 0 24 12a31 31 0 0 "
    "0-.5-5.8ZM9.6 15.6V8.4l6.3 3.6-6.3 3.6Z",
    "facebook": "M24 12.07C24 5.41 18.63 0 12 0S0 5.4 0 12.07C0 18.1 4.39 23.1 10.13 24v-8.44H7.08v-3.49h3.04V9.41c0"
    "-3.02 1.8-4.7 4.54-4.7 1.31 0 2.68.24 2.68.24v2.97h-1.5c-1.5 0-1.96.93-1.96 1.89v2.26h3.32l-.53 3.5h-2.8V24C19.62 "
    "23.1 24 18.1 24 12.07Z",
    "twitter": "M18.9 1.2h3.7l-8 9.2L24 22.8h-7.4l-5.8-7.6-6.6 7.6H.5l8.6-9.8L0 1.2h7.6l5.2 6.9 6.1-6.9Zm-1.3 19.4h2L6.5 "
    "3.3H4.3l13.3 17.3Z",
    "instagram": "M12 2.2c3.2 0 3.6 0 4.8.1 3.3.1 4.8 1.7 4.9 4.9.1 1.3.1 1.6.1 4.8s0 3.6-.1 4.8c-.1 3.2-1.7 4.8-4.9 4.9"
    "-1.3.1-1.6.1-4.8.1s-3.6 0-4.8-.1c-3.3-.1-4.8-1.7-4.9-4.9C2.2 15.6 2.2 15.2 2.2 12s0-3.6.1-4.8C2.4 3.9 3.9 2.4 7.2 2.3 "
    "8.4 2.2 8.8 2.2 12 2.2ZM12 0C8.7 0 8.3 0 7.1.1 2.7.3.3 2.7.1 7.1 0 8.3 0 8.7 0 12s0 3.7.1 4.9c.2 4.4 2.6 6.8 7 7C8.3 "
    "24 8.7 24 12 24s3.7 0 4.9-.1c4.4-.2 6.8-2.6 7-7 .1-1.2.1-1.6.1-4.9s0-3.7-.1-4.9c-.2-4.4-2.6-6.8-7-7C15.7 0 15.3 0 12 "
    "0Zm0 5.8a6.2 6.2 0 1 0 0 12.4 6.2 6.2 0 0 0 0-12.4ZM12 16a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm6.4-11.8a1.4 1.4 0 1 0 0 2.9 "
    "1.4 1.4 0 0 0 0-2.9Z",
    "linkedin": "M20.4 20.5h-3.6v-5.6c0-1.3 0-3-1.8-3s-2.1 1.4-2.1 2.9v5.7H9.3V9h3.4v1.6c.5-.9 1.6-1.8 3.4-1.8 3.6 0 "
    "4.3 2.4 4.3 5.5v6.2ZM5.3 7.4a2.1 2.1 0 1 1 0-4.2 2.1 2.1 0 0 1 0 4.2ZM7.1 20.5H3.6V9h3.5v11.5ZM22.2 0H1.8C.8 0 0 .8 "
    "0 1.7v20.6c0 .9.8 1.7 1.8 1.7h20.4c1 0 1.8-.8 1.8-1.7V1.7C24 .8 23.2 0 22.2 0Z",
}
GENERIC_PATH = "M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3ZM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z"
NETWORK_NAMES = {"twitter": "X (Twitter)", "youtube": "YouTube", "facebook": "Facebook", "instagram": "Instagram"}


@register.simple_tag
def social_icon(network, size=20):
    path = ICON_PATHS.get(network, GENERIC_PATH)
    return format_html(
        '<svg class="icon" width="{}" height="{}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
        '<path fill="currentColor" d="{}"/></svg>',
        size,
        size,
        path,
    )


@register.filter
def network_name(network):
    return NETWORK_NAMES.get(network, str(network).replace("_", " ").title())


@register.simple_tag
def author_links(authors):
    """“Name, Name and Name”, each linked to the author's page."""
    links = [format_html('<a href="{}" rel="author">{}</a>', a.get_absolute_url(), a.name) for a in authors]
    if len(links) <= 1:
        return mark_safe("".join(links))  # noqa: S308 (each part was escaped by format_html)  # nosec B308 B703
    return format_html("{} and {}", format_html_join(", ", "{}", ((link,) for link in links[:-1])), links[-1])


class FragmentNode(template.Node):
    def __init__(self, name, keys, nodelist):
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context):
        keys = [key.resolve(context) for key in self.keys]
        return fragments.render_fragment(
            getattr(context, "request", None), self.name.resolve(context), keys, lambda: self.nodelist.render(context)
        )


@register.tag
def fragment(parser, token):
    """{% fragment "name" key1 key2 … %}…{% endfragment %}: a part of the page that may be kept between renders
    while none of what it shows changes (see `dateline.newsroom.fragments`); the keys are what it depends on."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and at least one key")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


@register.simple_tag(takes_context=True)
def shown(context, obj):
    """{% shown story %}: tells whoever keeps fragments that this story is on the page."""
    fragments.content_shown(getattr(context, "request", None), obj)
    return ""
