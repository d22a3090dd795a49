"""Page-chrome rules: which lines of an article are site furniture rather than the story.

Phrases are data, written in match-key form (no hamza on alef, ى -> ي, ة -> ه, no diacritics), and the
rules run on the match key of each line (`fold.match_lines`), so `اقرأ أيضاً`, `إقرأ أيضا` and `اقرا ايضا` all
match one phrase. Rules match whole lines or line starts with `re.match`: no scan over the text, no
unbounded backtracking.
"""

from __future__ import annotations

import re
from functools import cache

from schemas.normalized import RemovedKind

# Bullets and list markers that may precede a chrome line: bullet, middle dot, black circle, small square,
# triangular bullet, hyphen bullet, black left- and right-pointing pointers, asterisk, hyphen-minus,
# greater-than sign.
BULLETS = "\u2022\u00b7\u25cf\u25aa\u2023\u2043\u25c4\u25ba*\\->"

# "Read also" / "see also" / "related": a heading alone cuts the related block after it; with ":" and a
# headline after it, only that line.
# Lexicon tables keep several entries a line (ruff format would put one per line).
# fmt: off
RELATED = (
    "اقرا ايضا", "اقرا كذلك", "شاهد ايضا", "شاهد كذلك", "طالع ايضا", "اقرا المزيد", "مواضيع ذات صله",
    "اخبار ذات صله", "مقالات ذات صله", "ذات صله", "مواضيع متعلقه", "اخبار متعلقه", "اخبار مشابهه",
    "موضوعات متعلقه", "موضوعات ذات صله", "موضوعات مشابهه", "مواضيع مشابهه", "مقالات مشابهه", "اخبار مرتبطه",
    "مواضيع مرتبطه", "قد يهمك", "قد يهمك ايضا", "قد يعجبك ايضا", "اخبار مرتبط", "الاخبار المرتبطه",
    "الاخبار ذات الصله", "اخبار ذات الصله", "المواضيع ذات الصله", "الموضوعات ذات الصله", "المقالات ذات الصله",
    "ذات الصله", "المزيد", "اقرا اكثر", "مواد ذات صله",
    "الاكثر قراءه", "الاكثر مشاهده", "اخترنا لك", "اخترنا لكم", "المزيد من الاخبار", "see also", "read more",
    "related",
)
# Lines that are chrome whole: tags, share/print buttons, comment prompts.
CHROME_LINES = (
    "سمات", "الوسوم", "وسوم", "كلمات مفتاحيه", "تعليقك", "التعليقات", "اضف تعليق", "اترك تعليقا", "شارك",
    "شارك الخبر", "مشاركه", "طباعه", "ارسل لصديق", "تابعونا", "تعليقات", "tags", "share", "print", "comments",
    # a share button's label alone (Euronews), the fields of a comment form (IRNA)
    "شارك هذا المقال", "شارك المقال", "الاسم", "البريد الالكتروني", "ادخل الرمز",
)
# Lines that are chrome when they start so: news id, section links, follow-us prompts, tag lists.
CHROME_PREFIXES = (
    "رمز الخبر", "رقم الخبر", "كود الخبر", "اقرا المزيد في", "المزيد في", "تابعونا علي", "تابعوا اخر",
    "كلمات مفتاحيه", "الوسوم", "الرءيسيه /", "الرءيسيه >", "home /", "home >",
    # tag lines (Tasnim, IRNA in Persian letters, Hespress), news codes, follow and newsletter prompts,
    # editor lines, copyright and photo credits, print/close buttons (CRI)
    "وسوم:", "كلمات داله:", "الكلمات الدلاليه", "كلمات دليليه", "كلمات كليدي", "كد خبر", "تابعونا عبر",
    "تابعوا اخبار", "تابع اخر اخبار", "تابعوا بوابه", "للاطلاع علي النشره", "للمزيد من التفاصيل:", "المحرر:",
    "©", "حقوق النشر:", "【طباعه】",
    # IRNA's end mark with the editor's number (`انتهى ** ۲۷۱۹`), its tag line in Persian letters (`برچسب‌ها:`)
    "انتهي **", "برجسبها",
)
COMMENT_PREFIXES = (
    "you are replying to", "reply to", "اضف تعليقك", "اكتب تعليقك", "الرد علي", "ارسل تعليقا", "سيتم نشر تعليقك",
)
# A comments section's heading (`تعليقات الزوار (3)`, `التعليقات (12)`): after the story it cuts itself and
# every later line (the comments); before it, only itself.
COMMENT_HEADINGS = ("تعليقات الزوار", "تعليقات القراء", "اراء القراء")
# Share bars: a share or print button, then more buttons (`شارك | طباعة`, `شارك هذا المقال: فيسبوك | إكس`,
# `Share on: Facebook | X`, `فيسبوك | إكس | واتساب`). Only these first words open a bar (a network's name only
# with another button after it); any later word must be a button too.
SHARE_FIRST = (
    "شارك هذا المقال", "شارك المقال", "شارك الخبر", "شارك عبر", "شارك", "مشاركه", "طباعه", "share on", "share this",
    "share", "print", "فيسبوك", "فيس بوك", "تويتر", "اكس", "واتساب", "تلغرام", "تليجرام", "facebook", "twitter",
    "whatsapp", "telegram",
)
SHARE_BUTTONS = (
    "شارك", "مشاركه", "طباعه", "اطبع", "فيسبوك", "فيس بوك", "تويتر", "اكس", "واتساب", "واتس اب", "تلغرام",
    "تليجرام", "لينكد ان", "نسخ الرابط", "البريد الالكتروني", "ارسال", "حفظ", "تعليقات", "تعليق", "facebook",
    "twitter", "x", "whatsapp", "telegram", "linkedin", "email", "print", "copy link", "يوتيوب", "انستغرام",
    "انستجرام", "تيك توك", "youtube", "instagram",
)
CAPTCHA_WORDS = ("captcha", "كابتشا", "رمز التحقق", "اكتب الرمز")
# End-of-story markers (Mehr, IRNA, ...): the marker and everything after it is chrome.
END_MARKERS = (
    "انتهي", "/انتهي/", "(انتهي)", "-انتهي-", "انتهي/", "// انتهي //", "النهايه", "(النهايه)", "/النهايه/", "-النهايه-",
    # an agency's mark alone on the story's last line, then its editors' initials and time stamp: QNA, Petra
    "/قنا/", "(بترا)",
)
# fmt: on


