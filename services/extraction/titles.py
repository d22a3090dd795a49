"""Titles, offices and envoys: 'الرئيس الإيراني'، 'وزير خارجية مصر'، 'أمير دولة الكويت'، 'السفير الفرنسي',
'وزير الشؤون الخارجية والاتحاد الأوروبي والتعاون الإسباني، السيد …' -> a person or a country-level actor."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from schemas.event import Role
from services.extraction.actors import (
    PUNCT,
    ActorRef,
    Mention,
    country_after,
    person_ref,
    pick_term,
    prep_of,
    skip_honorifics,
)
from services.extraction.codes import ROLE_AMBASSADOR, ROLE_ENVOY
from services.extraction.gazetteer import Gazetteer, Hit, OfficeHolder
from services.extraction.lexicon import fold_words
from services.extraction.morph import proclitic_readings
from services.extraction.prefilter import StartFilter

_MINISTRY_WORDS = 8  # words of a ministry's long name between a title and its nisba
_ADJECTIVE_WORDS = 2  # other words before the nisba: 'رئيس الجمهورية الإسلامية الإيرانية'
_EMBASSY = frozenset({"السفاره", "سفاره"})  # folded: the embassy whose chargé d'affaires is meant
_UN_NISBA = frozenset({"الاممي", "الامميه"})  # folded: of the United Nations
_ACTING = fold_words("القائم بأعمال")  # before an office: its acting holder, not a chargé d'affaires
_ENVOY_WORDS = 9  # 'المبعوث الخاص للأمين العام للأمم المتحدة إلى اليمن <name>'


def construct_title(gaz: Gazetteer, words: Sequence[str], i: int) -> Hit | None:
    """A title in construct state, without the article: 'أمير قطر', 'لأمير دولة الكويت', 'وزير خارجية مصر'."""
    if not _construct_filter(gaz)(words[i]):
        return None
    for stem, clitic in proclitic_readings(words[i]):
        if stem.startswith("ال") or len(stem) < 3:
            continue
        for n in (2, 1):
            tail = list(words[i + 1 : i + n])
            if n == 2 and (len(tail) < 1 or tail[0] == PUNCT):
                continue
            if n == 2:
                tail[0] = "ال" + tail[0]  # وزير خارجية -> وزير الخارجية
            key = " ".join(("ال" + stem if n == 1 else stem, *tail))
            if gaz.offices_by_title(key):
                return Hit(i, i + n, key, clitic, frozenset({"title"}))
    return None


_CONSTRUCT_FILTERS: dict[int, StartFilter] = {}  # id(gazetteer) -> filter on words that can head a construct


def _construct_filter(gaz: Gazetteer) -> StartFilter:
    """Stems a construct title can start with: 'وزير' (الوزير is a title) or 'وزير' of 'وزير الخارجية'."""
    found = _CONSTRUCT_FILTERS.get(id(gaz))
    if found is None:
        keys = gaz.titles.keys()
        bare = {k[2:] for k in keys if k.startswith("ال") and " " not in k}
        heads = bare | {k.split(" ")[0] for k in keys if " " in k}
        found = StartFilter(frozenset(heads), _may_head_construct)
        _CONSTRUCT_FILTERS.clear()
        _CONSTRUCT_FILTERS[id(gaz)] = found
    return found


def _may_head_construct(word: str, heads: frozenset[str]) -> bool:
    return any(stem in heads for stem, _c in proclitic_readings(word) if not stem.startswith("ال") and len(stem) >= 3)


def envoy(gaz: Gazetteer, words: Sequence[str], i: int, n: int, role: Role, conj: bool, on: object) -> Mention:
    """An ambassador or envoy and the country that sends them: 'السفير الإيراني', 'سفير خادم الحرمين'."""
    named = _named_envoy(gaz, words, i + n, on)
    if named is not None:  # "المبعوث الأممي إلى اليمن هانس غروندبرغ": the person, not the place of the mission
        return Mention(i, named[1], "person", prep_of(words, i, None), named[0], conj=conj)
    country, j = country_after(gaz, words, i + n)
    if country is None and i + n < len(words) and words[i + n] in _EMBASSY:  # القائم بأعمال السفارة التركية
        country, j = country_after(gaz, words, i + n + 1)
    if country is None and i + n < len(words) and words[i + n] in _UN_NISBA:  # "المبعوث الأممي"
        country, j = "UNO", i + n + 1
    if country is None:
        hit = gaz.match_at(words, i + n)
        if hit is not None and "title" in hit.kinds:
            sender = title_mention(gaz, words, hit, "", on, False)
            if sender is not None and tuple(words[i : i + n]) == _ACTING:  # "القائم بأعمال رئيس الجمهورية"
                return dataclasses.replace(sender, start=i, prep=prep_of(words, i, None), conj=conj)  # acting holder
            if sender is not None and sender.actor is not None:
                country, j = sender.actor.country, hit.end
                if country is None:
                    return Mention(i, hit.end, "envoy_of", prep_of(words, i, None), sender.actor, conj=conj)
    office = CHARGE if _is_charge(words[i : i + n]) else None  # "القائم بأعمال السفارة": not the ambassador
    ref = ActorRef(None, None, None, country, role, office)
    return Mention(i, max(j, i + n), "title" if country else "envoy_of", prep_of(words, i, None), ref, conj=conj)


CHARGE = "charge_d_affaires"
_CHARGE_TITLES = (_ACTING, fold_words("القائم بالأعمال"))


def _is_charge(title: Sequence[str]) -> bool:
    return tuple(title) in _CHARGE_TITLES


def _named_envoy(gaz: Gazetteer, words: Sequence[str], j: int, on: object) -> tuple[ActorRef, int] | None:
    """A known envoy named within a few words after the title, past its nisba and mission ('إلى اليمن'),
    or right after the comma that closes them ('المبعوث الشخصي للأمين العام للصحراء، ستافان دي ميستورا')."""
    for k in range(j, min(len(words), j + _ENVOY_WORDS)):
        if words[k] == PUNCT and (k == j or words[k - 1] == PUNCT or k + 1 >= len(words)):
            break
        if words[k] == PUNCT:
            hit = gaz.match_at(words, k + 1)
            terms = _envoys(gaz, hit) if hit is not None and not hit.clitic else []
            return (person_ref(pick_term(terms, on)), hit.end) if terms and hit is not None else None
        hit = gaz.match_at(words, k)
        if hit is None or "person" not in hit.kinds or hit.clitic:
            continue
        terms = _envoys(gaz, hit)
        if terms:
            return person_ref(pick_term(terms, on)), hit.end
    return None


def _envoys(gaz: Gazetteer, hit: Hit) -> list[OfficeHolder]:
    """The envoy or ambassador terms of the person a gazetteer hit names."""
    if "person" not in hit.kinds:
        return []
    return [t for t in gaz.persons_by_name(hit.key) if ROLE_ENVOY in t.roles or ROLE_AMBASSADOR in t.roles]


def name_after(
    gaz: Gazetteer, words: Sequence[str], j: int, country: str | None, on: object
) -> tuple[ActorRef, int] | None:
    """A person named right after a title (honorifics and one comma skipped), of the title's country."""
    k = skip_honorifics(words, j)
    if k < len(words) and words[k] == PUNCT:
        k = skip_honorifics(words, k + 1)
    name = gaz.match_at(words, k)
    if name is None or "person" not in name.kinds or name.clitic:
        return None
    terms = [t for t in gaz.persons_by_name(name.key) if country is None or t.code == country]
    return (person_ref(pick_term(terms, on)), name.end) if terms else None


