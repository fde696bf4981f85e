"""The headless API at /api/ (Django REST framework): stories, sections, topics, authors and images as JSON,
stories as IPTC ninjs, partner keys with their rate limits and scopes, an OpenAPI schema and its docs."""
