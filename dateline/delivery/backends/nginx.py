import hashlib
import logging
import os
import time
from pathlib import Path

from dateline.delivery.backends.base import PurgeBackend

logger = logging.getLogger(__name__)

# An index entry whose cache file is gone is kept this long after it was last recorded: nginx stores a response
# only once it has it all, so an entry recorded just now may be about to get its file.
PRUNE_AFTER_SECONDS = 120


class NginxBackend(PurgeBackend):
    """nginx's proxy cache on this machine, with the shipped configuration (deploy/nginx/dateline.conf).

    nginx keeps each cached response in a file named by the MD5 of its cache key and cannot purge by tag, so the
    index is kept beside it, in LOCATION/tags: one empty file per tag and key, `tags/<ab>/<sha1 of the tag>/<md5
    of the key>`, written as responses pass through nginx (`dateline.delivery.front_keys`). Purging a tag deletes
    the cache files of its keys; nginx takes a missing file for a miss. The index keeps its entries (a page
    rebuilt after a purge records the same names again); an entry is pruned during a purge once its cache file has
    been gone for a while. Options: LOCATION (the cache folder, required), LEVELS (as in proxy_cache_path).

    Purged in the process that made the change, as the change commits, like the application's own cache."""

    local = True

    def __init__(self, params):
        super().__init__(params)
        self.location = Path(params["LOCATION"])
        self.levels = [int(level) for level in str(params.get("LEVELS", "1:2")).split(":") if level]

    def cache_file(self, digest):
        """nginx's file for the key with this MD5 (hex)."""
        parts, end = [], len(digest)
        for level in self.levels:
            parts.append(digest[end - level : end])
            end -= level
        return self.location / "pages" / Path(*parts) / digest

    def index_folder(self, tag):
        name = hashlib.sha1(tag.encode(), usedforsecurity=False).hexdigest()
        return self.location / "tags" / name[:2] / name

    @staticmethod
    def key_digest(key):
        """The MD5 nginx names a cache key's file by; `key` as the WSGI environ has it (bytes read as latin-1)."""
        return hashlib.md5(key.encode("latin-1", "replace"), usedforsecurity=False).hexdigest()

    def record(self, key, tags):
        """Remember that the response nginx stores under `key` showed these tags."""
        digest = self.key_digest(key)
        for tag in tags:
            entry = self.index_folder(tag) / digest
            try:
                os.utime(entry)
            except FileNotFoundError:
                try:
                    entry.parent.mkdir(parents=True, exist_ok=True)
                    entry.touch()
                except OSError as error:
                    logger.warning("nginx cache index: could not record %s: %s", entry, error)

    def purge_tags(self, tags):
        """Delete the cache files of every key recorded under these tags; returns how many there were."""
        purged = 0
        prune_before = time.time() - PRUNE_AFTER_SECONDS
        for tag in sorted(set(tags)):
            folder = self.index_folder(tag)
            try:
                names = os.listdir(folder)
            except FileNotFoundError:
                continue
            for digest in names:
                try:
                    os.unlink(self.cache_file(digest))
                    purged += 1
                except FileNotFoundError:
                    self.prune(folder / digest, prune_before)
                except OSError as error:
                    logger.warning("nginx cache: could not purge %s (%s): %s", digest, tag, error)
        return purged

    def prune_index(self, older_than=PRUNE_AFTER_SECONDS):
        """Remove every index entry whose cache file is gone (nginx evicted or expired it, or a purge deleted it)
        and that was last recorded over `older_than` seconds ago; returns (entries kept, entries removed).
        `manage.py prune_front_cache_index` runs it: keys no reader asks for again (a crawler's query strings)
        would otherwise stay indexed until a purge of their tags."""
        kept = removed = 0
        before = time.time() - older_than
        for folder in sorted((self.location / "tags").glob("*/*")):
            for entry in list(os.scandir(folder)):
                if self.cache_file(entry.name).exists():
                    kept += 1
                elif self.prune(Path(entry.path), before):
                    removed += 1
                else:
                    kept += 1
        return kept, removed

    @staticmethod
    def prune(entry, before):
        try:
            if entry.stat().st_mtime < before:
                entry.unlink()
                return True
        except FileNotFoundError:
            pass
        return False