def _alternation(phrases: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(p).replace("\\ ", " +") for p in sorted(phrases, key=len, reverse=True)) + ")"


@cache
def line_rules() -> re.Pattern[str]:
    """One pattern, one named group per rule; `lastgroup` names the rule that matched a line."""
    lead = f"[{BULLETS} ]*"
    end = "[ :.!-]*$"
    count = "\\(\\d+\\)"  # (3)
    rules = {
        "end_marker": f"{lead}{_alternation(END_MARKERS)}{end}",
        "related_heading": f"{lead}{_alternation(RELATED)}{end}",
        "related": f"{lead}{_alternation(RELATED)} ?[:\\-]",
        "comments_heading": f"{lead}(?:{_alternation(COMMENT_HEADINGS)}(?: ?{count})?|(?:ال)?تعليقات ?{count}){end}",
        "comments": f"{lead}{_alternation(COMMENT_PREFIXES)}",
        "share": f"{lead}{_alternation(SHARE_FIRST)}(?: ?[:|/\u00b7\u2022\\-]? ?{_alternation(SHARE_BUTTONS)})+{end}",
        "chrome": f"{lead}(?:{_alternation(CHROME_LINES)}{end}|{_alternation(CHROME_PREFIXES)})",
        "captcha": f"[^\\n]{{0,40}}{_alternation(CAPTCHA_WORDS)}[^\\n]{{0,40}}$",
    }
    return re.compile("|".join(f"(?P<{name}>{body})" for name, body in rules.items()), re.IGNORECASE)


