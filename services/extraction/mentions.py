"""Actor mentions in a sentence: names, titles with nisbas, states, IGOs, counterparts and pairs.

First pass per sentence (`scan_sentence`); titles are parsed in `titles.py`; the article-level
resolution of titles, counterparts and pairs against the cast of named people and the office holders
on the article date is in `resolve.py`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from schemas.event import Role
from services.extraction.actors import (
    PUNCT,
    ActorRef,
    Mention,
    actor_index,
    after_venue,
    country_after,
    honorific_words,
    pair_offices,
    person_ref,
    phrases_at,
    pick_term,
    prep_of,
    word_seq_at,
)
from services.extraction.codes import ROLE_ORGANIZATION, ROLE_STATE
from services.extraction.gazetteer import Gazetteer, Hit, key_of
from services.extraction.lexicon import fold_words, trigger_index
from services.extraction.morph import proclitic_readings, reads_as
from services.extraction.prefilter import StartFilter
from services.extraction.titles import construct_title, envoy, name_after, title_country, title_mention

__all__ = ["PUNCT", "ActorRef", "Mention", "honorific_words", "person_ref", "scan_sentence"]

_FILTERS: dict[int, StartFilter] = {}  # id(gazetteer) -> its start filter (the gazetteer is not hashable)


# The actor-phrase kinds a mention can start with (see `_mention_at`); prepositions, honorifics and the
# other kinds only qualify a mention found otherwise, so a word starting only those starts none.
_MENTION_KINDS = ("counterpart", "pair", "side", "pronoun:", "envoy:")


def mention_filter(gaz: Gazetteer) -> StartFilter:
    """First words of every gazetteer key and of the actor phrases that start a mention: a position
    starting with none is skipped."""
    found = _FILTERS.get(id(gaz))
    if found is None:
        phrases = {
            first
            for first, entries in actor_index().by_first.items()
            if any(kind.startswith(_MENTION_KINDS) for kind, _seq in entries)
        }
        firsts = frozenset({key.split(" ")[0] for key in gaz.name_keys()} | phrases)
        found = StartFilter(firsts, _may_start_with)
        _FILTERS.clear()
        _FILTERS[id(gaz)] = found
    return found


def _may_start_with(word: str, firsts: frozenset[str]) -> bool:
    if reads_as(word, firsts):
        return True
    return any(("ال" + stem) in firsts for stem, _p in proclitic_readings(word) if not stem.startswith("ال"))


_KINGDOM = frozenset({"المملكه"})  # folded "المملكة"
_COUNCIL = frozenset({"المجلس"})  # a council named before: an organisation's, else the home state's
_BACK_REFERENCES = frozenset({"المجلس", "الوزاره"})  # folded: the council or ministry named before (rule 32)
_MINISTERS = frozenset({"وزراء"})  # folded: "اجتماع لوزراء الخارجية": foreign ministers, no home ministry


@functools.cache
def _body_qualifiers() -> frozenset[str]:
    """Words between a council's name and a state nisba that make it a national body (folded)."""
    return frozenset(fold_words("القومي الوطني والدفاع الأعلى"))


@functools.cache
def _bilateral_council() -> tuple[str, frozenset[str]]:
    """The GCC's short name and the qualifiers that make it two states' own council instead ("مجلس التعاون
    الاستراتيجي رفيع المستوى بين ماليزيا وتركيا"، "مجلس التعاون التنسيقي السعودي العراقي") (folded)."""
    qualifiers = "الاستراتيجي الإستراتيجي التنسيقي المشترك الثنائي رفيع الاقتصادي"
    return key_of("مجلس التعاون"), frozenset(fold_words(qualifiers))


