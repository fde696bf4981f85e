import pytest

from dateline.newsroom.addresses import join_url, split_url


@pytest.mark.parametrize("url", ["http://[document]/", "https://[x", "http://[::1", "//[fe80::1%25en0/"])
def test_an_unreadable_address_is_an_empty_one(url):
    assert split_url(url).scheme == ""
    assert split_url(url).netloc == ""
    assert join_url("https://news.example/", url) == ""


def test_a_readable_address_is_split_and_joined_as_urllib_does():
    assert split_url("https://news.example:8443/a?b=1").port == 8443
    assert split_url(None).path == ""
    assert join_url("https://news.example/world/", "../sport/") == "https://news.example/sport/"
