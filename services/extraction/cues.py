"""Small cues in a sentence that qualify a trigger: answered invitations, hosted talks, delegations,
the party blamed by a nisba, anaphoric and circumstantial verbal nouns, attendees, three-sided meetings,
witnessed signings, gatherings joined by video link or invited to."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from services.extraction.actors import PUNCT, after_delegation, after_place_noun, dual_delegations, venue_words
from services.extraction.codes import (
    PLOVER_ACCUSE,
    PLOVER_CONSULT,
    PLOVER_REJECT,
    PLOVER_SANCTION,
    PLOVER_THREATEN,
    ROLE_AMBASSADOR,
)
from services.extraction.context import find_marker, is_background
from services.extraction.lexicon import Trigger, fold_words, marker_index
from services.extraction.mentions import ActorRef
from services.extraction.morph import noun_readings, proclitic_readings, reads_as
from services.extraction.slots import Slot, chain_before
from services.extraction.triggers import Clue, find_clues
from services.extraction.views import SentenceView

if TYPE_CHECKING:
    from services.extraction.candidate import Candidate

BLAME = frozenset({PLOVER_ACCUSE, PLOVER_SANCTION, PLOVER_THREATEN, PLOVER_REJECT})
_NISBA_GAP = 2  # "أدان الهجوم الإسرائيلي": the nisba qualifies the object noun right after the verb
_SANCTIONS_NOUNS = frozenset({"عقوبات", "العقوبات"})  # folded
_SANCTIONED_GAP = 2  # "عقوبات على أفراد وكيانات إيرانية": the sanctioned are listed before their nisba
_RELATIVES = frozenset({"الذي", "التي", "الذين"})  # folded; a relative clause's verb follows


def answered_invitation(words: Sequence[str], t: int) -> bool:
    w = words[t][1:] if words[t][:1] in ("و", "ف") else words[t]
    if w.startswith("ب") or (t > 0 and words[t - 1] in _answer_words()):
        return True
    return t > 1 and words[t - 1] == "علي" and words[t - 2] in _answer_words()  # "بناءً على دعوة من"


@functools.cache
def _answer_words() -> frozenset[str]:
    return frozenset(fold_words("تلبية تلبيه استجابة بناءً بناء"))


_CALL_GAP = 12  # "دعوة الرئيس الأمريكي دونالد ترامب إلى نقل …"، "دعوة كل من السعودية والإمارات ومصر … للانضمام"


ADDRESSEES = frozenset({"اليه", "اليها", "اليهم", "اليهما", "له", "لها", "لهم", "لهما"})  # folded: to him …


def call_to_act(view: SentenceView, t: int) -> bool:
    """'دعوة ترامب إلى نقل سكان غزة': a call to do something, not an invitation to come. The first
    إلى / لـ after the noun decides: a visit, a gathering or a named place is an invitation."""
    words = view.words
    starts = {m.start for m in view.mentions}
    for k in range(t + 1, min(len(words), t + _CALL_GAP)):
        word = words[k]
        if word in ADDRESSEES:
            continue  # "دعوة له لزيارة باريس": to whom, then to what
        if word == "الي":
            if k + 1 >= len(words) or k + 1 in starts or _invited_to(words[k + 1]):
                return False
            return not _invitee_then_visit(words, k + 1)
        if word.startswith("ل") and k not in starts:  # "لزيارة", "للمشاركة" (ل + ال), "لنقل"
            return not _invited_to(word[2:] if word.startswith("لل") else word[1:])
    return False


_INVITEE_WORDS = 4  # "دعوة رسمية إلى <the invitee, a few words> لزيارة طهران"


def _invitee_then_visit(words: Sequence[str], k: int) -> bool:
    """'وجه دعوة إلى السوداني لزيارة طهران': after إلى, a few words naming someone, then لـ and a visit."""
    for word in words[k + 1 : k + 1 + _INVITEE_WORDS]:
        if word == PUNCT or word == "الي":
            return False
        if word.startswith("ل"):
            return _invited_to(word[2:] if word.startswith("لل") else word[1:])
    return False


_INVITE_GAP = 20  # the verb's subject and object come first: "دعا <title, name> اليوم <title, name> إلى زيارة"


def invitation_to_come(view: SentenceView, t: int) -> bool:
    """'دعا ماكرون عون إلى زيارة باريس'، 'دعته لحضور القمة': the verb invites only when an إلى / لـ after it
    names a visit, a gathering or a place ('دعا إلى وقف إطلاق النار' is a call, and a bare 'دعا' too)."""
    words = view.words
    starts = {m.start for m in view.mentions}
    for k in range(t + 1, min(len(words), t + _INVITE_GAP)):
        word = words[k]
        if word == "الي":
            return k + 1 < len(words) and (k + 1 in starts or _invited_to(words[k + 1]))
        if word.startswith("ل") and k not in starts:
            return _invited_to(word[2:] if word.startswith("لل") else word[1:])
    return False


def invitee_pronoun(word: str) -> bool:
    """'دعاه'، 'ويدعوه'، 'دعتها': the invited party is a pronoun on the verb (folded forms)."""
    return word.endswith(("ه", "ها", "هم", "هما"))


def _invited_to(word: str) -> bool:
    bare = word[2:] if word.startswith("ال") else word
    return any(bare.startswith(head) for head in _invitation_heads())


@functools.cache
def _invitation_heads() -> tuple[str, ...]:
    """What one is invited to (folded stems): a visit, taking part, attending, a gathering."""
    return fold_words("زيارة مشاركة حضور قمة اجتماع مؤتمر منتدى احتفال مراسم تنصيب افتتاح")


_HOSTED_GAP = 8  # "استضافت العاصمة العمانية مسقط اليوم جولة من المحادثات"


def hosts_talks(clues: Sequence[Clue], t: int, view: SentenceView) -> bool:
    """A host verb whose object is a meeting noun, with no guest named in between."""
    for c in clues:
        gap = c.index - t - view.words[t : c.index].count(PUNCT)  # the commas around a time adjunct
        if 0 < gap <= _HOSTED_GAP and c.trigger.pos == "noun" and c.trigger.frame in ("sv", "multi"):
            named = [m for m in view.mentions if t < m.start < c.index and m.actor is not None]
            return c.trigger.event_type == PLOVER_CONSULT and len(named) <= 1
    return False


def affairs_or_people(slot: Slot, words: Sequence[str]) -> bool:
    """A state named as the subject matter, not a party: its affairs ('التدخل في الشؤون الصومالية'، 'في شؤون
    لبنان'), or its people as the object of an act ('تهجير الفلسطينيين': a definite plural nisba right after
    a noun without the article; 'الدبلوماسيين الإيرانيين' and 'دبلوماسيين إيرانيين' still name the state)."""
    m = slot.mention
    if m.kind not in ("nisba", "state") or m.start == 0:
        return False
    before = words[m.start - 1]
    if reads_as(before, _affairs_words()):
        return True
    word = words[m.start]
    definite = word.startswith(("ال", "لل", "بال", "وال"))
    plural = word.endswith(("يين", "يون"))
    if m.kind == "nisba" and plural and word.startswith("لل") and before != PUNCT:
        return True  # "رفض التهجير القسري للفلسطينيين": the people an act is done to (rule 35)
    return m.kind == "nisba" and definite and plural and before != PUNCT and not before.startswith(("ال", "لل", "بال"))


@functools.cache
def _affairs_words() -> frozenset[str]:
    return frozenset(fold_words("الشؤون شؤون"))


def placed(slot: Slot, words: Sequence[str], after_fi: bool) -> bool:
    """A state or capital named as a place: after a place noun ('قبالة سواحل اليمن'), or after في for a
    meeting; for a meeting, a summit named by its organisation ('القمة الأفريقية') too."""
    m = slot.mention
    if m.kind == "igo" and after_fi:  # "على هامش القمة الأفريقية": a summit is where leaders meet
        return words[m.start] in _summit_words()
    if m.kind == "nisba":  # "الغارات الإسرائيلية على الأراضي السورية": the territory attacked, no party (rule 33)
        return after_place_noun(words, m.start)
    if m.kind not in ("state", "capital"):
        return False
    if after_fi and (m.prep == "في" or (m.prep == "ب" and m.kind == "capital")):  # "بأديس أبابا"، "بالرباط"
        return True
    if after_fi and m.conj and _listed_after_fi(words, m.start):  # "المستجدات في غزة وسوريا ولبنان"
        return True
    return after_place_noun(words, m.start)


_PLACE_LIST = 3  # places listed after في: "في غزة وسوريا ولبنان"


def _listed_after_fi(words: Sequence[str], start: int) -> bool:
    """Is a و-joined name one of a list of places opened by في a few words before it?"""
    for k in range(start - 1, max(start - 1 - _PLACE_LIST, -1), -1):
        if words[k] == "في":
            return True
        if not words[k].isalnum() or words[k] in _ACTOR_PREPS:
            return False
    return False


_ACTOR_PREPS = frozenset({"مع", "الي", "من", "بين", "علي", "عن", "لدي"})  # folded


_POSTING_GAP = 1  # "سفير الجمهورية الفرنسية بالجزائر", "القائم بأعمال سفارة فرنسا في الجزائر"


def posting(index: int, view: SentenceView) -> bool:
    """A place right after an ambassador is where the envoy is posted, not where the event happened."""
    return any(
        m.actor is not None and m.actor.role == ROLE_AMBASSADOR and 0 <= index - m.end <= _POSTING_GAP
        for m in view.mentions
    )


@functools.cache
def _summit_words() -> frozenset[str]:
    return frozenset(fold_words("القمة قمة بالقمة والقمة"))


_JOIN_BEFORE = 8  # "لن يشارك الرئيس السوري في القمة"
_NEG_BEFORE_JOIN = 2


def negated_join(words: Sequence[str], t: int) -> str | None:
    """'لن يشارك/لم يحضر … القمة': the negation (لن or لم) of taking part in the gathering at t, if any."""
    join = find_marker(words, "summit_join", max(0, t - _JOIN_BEFORE), t)
    if join is None:
        return None
    return next((w for w in words[max(0, join - _NEG_BEFORE_JOIN) : join] if w in ("لن", "لم")), None)


def delegate(slot: Slot, view: SentenceView) -> bool:
    """'بين الوفدين الإيراني والأمريكي': a nisba qualifying a delegation is a party; so is the second nisba
    of a dual delegation when each has its leader named ('الوفدين الإيراني برئاسة عراقجي والأمريكي')."""
    m = slot.mention
    if after_delegation(view.words, m.start):  # "بين الوفد الإيراني والوفد الأمريكي"
        return True
    if m.kind != "nisba" or not m.conj:
        return False
    return any(
        o.kind == "nisba" and 0 < m.start - o.start <= _DUAL_REACH and view.words[o.start - 1] in dual_delegations()
        for o in view.mentions
    )


_DUAL_REACH = 10  # words from the first nisba of a dual delegation to the second


def blamed(slot: Slot, slots: list[Slot], t: int, trig: Trigger, words: Sequence[str] = ()) -> bool:
    """'أدان الوزير الهجوم الإسرائيلي': the nisba qualifies the first object after the verb (and its subject,
    or its coordinated subjects)."""
    if trig.event_type not in BLAME or slot.mention.start <= t:
        return False
    between = [s for s in slots if t < s.mention.end <= slot.mention.start and s is not slot]
    anchor = max([t + len(trig.form), *(s.mention.end for s in between)])
    # "أدانت الكويت، مساء أمس، الهجوم الإيراني": a time adjunct between commas does not part them
    anchor = max([anchor, *(k + 1 for k in range(anchor, slot.mention.start) if words and words[k] == PUNCT)])
    if words and anchor < slot.mention.start:  # "أدانت مصر بأشد العبارات الضربات الإسرائيلية": how, not whom
        anchor += marker_index().longest(words, anchor, "manner")
    while words and anchor < slot.mention.start and words[anchor] == PUNCT:
        anchor += 1  # "أدان البديوي، …، بأشد العبارات، الهجوم": the comma after the manner
    while words and anchor + 2 < slot.mention.start and words[anchor] in _circumstance_words():
        anchor += 2  # "وأدان الوزير خلال الاتصال الاعتداءات الإسرائيلية": when, not whom (rule 32)
    relative = next((k for k in range(anchor, slot.mention.start) if words[k] in _RELATIVES), None)
    if relative is not None and relative - anchor <= _NISBA_GAP:  # "الهجوم الصاروخي الذي شنه الحرس الثوري
        anchor = relative + 2  # الإيراني على قاعدة في قطر": the nisba of the one who did it (rule 32)
    if trig.event_type == PLOVER_SANCTION:  # "فرضت كوريا اليوم عقوبات على ثلاث شركات شحن روسية": from the noun
        anchor = max([anchor, *(k + 1 for k in range(anchor, slot.mention.start) if words[k] in _SANCTIONS_NOUNS)])
    gap = _NISBA_GAP + (_SANCTIONED_GAP if trig.event_type == PLOVER_SANCTION else 0)
    if trig.event_type == PLOVER_SANCTION:  # "على ثمانية أشخاص وثلاث مؤسسات إيرانية": the counts do not part them
        gap += sum(_count_word(words, k) for k in range(anchor, slot.mention.start))
    subjects = [s for s in between if not s.mention.conj]  # "أدانت السعودية والإمارات": one coordinated subject
    # "أدان جاسم البديوي، الأمين العام لمجلس التعاون،": a name and its title are one subject
    return slot.mention.start - anchor <= gap and len({s.actor.country for s in subjects}) <= 1


def _count_word(words: Sequence[str], k: int) -> bool:
    """A number counting what follows: digits ("78 شخصاً"، "و8 كيانات") or a number word (marker `count`)."""
    return any(ch.isdigit() for ch in words[k]) or find_marker(words, "count", k, k + 1) == k


def definite_noun(word: str, trig: Trigger) -> bool:
    if trig.pos != "noun":
        return False
    bare = word[1:] if word[:1] in ("و", "ف") else word
    return bare.startswith(("ال", "بال", "لل"))


def circumstantial(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'خلال زيارتنا', 'عقب المباحثات': a noun framing another statement, usually about a known event."""
    return trig.pos == "noun" and t > 0 and words[t - 1] in _circumstance_words()


