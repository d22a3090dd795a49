"""Light Arabic morphology on folded words: proclitics and suffix pronouns, no parser.

Works on match_key output (so ة is already ه, hamza seats on alef are bare ا). Every function returns the
candidate readings of one word; the caller keeps the one a lexicon knows, preferring the least stripped.
"""

from __future__ import annotations

from typing import Final

from services.extraction.memo import remember

CONJ = ("و", "ف")
PREPS = ("ب", "ل", "ك")
ARTICLE = "ال"
# Suffix pronouns on nouns, longest first: -hima, -hum, -hunna, -kum, -na, -ha, -h.
SUFFIXES = ("هما", "هم", "هن", "كم", "نا", "ها", "ه")
_MIN_STEM = 2


_PROCLITIC: Final[dict[str, tuple[tuple[str, str], ...]]] = {}
_NOUN: Final[dict[str, tuple[str, ...]]] = {}
_VERB: Final[dict[str, tuple[tuple[str, bool], ...]]] = {}
_MEMO_WORDS = 65536


def proclitic_readings(word: str) -> tuple[tuple[str, str], ...]:
    """(stem, preposition) readings of a word, least stripped first.

    و/ف are conjunctions; ب/ل/ك prepositions; لل is ل + the article (للرئيس -> الرئيس) or ل + ل (للقاء).
    The preposition ('' if none) is returned because it tells the role of an actor (بالرئيس = with).
    """
    found = _PROCLITIC.get(word)
    return found if found is not None else remember(_PROCLITIC, word, _proclitic_new(word), _MEMO_WORDS)


def _proclitic_new(word: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = [(word, "")]
    bases = [word]
    if len(word) > _MIN_STEM and word[0] in CONJ:
        bases.append(word[1:])
        out.append((word[1:], ""))
    for base in bases:
        if len(base) > _MIN_STEM + 1 and base.startswith("لل"):
            out.append((ARTICLE + base[2:], "ل"))
            out.append((base[1:], "ل"))  # ل + a word starting with ل: للقاء، للبنان
        elif len(base) > _MIN_STEM + 1 and base[0] in PREPS:
            out.append((base[1:], base[0]))
    return tuple(dict.fromkeys(out))


def reads_as(word: str, stems: frozenset[str]) -> bool:
    """Is one of `word`'s proclitic readings in `stems` ('وبمحافظة' reads as 'محافظة')?"""
    return any(stem in stems for stem, _p in proclitic_readings(word))


def noun_readings(word: str) -> tuple[str, ...]:
    """Stems of a noun: proclitics, the article and one suffix pronoun stripped (لقائه -> لقاء, زيارته -> زياره)."""
    found = _NOUN.get(word)
    return found if found is not None else remember(_NOUN, word, _noun_new(word), _MEMO_WORDS)


def _noun_new(word: str) -> tuple[str, ...]:
    out: list[str] = []
    for stem, _prep in proclitic_readings(word):
        forms = [stem]
        if stem.startswith(ARTICLE) and len(stem) > _MIN_STEM + 2:
            forms.append(stem[2:])
        if stem.endswith("ا") and len(stem) > _MIN_STEM + 2:
            forms.append(stem[:-1])  # the accusative's alef: "عقد اجتماعاً" -> اجتماع
        for form in forms:
            out.append(form)
            out.extend(_strip_suffix(form))
    return tuple(dict.fromkeys(out))


def _strip_suffix(form: str) -> list[str]:
    out: list[str] = []
    for suf in SUFFIXES:
        if form.endswith(suf) and len(form) - len(suf) >= _MIN_STEM + 1:
            stem = form[: -len(suf)]
            out.append(stem)
            if stem.endswith("ت"):
                out.append(stem[:-1] + "ه")  # ta marbuta before a pronoun: زيارت-ه -> زياره
            if stem.endswith(("ئ", "ؤ")):
                out.append(stem[:-1] + "ء")  # hamza seat before a pronoun: لقائ-ه -> لقاء
            if stem.endswith("ا") and len(stem) > _MIN_STEM + 1:
                out.append(stem)
            break
    return out


def verb_readings(word: str) -> tuple[tuple[str, bool], ...]:
    """(stem, future) readings of a verb: conjunction stripped, then the future prefix سـ (سيزور -> يزور)."""
    found = _VERB.get(word)
    return found if found is not None else remember(_VERB, word, _verb_new(word), _MEMO_WORDS)


def _verb_new(word: str) -> tuple[tuple[str, bool], ...]:
    out: list[tuple[str, bool]] = [(word, False)]
    if len(word) > _MIN_STEM + 1 and word[0] in CONJ:
        out.append((word[1:], False))
    for stem, _f in list(out):
        if len(stem) > _MIN_STEM + 2 and stem[0] == "س" and stem[1] in "يتنا":
            out.append((stem[1:], True))
    return tuple(dict.fromkeys(out))
