"""Arabic pages and feeds written for the scraper tests (fictional stories; no third-party text)."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

VISIT_TITLE = "وزير الخارجية يستقبل نظيره العُماني في العاصمة"
VISIT_PARAGRAPHS = (
    "استقبل وزير الخارجية صباح اليوم نظيره العُماني في مقر الوزارة، وبحث الجانبان سبل تعزيز العلاقات الثنائية "
    "بين البلدين في المجالات السياسية والاقتصادية.",
    "وأكد الوزيران خلال مؤتمر صحفي مشترك أهمية مواصلة التشاور والتنسيق بشأن القضايا الإقليمية، "
    "ودعوا إلى حل الخلافات عبر الحوار والطرق الدبلوماسية.",
    "ومن المقرر أن يلتقي الوزير العُماني رئيس الحكومة غداً قبل أن يختتم زيارته الرسمية التي تستمر يومين.",
)
VISIT_UPDATE = "وفي تطور لاحق، أعلنت الوزارة توقيع مذكرة تفاهم للتعاون في مجال الطاقة المتجددة بين البلدين."

CP1256_TITLE = "البرلمان يصادق على اتفاقية التعاون الجمركي"
CP1256_PARAGRAPHS = (
    "صادق البرلمان في جلسته العامة اليوم على اتفاقية التعاون الجمركي الموقعة مع الجارة الشمالية، "
    "بأغلبية واسعة من الأعضاء الحاضرين.",
    "وقال رئيس لجنة العلاقات الخارجية إن الاتفاقية ستسهّل حركة البضائع عبر المنافذ الحدودية وتحد من التهريب.",
)
META_TITLE = "وفد تجاري يزور العاصمة لبحث فرص الاستثمار"
META_PARAGRAPHS = (
    "وصل إلى العاصمة مساء أمس وفد تجاري رفيع يضم ممثلين عن ثلاثين شركة، في زيارة تستغرق أربعة أيام.",
    "ويعقد الوفد لقاءات مع وزير الاقتصاد وغرفة التجارة لبحث فرص الاستثمار في قطاعي الزراعة والسياحة.",
)
CHROME_TITLE = "الأمين العام يدعو إلى وقف فوري لإطلاق النار"
CHROME_PARAGRAPHS = (
    "دعا الأمين العام للمنظمة الدولية في بيان صدر الليلة إلى وقف فوري لإطلاق النار وفتح ممرات إنسانية آمنة.",
    "وحث البيان جميع الأطراف على احترام القانون الإنساني الدولي والعودة إلى طاولة المفاوضات دون شروط مسبقة.",
    "وأشار إلى أن المبعوث الخاص سيتوجه الأسبوع المقبل إلى المنطقة لإجراء مشاورات مع الأطراف المعنية.",
)
CHROME_NOISE = (
    "الرئيسية",
    "سياسة",
    "اقتصاد",
    "رياضة",
    "اشترك في النشرة البريدية",
    "الأكثر قراءة",
    "شارك على فيسبوك",
    "جميع الحقوق محفوظة",
    "إعلان",
)
FLAKY_TITLE = "محادثات ثلاثية حول تقاسم مياه النهر"
FLAKY_PARAGRAPHS = (
    "انطلقت في العاصمة اليوم جولة جديدة من المحادثات الثلاثية حول تقاسم مياه النهر بمشاركة وزراء الري.",
    "وأعرب المشاركون عن أملهم في التوصل إلى اتفاق ملزم قبل نهاية العام الجاري.",
)
TRACKED_TITLE = "السفير يقدم أوراق اعتماده إلى رئيس الدولة"
TRACKED_PARAGRAPHS = (
    "قدم السفير الجديد أوراق اعتماده إلى رئيس الدولة خلال مراسم رسمية أقيمت في القصر الجمهوري.",
    "ونقل السفير تحيات قيادة بلاده وتمنياتها بمزيد من التقدم والازدهار للشعب الشقيق.",
)
SUMMARY_TITLE = "بيان مشترك في ختام القمة الثنائية"
SUMMARY_TEXT = "صدر في ختام القمة الثنائية بيان مشترك أكد فيه الزعيمان التزامهما بتعميق الشراكة الاستراتيجية."
ATOM_ONE_TITLE = "وزيرة التعاون الدولي تلتقي بعثة البنك الدولي"
ATOM_ONE_PARAGRAPHS = (
    "التقت وزيرة التعاون الدولي اليوم بعثة البنك الدولي لمناقشة برنامج التمويل الجديد للمشروعات التنموية.",
    "واتفق الجانبان على تشكيل فريق عمل مشترك لمتابعة تنفيذ المشروعات في المحافظات الأكثر احتياجاً.",
)
ATOM_TWO_TITLE = "استئناف الرحلات الجوية بين البلدين بعد انقطاع"
ATOM_TWO_PARAGRAPHS = (
    "أعلنت سلطة الطيران المدني استئناف الرحلات الجوية المباشرة بين البلدين اعتباراً من الشهر المقبل.",
    "ويأتي القرار بعد اتفاق توصلت إليه لجنة فنية مشتركة عقدت اجتماعاتها خلال الأسابيع الماضية.",
)
SITEMAP_TITLE = "اجتماع طارئ لمجلس الجامعة على مستوى المندوبين"
SITEMAP_PARAGRAPHS = (
    "يعقد مجلس الجامعة اجتماعاً طارئاً على مستوى المندوبين الدائمين بعد غد لبحث التطورات الأخيرة في المنطقة.",
    "وجاءت الدعوة إلى الاجتماع بطلب من ثلاث دول أعضاء، وفق ما أفاد به مصدر دبلوماسي.",
)


def article_html(title: str, paragraphs: tuple[str, ...], head: str = "", author: str | None = None) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    byline = f'<meta name="author" content="{author}">' if author else ""
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>{title} | موقع الأخبار</title>{head}{byline}</head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def chrome_html() -> str:
    menu = "".join(f'<li><a href="/section/{i}">{word}</a></li>' for i, word in enumerate(CHROME_NOISE[:4]))
    body = "".join(f"<p>{paragraph}</p>" for paragraph in CHROME_PARAGRAPHS)
    related = "".join(f'<li><a href="/news/related-{i}.html">خبر ذو صلة رقم {i}</a></li>' for i in range(12))
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>{CHROME_TITLE}</title></head><body>'
        f'<header><nav class="menu"><ul>{menu}</ul></nav><div class="newsletter">{CHROME_NOISE[4]}</div></header>'
        f'<div class="ad">{CHROME_NOISE[8]}</div>'
        f'<main><article class="story"><h1>{CHROME_TITLE}</h1>'
        f'<div class="share"><a href="#">{CHROME_NOISE[6]}</a></div>{body}</article></main>'
        f'<aside class="sidebar"><h3>{CHROME_NOISE[5]}</h3><ul>{related}</ul></aside>'
        f"<footer><p>{CHROME_NOISE[7]} © 2026</p></footer></body></html>"
    )


def rss(items: Sequence[tuple[str, str, str, str | None]]) -> str:
    """items: (title, link, pubDate, description)."""
    body = "".join(
        f"<item><title>{title}</title><link>{escape(link)}</link><pubDate>{date}</pubDate>"
        + (f"<description><![CDATA[{desc}]]></description>" if desc else "")
        + "<dc:creator>مراسل الموقع</dc:creator></item>"
        for title, link, date, desc in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>أخبار الموقع</title><link>/</link>{body}</channel></rss>"
    )


def atom(entries: list[tuple[str, str, str]]) -> str:
    """entries: (title, link, published ISO 8601)."""
    body = "".join(
        f'<entry><title>{title}</title><link rel="alternate" href="{link}"/><id>{link}</id>'
        f"<published>{date}</published><author><name>قسم الأخبار</name></author></entry>"
        for title, link, date in entries
    )
    head = '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    return f"{head}<title>آخر الأخبار</title>{body}</feed>"


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ضحك"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
    "<rss><channel><item><title>&f;</title><link>/news/visit.html</link></item></channel></rss>"
)
MALFORMED_FEED = '<?xml version="1.0"?><rss><channel><item><title>خبر ناقص</title><link>/news/visit.html</link>'
