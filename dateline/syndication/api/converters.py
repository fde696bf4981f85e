"""Ids in API paths: a positive 64-bit integer; anything longer is no id at all (404, not a database error)."""

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)
