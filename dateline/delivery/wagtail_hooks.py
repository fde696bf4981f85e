from wagtail import hooks

from dateline.delivery import fragments
from dateline.newsroom.fragments import RENDER_HOOK, SHOWN_HOOK, VALUE_HOOK

hooks.register(RENDER_HOOK, fragments.render_fragment)
hooks.register(VALUE_HOOK, fragments.keep_value)
hooks.register(SHOWN_HOOK, fragments.record_shown)