def _national_body(gaz: Gazetteer, words: Sequence[str], council: Hit) -> tuple[str | None, int]:
    """The state whose own council an organisation's council name denotes when a nisba follows it, past at
    most its qualifiers ("مجلس الأمن القومي التركي"، "مجلس الأمن والدفاع السوداني"); the UN's takes none.
    Summits are not councils: "القمة الخليجية الصينية" is a joint summit."""
    j = council.end
    while j < len(words) and words[j] in _body_qualifiers():
        j += 1
    hit = gaz.match_at(words, j) if j < len(words) else None
    if hit is None or "nisba" not in hit.kinds or hit.clitic:  # after a body, "السوداني" is no surname
        return None, j
    state = gaz.state_by_nisba(hit.key)
    return (state.iso3, hit.end) if state is not None else (None, j)


def scan_sentence(
    gaz: Gazetteer, words: Sequence[str], on: object, starts: Sequence[int] | None = None
) -> list[Mention]:
    """Mentions in one sentence's folded words (punctuation as PUNCT), left to right, non-overlapping.
    `starts`: the positions `mention_filter` passes, when the caller has them."""
    out: list[Mention] = []
    free = 0  # the first position not inside a mention already found
    for i in mention_filter(gaz).starts(words, PUNCT) if starts is None else starts:
        if i < free:
            continue
        mention = _mention_at(gaz, words, i, on)
        if mention is not None:
            out.append(mention)
            free = max(mention.end, i + 1)
    return out


