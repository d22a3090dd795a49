"""The actor vocabulary shared by mention scanning and title parsing: the two reference types, the
actor-word phrase table (honorifics, counterparts, pairs, sides, envoys, prepositions) and the small
helpers that read prepositions and honorifics around a name."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from schemas.event import Role
from services.extraction.gazetteer import Gazetteer, Hit, OfficeHolder
from services.extraction.lexicon import PhraseIndex, data_lines, fold_words, phrase_index
from services.extraction.morph import proclitic_readings, reads_as

PUNCT = "\x00"  # stands for a punctuation token in word lists given to the gazetteer
_PREP_CLITICS = {"ب": "ب", "ل": "ل", "ك": "ك"}
# A dual title names the office its two holders share: الرئيسان = the two presidents.
_PAIR_OFFICES = {
    "الرئيسان": "president",
    "الرئيسين": "president",
    "الوزيران": "foreign_minister",
    "الوزيرين": "foreign_minister",
    "الملكان": "king",
}


@dataclass(frozen=True, slots=True, init=False)
class ActorRef:
    name_ar: str | None
    name_en: str | None
    wikidata: str | None
    country: str | None
    role: Role | None
    office: str | None

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        name_ar: str | None,
        name_en: str | None,
        wikidata: str | None,
        country: str | None,
        role: Role | None,
        office: str | None = None,
    ) -> None:
        object.__setattr__(self, "name_ar", name_ar)
        object.__setattr__(self, "name_en", name_en)
        object.__setattr__(self, "wikidata", wikidata)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "office", office)

    @property
    def ident(self) -> str:
        return self.wikidata or self.name_en or f"{self.country}:{self.role}"


@dataclass(frozen=True, slots=True, init=False)
class Mention:
    start: int  # sentence-local token indices [start, end)
    end: int
    kind: str  # person | title | state | capital | igo | side | counterpart | pair | pronoun | place | envoy_of
    prep: str  # preposition governing the mention ('' if none): ب ل ك مع من الي بين في عن علي
    actor: ActorRef | None
    title_key: str | None  # for titles: the title's key (for holders_by_title)
    ambiguous: bool  # a risky surname (رئيسي) not anchored by a title
    conj: bool  # starts with the conjunction و/ف (coordination with the mention before)
    surname: str | None  # for titles: the word right after an unnamed title ("الرئيس عون")
    pair_kind: str | None  # for pairs: 'persons' or 'states'

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        prep: str,
        actor: ActorRef | None = None,
        title_key: str | None = None,
        ambiguous: bool = False,
        conj: bool = False,
        surname: str | None = None,
        pair_kind: str | None = None,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "prep", prep)
        object.__setattr__(self, "actor", actor)
        object.__setattr__(self, "title_key", title_key)
        object.__setattr__(self, "ambiguous", ambiguous)
        object.__setattr__(self, "conj", conj)
        object.__setattr__(self, "surname", surname)
        object.__setattr__(self, "pair_kind", pair_kind)


@functools.cache
def pair_offices() -> dict[str, str]:
    return {fold_words(k)[0]: v for k, v in _PAIR_OFFICES.items()}


@functools.cache
def actor_words() -> dict[str, frozenset[tuple[str, ...]]]:
    out: dict[str, set[tuple[str, ...]]] = {}
    for kind, words in data_lines("actor_words.tsv"):
        out.setdefault(kind, set()).add(fold_words(words))
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def actor_index() -> PhraseIndex:
    return phrase_index(actor_words())


def phrases_at(words: Sequence[str], i: int) -> dict[str, int]:
    """Kind -> length of the longest actor-word phrase of that kind at words[i]."""
    return actor_index().kinds_at(words, i) if i < len(words) else {}


def word_seq_at(words: Sequence[str], i: int, kind: str) -> int:
    """Length of the longest `kind` phrase at words[i] (proclitics allowed on the first word), or 0."""
    return phrases_at(words, i).get(kind, 0)


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


def each_of(words: Sequence[str], i: int) -> bool:
    """Does the word at i follow "كل من" / "كلاً من" (each of)? Its من is then no preposition."""
    return i > 1 and words[i - 1] == "من" and words[i - 2] in _words_of_kind("quantifier")


@functools.cache
def _words_of_kind(kind: str) -> frozenset[str]:
    """Every word of the actor-word lexicon's entries of one kind (honorific, delegation, venue ...)."""
    return frozenset(w for seq in actor_words().get(kind, ()) for w in seq)


@functools.cache
def honorific_words() -> frozenset[str]:
    return _words_of_kind("honorific")


@functools.cache
def delegation_words() -> frozenset[str]:
    """وفد، وفدي، الوفدين: a delegation stands for its state ('بين وفدي السودان وجنوب السودان')."""
    return _words_of_kind("delegation")


def dual_delegations() -> frozenset[str]:
    """الوفدين، وفدي، وفدا (folded): one delegation word for two parties."""
    return _DUAL_DELEGATIONS


_DUAL_DELEGATIONS = frozenset({"الوفدين", "وفدي", "وفدا"})


@functools.cache
def _honorific_or_delegation() -> frozenset[str]:
    return honorific_words() | delegation_words()


