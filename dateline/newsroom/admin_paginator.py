"""Admin pagination that never counts the archive.

Django's and Wagtail's paginators run `COUNT(*)` over the whole listing to number its pages: over 100,000 stories
that is a scan of the archive on every page view (0.2–0.3 s on PostgreSQL), and twice more for the "N matches"
headings. `NoCountPaginator` fetches one row more than a page instead, so it knows whether a next page exists, and
numbers the pages up to the next one.
"""

from django.core.paginator import InvalidPage, PageNotAnInteger
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator


class NoCountPaginator(WagtailPaginator):
    """A paginator whose `count` is what it has seen: the rows before this page, this page, and one more if any.

    `num_pages` is therefore the current page plus one when a next page exists, which is all a previous/next
    navigation needs. A page number past the end, or not a number, shows the first page (a real count would be
    needed to find the last one).
    """

    counts_pages = False  # read by the newsroom's pagination_nav.html override: "Page N", not "Page N of M"

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        super().__init__(object_list, per_page, orphans=0, allow_empty_first_page=allow_empty_first_page, **kwargs)
        self.has_more = False

    @cached_property
    def count(self):
        # Only reached before a page was fetched (e.g. a template asking first): fetch the first page.
        self.page(1)
        return self.__dict__["count"]

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise PageNotAnInteger("That page number is less than 1")
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise InvalidPage(f"Page {number} is past the end")
        self.has_more = len(rows) > self.per_page
        self.__dict__["count"] = bottom + len(rows)
        return self._get_page(rows[: self.per_page], number, self)

    def get_page(self, number):
        try:
            return self.page(number)
        except InvalidPage:
            return self.page(1)

    @cached_property
    def items_count_label(self):
        shown = self.__dict__.get("count", 0)
        return f"{shown}{'+' if self.has_more else ''} {self.verbose_name_plural if shown != 1 else self.verbose_name}"
