"""Where an event happened: a city after في / بـ / إلى, "العاصمة <nisba> [name]", or a state after في.

Cities come from GeoNames (places.py); "العاصمة التركمانية" without a name is resolved through the
gazetteer's capital-by-nisba lookup and then GeoNames for the coordinates.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from schemas.event import Location
from services.extraction.actors import each_of
from services.extraction.gazetteer import Gazetteer
from services.extraction.gazetteer.index import second_words
from services.extraction.lexicon import data_lines, fold_words
from services.extraction.morph import proclitic_readings, reads_as
from services.extraction.places import (
    City,
    city_by_english,
    city_by_words,
    city_name_lengths,
    city_names,
    max_words,
)
from services.extraction.prefilter import StartFilter

_PLACE_PREPS = frozenset({"في", "ب", "الي", "من"})
_DATELINE_NEXT = frozenset({"\x00", "في"})  # "الرباط، 12 ..." / "أبوظبي في 14 فبراير"
_MIN_POPULATION_AFTER_BA = 200_000
_PLACE_HEADS = frozenset({"مدينه", "العاصمه", "مطار", "قصر", "منتجع"})
_PALACE = frozenset({"قصر"})  # folded: a palace's name is no city (but a capital's, or a seat in place_aliases.tsv)


@dataclass(frozen=True, slots=True, init=False)
class PlaceHit:
    """A place named explicitly: after a preposition or a place noun, or in the dateline (never a bare name)."""

    index: int  # sentence-local token index
    location: Location
    dateline: bool  # the city the report was filed from ("أنقرة (الأناضول) -")

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(self, index: int, location: Location, dateline: bool = False) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "dateline", dateline)


@functools.lru_cache(maxsize=4096)
def city_location(city: City) -> Location:
    """The contract's Location of a city (built once per city: the model is frozen)."""
    return Location(
        name_en=city.name_en,
        name_ar=city.name_ar,
        country=city.country,
        lat=city.lat,
        lon=city.lon,
        geonames_id=city.geonames_id,
    )


@functools.cache
def _stopwords() -> frozenset[tuple[str, ...]]:
    return frozenset(fold_words(cols[0]) for cols in data_lines("place_stopwords.tsv"))


_ALIASES: dict[int, dict[tuple[str, ...], City]] = {}  # id(gazetteer) -> Arabic name -> GeoNames city


def _aliases(gaz: Gazetteer) -> dict[tuple[str, ...], City]:
    """Capitals as the gazetteer writes them, and the few venues GeoNames lacks Arabic names for,
    linked to GeoNames cities by English name (GeoNames keeps the coordinates)."""
    found = _ALIASES.get(id(gaz))
    if found is not None:
        return found
    out: dict[tuple[str, ...], City] = {}
    for state in gaz.states:
        city = city_by_english(state.capital_en, state.iso3)
        if city is None:
            continue
        for name in (state.capital_ar, *state.capital_variants_ar):
            key = fold_words(name)
            known = city_by_words(key)
            if known is None or known.population < city.population:
                out[key] = dataclasses.replace(city, name_ar=city.name_ar or name)
    for arabic, english, iso3 in data_lines("place_aliases.tsv"):
        city = city_by_english(english, iso3)
        if city is not None:
            out[fold_words(arabic)] = dataclasses.replace(city, name_ar=city.name_ar or arabic)
    _ALIASES.clear()
    _ALIASES[id(gaz)] = out
    return out


_LENGTHS: dict[int, dict[str, int]] = {}  # id(gazetteer) -> city name and alias first words -> most words


def _city_lengths(gaz: Gazetteer) -> dict[str, int]:
    """First word of every city name and alias -> the most words such a name has (at most `max_words`)."""
    found = _LENGTHS.get(id(gaz))
    if found is None:
        found = dict(city_name_lengths())
        for key in _aliases(gaz):
            found[key[0]] = max(len(key), found.get(key[0], 0))
        found = {w: min(n, max_words()) for w, n in found.items()}
        _LENGTHS.clear()
        _LENGTHS[id(gaz)] = found
    return found


_SECONDS: dict[int, dict[str, frozenset[str]]] = {}  # id(gazetteer) -> city/alias first word -> second words
_NO_WORDS: frozenset[str] = frozenset()


