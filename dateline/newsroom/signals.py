"""Signals other apps listen to, so the newsroom never imports them.

Each is sent with `sender=ArticlePage` and `story=<the specific ArticlePage>`.
"""

from django.dispatch import Signal

story_published = Signal()  # the first publication of a story
story_changed = Signal()  # a later version went live (an edit, a correction, a republication)
story_unpublished = Signal()  # the story left the site (unpublished, expired or deleted)
scheduler_tick = Signal()  # a round of `run_scheduler`: work that waits for its time (retries) runs now
