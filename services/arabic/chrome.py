"""Page-chrome rules: which lines of an article are site furniture rather than the story.

Phrases are data, written in match-key form (no hamza on alef, ى -> ي, ة -> ه, no diacritics), and the
rules run on the match key of each line (`fold.match_lines`), so `اقرأ أيضاً`, `إقرأ أيضا` and `اقرا ايضا` all
match one phrase. Rules match whole lines or line starts with `re.match`: no scan over the text, no
unbounded backtracking.
"""

from __future__ import annotations

import re
from functools import cache

# Bullets and list markers that may precede a chrome line: bullet, middle dot, black circle, small square,
# triangular bullet, hyphen bullet, asterisk, hyphen-minus, greater-than sign.
BULLETS = "\u2022\u00b7\u25cf\u25aa\u2023\u2043*\\->"

# "Read also" / "see also" / "related": a heading alone cuts the related block after it; with ":" and a
# headline after it, only that line.
RELATED = (
    "اقرا ايضا", "اقرا كذلك", "شاهد ايضا", "شاهد كذلك", "طالع ايضا", "اقرا المزيد", "مواضيع ذات صله",
    "اخبار ذات صله", "مقالات ذات صله", "ذات صله", "مواضيع متعلقه", "اخبار متعلقه", "اخبار مشابهه",
    "الاكثر قراءه", "الاكثر مشاهده", "اخترنا لك", "اخترنا لكم", "المزيد من الاخبار", "see also", "read more",
    "related",
)
# Lines that are chrome whole: tags, share/print buttons, comment prompts.
CHROME_LINES = (
    "سمات", "الوسوم", "وسوم", "كلمات مفتاحيه", "تعليقك", "التعليقات", "اضف تعليق", "اترك تعليقا", "شارك",
    "شارك الخبر", "مشاركه", "طباعه", "ارسل لصديق", "تابعونا", "tags", "share", "print", "comments",
)
# Lines that are chrome when they start so: news id, section links, follow-us prompts, tag lists.
CHROME_PREFIXES = (
    "رمز الخبر", "رقم الخبر", "كود الخبر", "اقرا المزيد في", "المزيد في", "تابعونا علي", "تابعوا اخر",
    "كلمات مفتاحيه", "الوسوم", "الرءيسيه /", "الرءيسيه >", "home /", "home >",
)
COMMENT_PREFIXES = ("you are replying to", "reply to", "اضف تعليقك", "اكتب تعليقك", "الرد علي")
CAPTCHA_WORDS = ("captcha", "كابتشا", "رمز التحقق", "اكتب الرمز")
# End-of-story markers (Mehr, IRNA, ...): the marker and everything after it is chrome.
END_MARKERS = ("انتهي", "/انتهي/", "(انتهي)", "-انتهي-", "انتهي/", "النهايه", "(النهايه)", "/النهايه/", "-النهايه-")


def _alternation(phrases: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(p).replace("\\ ", " +") for p in sorted(phrases, key=len, reverse=True)) + ")"


@cache
def line_rules() -> re.Pattern[str]:
    """One pattern, one named group per rule; `lastgroup` names the rule that matched a line."""
    lead = f"[{BULLETS} ]*"
    end = "[ :.!-]*$"
    rules = {
        "end_marker": f"{lead}{_alternation(END_MARKERS)}{end}",
        "related_heading": f"{lead}{_alternation(RELATED)}{end}",
        "related": f"{lead}{_alternation(RELATED)} ?[:\\-]",
        "comments": f"{lead}{_alternation(COMMENT_PREFIXES)}",
        "chrome": f"{lead}(?:{_alternation(CHROME_LINES)}{end}|{_alternation(CHROME_PREFIXES)})",
        "captcha": f"[^\\n]{{0,40}}{_alternation(CAPTCHA_WORDS)}[^\\n]{{0,40}}$",
    }
    return re.compile("|".join(f"(?P<{name}>{body})" for name, body in rules.items()), re.IGNORECASE)


def classify_line(key: str) -> str | None:
    """Name of the rule matching a line, given the line's match key, or None."""
    m = line_rules().match(key)
    return m.lastgroup if m else None