def _mention_at(gaz: Gazetteer, words: Sequence[str], i: int, on: object) -> Mention | None:
    conj = words[i][:1] in ("و", "ف") and len(words[i]) > 3
    phrases = phrases_at(words, i)
    n = phrases.get("counterpart", 0)
    if n:
        country, j = country_after(gaz, words, i + n)
        if country is None:
            return None
        named = name_after(gaz, words, j, country, on)
        if named is not None:
            return Mention(i, named[1], "person", prep_of(words, i, None), named[0], conj=conj)
        return Mention(
            i, j, "counterpart", prep_of(words, i, None), ActorRef(None, None, None, country, None), conj=conj
        )
    n = phrases.get("pair", 0)
    if n:
        country, _j = country_after(gaz, words, i + n)
        if country is None:
            stems = {s for s, _p in proclitic_readings(words[i])}
            kind = (
                "states" if stems & set(fold_words("البلدان البلدين الجانبان الجانبين الطرفان الطرفين")) else "persons"
            )
            offices = pair_offices()
            office = next((offices[s] for s in stems if s in offices), None)
            kind = f"{kind}:{office}" if office else kind
            return Mention(i, i + n, "pair", prep_of(words, i, None), pair_kind=kind, conj=conj)
    n = phrases.get("side", 0)
    if n:
        back = n == 1 and reads_as(words[i], _BACK_REFERENCES)  # "أدان المجلس الهجوم الإيراني": not Iran's
        country, j = _own_nisba(gaz, words, i + n) if back else title_country(gaz, words, i + n)
        if country is None and phrases.get("government") == n:
            country, j = _government_seat(gaz, words, i + n)
        if country is not None:
            ref = ActorRef(None, None, None, country, ROLE_STATE)
            minister = "minister" if phrases.get("minister_word") == n else None  # "الوزير الإندونيسي"
            return Mention(i, j, "side", prep_of(words, i, None), ref, title_key=minister, conj=conj)
        if phrases.get("institution") == n and not (i > 0 and reads_as(words[i - 1], _MINISTERS)):
            # "استدعت وزارة الشؤون الخارجية" in the reporting country's copy; "لوزراء الخارجية" names none (rule 35)
            council = "council" if back and reads_as(words[i], _COUNCIL) else None  # "كما قرر المجلس"
            return Mention(i, n + i, "institution", prep_of(words, i, None), title_key=council, conj=conj)
    for kind in phrases:
        if kind.startswith("pronoun:") and phrases.get(kind):
            return Mention(i, i + 1, "pronoun", prep_of(words, i, None), title_key=kind.partition(":")[2], conj=conj)
    for kind in ("envoy:ambassador", "envoy:envoy"):
        n = phrases.get(kind, 0)
        if n:
            return envoy(gaz, words, i, n, Role(kind.partition(":")[2]), conj, on)
    hit = gaz.match_at(words, i)
    if hit is None or "title" not in hit.kinds:
        construct = construct_title(gaz, words, i)
        if construct is not None:
            return title_mention(gaz, words, construct, prep_of(words, i, construct), on, conj)
    if hit is None and reads_as(words[i], _KINGDOM):  # "أعلنت المملكة": the reporting kingdom itself
        country, j = title_country(gaz, words, i + 1)
        if country is not None:  # "المملكة المغربية" when the gazetteer lacks the long name
            ref = ActorRef(None, None, None, country, ROLE_STATE)
            return Mention(i, j, "side", prep_of(words, i, None), ref, conj=conj)
        return Mention(i, i + 1, "institution", prep_of(words, i, None), title_key="kingdom", conj=conj)
    if hit is None:
        return None
    if "capital_nisba" in hit.kinds:  # "العاصمة الأردنية عمان": a place, the name after it too
        after = gaz.match_at(words, hit.end)
        end = after.end if after is not None and ("capital" in after.kinds or "state" in after.kinds) else hit.end
        return Mention(i, end, "place", "")
    if ("person" in hit.kinds or "title" in hit.kinds) and not hit.clitic and after_venue(words, i):
        return Mention(i, hit.end, "place", "")  # "بمطار محمد الخامس": the airport, not the king
    if "person" in hit.kinds and not hit.clitic and _named_venue(gaz, words, i):
        return Mention(i, hit.end, "place", "")  # "مطار رفيق الحريري": the airport, not Saad Hariri
    prep = prep_of(words, i, hit)
    conj = hit.clitic[:1] in ("و", "ف")
    if "title" in hit.kinds:
        return title_mention(gaz, words, hit, prep, on, conj)
    if "person" in hit.kinds:
        terms = gaz.persons_by_name(hit.key)
        if terms:
            # a surname that is also a common word (رئيسي "main") or a trigger verb once hamza is folded
            # (ترأس / Truss): a name only when a title anchors it or the article names the person fully
            clash = hit.end - hit.start == 1 and hit.key in trigger_index()
            risky = (gaz.ambiguity(hit.key) is not None or clash) and not _anchor_before(words, i)
            return Mention(i, hit.end, "person", prep, person_ref(pick_term(terms, on)), ambiguous=risky, conj=conj)
    if "igo" in hit.kinds and gaz.ambiguity(hit.key) is not None and _place_context(words, i, hit.end):
        return Mention(i, hit.end, "place", prep)  # "وصل إلى شنغهاي": the city, not the organisation (rule 35)
    if "igo" in hit.kinds:
        body_of, end = _national_body(gaz, words, hit) if hit.key.startswith("مجلس ") else (None, i)
        if body_of is not None:  # "مجلس الأمن القومي التركي": Turkey's council, not the UN's
            return Mention(i, end, "side", prep, ActorRef(None, None, None, body_of, ROLE_STATE), conj=conj)
        short_name, qualifiers = _bilateral_council()
        if hit.key == short_name and hit.end < len(words) and words[hit.end] in qualifiers:
            return None
        igo = gaz.igo_by_name(hit.key)
        if igo is not None:
            ref = ActorRef(igo.name_ar, igo.name_en, igo.qid, igo.code, ROLE_ORGANIZATION)
            return Mention(i, hit.end, "igo", prep, ref, conj=conj)
    if hit.kinds == frozenset({"nisba"}):  # "الهجوم الإسرائيلي": a state only as the object of blame
        state = gaz.state_by_nisba(hit.key)
        if state is not None and gaz.ambiguity(hit.key) is None:
            ref = ActorRef(state.name_ar, state.name_en, state.qid, state.iso3, ROLE_STATE)
            return Mention(i, hit.end, "nisba", prep, ref, conj=conj)
    if "state" in hit.kinds or "capital" in hit.kinds:
        match = gaz.state_by_name(hit.key)
        if (
            match is not None
            and gaz.ambiguity(hit.key) is not None
            and (hit.clitic.endswith("ب") or _place_context(words, i, hit.end))
        ):
            return Mention(i, hit.end, "place", prep)
        if match is not None and hit.end < len(words) and words[hit.end] in _region_words():
            return Mention(i, hit.end + 1, "place", prep)  # "أمريكا اللاتينية"، "أذربيجان الشرقية": a region
        if match is not None and match.via_capital and i > 0 and reads_as(words[i - 1], _instrument_words()):
            return Mention(i, hit.end, "place", prep)  # "اتفاقية فيينا"، "اتفاق أوسلو": a name, no party
        if match is not None:
            s = match.state
            kind = "capital" if match.via_capital else "state"
            ref = ActorRef(s.name_ar, s.name_en, s.qid, s.iso3, ROLE_STATE)
            return Mention(i, hit.end, kind, prep, ref, conj=conj)
    return None


