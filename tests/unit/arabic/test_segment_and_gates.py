"""Sentence segmentation and the size, empty and language gates."""

from __future__ import annotations

import pytest

from schemas.deadletter import DeadLetterReason
from services.arabic import FoldOptions, NormalizeLimits
from tests.unit.arabic.support import normalized, rejected


def sentences_of(text: str) -> list[str]:
    article = normalized(text)
    return [article.clean_text[s.start : s.end] for s in article.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتفع بنسبة 3.5% العام الماضي. وقال الوزير كلمة.", ["ارتفع بنسبة 3.5% العام الماضي.", "وقال الوزير كلمة."]),
        ("ألقى المحاضرة يوم 13 / 3 في ندوة. ثم غادر.", ["ألقى المحاضرة يوم 13 / 3 في ندوة.", "ثم غادر."]),
        ("التقى د. محمد بالوزير. وبحثا التعاون.", ["التقى د. محمد بالوزير.", "وبحثا التعاون."]),
        ("توفي عام 632 م. وكان ذلك في المدينة.", ["توفي عام 632 م. وكان ذلك في المدينة."]),
        ("سنة 1445 هـ. وانتهى اللقاء.", ["سنة 1445 هـ. وانتهى اللقاء."]),
        ("زار U.S. الوزير. ثم عاد.", ["زار U.S. الوزير.", "ثم عاد."]),
        ("قبل 300 ق.م. بدأت الحكاية.", ["قبل 300 ق.م. بدأت الحكاية."]),
        ('هل اتفقا؟ نعم! وقال: "انتهى الأمر." ثم غادر…', ["هل اتفقا؟", "نعم!", 'وقال: "انتهى الأمر."', "ثم غادر…"]),
        ("بلغ 1.200.000 دولار... وقال الوزير", ["بلغ 1.200.000 دولار...", "وقال الوزير"]),
        ("السطر الأول بلا نقطة\nالسطر الثاني.", ["السطر الأول بلا نقطة", "السطر الثاني."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_sentences_stay_inside_paragraphs() -> None:
    article = normalized("الفقرة الأولى. جملة ثانية\nالفقرة الثانية")
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    assert all(any(s <= x.start and x.end <= e for s, e in paragraphs) for x in article.sentences)
    assert len(article.sentences) == 3


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u200f\u200b\ufeff \u0000", "\u00a0\u2028"])
def test_empty_text(text: str) -> None:
    assert rejected(text).reason is DeadLetterReason.EMPTY_TEXT


def test_text_that_is_only_chrome_is_empty() -> None:
    assert rejected("رمز الخبر 1942574\nسمات\n• captcha").reason is DeadLetterReason.EMPTY_TEXT


def test_too_large_is_checked_on_the_raw_length() -> None:
    limits = NormalizeLimits(max_chars=13)
    assert rejected("الوزير يستقبل نظيره", limits).reason is DeadLetterReason.TOO_LARGE
    assert normalized("الوزير يستقبل", limits).clean_text == "الوزير يستقبل"


def test_too_large_is_checked_on_the_expanded_views() -> None:
    # U+FDFA folds to 18 code points: 12 raw characters make a clean view of 29.
    text = "قال \ufdfa الوزير"
    assert len(normalized(text).clean_text) == 29
    rejection = rejected(text, NormalizeLimits(max_chars=28))
    assert rejection.reason is DeadLetterReason.TOO_LARGE
    assert "up to 29" in rejection.message
    assert len(normalized(text, NormalizeLimits(max_chars=29)).clean_text) == 29
    # With the presentation-form fold off nothing expands, so only the raw length counts.
    unfolded = NormalizeLimits(max_chars=12, folds=FoldOptions(presentation_forms=False))
    assert normalized(text, unfolded).clean_text == text


def test_size_bound_is_conservative() -> None:
    # The bound is computed before the views are built: a two-letter ligature (U+FEFB -> لا) adds one,
    # and what deletions and space runs would save is not subtracted (34 raw code points, bound 35,
    # clean view 5).
    text = "\u200f\ufefb" + " " * 30 + "بد"
    limits = NormalizeLimits(max_chars=len(text))
    assert rejected(text, limits).reason is DeadLetterReason.TOO_LARGE
    assert normalized(text, NormalizeLimits(max_chars=len(text) + 1)).clean_text == "لا بد"


@pytest.mark.parametrize("text", ["The minister met his counterpart.", "12/03/2024 — 3.5% ...", "Встреча министров"])
def test_not_arabic(text: str) -> None:
    assert rejected(text).reason is DeadLetterReason.NOT_ARABIC


def test_language_threshold_counts_letters_of_the_kept_text() -> None:
    # 10 Arabic letters, 10 Latin letters: exactly 50% passes the default threshold, 51% does not.
    text = "الوزيريستق abcdefghij"
    assert normalized(text).clean_text == text
    assert rejected(text, NormalizeLimits(min_arabic_ratio=0.51)).reason is DeadLetterReason.NOT_ARABIC
    # Persian and Urdu letters count as Arabic script; digits, marks and punctuation do not count at all.
    assert normalized("هاتفی گفت 2024 ...!").language == "ar"
    # Chrome is removed before the gate: an Arabic body with an English comment form passes.
    assert normalized("الوزير يستقبل نظيره.\nYou are replying to: .").clean_text == "الوزير يستقبل نظيره."


def test_nothing_is_built_at_import_time() -> None:
    import subprocess
    import sys

    code = (
        "import services.arabic\n"
        "from services.arabic.presentation import presentation_table\n"
        "from services.arabic.chrome import line_rules\n"
        "print(presentation_table.cache_info().currsize, line_rules.cache_info().currsize)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["0", "0"]
