"""End markers and editors' initials closing a paragraph (not on a line of their own).

The samples are written for these tests; none is a real article.
"""

from __future__ import annotations

import pytest

from services.arabic import clean_span_to_raw
from services.arabic.chrome import inline_end
from tests.unit.arabic.support import normalized

FIRST = "قال الوزير إن المحادثات كانت مثمرة."
LAST = "وأضاف أن البلدين اتفقا على مواصلة التشاور."


@pytest.mark.parametrize(
    "tail",
    [
        " /انتهى/",
        " (النهاية)",
        "(النهاية)",  # glued to the full stop
        " -انتهى-",
        " /انتهى",
        " انتهى.",
        " انتهى",
        " انتهى/",
        " النهاية",
        " (النهاية) ع ا ب",
        " (النهاية) م ع ن / ع ج",
        " /انتهى/ ح ح/ ب ط",
    ],
)
def test_end_marker_closing_the_last_paragraph_is_cut_with_raw_offsets(tail: str) -> None:
    raw = f"{FIRST}\n{LAST}{tail}"
    article = normalized(raw)
    assert article.clean_text == f"{FIRST}\n{LAST}"
    assert [(b.kind, b.text) for b in article.removed] == [("chrome", tail)]
    block = article.removed[0]
    assert raw[block.raw_start : block.raw_end] == tail
    last = article.sentences[-1]
    assert raw.__getitem__(slice(*clean_span_to_raw(article, last.start, last.end))) == LAST


def test_end_marker_closing_an_inner_paragraph_ends_the_story() -> None:
    trailer = "خبر آخر لا علاقة له بالموضوع."
    article = normalized(f"{FIRST} انتهى.\n{trailer}")
    assert article.clean_text == FIRST
    assert [(b.kind, b.text) for b in article.removed] == [("chrome", f" انتهى.\n{trailer}")]


@pytest.mark.parametrize("initials", [" ع ا/", " م ع ن / ع ج", " ف ن/ م ش", " ع ا ب / ت ب"])
def test_initials_closing_a_paragraph_are_cut_alone(initials: str) -> None:
    raw = f"{FIRST}{initials}\n{LAST}"
    article = normalized(raw)
    assert article.clean_text == f"{FIRST}\n{LAST}"
    assert [(b.kind, b.text) for b in article.removed] == [("byline", initials)]
    block = article.removed[0]
    assert raw[block.raw_start : block.raw_end] == initials


@pytest.mark.parametrize(
    "text",
    [
        "وأضاف أن الاجتماع انتهى.",  # the verb after its subject
        "انتهى الاجتماع بالاتفاق على مواصلة التشاور.",  # the verb opening a sentence
        'وقال المتحدث: "انتهى."',  # quoted speech
        "وأكد أن النهاية السعيدة قريبة.",
        "وقال إن الحرب لن تنتهي.",
        "ويمكن التقديم عبر البريد و/أو الموقع.",
        "وقال: هذه ليست النهاية (النهاية السعيدة) بعد.",
        "وبلغت النسبة 5 / 3 في المئة. ع",  # a letter, but no slash
    ],
)
def test_words_that_only_look_like_markers_stay(text: str) -> None:
    article = normalized(f"{FIRST}\n{text}")
    assert article.removed == []
    assert article.clean_text == f"{FIRST}\n{text}"


def test_inline_end_positions() -> None:
    body = "نص طويل. " * 100
    assert inline_end(body + "(النهاية)") == (len(body) - 1, "chrome")  # from the space before it
    assert inline_end(f"{FIRST} ع ا/") == (len(FIRST), "byline")
    assert inline_end("(النهاية)") is None  # a line of its own: the line rules cut it
    assert inline_end(FIRST) is None
