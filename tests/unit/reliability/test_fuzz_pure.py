"""Adversarial text for the pure stages: any Unicode, no crash, bounded time per input.

`normalize_article` must return a NormalizedArticle or a Rejection, and `extract_events` a list of events,
for every text a RawArticle accepts; each call must finish within its bound (SIGALRM, see timebound.py).
Worst cases are built from the stages' regular expressions and loops: long runs of one character class,
date and figure look-alikes, a 200,000-character single sentence, invisible and bidi controls.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle
from schemas.outcome import Rejection
from schemas.raw import IngestMetadata, RawArticle
from services.arabic import normalize_article
from services.extraction import extract_events
from services.extraction.gazetteer import load_gazetteer
from tests.unit.reliability.timebound import time_bound

MAX_CHARS = 200_000  # Settings.max_text_chars: longer texts are rejected before normalisation
FUZZ_BOUND_SECONDS = 5.0  # per generated input (at most a few thousand characters)
WORST_BOUND_SECONDS = 15.0  # per 200,000-character input; a realistic article that long takes about 1 s

VOCABULARY = (
    "إيران",
    "روسيا",
    "تركيا",
    "مصر",
    "قطر",
    "الصين",
    "الولايات المتحدة",
    "الأمم المتحدة",
    "طهران",
    "موسكو",
    "وزير",
    "الخارجية",
    "الرئيس",
    "السفير",
    "نظيره",
    "التقى",
    "استقبل",
    "زار",
    "وقع",
    "اتفاقية",
    "دان",
    "اتصالاً",
    "هاتفياً",
    "بحث",
    "أعلن",
    "يناير",
    "آذار",
    "تشرين الثاني",
    "1445 هـ",
    "الموافق",
    "يوم",
    "الاثنين",
    "2024",
    "12",
    "3/4/2024",
    "بنسبة",
    "%",
    "مليار دولار",
    "لم",
    "لن",
    "نفى",
    "قد",
    "سوف",
    "وفد",
    "(وام)",
    "/",
    ".",
    "،",
    "؟",
    "!",
    ":",
    "-",
    "\n",
    "\n\n",
    " ",
    "\u064b",
    "\u0640",
    "\u200f",
    "\u200d",
    "\u00a0",
    "\ufeff",
    "\u202e",
    "\x00",
    "\x1b",
    "ﻻ",
    "ﷺ",
    "٣",
    "۴",
    "ك",
    "ی",
    "ة",
    "ء",
    "»",
    "«",
    "...",
    "http://x.y/z",
)
ANY_CHAR = st.characters(exclude_categories=["Cs"])  # RawArticle refuses lone surrogates (schema test)
ARABIC_CHAR = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)


def _raw(text: str) -> RawArticle:
    return RawArticle(
        article_id="fuzz",
        source="fuzz",
        text=text,
        fetched_at=datetime(2024, 3, 19, tzinfo=UTC),
        published_at=datetime(2024, 3, 19, tzinfo=UTC),
        ingest=IngestMetadata(channel="cli"),
    )


def _run(text: str, bound: float) -> NormalizedArticle | Rejection:
    with time_bound(bound):
        outcome = normalize_article(_raw(text))
        assert isinstance(outcome, NormalizedArticle | Rejection)
        if isinstance(outcome, NormalizedArticle):
            assert outcome.raw_text_length == len(text)
            events = extract_events(outcome)
            assert isinstance(events, list)
            assert all(isinstance(e, DiplomaticEvent) and e.article_id == "fuzz" for e in events)
            assert len({e.event_id for e in events}) == len(events), "event ids repeat within one article"
    return outcome


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text(ANY_CHAR, max_size=2000))
def test_any_unicode(text: str) -> None:
    _run(text, FUZZ_BOUND_SECONDS)


@FUZZ
@given(st.text(st.one_of(ARABIC_CHAR, ANY_CHAR, st.sampled_from(" \n.،؟")), max_size=3000))
def test_mostly_arabic_characters(text: str) -> None:
    _run(text, FUZZ_BOUND_SECONDS)


@FUZZ
@given(st.lists(st.sampled_from(VOCABULARY), max_size=600).map(" ".join))
def test_diplomatic_vocabulary_soup(text: str) -> None:
    _run(text, FUZZ_BOUND_SECONDS)


def _fill(unit: str, length: int = MAX_CHARS) -> str:
    return (unit * (length // len(unit) + 1))[:length]


SENTENCE = "التقى وزير خارجية إيران نظيره الروسي في موسكو يوم الاثنين 12 مارس 2024. "
WORST_CASES: dict[str, str] = {
    "realistic-sentences": _fill(SENTENCE),
    "one-sentence-of-actors": _fill("إيران وروسيا وتركيا ومصر وقطر والصين "),
    "dots": "." * MAX_CHARS,
    "dot-space-letter": _fill(". ب"),
    "closers-after-a-stop": "ب." + '"' * (MAX_CHARS - 2),
    "digits": "1" * MAX_CHARS,
    "digit-space": _fill("1 "),
    "date-separators": _fill("1/ "),
    "place-then-spaces": "القاهرة" + " " * (MAX_CHARS - 8) + "1",
    "head-line-almost-date": "أبوظبي في " + _fill("12 ", MAX_CHARS - 10),
    "month-names": _fill("12 يناير "),
    "hijri-almost": _fill("12 رمضان 1445 هـ "),
    "figures": _fill("بنسبة 12.5 "),
    "newlines": _fill("ب\n"),
    "blank-lines": _fill("\n \n"),
    "diacritics": "ب" + "\u064b" * (MAX_CHARS - 1),
    "tatweel": "ب" + "\u0640" * (MAX_CHARS - 1),
    "bidi-controls": _fill("ب\u200f\u202e"),
    "zero-width": _fill("ب\u200d\u200c"),
    "nul-and-escape": _fill("ب\x00\x1b"),
    "bullets": _fill("• - "),
    "one-long-word": "ب" * MAX_CHARS,
}


@pytest.mark.parametrize("name", sorted(WORST_CASES))
def test_worst_case_inputs(name: str) -> None:
    _run(WORST_CASES[name], WORST_BOUND_SECONDS)


# Found by this suite and fixed by the extractor's speed-up commits (context.find_marker/status_at scanned the
# whole sentence for every trigger: 91 s for this input, 2.2 s at 22,400 characters). Kept as a regression.
ONE_LONG_SENTENCE = _fill("التقى وزير خارجية إيران نظيره الروسي وبحث مع تركيا ومصر ")


def test_one_long_sentence_of_triggers_and_actors() -> None:
    _run(ONE_LONG_SENTENCE, WORST_BOUND_SECONDS)


# U+FDFA (ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM) expands to 18 code points in the clean view, so a raw
# text at the 200,000-character limit becomes a 3,600,000-character article (the limit is checked on the raw
# text only). extract_events took 29 s on it when this suite found it (extraction/text.py `_unmap_point`
# rebuilt its index on every call); 3.3 s since commit f401774. Kept as a regression.
LIGATURE_BOMB = "\ufdfa" * MAX_CHARS


def test_presentation_form_ligatures_at_the_limit() -> None:
    _run(LIGATURE_BOMB, WORST_BOUND_SECONDS)


# One 200,000-character sentence of the word "no" written as the lam-alef ligature (U+FEFB): 28 s when this
# suite found it (extraction/locate.py `find_places` ran per candidate and `_city_at` scanned the sentence);
# 5 s after the extractor's later changes. Kept as a regression.
LAM_ALEF_SENTENCE = _fill("\ufefb ")


def test_one_long_sentence_of_lam_alef() -> None:
    _run(LAM_ALEF_SENTENCE, WORST_BOUND_SECONDS)


def test_worst_case_after_the_gazetteer_is_rebuilt() -> None:
    """Word pre-checks were memoised on (word, frozenset): with an equal set rebuilt for a new gazetteer
    object, every hit compared whole sets, and this input took 32 s instead of 1 s."""
    load_gazetteer.cache_clear()
    _run(WORST_CASES["closers-after-a-stop"], WORST_BOUND_SECONDS)
