"""Property tests over arbitrary Unicode: never raises, idempotent, offsets valid and round-tripping.

Bounded time: every fold is one regex scan with single-code-point classes or literal prefixes plus work
per edit, and offset composition is a merge of two sorted lists, so cost is linear in the input; the 1 MB
tests run under a pytest-timeout as a guard against a quadratic regression, with no timing assertion.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import fields

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.deadletter import DeadLetterReason
from schemas.normalized import NormalizedArticle
from schemas.outcome import Rejection
from schemas.raw import RawArticle
from services.arabic import FoldOptions, NormalizeLimits, clean_view, match_key, match_view, normalize_article
from services.arabic.fold import clean_growth
from services.arabic.offsets import raw_to_span, span_to_raw
from tests.unit.arabic.support import assert_valid_runs, boundaries, raw_article

# Characters the folds treat specially, so generated text hits every branch often.
SPECIAL = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "أإآٱىةؤئءۀیکپچژڤگھہە"  # letters and the folded variants
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640\u06e1"  # marks, tatweel
    "\ufefb\ufef5\ufdf2\ufdfa\ufe70\ufc5e\ufe8d\ufe91\ufb8f"  # presentation forms
    "\u0000\u200b\u200c\u200d\u200e\u200f\u202b\u2066\ufeff\u00ad\u061c\ud800\udfff"  # invisibles
    " \t\n\r\u00a0\u2028\u3000\u0085\u000b"  # whitespace
    "٠١٢٣٤٥٦٧٨٩۰۴٪٫٬0123456789.,:;!?؟،؛/%-–—«»“”‘’\"'()…"  # digits and punctuation
    "abcXYZéß"
)
texts = st.text(alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=())), max_size=300)
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_round_trip(raw: str, view: str, runs: Sequence[tuple[int, int, int, int]], fold: object) -> None:
    """Spans between run boundaries with non-space ends fold back from their raw span to themselves."""
    assert callable(fold)
    points = boundaries(runs)
    rng = random.Random(len(raw))
    for _ in range(20):
        if len(points) < 2:
            return
        start, end = sorted(rng.sample(points, 2))
        if view[start] in " \n" or view[end - 1] in " \n":
            continue
        raw_start, raw_end = span_to_raw(runs, start, end)
        assert 0 <= raw_start < raw_end <= len(raw)
        assert fold(raw[raw_start:raw_end]) == view[start:end]


@PROPERTY_SETTINGS
@given(texts)
def test_clean_view_is_idempotent_with_valid_round_tripping_offsets(raw: str) -> None:
    clean, runs = clean_view(raw)
    assert_valid_runs(runs, len(clean), len(raw))
    assert clean_view(clean)[0] == clean
    assert clean == clean.strip(" \n") and "  " not in clean and "\n\n" not in clean
    check_round_trip(raw, clean, runs, lambda s: clean_view(s)[0])


@PROPERTY_SETTINGS
@given(texts)
def test_match_view_is_idempotent_with_valid_round_tripping_offsets(raw: str) -> None:
    clean, _ = clean_view(raw)
    match, runs = match_view(clean)
    assert_valid_runs(runs, len(match), len(clean))
    assert match_key(match) == match
    assert match == match_key(raw)
    check_round_trip(clean, match, runs, match_key)


def unchecked_article(text: str) -> RawArticle:
    """A RawArticle built without validation: the schema refuses lone surrogates, the normaliser must not care."""
    return RawArticle.model_construct(**raw_article("x").model_dump(exclude={"text"}), text=text)


def is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(item in remaining for item in short)


@PROPERTY_SETTINGS
@given(texts, st.sampled_from(["", "اقرأ أيضاً\n", "/انتهى/\n", "١٩/٠٣/٢٠٢٤، ٢:٣٧ م\n", "سمات\n", "نص (النهاية)\n"]))
def test_normalize_article_never_raises_and_keeps_its_promises(body: str, chrome: str) -> None:
    raw = chrome + body + "\n" + chrome
    result = normalize_article(unchecked_article(raw))
    plain = normalize_article(unchecked_article(raw), NormalizeLimits(structure=False))
    if isinstance(result, Rejection):
        return
    assert isinstance(result, NormalizedArticle)
    assert_valid_runs(result.clean_to_raw.segments, len(result.clean_text), len(raw))
    assert_valid_runs(result.match_to_raw.segments, len(result.match_text), len(raw))
    assert result.match_text == match_key(result.clean_text)
    for span in result.sentences:
        start, end = span_to_raw(result.clean_to_raw.segments, span.start, span.end)
        assert clean_view(raw[start:end])[0] == result.clean_text[span.start : span.end]
        assert raw_to_span(result.clean_to_raw.segments, start, end) == (span.start, span.end)
    for block in result.removed:
        assert raw[block.raw_start : block.raw_end] == block.text
    # Folds are idempotent; structure rules remove whole lines or a marker at a line's head or tail, so a
    # second pass may cut a line that became first or last (a second dateline, a new last line).
    if isinstance(plain, NormalizedArticle):  # (the language gate may differ once chrome is kept)
        again_plain = normalize_article(unchecked_article(plain.clean_text), NormalizeLimits(structure=False))
        assert isinstance(again_plain, NormalizedArticle) and again_plain.clean_text == plain.clean_text
    again = normalize_article(unchecked_article(result.clean_text))
    if isinstance(again, NormalizedArticle):
        assert is_subsequence(again.clean_text.split("\n"), result.clean_text.split("\n"))


def mixed_text(size: int, seed: int) -> str:
    rng = random.Random(seed)
    words = ["".join(rng.choice(SPECIAL) for _ in range(rng.randint(1, 12))) for _ in range(500)]
    parts: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words)
        parts.append(word)
        length += len(word)
    return "".join(parts)[:size]


@pytest.mark.timeout(60)
def test_one_megabyte_of_mixed_text() -> None:
    raw = mixed_text(1_000_000, seed=1)
    clean, runs = clean_view(raw)
    assert_valid_runs(runs, len(clean), len(raw))
    match, match_runs = match_view(clean)
    assert_valid_runs(match_runs, len(match), len(clean))
    assert clean_view(clean)[0] == clean and match_key(match) == match


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "raw",
    [
        "\u0651" * 1_000_000,  # one combining-mark run
        "\u0000" * 1_000_000,
        "\ud800" * 500_000 + "ب" * 500_000,
        ("اقرأ أيضا " * 100_000)[:1_000_000],  # one huge line of chrome phrases
        ("١/" * 500_000),  # digits and slashes: the dateline regex input is capped
        ("captcha " * 125_000),
        "ب" + "." * 999_998 + "ب",  # one terminator run before a letter: the sentence regex must not backtrack
        "ب. " * 333_333,  # a dot after a single letter at every word: abbreviation checks
        ("الوزير (" * 125_000),  # opening brackets: the agency-tag search
        ("شاهد أيضا\nخبر\n" * 70_000),  # many related headings: each looks at the tail only when it is short
        ("١٩/٠٣/٢٠٢٤\n" * 90_000),  # many dateline-like lines
        ("ب. " + "ع " * 499_998 + "/"),  # single letters up to a closing slash: the initials search
        ("ب. (النهاية)\n" * 90_000),  # end markers closing every paragraph
    ],
    ids=[
        "marks",
        "nul",
        "surrogates",
        "chrome-phrases",
        "digit-slashes",
        "captcha",
        "dots",
        "abbrev",
        "brackets",
        "related-headings",
        "datelines",
        "initials",
        "end-markers",
    ],
)
def test_one_megabyte_adversarial_articles(raw: str) -> None:
    result = normalize_article(unchecked_article(raw), NormalizeLimits(max_chars=2_000_000))
    assert isinstance(result, NormalizedArticle | Rejection)
    if isinstance(result, NormalizedArticle):
        assert_valid_runs(result.clean_to_raw.segments, len(result.clean_text), len(raw))


fold_options = st.builds(FoldOptions, **{f.name: st.booleans() for f in fields(FoldOptions)})


@PROPERTY_SETTINGS
@given(texts, fold_options, st.booleans())
def test_any_switch_combination_never_raises_and_maps_validly(body: str, options: FoldOptions, structure: bool) -> None:
    raw = f"اقرأ أيضاً\n{body}\n\nالوزير يستقبل نظيره.\n"
    result = normalize_article(unchecked_article(raw), NormalizeLimits(folds=options, structure=structure))
    if isinstance(result, NormalizedArticle):
        assert_valid_runs(result.clean_to_raw.segments, len(result.clean_text), len(raw))
        assert_valid_runs(result.match_to_raw.segments, len(result.match_text), len(raw))
        assert result.match_text == match_view(result.clean_text, options)[0]


@PROPERTY_SETTINGS
@given(texts, st.integers(min_value=0, max_value=400), fold_options)
def test_size_gate_bounds_both_views(raw: str, max_chars: int, options: FoldOptions) -> None:
    """too_large exactly when the raw text or its bound (raw length plus presentation-form growth) is over
    the limit; the bound really bounds the clean view; an accepted article's views fit the limit."""
    bound = len(raw) + clean_growth(raw, options)
    assert len(clean_view(raw, options)[0]) <= bound
    result = normalize_article(unchecked_article(raw), NormalizeLimits(max_chars=max_chars, folds=options))
    too_large = isinstance(result, Rejection) and result.reason is DeadLetterReason.TOO_LARGE
    assert too_large == (bound > max_chars)
    if isinstance(result, NormalizedArticle):
        assert len(result.clean_text) <= max_chars and len(result.match_text) <= max_chars
