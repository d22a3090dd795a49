"""Page chrome that devset10 and the other dev sets' pages printed and the normaliser let through (issue 4):
share bars of network names only, tag and news-code lines (also in Persian letters), follow and newsletter
prompts, editor and copyright lines, SPA's `// انتهى //` trailer, Mehr's `اقرأ أكثر:` list with ◄ bullets, comment
prompts. Each line is cut; the same words inside a sentence stay."""

from __future__ import annotations

import pytest

from tests.unit.arabic.support import STORY_OPENING as BODY
from tests.unit.arabic.support import STORY_PARAGRAPHS as PARAGRAPHS
from tests.unit.arabic.support import normalized, removed


@pytest.mark.parametrize(
    "line",
    [
        "تلغرام | واتساب | إكس | فيسبوك",  # devset10 001
        "فيسبوك تويتر واتساب",  # devset4 006
        "فيسبوك - إكس - إنستغرام",  # devset6 005
        "الكلمات الدلالیة: بزشکیان، کازاخستان، توكاييف",  # devset10 005
        "کلمات کلیدی: عراقجي، عمان، المحادثات",  # devset7 006
        "کلمات دلیلیة: ايران، بيلاروسيا، رئيسي",  # devset9 025
        "كلمات دالة: فنزويلا، مادورو، أمريكا اللاتينية",  # devset4 010
        "وسوم: إيران، الولايات المتحدة، المفاوضات النووية",  # devset4 044
        "کد خبر: 85842197",  # devset8 008
        "تابعوا أخبار سانا على تلغرام",  # devset10 015
        "تابع آخر أخبار اندبندنت عربية",  # devset10 024
        "تابعوا بوابة الوسط",  # devset10 031
        "تابعونا عبر تطبيق واتس أب",  # devset6 035
        "للاطلاع على النشرة اليومية للأناضول اشترك من هنا",  # devset8 009
        "للمزيد من التفاصيل: صفحة السوق السعودية",  # devset4 030
        "المحرر: وانغ لي",  # devset4 031
        "© سبوتنيك",  # devset10 055
        "حقوق النشر: AP Photo",  # devset3 014
        "【طباعة】【إغلاق】",  # devset5 017
        "تعليقات",  # devset2 023
        "أرسل تعليقاً",  # devset9 033
        "سيتم نشر تعليقك بعد مراجعته من قبل المشرف",  # devset9 033
        "انتهى ** ۲۷۱۹",  # devset11 001
        "برچسب\u200cها: رئیسی، پاکستان، شهباز شریف",  # devset11 039
        "برچسب\u200cها",  # devset11 008
        "شارك هذا المقال",  # devset11 028
        "الاسم",  # devset11 001
        "البريد الإلكتروني",  # devset11 001
        "أدخل الرمز",  # devset11 001
    ],
)
def test_chrome_line_is_cut(line: str) -> None:
    article = normalized(f"{BODY}\n{line}\n{PARAGRAPHS}")
    assert [text for _kind, text in removed(article)] == [line]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"


@pytest.mark.parametrize(
    "sentence",
    [
        "فيسبوك وتويتر وواتساب حذفت آلاف الحسابات المرتبطة بالحملة كما قال الوزير.",
        "تابعوا الوزراء باهتمام ما جرى في الاجتماع وأكدوا دعمهم للاتفاق.",
        "المحرر الصحفي الذي رافق الوفد قال إن المحادثات كانت صريحة.",
        "وسوم التصنيف التي اعتمدتها الوزارة لم تتغير منذ العام الماضي كما قال المتحدث.",
        "تعليقات الوزير على الاتفاق أثارت ردود فعل واسعة في البلدين.",
        "حقوق النشر في البلدين كانت من الملفات التي بحثها الوزيران خلال اللقاء.",
        "انتهى الاجتماع بعد ثلاث ساعات من المباحثات كما قال المتحدث.",
        "شارك هذا المقال آلاف المستخدمين خلال ساعات من نشره كما قالت الصحيفة.",
        "الاسم الذي اختاره الوزيران للمبادرة لم يعلن بعد كما قال المتحدث.",
        "البريد الإلكتروني الذي تلقته السفارة تضمن تهديدات كما قال المتحدث.",
        "أدخل الرمز الجديد نظام التأشيرات مرحلة جديدة كما أعلنت الوزارة.",
    ],
)
def test_the_same_words_inside_a_sentence_stay(sentence: str) -> None:
    article = normalized(f"{BODY}\n{sentence}\n{PARAGRAPHS}")
    assert removed(article) == []


def test_spa_trailer_ends_the_story() -> None:
    """`// انتهى //`, then the agency's time and serial lines (devset10 007)."""
    article = normalized(f"{BODY}\n// انتهى //\n10:25 ت مـ\n0014")
    assert article.clean_text == BODY


@pytest.mark.parametrize(("mark", "trailer"), [("/قنا/", "ع ح / م ع"), ("--(بترا)", "ح ح/ب ط\n12/02/2024 23:41:17")])
def test_agency_mark_on_its_own_line_ends_the_story(mark: str, trailer: str) -> None:
    """QNA's `/قنا/` and Petra's `--(بترا)` close the story; the editors' initials and time stamp follow (devset11
    003, 004, 022, 034, 052)."""
    article = normalized(f"{BODY}\n{PARAGRAPHS}\n{mark}\n{trailer}")
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"


@pytest.mark.parametrize(
    "line",
    [
        "ونقلت وكالة الأنباء القطرية /قنا/ عن الوزير قوله إن المحادثات كانت مثمرة.",
        "ونقلت وكالة الأنباء الأردنية (بترا) عن الوزير قوله إن المحادثات كانت مثمرة.",
    ],
)
def test_agency_mark_inside_a_line_stays(line: str) -> None:
    article = normalized(f"{BODY}\n{line}\n{PARAGRAPHS}")
    assert line in article.clean_text


def test_read_more_heading_cuts_its_pointer_bulleted_list() -> None:
    """Mehr's `اقرأ أكثر:` and its ◄ headlines (devset10 002): a related block, not the story."""
    links = "◄ بقائي: لن نتفاوض تحت التهديد\n◄ قاليباف يستقبل السفير العراقي في طهران"
    article = normalized(f"{BODY}\nاقرأ أكثر:\n{links}\n{PARAGRAPHS}")
    assert removed(article) == [("related", f"اقرأ أكثر:\n{links}")]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"
