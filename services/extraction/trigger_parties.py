"""The slots of a sentence that may be a trigger's parties: places, attendants, envoys' titles and greeters left out."""

from __future__ import annotations

from collections.abc import Sequence

from services.extraction.actors import PUNCT, qualifies_pair
from services.extraction.candidate import MEETINGS, Scene
from services.extraction.codes import PLOVER_AGREE, PLOVER_CONSULT, ROLE_STATE
from services.extraction.context import find_marker
from services.extraction.cues import affairs_or_people, blamed, delegate, placed, welcoming_party
from services.extraction.gatherings import frame_slots
from services.extraction.lexicon import Trigger, marker_index
from services.extraction.parties import principals
from services.extraction.slots import Slot


def local_parties(trig: Trigger, t: int, scene: Scene) -> list[Slot] | None:
    """The slots that may be the trigger's parties; None for a gathering word that names none."""
    words, view, clues = scene.words, scene.view, scene.clues
    local = frame_slots(scene.slots, words, t, trig)
    if local is None:
        return None
    # "في موسكو", "قبالة سواحل اليمن" is where, not who
    local = [s for s in local if not placed(s, words, trig.event_type == PLOVER_CONSULT)]
    local = [s for s in local if s.mention.start not in scene.present]  # "بحضور وزير الخارجية": not a party
    local = [s for s in local if not affairs_or_people(s, words)]  # "تهجير الفلسطينيين": no party
    local = [s for s in local if not topic(s, words)]  # "القمة الثلاثية حول سوريا": what it is about
    local = [s for s in local if not _represented(s, words)]  # "الممثلة الخاصة للأمين العام": whose envoy
    local = [s for s in local if not _titled_member(s, local, words)]  # "رئيسة بعثة الأمم المتحدة … هانا تيتيه"
    local = [s for s in local if not _portfolio(s, local)]  # "وزيرة الشؤون الخارجية والأوروبية لجمهورية سلوفينيا"
    local = [s for s in local if not any(t < a < s.mention.start for a in scene.aims)]  # the aim's parties
    if trig.event_type in MEETINGS:  # "نفى المتحدث باسم الحكومة … تسلم رئيس الوزراء رسالة": he reports
        local = principals(local)
    if "arrival" in trig.flags and scene.background:  # "وكان آبي قد وصل إلى طهران، حيث كان في استقباله وزير
        # الخارجية": an earlier arrival for the visit reported, its welcoming party no host
        welcome = next((c.index for c in clues if c.index > t and welcoming_party(words, c.index, c.trigger)), None)
        local = [s for s in local if welcome is None or s.mention.start < welcome]  # the party, no host
        local = _without_greeters(local, words, t)
    # a bare nisba names the party blamed right after a verb of blame, else no one
    return [
        s
        for s in local
        if s.mention.kind != "nisba"
        or blamed(s, local, t, trig, words)
        or delegate(s, view)
        or trig.frame == "aid"  # "طائرة مساعدات قطرية": the nisba names the donor
        or (trig.event_type == PLOVER_AGREE and qualifies_pair(words, s.mention.start))
    ]  # "وقّع الجانبان المصري والصيني": the nisbas after the pair noun are the signatories


def _without_greeters(local: list[Slot], words: Sequence[str], t: int) -> list[Slot]:
    """'وكان مودي قد وصل إلى القاهرة أمس، حيث كان الدكتور مصطفى مدبولي … في مقدمة مستقبليه': the one named
    between the place reached and a phrase of greeting (`greeters` in `markers.tsv`) welcomed an earlier arrival,
    no host of the visit reported (rules 28, 35)."""
    greeters = find_marker(words, "greeters", t + 1, len(words))
    if greeters is None:
        return local
    reached = next((s.mention.end for s in local if s.mention.start > t and s.actor.role == ROLE_STATE), None)
    return [s for s in local if reached is None or not reached <= s.mention.start < greeters]


_TITLE_REACH = 3  # "المبعوثة الخاصة للأمين العام"


def _represented(s: Slot, words: Sequence[str]) -> bool:
    """'استقبل المنفي الممثلة الخاصة للأمين العام للأمم المتحدة … هانا تيتيه': the one named with لـ right after
    a representative's title (`represents` in `markers.tsv`) is whose envoy is received, not a party (rule 35)."""
    start = s.mention.start
    if s.mention.prep != "ل":
        return False
    index = marker_index()
    return any(k + index.longest(words, k, "represents") == start for k in range(max(0, start - _TITLE_REACH), start))


def _portfolio(s: Slot, local: Sequence[Slot]) -> bool:
    """'وزيرة الشؤون الخارجية والأوروبية لجمهورية سلوفينيا': an organisation's adjective joined by و right after an
    office title is part of the minister's portfolio, not a party (rule 35)."""
    m = s.mention
    return (
        m.kind == "igo"
        and m.conj
        and m.end - m.start == 1
        and any(o.mention.kind == "title" and o.mention.end == m.start for o in local)
    )


_MEMBER_REACH = 5  # "بعثة الأمم المتحدة للدعم في ليبيا هانا تيتيه"


def _titled_member(s: Slot, local: Sequence[Slot], words: Sequence[str]) -> bool:
    """'رئيسة بعثة الأمم المتحدة للدعم في ليبيا هانا تيتيه'، 'رئيس المجلس الأوروبي شارل ميشيل': an organisation
    named in the title of one of its people, who is named right after it, is part of that title, not another
    party (rule 35)."""
    if s.mention.kind != "igo":
        return False
    end = s.mention.end
    return any(
        p.actor.country == s.actor.country
        and p.mention.kind == "person"
        and 0 <= p.mention.start - end <= _MEMBER_REACH
        and PUNCT not in words[end : p.mention.start]
        for p in local
    )


def topic(s: Slot, words: Sequence[str]) -> bool:
    """'القمة الثلاثية حول سوريا'، 'محادثات بشأن اليمن': a state named right after a word of topic (`about` in
    `markers.tsv`) is what the act is about, no party (rule 36)."""
    start = s.mention.start
    return s.actor.role == ROLE_STATE and start > 0 and find_marker(words, "about", start - 1, start) is not None
