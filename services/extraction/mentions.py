"""Actor mentions in a sentence: names, titles with nisbas, states, IGOs, counterparts and pairs.

First pass per sentence (`scan_sentence`); the article-level resolution of titles, counterparts and
pairs against the cast of named people and the office holders on the article date is in `resolve.py`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from schemas.event import Role
from services.extraction.gazetteer import Gazetteer, Hit, OfficeHolder
from services.extraction.lexicon import PhraseIndex, data_lines, fold_words, phrase_index, trigger_index
from services.extraction.morph import proclitic_readings

PUNCT = "\x00"  # stands for a punctuation token in word lists given to the gazetteer
_MINISTRY_WORDS = 8  # words of a ministry's long name between a title and its nisba
_ADJECTIVE_WORDS = 2  # other words before the nisba: 'رئيس الجمهورية الإسلامية الإيرانية'
_PREP_CLITICS = {"ب": "ب", "ل": "ل", "ك": "ك"}
# A dual title names the office its two holders share: الرئيسان = the two presidents.
_PAIR_OFFICES = {
    "الرئيسان": "president",
    "الرئيسين": "president",
    "الوزيران": "foreign_minister",
    "الوزيرين": "foreign_minister",
    "الملكان": "king",
}


@dataclass(frozen=True, slots=True)
class ActorRef:
    name_ar: str | None
    name_en: str | None
    wikidata: str | None
    country: str | None
    role: Role | None
    office: str | None = None

    @property
    def ident(self) -> str:
        return self.wikidata or self.name_en or f"{self.country}:{self.role}"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # sentence-local token indices [start, end)
    end: int
    kind: str  # person | title | state | capital | igo | side | counterpart | pair | pronoun | place | envoy_of
    prep: str  # preposition governing the mention ('' if none): ب ل ك مع من الي بين في عن علي
    actor: ActorRef | None = None
    title_key: str | None = None  # for titles: the title's key (for holders_by_title)
    ambiguous: bool = False  # a risky surname (رئيسي) not anchored by a title
    conj: bool = False  # starts with the conjunction و/ف (coordination with the mention before)
    surname: str | None = None  # for titles: the word right after an unnamed title ("الرئيس عون")
    pair_kind: str | None = None  # for pairs: 'persons' or 'states'


@functools.cache
def _pair_offices() -> dict[str, str]:
    return {fold_words(k)[0]: v for k, v in _PAIR_OFFICES.items()}


@functools.cache
def actor_words() -> dict[str, frozenset[tuple[str, ...]]]:
    out: dict[str, set[tuple[str, ...]]] = {}
    for kind, words in data_lines("actor_words.tsv"):
        out.setdefault(kind, set()).add(fold_words(words))
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def _actor_index() -> PhraseIndex:
    return phrase_index(actor_words())


def _phrases_at(words: Sequence[str], i: int) -> dict[str, int]:
    """Kind -> length of the longest actor-word phrase of that kind at words[i]."""
    out: dict[str, int] = {}
    if i < len(words):
        for kind, n in _actor_index().at(words, i):
            out[kind] = max(n, out.get(kind, 0))
    return out


def _word_seq_at(words: Sequence[str], i: int, kind: str) -> int:
    """Length of the longest `kind` phrase at words[i] (proclitics allowed on the first word), or 0."""
    return _phrases_at(words, i).get(kind, 0)


def person_ref(holder: OfficeHolder) -> ActorRef:
    return ActorRef(holder.name_ar, holder.name_en, holder.qid, holder.code, holder.role, holder.office)


def pick_term(terms: Sequence[OfficeHolder], on: object) -> OfficeHolder:
    """The term in office on the article date, else the latest term (identity is what matters)."""
    import datetime as dt

    if isinstance(on, dt.date):
        current = [t for t in terms if t.in_office(on)]
        if current:
            return max(current, key=lambda t: t.term_start)
    return max(terms, key=lambda t: t.term_start)


@functools.cache
def honorific_words() -> frozenset[str]:
    return frozenset(w for seq in actor_words().get("honorific", ()) for w in seq)


def _prep_of(words: Sequence[str], start: int, hit: Hit | None) -> str:
    if hit is None and start < len(words):  # the clitic on an actor word itself: بنظيره، للجانب
        firsts = _actor_index().by_first
        for stem, p in proclitic_readings(words[start]):
            if p and stem in firsts:
                return p
    if hit is not None and hit.clitic:
        last = hit.clitic[-1]
        if last in _PREP_CLITICS:
            return _PREP_CLITICS[last]
    honor = honorific_words()
    while start > 0 and words[start - 1] in honor:
        start -= 1
    if start < len(words):
        for stem, p in proclitic_readings(words[start]):
            if p and stem in honor:
                return p
    if start > 0 and (words[start - 1],) in actor_words().get("prep", frozenset()):
        return words[start - 1]
    if start > 0:
        for stem, _p in proclitic_readings(words[start - 1]):
            if (stem,) in actor_words().get("prep", frozenset()):
                return stem
    return ""


def _skip_honorifics(words: Sequence[str], j: int) -> int:
    """Skip honorifics (السيد، صاحب السمو); a و-prefixed word starts a new conjunct and is not skipped."""
    while j < len(words):
        n = _word_seq_at(words, j, "honorific")
        if not n or (words[j][:1] in ("و", "ف") and (words[j],) not in actor_words().get("honorific", ())):
            break
        j += n
    return j


def _country_after(gaz: Gazetteer, words: Sequence[str], j: int) -> tuple[str | None, int]:
    """A nisba or state name right after a title ('الإيراني', 'روسيا', 'الجمهورية الفرنسية')."""
    hit = gaz.match_at(words, j)
    if hit is None or hit.clitic[:1] in ("و", "ف"):
        return None, j
    if "nisba" in hit.kinds:
        state = gaz.state_by_nisba(hit.key)
        if state is not None:
            return state.iso3, hit.end
    if "state" in hit.kinds:
        match = gaz.state_by_name(hit.key)
        if match is not None and not match.via_capital:
            return match.state.iso3, hit.end
    if "igo" in hit.kinds:
        igo = gaz.igo_by_name(hit.key)
        if igo is not None:
            return igo.code, hit.end
    return None, j


_FIRSTS: dict[int, frozenset[str]] = {}  # id(gazetteer) -> first words (the gazetteer is not hashable)


def _first_words(gaz: Gazetteer) -> frozenset[str]:
    """First words of every gazetteer key and actor phrase: a position starting with none is skipped."""
    found = _FIRSTS.get(id(gaz))
    if found is None:
        found = frozenset({key.split(" ")[0] for key in gaz.name_keys()} | set(_actor_index().by_first))
        _FIRSTS.clear()
        _FIRSTS[id(gaz)] = found
    return found


def may_start(gaz: Gazetteer, word: str) -> bool:
    """Can a gazetteer key or actor phrase start at this word (cheap, cached pre-check)?"""
    return _may_start_cached(word, _first_words(gaz))


@functools.lru_cache(maxsize=100_000)
def _may_start_cached(word: str, firsts: frozenset[str]) -> bool:
    if any(stem in firsts for stem, _p in proclitic_readings(word)):
        return True
    return any(("ال" + stem) in firsts for stem, _p in proclitic_readings(word) if not stem.startswith("ال"))


def scan_sentence(gaz: Gazetteer, words: Sequence[str], on: object) -> list[Mention]:
    """Mentions in one sentence's folded words (punctuation as PUNCT), left to right, non-overlapping."""
    out: list[Mention] = []
    i = 0
    while i < len(words):
        if words[i] == PUNCT or not may_start(gaz, words[i]):
            i += 1
            continue
        mention = _mention_at(gaz, words, i, on)
        if mention is None:
            i += 1
            continue
        out.append(mention)
        i = max(mention.end, i + 1)
    return out


