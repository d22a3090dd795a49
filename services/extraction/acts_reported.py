"""Which trigger words report an act of their parties: not an answered invitation, a call, a topic, a question."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from services.extraction.actors import PUNCT, each_of
from services.extraction.candidate import Scene
from services.extraction.codes import STATUS_OCCURRED
from services.extraction.context import find_marker, status_at
from services.extraction.cues import (
    BLAME,
    answered_invitation,
    call_to_act,
    called_for,
    crowd_received,
    invitation_to_come,
    joined_by_link,
    not_a_journey,
    welcoming_party,
)
from services.extraction.lexicon import Trigger
from services.extraction.slots import Slot
from services.extraction.triggers import Clue

_PLEDGE = "033"


def no_act(clue: Clue, scene: Scene) -> bool:
    """A trigger word that reports no act of its own: an answered invitation, a video link, a call to act, a
    verb of movement with no journey or with an object it directs, a crowd received."""
    trig, t, words, view = clue.trigger, clue.index, scene.words, scene.view
    if "invite" in trig.flags and answered_invitation(words, t):
        return True  # "بدعوة من" / "تلبية لدعوة": the visit it led to is the event
    if trig.mode == "phone" and t > 0 and words[t - 1] == "عبر" and joined_by_link(words, t):
        return True  # "شارك بوتين في أعمال القمة عبر الاتصال المرئي": how he took part, not a call
    if "invite" in trig.flags and call_to_act(view, t):
        return True  # "دعوة ترامب إلى نقل سكان غزة": a call to act, not an invitation
    if "invite" in trig.flags and trig.pos == "verb" and not invitation_to_come(view, t):
        return True  # "دعا إلى وقف إطلاق النار": a call, not an invitation
    if not_a_journey(words, t, trig, scene.slots, [p.index for p in view.places]):
        return True  # "تعود إلى الحرب الاقتصادية": is due to, no arrival
    if "arrival" in trig.flags and find_marker(words, "directed", t + 1, t + 2) is not None:
        return True  # "مصر توجه خطاباً لمجلس الأمن": directs a letter, no journey (rule 36)
    return crowd_received(words, t, trig, scene.slots)  # "رفضها استقبال طائرات المرحلين": no guest is received


def qualified(trig: Trigger, words: Sequence[str], t: int, end: int) -> Trigger:
    """The trigger with the flags its surroundings add or lift."""
    if welcoming_party(words, t, trig):  # "وكان في استقبال الضيف لدى وصوله …": the visit's arrival
        trig = dataclasses.replace(trig, flags=trig.flags | {"welcome"})
    if "weak" in trig.flags and trig.pos == "noun" and _with_each_of(words, end):
        trig = dataclasses.replace(trig, flags=trig.flags - {"weak"})  # "اتصالات هاتفية مع كل من A وB": each
    return trig


def not_reported(trig: Trigger, t: int, end: int, scene: Scene) -> bool:
    """An act called for, prepared, asked about, blamed or suffered: not reported as done by its parties."""
    words = scene.words
    if called_for(words, t, trig):
        return True  # "دعا الدول الإسلامية إلى قطع علاقاتها مع إسرائيل": a call, not the act
    if t in scene.aims:
        return True  # "الاستعدادات لتوقيع المعاهدة": what is prepared is not reported as done
    if _whether(words, t):
        return True  # "لم يؤكد الكرملين ما إذا كان بوتين سيتوجه إلى إسطنبول": an open question (rule 32)
    if trig.cameo == _PLEDGE and trig.pos == "noun" and _blamed_before(scene.clues, t):
        return True  # "أدانت بكين قرار واشنطن تقديم مساعدات عسكرية لتايوان": what is blamed (rule 32)
    if trig.mode in _TALKS and trig.pos == "noun" and _discussed(words, t) and not _ahead(trig, t, end, scene):
        return True  # "وبحث الجانبان … سير مفاوضات اتفاقية التجارة الحرة بين البلدين": a topic (rule 35)
    if analysts_reading(words, t):
        return True  # "ويرى المحلل … أن الزيارة \"رسالة موجهة للقطاع الخاص\"": a reading, not a report (rule 36)
    return "participle" in trig.flags and _passive(words, end, scene.slots)  # "مواطناً متهماً بالتجسس": accused of


_DURING = frozenset({"خلال", "في", "عقب", "بعد"})  # folded: "بحث الوزيران خلال المفاوضات": the talks held


_TALKS = ("negotiation", "meet")


def _discussed(words: Sequence[str], t: int) -> bool:
    """Talks named after a verb of discussing (`discuss` in `markers.tsv`), not as when they were held ('خلال
    المفاوضات') nor as its subject ('وتناول اللقاء …'), are what the parties discussed: a topic, not an act."""
    if t > 0 and words[t - 1] in _DURING:
        return False
    verb = find_marker(words, "discuss", 0, t)
    return verb is not None and verb + 1 < t


def _ahead(trig: Trigger, t: int, end: int, scene: Scene) -> bool:
    """'مسار مفاوضات … والجولة المقبلة منها المقرر عقدها في طوكيو': a round put ahead is reported, topic or not."""
    status = status_at(scene.words, t, future=False, planned_word="planned" in trig.flags)
    return status != STATUS_OCCURRED or scheduled(scene.words, end, scene.clues)


_WHETHER_REACH = 4  # "ما إذا كان الرئيس الروسي سيتوجه"


_WHAT = frozenset({"ما", "عما"})  # "ما إذا"، "عما إذا": whether


def _whether(words: Sequence[str], t: int) -> bool:
    """An act asked about after 'ما إذا' (whether) is neither reported nor announced."""
    return any(words[k] == "اذا" and words[k - 1] in _WHAT for k in range(max(1, t - _WHETHER_REACH), t))


def _blamed_before(clues: list[Clue], t: int) -> bool:
    return any(c.trigger.event_type in BLAME and c.index < t for c in clues)


_SCHEDULED_REACH = 20  # words from an act's noun to the relative that schedules it, no other act between


def scheduled(words: Sequence[str], after: int, clues: list[Clue]) -> bool:
    """'المحادثات … بين الوفدين …، والمقرر عقدها في مسقط غداً': a relative whose pronoun refers back to the
    act named before it (no other act named between them) puts that act ahead."""
    stop = min((c.index for c in clues if c.index >= after), default=len(words))
    return find_marker(words, "scheduled", after, min(stop, after + _SCHEDULED_REACH)) is not None


def _passive(words: Sequence[str], after: int, slots: list[Slot]) -> bool:
    """A participle with no object, a ب phrase right after it ('متهماً بالتجسس'، 'مهدد بالانهيار'), is the
    passive; a name starting with ب ('محذرة باريس من') is its object."""
    if after >= len(words):
        return True
    return words[after].startswith("ب") and not any(s.mention.start == after for s in slots)


def _with_each_of(words: Sequence[str], end: int) -> bool:
    """'أجرى سلسلة اتصالات هاتفية مع كل من A وB': a plural act with each of the parties listed is one act
    with each of them, not a generic mention (rule 5)."""
    return end + 2 < len(words) and words[end] == "مع" and each_of(words, end + 3)


_QUOTE_REACH = 4  # "مشيراً إلى أن \"…": a quote opening right after the participle's أن


def analysts_reading(words: Sequence[str], t: int) -> bool:
    """'ويرى الخبير في الشؤون العراقية أن الزيارة "رسالة واضحة"'، 'ما يجعل إحياءها، بحسب مراقبين، مؤشراً على
    …': a word of viewing or attribution (`opinion` in `markers.tsv`) with a commentator right after it
    (`analyst`) opens a reading of the news; the acts named after it in the sentence are what the commentator
    reads into it, no event (rule 36); a fact he cites after a participle (`cites`: 'مشيراً إلى أن الإمارات
    تعهدت …') is reported, his own words quoted after it ('مشيراً إلى أن "حجم الأرقام رسالة …"') are not."""
    k = find_marker(words, "opinion", 0, t)
    while k is not None:
        if find_marker(words, "analyst", k + 1, k + 2) is not None:
            cited = find_marker(words, "cites", k + 2, t)
            return cited is None or PUNCT in words[cited + 1 : cited + _QUOTE_REACH]
        k = find_marker(words, "opinion", k + 1, t)
    return False


_RESTATING_REACH = 2  # "وهذه أول زيارة": the demonstrative, an ordinal, the noun


def restated_noun(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'وهذه أول زيارة يقوم بها الرئيس إلى …'، 'وهي زيارة أثارت استياء كييف': an act noun right after a
    demonstrative or pronoun restating it (`restating` in `markers.tsv`, an ordinal at most between) is the act
    reported, named again: a recap (rule 36)."""
    return trig.pos == "noun" and find_marker(words, "restating", max(0, t - _RESTATING_REACH), t) is not None