@functools.cache
def _circumstance_words() -> frozenset[str]:
    return frozenset(fold_words("خلال أثناء عقب ختام مستهل هامش"))


_SUMMONS_REACH = 1  # the sentence after a summons still tells what the envoy was handed


def fold_into_summons(cands: list[Candidate]) -> list[Candidate]:
    """'استدعت الخارجية السفير … وأبلغته رفض/إدانة …': the protest handed to a summoned envoy is part of the
    summons (its sentence joins the summons' evidence), not an event of its own."""
    summons = [c for c in cands if c.trigger.frame == "summon"]
    out: list[Candidate] = []
    for c in cands:
        home = next(
            (
                s
                for s in summons
                if c.trigger.frame != "summon"
                and c.trigger.event_type in BLAME
                and 0 <= c.sent - s.sent <= _SUMMONS_REACH
                and _countries(c) == _countries(s)
            ),
            None,
        )
        if home is None:
            out.append(c)
        else:
            out.append(
                dataclasses.replace(c, trigger=home.trigger, source=home.source, targets=home.targets, anaphoric=True)
            )
    return out


def _countries(c: Candidate) -> frozenset[str | None]:
    return frozenset({c.source.country, *(t.country for t in c.targets)})


def similar_message(
    words: Sequence[str], sent: int, sender: ActorRef | None, previous: Sequence[Candidate]
) -> list[Candidate]:
    """'وبعث ولي العهد برقية مماثلة': another sender's cable to the addressee of the previous one
    ('برقيتي تهنئة مماثلتين': to the addressees of the previous two)."""
    if not previous or sender is None or sender.ident == previous[-1].source.ident:
        return []
    for c in find_clues(words):
        near = words[c.end : c.end + 3]
        if c.trigger.mode != "message" or not any(w in _similar_words() for w in near):
            continue
        copied = previous[-2:] if any(w in _similar_dual() for w in near) else previous[-1:]
        return [
            dataclasses.replace(m, sent=sent, index=c.index, source=sender, texts=(), anaphoric=False)
            for m in copied
            if sender.country not in {t.country for t in m.targets}
        ]
    return []