def _mention_at(gaz: Gazetteer, words: Sequence[str], i: int, on: object) -> Mention | None:
    conj = words[i][:1] in ("و", "ف") and len(words[i]) > 3
    phrases = _phrases_at(words, i)
    n = phrases.get("counterpart", 0)
    if n:
        country, j = _country_after(gaz, words, i + n)
        if country is None:
            return None
        named = _name_after(gaz, words, j, country, on)
        if named is not None:
            return Mention(i, named[1], "person", _prep_of(words, i, None), named[0], conj=conj)
        return Mention(
            i, j, "counterpart", _prep_of(words, i, None), ActorRef(None, None, None, country, None), conj=conj
        )
    n = phrases.get("pair", 0)
    if n:
        country, _j = _country_after(gaz, words, i + n)
        if country is None:
            stems = {s for s, _p in proclitic_readings(words[i])}
            kind = (
                "states" if stems & set(fold_words("البلدان البلدين الجانبان الجانبين الطرفان الطرفين")) else "persons"
            )
            offices = _pair_offices()
            office = next((offices[s] for s in stems if s in offices), None)
            kind = f"{kind}:{office}" if office else kind
            return Mention(i, i + n, "pair", _prep_of(words, i, None), pair_kind=kind, conj=conj)
    n = phrases.get("side", 0)
    if n:
        country, j = _title_country(gaz, words, i + n)
        if country is not None:
            ref = ActorRef(None, None, None, country, Role.STATE)
            return Mention(i, j, "side", _prep_of(words, i, None), ref, conj=conj)
    for kind in phrases:
        if kind.startswith("pronoun:") and phrases.get(kind):
            return Mention(i, i + 1, "pronoun", _prep_of(words, i, None), title_key=kind.partition(":")[2], conj=conj)
    for kind in ("envoy:ambassador", "envoy:envoy"):
        n = phrases.get(kind, 0)
        if n:
            return _envoy(gaz, words, i, n, Role(kind.partition(":")[2]), conj, on)
    hit = gaz.match_at(words, i)
    if hit is None or "title" not in hit.kinds:
        construct = _construct_title(gaz, words, i)
        if construct is not None:
            return _title_mention(gaz, words, construct, _prep_of(words, i, construct), on, conj)
    if hit is None:
        return None
    if "capital_nisba" in hit.kinds:  # "العاصمة الأردنية عمان": a place, the name after it too
        after = gaz.match_at(words, hit.end)
        end = after.end if after is not None and after.kinds & {"capital", "state"} else hit.end
        return Mention(i, end, "place", "")
    prep = _prep_of(words, i, hit)
    conj = hit.clitic[:1] in ("و", "ف")
    if "title" in hit.kinds:
        return _title_mention(gaz, words, hit, prep, on, conj)
    if "person" in hit.kinds:
        terms = gaz.persons_by_name(hit.key)
        if terms:
            # a surname that is also a common word (رئيسي "main") or a trigger verb once hamza is folded
            # (ترأس / Truss): a name only when a title anchors it or the article names the person fully
            clash = hit.end - hit.start == 1 and hit.key in trigger_index()
            risky = (gaz.ambiguity(hit.key) is not None or clash) and not _anchor_before(words, i)
            return Mention(i, hit.end, "person", prep, person_ref(pick_term(terms, on)), ambiguous=risky, conj=conj)
    if "igo" in hit.kinds:
        igo = gaz.igo_by_name(hit.key)
        if igo is not None:
            ref = ActorRef(igo.name_ar, igo.name_en, igo.qid, igo.code, Role.ORGANIZATION)
            return Mention(i, hit.end, "igo", prep, ref, conj=conj)
    if hit.kinds == frozenset({"nisba"}):  # "الهجوم الإسرائيلي": a state only as the object of blame
        state = gaz.state_by_nisba(hit.key)
        if state is not None and gaz.ambiguity(hit.key) is None:
            ref = ActorRef(state.name_ar, state.name_en, state.qid, state.iso3, Role.STATE)
            return Mention(i, hit.end, "nisba", prep, ref, conj=conj)
    if "state" in hit.kinds or "capital" in hit.kinds:
        match = gaz.state_by_name(hit.key)
        if (
            match is not None
            and gaz.ambiguity(hit.key) is not None
            and (hit.clitic.endswith("ب") or _place_context(words, i, hit.end))
        ):
            return Mention(i, hit.end, "place", prep)
        if match is not None:
            s = match.state
            kind = "capital" if match.via_capital else "state"
            ref = ActorRef(s.name_ar, s.name_en, s.qid, s.iso3, Role.STATE)
            return Mention(i, hit.end, kind, prep, ref, conj=conj)
    return None