def title_country(gaz: Gazetteer, words: Sequence[str], j: int) -> tuple[str | None, int]:
    """The country of a title: right after it, or after the ministry's conjoined words
    ('وزير الشؤون الخارجية والاتحاد الأوروبي والتعاون الإسباني' -> ESP), before any comma."""
    country, end = country_after(gaz, words, j)
    if country is not None:
        return country, end
    k = j
    while k < len(words) and k < j + _MINISTRY_WORDS and words[k] != PUNCT:
        hit = gaz.match_at(words, k)
        if hit is not None and ("title" in hit.kinds or "person" in hit.kinds):
            break  # "ولي العهد والرئيس الفرنسي": a second person, not the ministry's long name
        if hit is not None and "nisba" in hit.kinds and not hit.clitic:
            state = gaz.state_by_nisba(hit.key)
            if state is not None:
                return state.iso3, hit.end
        if not words[k].startswith("و") and (k >= j + _ADJECTIVE_WORDS or not words[k].startswith("ال")):
            break
        k += 1
    return None, j


_FORMER = frozenset({"السابق", "السابقه"})  # folded: a former holder of the title (rule 32)


def title_mention(gaz: Gazetteer, words: Sequence[str], hit: Hit, prep: str, on: object, conj: bool) -> Mention | None:
    offices = gaz.offices_by_title(hit.key)
    if not offices:
        return None
    country, j = country_after(gaz, words, hit.end)
    if j < len(words) and words[j] in _FORMER:  # "المستشار السابق أولاف شولتس": the name, not today's holder
        j += 1
    named = name_after(gaz, words, j, country, on)
    if named is None and country is None:
        country, j = title_country(gaz, words, hit.end)
        named = name_after(gaz, words, j, country, on)
    if named is None and country is None:
        country = gaz.sole_states.get(hit.key)  # "البابا": a title only one state's head carries
    if named is not None:
        return Mention(hit.start, named[1], "person", prep, named[0], conj=conj)
    ref = ActorRef(None, None, None, country, offices[0].role, offices[0].office)
    k = skip_honorifics(words, j)
    surname = None  # "الرئيس عون": a bare title followed by a name the gazetteer keeps ambiguous
    if country is None and k < len(words) and words[k] != PUNCT and not words[k].startswith("ال"):
        surname = words[k]
    return Mention(hit.start, j, "title", prep, ref, title_key=hit.key, conj=conj, surname=surname)