_CALLED_REACH = 6  # "دعا الدول الإسلامية إلى قطع علاقاتها": the called-on between the call and the act


def called_for(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'دعا الدول الإسلامية إلى قطع علاقاتها مع إسرائيل'، 'طالبت بفرض عقوبات': a stance or measure called for
    (after إلى or بـ shortly after a verb of calling or demanding) is not taken."""
    if trig.event_type not in BLAME or t == 0:
        return False
    bare = words[t][1:] if words[t][:1] in ("و", "ف") else words[t]
    governed = words[t - 1] == "الي" or bare.startswith("ب")
    return governed and find_marker(words, "call", max(0, t - _CALLED_REACH), t) is not None


def names_the_same(words: Sequence[str]) -> bool:
    """Does the sentence call an act 'similar' (مماثلة، مشابهة) to one reported before?"""
    return not _similar_words().isdisjoint(words)


_SIMILAR_REACH = 5  # "فرضت الشهر الماضي عقوبات مماثلة": the similar word after the act's time and noun


def similar_stances(
    words: Sequence[str], sent: int, slots: Sequence[Slot], earlier: Sequence[Candidate]
) -> list[Candidate]:
    """'وكانت الولايات المتحدة وبريطانيا وفرنسا قد فرضت الشهر الماضي عقوبات مماثلة على الشركة': states doing
    the same act as one reported before, naming no party of their own, each do it to that act's target."""
    similar = _similar_words()
    for c in find_clues(words):
        if c.trigger.event_type not in BLAME or not any(w in similar for w in words[c.end : c.end + _SIMILAR_REACH]):
            continue
        model = next((e for e in reversed(earlier) if e.trigger.event_type == c.trigger.event_type and e.targets), None)
        last = max((k for k, s in enumerate(slots) if s.mention.end <= c.index), default=None)
        if model is None or last is None:
            return []
        targets = {a.country for a in model.targets}
        background = is_background(words)
        return [
            dataclasses.replace(
                model, trigger=c.trigger, sent=sent, index=c.index, source=s.actor, texts=(), background=background
            )
            for s in chain_before(slots, last, words)
            if s.actor.country not in targets
        ]
    return []


@functools.cache
def _similar_dual() -> frozenset[str]:
    return frozenset(fold_words("مماثلتين مماثلتان مماثلين"))


@functools.cache
def _similar_words() -> frozenset[str]:
    return frozenset(fold_words("مماثلة مماثلا مماثل مشابهة مماثلتين مماثلتان مماثلين"))


def companions(slots: Sequence[Slot], words: Sequence[str]) -> frozenset[int]:
    """Starts of the slots that are no parties: people present ('استقبل ولي العهد … لامي …، بحضور وزير الخارجية
    اليحيا') and the companions of a traveller ('أدت زيارة إلى تونس رفقة رئيسة المفوضية الأوروبية ورئيس الوزراء
    الهولندي آنذاك مارك روته'), the ones coordinated after the first or holding its title included."""
    company = _company_words()
    out: set[int] = set()
    prev: Slot | None = None
    for s in slots:
        start = s.mention.start
        lo = max(prev.mention.end if prev is not None else 0, start - _COMPANY_REACH)
        # "بحضور كبير الدبلوماسيين الصينيين وانغ يي": a few words of description may come first
        after_company = any(words[k] in company and PUNCT not in words[k:start] for k in range(lo, start))
        continues = (  # "ورئيس الوزراء الهولندي": coordinated; "… الهولندي آنذاك مارك روته": the title's holder
            prev is not None
            and prev.mention.start in out
            and 0 <= start - prev.mention.end <= _TITLE_GAP
            and (s.mention.conj or prev.mention.kind in ("title", "nisba"))
            and PUNCT not in words[prev.mention.end : start]
        )
        if after_company or continues:
            out.add(start)
        prev = s
    return frozenset(out)


_TITLE_GAP = 1  # "رئيس الوزراء الهولندي آنذاك مارك روته": one word between a title and its holder
_COMPANY_REACH = 4  # "بحضور كبير الدبلوماسيين الصينيين وانغ يي": words between the company word and the name


@functools.cache
def _company_words() -> frozenset[str]:
    listed = fold_words("بحضور برفقة رفقة بصحبة يرافقه يرافقها ترافقه ترافقها يرافقهم ترافقهم")
    return frozenset((*listed, *("و" + w for w in listed)))


def joined_by_link(words: Sequence[str], t: int) -> bool:
    """Is the link at t the means by which someone joins a gathering named before it in the sentence?"""
    return find_marker(words, "summit_join", 0, t) is not None


_MANY_SIDED = frozenset(
    fold_words("ثلاثي ثلاثيا ثلاثياً ثلاثية الثلاثي الثلاثية رباعي رباعيا رباعياً رباعية الرباعي الرباعية")
)


def many_sided(words: Sequence[str], clue: Clue) -> bool:
    """'لقاءً ثلاثياً'، 'اجتماع رباعي': a meeting word qualified as three- or four-sided."""
    return clue.trigger.pos == "noun" and clue.end < len(words) and words[clue.end] in _MANY_SIDED


_INVITED_GATHERING = 20  # "دعوة من رئيس الجمهورية إلى جلالة السلطان …، سلطان عمان، لحضور أشغال القمة"


def purpose_of_invitation(words: Sequence[str], clues: Sequence[Clue], t: int) -> bool:
    """A meeting noun after إلى / لـ ('إلى زيارة'، 'لزيارة') shortly after an invitation is what it invites to."""
    after_to = (t > 0 and words[t - 1] == "الي") or words[t].startswith("ل")
    return after_to and any("invite" in c.trigger.flags and 0 < t - c.index <= _INVITED_GATHERING for c in clues)


_PREPARED_BEFORE = 2  # "مهدت الطريق لتوقيع": the preparing word and at most one word of its own
_PREPARED_ANNOUNCED = 5  # "التحضيرات لزيارة الرئيس التركي المرتقبة": the planned word after the act and its actor


def prepared_for(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'بحثا الاستعدادات لتوقيع المعاهدة'، 'تمهيداً لزيارة'، 'مهدت لتوقيع': an act named as what is being
    prepared (a verbal noun with the lam of purpose) lies ahead of the preparing."""
    bare = words[t][1:] if words[t][:1] in ("و", "ف") else words[t]
    return (
        trig.pos == "noun"
        and bare.startswith("ل")
        and find_marker(words, "prepare", max(0, t - _PREPARED_BEFORE), t) is not None
    )


def announced(words: Sequence[str], t: int) -> bool:
    """'التحضيرات لزيارة الرئيس المرتقبة': a prepared act announced as coming is a planned act; without
    such a word it is only an aim, no event."""
    return find_marker(words, "planned", t + 1, t + _PREPARED_ANNOUNCED) is not None


def invited_to_gathering(clues: Sequence[Clue], t: int) -> bool:
    """Is the gathering at t the object of an invitation named shortly before it in the sentence?"""
    return any(c.trigger.cameo == "036" and 0 < t - c.index <= _INVITED_GATHERING for c in clues)


_WITNESS_BEFORE = 12  # "وشهد صاحب السمو رئيس الدولة وفخامة الرئيس … عقب المباحثات توقيع"


def witnessed(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """A signing noun watched by the leaders named before it: its signers are unnamed officials."""
    if trig.pos != "noun" or trig.cameo != "057":
        return False
    return find_marker(words, "witness", max(0, t - _WITNESS_BEFORE), t) is not None


_TOUR_REACH = 3  # "جولة خليجية يزور": words from the tour noun to the verb of visiting
_DURING_IT = frozenset({"خلالها", "فيها"})  # folded: "يزور خلالها"، "يزور فيها"


def tour_stop(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'ضمن جولة خليجية يزور خلالها فخامته دولة قطر ودولة الإمارات': a verb of visiting right after a tour noun,
    with a pronoun back to it, names the tour's next stops: visits planned, not made (rule 33)."""
    if trig.frame != "visit" or trig.pos != "verb" or t + 1 >= len(words) or words[t + 1] not in _DURING_IT:
        return False
    return any("جوله" in noun_readings(words[k]) for k in range(max(0, t - _TOUR_REACH), t))


def welcoming_party(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'وكان في استقبال أمير قطر لدى وصوله إلى مطار دمشق الرئيس الشرع'، 'حيث كان في استقباله وزير الخارجية': the
    welcoming party of an arrival, like 'في مقدمة مستقبليه' (rule 28), belongs to the visit reported: no
    meeting of its own, whoever welcomes, unless the article reports nothing else (rule 33)."""
    return trig.frame == "host" and trig.pos == "noun" and t > 0 and words[t - 1] == "في"


_HOSTING = ("استضاف", "يستضيف", "تستضيف")  # folded stems of hosting: استضافت، استضافة، استضافتها، تستضيف
_TALKS_REACH = 12  # "المحادثات التي جرت في الرياض الشهر الماضي بين الوفدين": the parties past a relative clause


def hosted_talks(words: Sequence[str], clues: Sequence[Clue], t: int, trig: Trigger) -> int | None:
    """'واستضافت سويسرا المحادثات'، 'شكره للمملكة على استضافتها المحادثات التي جرت … بين الوفدين الروسي
    والأمريكي': talks named as hosted have the host as their place, never a party (rule 14); their parties are
    the ones after بين. The position of that بين, -1 when none follows (the talks reported, no event of their
    own), None when the talks are not named as hosted (rule 33)."""
    if trig.event_type != PLOVER_CONSULT or trig.pos != "noun" or trig.frame not in ("sv", "multi"):
        return None
    acts = (c.index + 1 for c in clues if c.index < t and c.trigger.frame != "host")  # no other act between
    lo = max(0, t - _HOSTED_GAP, max(acts, default=0))
    if not any(stem.startswith(_HOSTING) for k in range(lo, t) for stem, _p in proclitic_readings(words[k])):
        return None
    return next((k for k in range(t + 1, min(len(words), t + _TALKS_REACH)) if words[k] == "بين"), -1)


_GUEST_REACH = 6  # "استضافة ألبانيا منذ عام 2013 آلاف العناصر": words from the noun to what it receives
_GUESTS = ("person", "title", "counterpart", "honorific", "pronoun", "envoy_of")  # kinds received as guests


def crowd_received(words: Sequence[str], t: int, trig: Trigger, slots: Sequence[Slot]) -> bool:
    """'طلب من الأردن استقبال مزيد من الفلسطينيين'، 'بعد رفضها استقبال طائرات المرحلين': a reception or hosting of
    a number or kind of people or things (marker `not_guest`), before any person named, is no visit (rule 33)."""
    if trig.frame != "host" or trig.pos != "noun":
        return False
    hi = min(len(words), t + 1 + _GUEST_REACH)
    crowd = find_marker(words, "not_guest", t + 1, hi)
    return crowd is not None and not any(t < s.mention.start < crowd and s.mention.kind in _GUESTS for s in slots)


_IN_TURN = frozenset(fold_words("بدوره بدورها بدورهم بدورهما"))  # "بدوره، أكد …": in his turn, not in a session


def in_ones_turn(words: Sequence[str], t: int) -> bool:
    """'بدوره، أكد خريستودوليدس أن بلاده …': opening its clause or set off by a comma, بدوره is 'in his turn'
    (دور + ه), not a session (دورة) held or chaired (rule 33)."""
    if words[t] not in _IN_TURN:
        return False
    return t == 0 or words[t - 1] == PUNCT or (t + 1 < len(words) and words[t + 1] == PUNCT)


_TO_IT = frozenset({"اليه", "اليها", "اليهم", "اليهما"})  # folded إليه …: "بما وصلت إليه العلاقات"
_RETURNS = frozenset({"يعود", "تعود"})  # "يعود إلى": returns to a place, or is due to / dates back to something


_DATES_BACK_REACH = 4  # words between يعود and its إلى: "وتعود آخر دورة للجنة المشتركة إلى …"


def _dates_back(words: Sequence[str], t: int) -> bool:
    """'وتعود آخر دورة للجنة المشتركة إلى عدة سنوات'، 'تعود العلاقات بين البلدين إلى عام 1956': يعود whose إلى,
    within a few words of its clause, reaches a span of time (markers.tsv time_span) 'dates back to', no journey
    (rule 36)."""
    for i in range(t + 1, min(t + 2 + _DATES_BACK_REACH, len(words) - 1)):
        if words[i] == PUNCT:
            return False
        if words[i] == "الي":
            return find_marker(words, "time_span", i + 1, i + 2) is not None
    return False


def not_a_journey(words: Sequence[str], t: int, trig: Trigger, slots: Sequence[Slot], places: Sequence[int]) -> bool:
    """'جذور التوتر تعود إلى الحرب الاقتصادية'، 'التوتر يعود إلى استضافة ألبانيا …': يعود إلى naming neither a
    place nor a party right after it is 'is due to / dates back to'; 'بما وصلت إليه علاقات البلدين': a verb of
    arriving whose إلى refers back with a pronoun is 'what relations have reached'; neither is a journey
    (rule 33). `places`: where the sentence's places start."""
    if "arrival" not in trig.flags or t + 1 >= len(words):
        return False
    if words[t + 1] in _TO_IT:
        return True
    if reads_as(words[t], _RETURNS) and _dates_back(words, t):
        return True
    if words[t + 1] != "الي" or not reads_as(words[t], _RETURNS) or t + 2 >= len(words):
        return False  # "وصل إلى البلاد"، "وصلت إلى مطار رفيق الحريري": arrivals
    if reads_as(words[t + 2], venue_words()):
        return False  # "يعود إلى مطار …": a place by its venue
    return t + 2 not in places and not any(s.mention.start == t + 2 for s in slots)