def classify_line(key: str) -> str | None:
    """Name of the rule matching a line, given the line's match key, or None."""
    if "\u0600" <= key[:1] <= "\u06ff" and key[0] not in _rule_starts() and not _may_be_captcha(key):
        return None  # a line opening with an Arabic letter no phrase starts with: most body lines
    m = line_rules().match(key)
    return m.lastgroup if m else None


CAPTCHA_LEAD = 40  # a captcha word starts within the first 40 characters of its line


@cache
def _rule_starts() -> frozenset[str]:
    """First characters of a line the anchored rules can match: a bullet, a space or a phrase's first
    letter (Arabic letters have no case, so IGNORECASE adds none to them)."""
    phrases: tuple[str, ...] = RELATED + CHROME_LINES + CHROME_PREFIXES + COMMENT_PREFIXES + COMMENT_HEADINGS
    phrases += (*SHARE_FIRST, *END_MARKERS, "تعليقات", "التعليقات")
    return frozenset(BULLETS) | {" "} | {phrase[0] for phrase in phrases}


_CAPTCHA_FIRST_WORDS = tuple(phrase.split(" ")[0] for phrase in CAPTCHA_WORDS)


def _may_be_captcha(key: str) -> bool:
    """Whether the first word of a captcha phrase starts early enough in the line for the captcha rule."""
    head = key[: CAPTCHA_LEAD + max(map(len, _CAPTCHA_FIRST_WORDS))].lower()
    return any(word in head for word in _CAPTCHA_FIRST_WORDS)


# End markers and agency signatures closing a paragraph, matched on the clean line (letters as written):
# `... المقبلة. (النهاية)`, `/انتهى/`, `-انتهى-`, after a finished sentence also a bare `انتهى.` or
# `النهاية`, each optionally followed by the editors' initials (`(النهاية) م ع ن / ع ج`); and initials alone
# with a slash after a finished sentence (`... التشاور. ع ا/`). A bare end word after another word is
# speech (`الاجتماع انتهى.`), and one that opens a sentence (`انتهى الاجتماع`) never ends a line here.
_END_WORD = "(?:\u0627\u0644\u0646\u0647\u0627\u064a[\u0629\u0647]|\u0627\u0646\u062a\u0647[\u0649\u064a])"
_AFTER_SENTENCE = "(?<=[.!?\u061f\u2026\"')\\]])"  # . ! ? ؟ … or a closing quote or bracket
_INITIALS = "[\u0621-\u063a\u0641-\u064a](?: [\u0621-\u063a\u0641-\u064a]){0,3}"  # single letters
INLINE_END_MAX_CHARS = 60  # only the tail of a line is searched
END_STEMS = ("\u0627\u0646\u062a\u0647", "\u0627\u0644\u0646\u0647\u0627")  # انته, النها


@cache
def _inline_end() -> re.Pattern[str]:
    marker = f"(?:\\({_END_WORD}\\)|/{_END_WORD}/?|-{_END_WORD}-)"
    return re.compile(
        f"(?P<end>(?: |{_AFTER_SENTENCE}){marker}|{_AFTER_SENTENCE} {_END_WORD}[./]?)"
        f"(?: {_INITIALS}(?: ?/(?: ?{_INITIALS})?)?)?$"
        f"|{_AFTER_SENTENCE} {_INITIALS} ?/(?: ?{_INITIALS})?$"
    )


def inline_end(text: str) -> tuple[int, RemovedKind] | None:
    """Start and kind of an end marker (`chrome`: the story ends there) or of editors' initials alone
    (`byline`) closing the clean line `text`, or None."""
    tail = text[-INLINE_END_MAX_CHARS:]
    if "/" not in tail and END_STEMS[0] not in tail and END_STEMS[1] not in tail:
        return None  # every marker holds a slash or an end word: most lines stop here, without a regex
    m = _inline_end().search(text, max(len(text) - INLINE_END_MAX_CHARS, 0))
    if m is None:
        return None
    return m.start(), "chrome" if m["end"] else "byline"