def _named_venue(gaz: Gazetteer, words: Sequence[str], i: int) -> bool:
    """A surname after a venue noun and a first name the gazetteer does not know ('مطار رفيق الحريري'):
    the venue's name, not the person the surname would name."""
    if i < 2 or words[i - 1] == PUNCT or gaz.match_at(words, i - 1) is not None:
        return False
    return after_venue(words, i - 1)


def _government_seat(gaz: Gazetteer, words: Sequence[str], j: int) -> tuple[str | None, int]:
    """'الحكومة [الانتقالية] في مالي', 'السلطات في بوركينا فاسو': the government of the state named after في
    (a state's name, not a city: 'السلطات في بنغازي' may be a rival one)."""
    if j < len(words) and words[j] != PUNCT and words[j].startswith("ال") and words[j] != "في":
        j += 1  # one adjective: الانتقالية، الجديدة
    if j + 1 >= len(words) or words[j] != "في":
        return None, j
    return country_after(gaz, words, j + 1)


def _place_context(words: Sequence[str], i: int, end: int) -> bool:
    """An ambiguous state/capital name used as a place: after في/إلى, in a dateline, before a date. Mid-sentence,
    a comma after it is no dateline ("أعلنت الجزائر، يوم الاثنين، طرد …": the state)."""
    if i == 0 or words[i - 1] in _place_words():
        return True
    if end < len(words) and words[end] == PUNCT:
        return words[i - 1] == PUNCT
    return end < len(words) and words[end].isascii() and words[end].isdigit()


@functools.cache
def _region_words() -> frozenset[str]:
    """Adjectives that make a state's name a region's ('أمريكا اللاتينية'، 'أيرلندا الشمالية'); states whose
    own name has one ('كوريا الشمالية') match as a whole first."""
    return frozenset(fold_words("اللاتينية الشمالية الجنوبية الشرقية الغربية الوسطى"))


@functools.cache
def _instrument_words() -> frozenset[str]:
    """Instruments and processes named after the city they were made in ('اتفاقية فيينا'، 'اتفاقيات أوسلو'،
    'مسار أستانا'): the city names the instrument, not its state."""
    return frozenset(fold_words("اتفاقية اتفاقيات اتفاق اتفاقات معاهدة معاهدات بروتوكول مسار صيغة إعلان"))


@functools.cache
def _place_words() -> frozenset[str]:
    return frozenset(fold_words("في الى إلى العاصمة مدينة الأردنية العمانية بالعاصمة"))


def _anchor_before(words: Sequence[str], i: int) -> bool:
    """A title or honorific phrase ending right before words[i] (الرئيس رئيسي، آية الله رئيسي)."""
    for k in range(max(0, i - 3), i):
        for kind in ("honorific", "anchor_title"):
            n = word_seq_at(words, k, kind)
            if n and k + n == i:
                return True
    return False


def _own_nisba(gaz: Gazetteer, words: Sequence[str], j: int) -> tuple[str | None, int]:
    """'الوزارة الإيرانية': a ministry or council named again takes only a nisba right after it as its state."""
    hit = gaz.match_at(words, j) if j < len(words) else None
    if hit is not None and "nisba" in hit.kinds and not hit.clitic:
        state = gaz.state_by_nisba(hit.key)
        if state is not None:
            return state.iso3, hit.end
    return None, j