@functools.cache
def relative_verbs() -> frozenset[str]:
    """تلقاه، أجراه: 'اتصال هاتفي تلقاه X من Y' - the verb after a verbal noun, its subject the noun's agent."""
    return _words_of_kind("relative_verb")


@functools.cache
def venue_words() -> frozenset[str]:
    """مطار، قصر، جامعة: the name after one is a venue ('بمطار محمد الخامس'), not a party."""
    return _words_of_kind("venue")


def after_venue(words: Sequence[str], i: int) -> bool:
    """Is words[i] the start of a venue's name (right after مطار، قصر، جامعة …, proclitics allowed)?"""
    return i > 0 and reads_as(words[i - 1], venue_words())


@functools.cache
def place_nouns() -> frozenset[str]:
    """سواحل، قبالة، الأراضي: the state named after one is where something happened, not a party."""
    return _words_of_kind("place_noun")


_DELEGATION_REACH = 4  # "بين الوفد العسكري - التقني اللبناني": adjectives between a delegation and its nisba


@functools.cache
def pair_nouns() -> frozenset[str]:
    """الجانبان، البلدان، الطرفين: the two parties of an interaction, qualified by nisbas after them."""
    return _words_of_kind("pair")


def qualifies_pair(words: Sequence[str], start: int) -> bool:
    """'وقّع الجانبان المصري والصيني': a nisba right after a pair noun, or the one joined to it by و, names
    one of the two parties."""

    def is_pair(k: int) -> bool:
        return k >= 0 and reads_as(words[k], pair_nouns())

    return is_pair(start - 1) or (start < len(words) and words[start].startswith("و") and is_pair(start - 2))


def after_delegation(words: Sequence[str], start: int) -> bool:
    """Does the name at words[start] qualify a delegation: the delegation word itself, or one a few definite
    adjectives before it ('الوفد الإيراني'، 'ووفد العدو الإسرائيلي'، 'الوفد العسكري - التقني اللبناني'، past the
    body it comes from: 'وفداً من الكونغرس الأمريكي')?
    The second party of a pair noun ('بين البلدين') is a mention of no width after it: at the end of an unpunctuated
    line (a headline) it starts past the last word."""
    if start < len(words) and words[start] in delegation_words():
        return True
    for k in range(start - 1, max(-1, start - 1 - _DELEGATION_REACH), -1):
        if reads_as(words[k], delegation_words()):
            return True
        if words[k] != PUNCT and words[k] != "من" and not words[k].startswith("ال"):
            return False  # "وفداً من الكونغرس الأمريكي": the body it comes from between them (rule 35)
    return False


@functools.cache
def border_nouns() -> frozenset[str]:
    """الحدود: 'الحدود مع سوريا' names where, not who."""
    return _words_of_kind("border_noun")


def after_place_noun(words: Sequence[str], start: int) -> bool:
    """Is words[start] a state named as a place: right after a place noun ('قبالة سواحل اليمن'، 'بمحافظة'),
    or after 'الحدود مع' ('والحدود مع سوريا'); proclitics allowed on the noun."""
    if start > 0 and (words[start - 1] in place_nouns() or reads_as(words[start - 1], place_nouns())):
        return True
    return start > 1 and words[start - 1] == "مع" and reads_as(words[start - 2], border_nouns())


def prep_of(words: Sequence[str], start: int, hit: Hit | None) -> str:
    if hit is None and start < len(words):  # the clitic on an actor word itself: بنظيره، للجانب
        firsts = actor_index().by_first
        for stem, p in proclitic_readings(words[start]):
            if p and stem in firsts:
                return p
    if hit is not None and hit.clitic:
        last = hit.clitic[-1]
        if last in _PREP_CLITICS:
            return _PREP_CLITICS[last]
    honor = _honorific_or_delegation()
    while start > 0 and words[start - 1] in honor:
        start -= 1
    if start < len(words):
        for stem, p in proclitic_readings(words[start]):
            if p and stem in honor:
                return p
    if each_of(words, start):
        return ""  # "كل من السعودية والإمارات"، "استقبل كلا من …": a quantifier over the actors, no preposition
    if start > 0:
        preps = _prep_words()
        if words[start - 1] in preps:
            return words[start - 1]
        for stem, _p in proclitic_readings(words[start - 1]):
            if stem in preps:
                return stem
    return ""


@functools.cache
def _prep_words() -> frozenset[str]:
    """The one-word prepositions of actor_words.tsv (looked up as words, not as 1-word phrases)."""
    return frozenset(seq[0] for seq in actor_words().get("prep", frozenset()) if len(seq) == 1)


def skip_honorifics(words: Sequence[str], j: int) -> int:
    """Skip honorifics (السيد، صاحب السمو); a و-prefixed word starts a new conjunct and is not skipped."""
    while j < len(words):
        n = word_seq_at(words, j, "honorific")
        if not n or (words[j][:1] in ("و", "ف") and (words[j],) not in actor_words().get("honorific", ())):
            break
        j += n
    return j


def country_after(gaz: Gazetteer, words: Sequence[str], j: int) -> tuple[str | None, int]:
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
