"""Related-story headings seen in the dev sets' pages (issue 4): each cuts the headlines under it, and the
same words inside a sentence stay."""

from __future__ import annotations

import pytest

from tests.unit.arabic.support import STORY_OPENING as BODY
from tests.unit.arabic.support import STORY_PARAGRAPHS as PARAGRAPHS
from tests.unit.arabic.support import normalized, removed

HEADLINES = "عراقجي: لا تفاوض تحت الضغط\nبزشكيان يستقبل رئيس مجلس الشورى العماني"


HEADINGS = [
    "اخبار مرتبط",  # devset4 005
    "الأخبار ذات الصلة:",  # devset4 009
    "المزيد:",  # devset5 028
    "أخبار ذات الصلة",
    "الأخبار المرتبطة",
    "المواضيع ذات الصلة",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "قد يهمك أيضاً",
    "موضوعات متعلقة",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_heading_cuts_the_headlines_under_it_to_the_end(heading: str) -> None:
    article = normalized(f"{BODY}\n{heading}\n{HEADLINES}")
    assert removed(article) == [("related", f"{heading}\n{HEADLINES}")]
    assert article.clean_text == BODY


@pytest.mark.parametrize("heading", HEADINGS)
def test_heading_cuts_its_list_and_stops_at_the_story(heading: str) -> None:
    article = normalized(f"{BODY}\n{heading}\n{HEADLINES}\n{PARAGRAPHS}")
    assert removed(article) == [("related", f"{heading}\n{HEADLINES}")]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"


@pytest.mark.parametrize(
    "sentence",
    [
        "وبحث الجانبان الأخبار ذات الصلة بالملف النووي وأخبار مرتبطة بالحدود.",
        "المزيد من التنسيق بين البلدين مطلوب في المرحلة المقبلة كما قال الوزير.",
        "ذات الصلة بالاتفاق الموقع بين البلدين في العام الماضي كانت محور اللقاء.",
    ],
)
def test_the_same_words_inside_a_sentence_stay(sentence: str) -> None:
    article = normalized(f"{BODY}\n{sentence}\n{PARAGRAPHS}")
    assert removed(article) == []