def _construct_title(gaz: Gazetteer, words: Sequence[str], i: int) -> Hit | None:
    """A title in construct state, without the article: 'أمير قطر', 'لأمير دولة الكويت', 'وزير خارجية مصر'."""
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


def _envoy(gaz: Gazetteer, words: Sequence[str], i: int, n: int, role: Role, conj: bool, on: object) -> Mention:
    """An ambassador or envoy and the country that sends them: 'السفير الإيراني', 'سفير خادم الحرمين'."""
    country, j = _country_after(gaz, words, i + n)
    if country is None:
        hit = gaz.match_at(words, i + n)
        if hit is not None and "title" in hit.kinds:
            sender = _title_mention(gaz, words, hit, "", on, False)
            if sender is not None and sender.actor is not None:
                country, j = sender.actor.country, hit.end
                if country is None:
                    return Mention(i, hit.end, "envoy_of", _prep_of(words, i, None), sender.actor, conj=conj)
    ref = ActorRef(None, None, None, country, role)
    return Mention(i, max(j, i + n), "title" if country else "envoy_of", _prep_of(words, i, None), ref, conj=conj)


def _place_context(words: Sequence[str], i: int, end: int) -> bool:
    """An ambiguous state/capital name used as a place: after في/إلى, in a dateline, before a date."""
    if i == 0 or words[i - 1] in _place_words():
        return True
    return end < len(words) and ((words[end].isascii() and words[end].isdigit()) or words[end] == PUNCT)