def _city_seconds(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    """First word of every city name and alias of two words or more -> the second words of those names."""
    found = _SECONDS.get(id(gaz))
    if found is None:
        found = second_words(chain(city_names(), _aliases(gaz)))
        _SECONDS.clear()
        _SECONDS[id(gaz)] = found
    return found


def _city_at(words: Sequence[str], i: int, gaz: Gazetteer) -> tuple[City, int, str] | None:
    """Longest city name at words[i] (proclitic readings of the first word), with its preposition."""
    if i >= len(words):
        return None
    lengths = _city_lengths(gaz)
    readings = [
        (stem, prep, lengths[stem]) for stem, prep in proclitic_readings(words[i]) if stem in lengths and len(stem) > 2
    ]
    if not readings:
        return None
    aliases, stopwords, seconds = _aliases(gaz), _stopwords(), _city_seconds(gaz)
    after = words[i + 1] if i + 1 < len(words) else ""
    for n in range(min(max(r[2] for r in readings), len(words) - i), 0, -1):
        for stem, prep, longest in readings:
            if n > longest:
                continue  # no name that long starts with this reading
            if n > 1 and after not in seconds.get(stem, _NO_WORDS):
                continue  # nor one of two words or more: the next word is the second word of none
            key = (stem, *words[i + 1 : i + n])
            city = aliases.get(key)
            if city is None:
                city = city_by_words(key)
            if city is not None and key not in stopwords:
                return city, n, prep
    return None


def _known_seat(words: Sequence[str], i: int, n: int, gaz: Gazetteer) -> bool:
    """A seat of government known by its building's name (place_aliases.tsv: 'الإليزيه'), not a city's."""
    return any((stem, *words[i + 1 : i + n]) in _aliases(gaz) for stem, _prep in proclitic_readings(words[i]))


def find_places(gaz: Gazetteer, words: Sequence[str], starts: Sequence[int] | None = None) -> list[PlaceHit]:
    """The places a sentence names explicitly. A bare city name ("أعلنت موسكو") is read too, so that no place
    starts inside it, but yields no hit (and no Location is built for it). `starts`: the positions
    `place_filter` passes, when the caller has them."""
    out: list[PlaceHit] = []
    free = 0  # the first position not inside a place or state name already read
    for i in place_filter(gaz).starts(words) if starts is None else starts:
        if i < free:
            continue
        hit = gaz.match_at(words, i)
        if hit is not None and "capital_nisba" in hit.kinds:
            state = gaz.capital_by_nisba(hit.key)
            named = _city_at(words, hit.end, gaz)
            city = named[0] if named else (city_by_english(state.capital_en, state.iso3) if state else None)
            if city is not None:
                out.append(PlaceHit(i, city_location(city)))
                free = hit.end + (named[1] if named else 0)
                continue
        if hit is not None and "state" in hit.kinds and "capital" not in hit.kinds:
            if i > 0 and words[i - 1] == "في":
                match = gaz.state_by_name(hit.key)
                if match is not None:
                    s = match.state
                    out.append(PlaceHit(i, Location(name_en=s.name_en, name_ar=s.name_ar, country=s.iso3)))
            free = hit.end
            continue
        prev = words[i - 1] if i > 0 else ""
        found = _city_at(words, i, gaz)
        if found is not None and each_of(words, i):
            free = i + found[1]  # "كل من جيبوتي والصومال": the states listed, not a place
            continue
        if found is not None:
            city, n, prep = found
            dateline = (
                i == 0
                and i + n < len(words)
                and ((words[i + n].isascii() and words[i + n].isdigit()) or words[i + n] in _DATELINE_NEXT)
            )
            # a bare بـ is the weakest cue ("بدور" = "with the role"): only for real cities
            by = prep == "ب" and (city.population >= _MIN_POPULATION_AFTER_BA or _is_state_capital(gaz, city))
            if reads_as(prev, _PALACE) and not (_known_seat(words, i, n, gaz) or _is_state_capital(gaz, city)):
                free = i + n  # "بقصر العلم العامر"، "في قصر حيدر آباد": the palace's name, not a city (rule 35)
                continue
            if by or prev in _PLACE_PREPS or reads_as(prev, _PLACE_HEADS) or dateline:
                out.append(PlaceHit(i, city_location(city), dateline))
            free = i + n
    return out


_PLACE_FILTERS: dict[int, StartFilter] = {}  # id(gazetteer) -> filter on first words of place-like keys


def place_filter(gaz: Gazetteer) -> StartFilter:
    found = _PLACE_FILTERS.get(id(gaz))
    if found is None:
        keys = (k for k, kinds in gaz.kinds.items() if kinds & {"state", "capital", "capital_nisba"})
        firsts = frozenset(k.split(" ")[0] for k in keys) | frozenset(_city_lengths(gaz))
        found = StartFilter(firsts, reads_as)
        _PLACE_FILTERS.clear()
        _PLACE_FILTERS[id(gaz)] = found
    return found


def _is_state_capital(gaz: Gazetteer, city: City) -> bool:
    state = gaz.state(city.country)
    return state is not None and state.capital_en.casefold() == city.name_en.casefold()


def capital_of(gaz: Gazetteer, iso3: str) -> Location | None:
    state = gaz.state(iso3)
    if state is None:
        return None
    city = city_by_english(state.capital_en, iso3)
    return city_location(city) if city is not None else None


def removed_dateline(gaz: Gazetteer, lines: Iterable[str]) -> Location | None:
    """The city opening a dateline line the normaliser cut from the text ('عمان 23 تشرين الأول (بترا)-' before
    the lead): where the report was filed, its state the report's home, as a dateline kept in the text (rules 13,
    35)."""
    for line in lines:
        words = fold_words(line)
        found = _city_at(words, 0, gaz) if words else None
        if found is not None:
            return city_location(found[0])
    return None
