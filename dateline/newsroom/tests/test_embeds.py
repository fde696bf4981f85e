import pytest

from dateline.newsroom.embeds import UnsupportedEmbed, parse_embed_url


@pytest.mark.parametrize(
    "url, provider, embed_url",
    [
        (
            "https://www.youtube.com/watch?v=M7lc1UVf-VE",
            "youtube",
            "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
        ),
        ("https://youtu.be/M7lc1UVf-VE?t=3", "youtube", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"),
        ("https://www.youtube.com/shorts/M7lc1UVf-VE", "youtube", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"),
        ("https://twitter.com/englishnews/status/1234567890", "x", ""),
        ("https://www.facebook.com/englishnews/posts/123", "facebook", ""),
    ],
)
def test_supported_embeds(url, provider, embed_url):
    embed = parse_embed_url(url)
    assert embed.provider == provider and embed.embed_url == embed_url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://evil.example.com/watch?v=M7lc1UVf-VE",
        "https://www.youtube.com/watch?v=<script>",
        "https://x.com/englishnews",
        "https://youtube.com.evil.example/watch?v=M7lc1UVf-VE",
        "https://[www.youtube.com]/watch?v=M7lc1UVf-VE",
        "https://[x",
        "",
    ],
)
def test_unsupported_embeds_are_refused(url):
    with pytest.raises(UnsupportedEmbed):
        parse_embed_url(url)