@functools.cache
def _place_words() -> frozenset[str]:
    return frozenset(fold_words("في الى إلى العاصمة مدينة الأردنية العمانية بالعاصمة"))


def _anchor_before(words: Sequence[str], i: int) -> bool:
    """A title or honorific phrase ending right before words[i] (الرئيس رئيسي، آية الله رئيسي)."""
    for k in range(max(0, i - 3), i):
        for kind in ("honorific", "anchor_title"):
            n = _word_seq_at(words, k, kind)
            if n and k + n == i:
                return True
    return False


def _name_after(
    gaz: Gazetteer, words: Sequence[str], j: int, country: str | None, on: object
) -> tuple[ActorRef, int] | None:
    """A person named right after a title (honorifics and one comma skipped), of the title's country."""
    k = _skip_honorifics(words, j)
    if k < len(words) and words[k] == PUNCT:
        k = _skip_honorifics(words, k + 1)
    name = gaz.match_at(words, k)
    if name is None or "person" not in name.kinds or name.clitic:
        return None
    terms = [t for t in gaz.persons_by_name(name.key) if country is None or t.code == country]
    return (person_ref(pick_term(terms, on)), name.end) if terms else None


def _title_country(gaz: Gazetteer, words: Sequence[str], j: int) -> tuple[str | None, int]:
    """The country of a title: right after it, or after the ministry's conjoined words
    ('وزير الشؤون الخارجية والاتحاد الأوروبي والتعاون الإسباني' -> ESP), before any comma."""
    country, end = _country_after(gaz, words, j)
    if country is not None:
        return country, end
    k = j
    while k < len(words) and k < j + _MINISTRY_WORDS and words[k] != PUNCT:
        hit = gaz.match_at(words, k)
        if hit is not None and hit.kinds & {"title", "person"}:
            break  # "ولي العهد والرئيس الفرنسي": a second person, not the ministry's long name
        if hit is not None and "nisba" in hit.kinds and not hit.clitic:
            state = gaz.state_by_nisba(hit.key)
            if state is not None:
                return state.iso3, hit.end
        if not words[k].startswith("و") and (k >= j + _ADJECTIVE_WORDS or not words[k].startswith("ال")):
            break
        k += 1
    return None, j


def _title_mention(gaz: Gazetteer, words: Sequence[str], hit: Hit, prep: str, on: object, conj: bool) -> Mention | None:
    offices = gaz.offices_by_title(hit.key)
    if not offices:
        return None
    country, j = _country_after(gaz, words, hit.end)
    named = _name_after(gaz, words, j, country, on)
    if named is None and country is None:
        country, j = _title_country(gaz, words, hit.end)
        named = _name_after(gaz, words, j, country, on)
    if named is not None:
        return Mention(hit.start, named[1], "person", prep, named[0], conj=conj)
    ref = ActorRef(None, None, None, country, offices[0].role, offices[0].office)
    k = _skip_honorifics(words, j)
    surname = None  # "الرئيس عون": a bare title followed by a name the gazetteer keeps ambiguous
    if country is None and k < len(words) and words[k] != PUNCT and not words[k].startswith("ال"):
        surname = words[k]
    return Mention(hit.start, j, "title", prep, ref, title_key=hit.key, conj=conj, surname=surname)
