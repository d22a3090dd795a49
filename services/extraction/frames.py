"""Who is the source and who the target of one trigger, from the actors of its sentence.

Arabic news syntax, without a parser: verb-subject-object and subject-first clauses, prepositions on the
arguments (مع، بـ، من، إلى، لـ), genitive possessors of verbal nouns (رسالة الرئيس), coordinated
subjects of dual verbs (رئيسي وبوتين يلتقيان) and the frames of the trigger lexicon: `recv` (تلقى X
اتصالاً من Y: Y is the source), `host` (استقبل X Y: the visitor Y is the source), `visit` (the subject
travels to the object's country), `summon` (the target is the country of the summoned envoy).
"""

from __future__ import annotations

from collections.abc import Sequence

from services.extraction.actors import phrases_at, relative_verbs
from services.extraction.codes import (
    PLOVER_ACCUSE,
    PLOVER_CONSULT,
    PLOVER_REJECT,
    PLOVER_SANCTION,
    PLOVER_SUPPORT,
    PLOVER_THREATEN,
    ROLE_AMBASSADOR,
    ROLE_ENVOY,
    ROLE_STATE,
)
from services.extraction.context import find_marker
from services.extraction.frame_kinds import aid, between, dual, exchange, multi, recognise, summon, upgrade, visit
from services.extraction.lexicon import Trigger
from services.extraction.mentions import ActorRef, honorific_words
from services.extraction.morph import noun_readings
from services.extraction.slots import Roles, Slot, chain_before, coordinated_after, country

_OBJECT_PREPS = ("مع", "ب", "الي", "ل", "", "علي", "لدي")
_WITHDRAWN_PREPS = (*_OBJECT_PREPS, "من")  # diplomats withdrawn from a state: that state is the target
_POSSESSOR_GAP = 2  # tokens between a verbal noun and its genitive possessor (honorifics)
_VSO_GAP = 4  # tokens between a verb and its post-posed subject
_CLAUSE_HEAD = 2  # a subject starting this close to the sentence start follows its opening verb
# words between a visit and its visitor: "زيارة مرتقبة/رسمية/خاطفة لـ…" (folded)
_VISIT_WORDS = frozenset({"مرتقبه", "المرتقبه", "رسميه", "الرسميه", "خاطفه", "قصيره", "مرتقب", "عمل", "دوله"})
# between a name and the verb of its relative clause (folded): "بوليفيا، التي كانت قد قطعت"
_RELATIVE_LINK = frozenset({"\x00", "التي", "الذي", "كانت", "كان", "قد"})
_ENVOYS = (ROLE_AMBASSADOR, ROLE_ENVOY)
_PRONOUNS = ("ه", "ها", "هما", "هم")  # folded suffix pronouns of a verbal noun
_COMPLEMENTISERS = frozenset({"ان", "بان", "وان"})  # folded أن/إن/بأن/وأن that open a reported clause
_PAIR_GAP = 4  # tokens between a trigger and "الجانبان/الرئيسين" that name its parties
_MISSIONS = frozenset({"السفاره", "السفارات", "القنصليه", "القنصليات"})  # folded, definite: "سفارتها" is one's own
_MISSION_GAP = 2  # tokens between a mission word and the state that owns it


def _subject(slots: Sequence[Slot], t: int, trig: Trigger, words: Sequence[str] = ()) -> int | None:
    forum_ok = trig.event_type != PLOVER_CONSULT  # a summit is where people meet, not who meets
    before = [
        k
        for k, s in enumerate(slots)
        if s.mention.end <= t
        and s.mention.prep == ""
        and (forum_ok or s.mention.kind != "igo")
        and not _dateline(s, words)
    ]
    after = [k for k, s in enumerate(slots) if s.mention.start > t]
    if "participle" in trig.flags:  # "قطعت مالي علاقاتها مع أوكرانيا، متهمة كييف …": the clause's subject
        return before[0] if before else None
    if trig.frame == "host" and trig.pos == "noun" and before and t > 0 and words and words[t - 1] == "في":
        return before[-1]  # "وكان ولي العهد في استقبال الرئيس الفرنسي": he hosts, the genitive is the guest
    if trig.pos == "noun" and trig.mode != "meet":
        for k in after:  # genitive possessor: رسالة الدكتور رئيسي، مباحثات وزير الخارجية
            m = slots[k].mention
            if trig.frame == "visit" and slots[k].actor.role == ROLE_STATE:
                break  # "زيارة القاهرة": the place visited, not the visitor
            if trig.event_type == PLOVER_SANCTION and slots[k].actor.role in _ENVOYS:
                break  # "بطرد السفير الكندي": the envoy expelled, not the one expelling
            if "itinerary" in trig.flags and m.kind in ("igo", "nisba") and m.start == t + len(trig.form):
                continue  # "جولته الأوروبية"، "جولة خليجية": where the tour goes, not who makes it
            if trig.frame == "host" and words and words[t].endswith(tuple(trig.form[0] + p for p in _PRONOUNS)):
                # "خلال استقباله وزير الخارجية السعودي": the pronoun hosts, the noun after it is the guest;
                # "وخلال استقباله السفير الكوبي أشار الرئيس الأسد": the host is the clause's subject after it
                if not before and len(after) > 1:
                    return after[1]
                break
            between = words[t + len(trig.form) : m.start]
            linking = honorific_words() | relative_verbs()  # "اتصال هاتفي تلقاه الرئيس …"
            if m.start >= t + len(trig.form) and m.prep == "" and all(w in linking for w in between):
                return k
            if trig.frame == "visit" and m.prep == "ل" and all(w in linking or w in _VISIT_WORDS for w in between):
                return k  # "زيارة مرتقبة لأمين المجلس … إلى بيروت": the visitor, after لـ
            break
    else:
        if before and t - slots[before[-1]].mention.end <= 1:  # subject first: "وكان الشرع قد التقى"
            if _conjoined_verb(words, t, trig) and len(before) >= 2 and slots[before[0]].mention.start <= _CLAUSE_HEAD:
                return before[0]  # "أنقرة تلغي زيارة الوزير السويدي وتدين …": the first verb's subject
            return before[-1]
        antecedent = _antecedent(slots, t, words)
        if antecedent is not None:  # "تنضم كولومبيا إلى بوليفيا، التي كانت قد قطعت علاقاتها": Bolivia broke
            return antecedent
        if before and trig.frame == "sv" and t > 0 and words[t - 1] == "حيث" and words[t].endswith(trig.form[-1]):
            return before[-1]  # "وانتقل براك إلى السراي، حيث التقى رئيس الوزراء": the one who went there met him
        for k in after:  # verb-subject order: استقبل الرئيس ...
            m = slots[k].mention
            if trig.frame == "visit" and slots[k].actor.role == ROLE_STATE:
                break  # "يزور دمشق": the place visited, not the visitor
            if m.kind == "counterpart" or (words and "counterpart" in phrases_at(words, m.start)):
                break  # "لقاء نظيره السوري": his counterpart is met, the subject is named before
            if m.prep == "في" and m.kind == "capital":
                continue  # "ووقع الاتفاق في بكين أمين المجلس …": where, before the subject
            if m.start - t <= _VSO_GAP + len(trig.form) - 1 and m.prep == "":
                return k
            break
    if "itinerary" in trig.flags and before:  # "يلتقي X Y …، في إطار جولة تشمل …": X is the one touring
        relative = _relative_before(slots, before, words, t)
        return relative if relative is not None else _reported_clause(slots, before, words, t)[0]
    if trig.mode == "message" and len(before) >= 2 and slots[before[0]].mention.start <= _CLAUSE_HEAD:
        return before[0]  # "هنأ الأمير الرئيس في برقية": the subject right after the opening verb wrote it
    if before:
        return before[-1]
    return None


def _dateline(slot: Slot, words: Sequence[str]) -> bool:
    """A city opening its line before a dash, a comma or a date ("نيروبي- وصل …"، "القاهرة 14 يناير (شينخوا)
    أجرى …") is the dateline: where the report was filed, never the subject of what follows (rule 34)."""
    m = slot.mention
    if m.kind != "capital" or m.start != 0 or m.end >= len(words):
        return False
    return words[m.end] == "\x00" or words[m.end].isdigit()


def _reported_clause(slots: Sequence[Slot], before: list[int], words: Sequence[str], t: int) -> list[int]:
    """The actors of the clause a complementiser (أن، إن، بأن) opens before t, else all of them.

    "أعلنت المتحدثة باسم الخارجية أن الوزير سيقوم بجولة": the speaker reports, the minister travels.
    """
    opener = max((i for i in range(t) if i < len(words) and words[i] in _COMPLEMENTISERS), default=-1)
    reported = [k for k in before if slots[k].mention.start > opener]
    return reported or before


def _relative_before(slots: Sequence[Slot], before: list[int], words: Sequence[str], t: int) -> int | None:
    """The name a relative clause holding t is about: "الرئيس الفرنسي ماكرون، الذي يزور البلاد في مستهل جولة
    تشمل …" tours, not the host named first."""
    relative = max((i for i in range(t) if i < len(words) and words[i] in ("الذي", "التي")), default=-1)
    named = [k for k in before if slots[k].mention.end <= relative]
    if not named or relative - slots[named[-1]].mention.end > 1:
        return None
    return named[-1]


def _conjoined_verb(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """A verb joined by و to an earlier one ("وتدين"، "ووقع"), not a verb whose own first letter is و (وقع)."""
    if trig.pos != "verb" or not words or not words[t].startswith("و"):
        return False
    return not trig.form[0].startswith("و") or words[t].startswith("وو")


def _antecedent(slots: Sequence[Slot], t: int, words: Sequence[str]) -> int | None:
    """The name a relative clause opened by التي/الذي right before the verb at t is about."""
    last = max((k for k, s in enumerate(slots) if s.mention.end <= t), default=None, key=lambda k: slots[k].mention.end)
    if last is None:
        return None
    link = words[slots[last].mention.end : t]
    if link and all(w in _RELATIVE_LINK for w in link) and any(w in ("التي", "الذي") for w in link):
        return last
    return None


def assign(
    slots: Sequence[Slot],
    t: int,
    trig: Trigger,
    receive: bool,
    carried: ActorRef | None,
    place: str | None = None,
    words: Sequence[str] = (),
    recalled_from: ActorRef | None = None,
) -> list[Roles]:
    """Roles for the trigger at sentence-local token t; several when it has coordinated objects.
    `recalled_from`: the state of the break reported just before, for a recall that names no host."""
    if not slots and carried is None:
        return []
    if trig.frame == "multi":
        return multi(slots)
    if trig.frame == "recognise":
        return recognise(slots, t)
    if "exchange" in trig.flags:  # "تبادل X وY رسائل التهنئة": one message each way
        return exchange(slots, t, words)
    if "dual" in trig.flags:
        pair = dual(slots, t, words)
        if pair is not None:
            return [pair]
    # "البلدين"، "الجانبين" name the two parties of a meeting or agreement; a stance is one party's towards
    # another ("… بين البلدين، ورفض العراق أن تكون أراضيه منطلقاً": no one is rejected)
    stance = trig.event_type in _STANCES
    near_pair = [s for s in slots if s.mention.kind == "pair" and abs(s.mention.start - t) <= _PAIR_GAP]
    if len(near_pair) == 2 and not receive and not stance:
        return [Roles(near_pair[0].actor, (near_pair[1].actor,), 1)]
    found = _assign(slots, t, trig, receive, carried, place, words, recalled_from)
    if not found and not stance:
        pair_slots = [s for s in slots if s.mention.kind == "pair"]
        if len(pair_slots) == 2:
            return [Roles(pair_slots[0].actor, (pair_slots[1].actor,), 1)]
    return found


def _assign(
    slots: Sequence[Slot],
    t: int,
    trig: Trigger,
    receive: bool,
    carried: ActorRef | None,
    place: str | None,
    words: Sequence[str],
    recalled_from: ActorRef | None = None,
) -> list[Roles]:
    subj = _subject(slots, t, trig, words)
    if trig.frame == "summon":
        return summon(slots, t, subj, carried, words, recalled_from)
    if trig.frame == "aid":
        return aid(slots, t, subj, place)
    pair = between(slots, t, words)  # "عقدت جولة مفاوضات بين وفدي مصر وإثيوبيا": no subject needed
    if pair is not None:
        return [pair]
    source = slots[subj].actor if subj is not None else carried
    if source is None:
        return []
    if subj is not None and (trig.event_type in _STANCES or trig.cameo == _PLEDGE):  # each pledger gives (rule 32)
        shared = _stance_by_each(slots, t, subj, trig, words)
        if shared is not None:  # co-subjects are never each other's targets
            return shared
    if subj is not None and slots[subj].mention.end <= t:
        chain = chain_before(slots, subj, words)
        if len(chain) >= 2 and len({country(s) for s in chain}) == len(chain):
            return [Roles(chain[0].actor, tuple(s.actor for s in chain[1:]), 1)]
    sent_item = trig.mode == "message" or "invite" in trig.flags
    if receive or trig.frame == "recv" or sent_item:
        sender = next((s for s in slots if s.mention.start > t and s.mention.prep == "من"), None)
        handed = not receive and find_marker(words, "hand_over", max(0, t - HAND_OVER_REACH), t) is not None
        if sender is not None and sent_item and handed:  # "سلّم قرقاش عراقجي رسالة من ترامب": he carries it
            other = _addressee(slots, t, sender, subj)
            if other is not None:
                return [Roles(sender.actor, (other,), 3)]
        if sender is not None and country(sender) != source.country:
            return [Roles(sender.actor, (source,), 3)]
        if sender is not None and sent_item:  # "X يسلم رسالة من Y إلى Z": Y writes to Z
            other = _addressee(slots, t, sender, subj)
            if other is not None:
                return [Roles(sender.actor, (other,), 3)]
    objects = _objects(slots, t, subj, source, trig, words)
    if trig.frame == "visit":
        return visit(slots, source, objects, place)
    if not objects:
        return []
    targets = tuple(s.actor for s in objects)
    if trig.frame == "host":
        return [Roles(target, (source,), 3, source.country) for target in targets]
    return [Roles(source, (target,), 1) for target in targets]  # التقى X بـA وB: two meetings


HAND_OVER_REACH = 30  # "سلّم <carrier, time and place adjuncts, recipient> رسالة"
_ADDRESSED = ("الي", "ل")  # folded إلى، لـ: "رسالة من ترامب موجهة إلى خامنئي"


def _addressee(slots: Sequence[Slot], t: int, sender: Slot, subj: int | None) -> ActorRef | None:
    """Whom a letter from `sender` is for: the party named after إلى or لـ past the sender; else the one it is
    handed to, named right before the noun ("سلّم قرقاش … عراقجي رسالة من ترامب"); never the carrier."""
    others = [(k, s) for k, s in enumerate(slots) if k != subj and country(s) not in (None, country(sender))]
    after = [s for _k, s in others if s.mention.start > sender.mention.start and s.mention.prep in _ADDRESSED]
    if after:
        return after[0].actor
    handed = [s for _k, s in others if s.mention.end <= t and s.mention.prep == ""]
    if handed:
        return handed[-1].actor
    return others[0][1].actor if others else None


def _stance_by_each(
    slots: Sequence[Slot], t: int, subj: int, trig: Trigger, words: Sequence[str]
) -> list[Roles] | None:
    """Coordinated subjects of a stance ("أدانت السعودية والإمارات والأردن الاعتداء …"، "مصر وقطر ترحبان
    بـ…"، "فرضت كل من الولايات المتحدة وبريطانيا عقوبات على …") each take it towards the same object."""
    before_verb = slots[subj].mention.end <= t
    chain = chain_before(slots, subj, words) if before_verb else coordinated_after(slots, subj, words)
    members = {country(s) for s in chain}
    if len(chain) < 2 or len(members) != len(chain) or None in members:
        return None  # one subject
    others = [s for s in slots if country(s) not in members]
    targets = [s.actor for s in _objects(others, t, None, chain[0].actor, trig, words)]
    return [Roles(s.actor, (target,), 1) for s in chain for target in targets]


_STANCES = frozenset({PLOVER_ACCUSE, PLOVER_REJECT, PLOVER_SANCTION, PLOVER_SUPPORT, PLOVER_THREATEN})
_PLEDGE = "033"  # "السعودية والإمارات تقدمان 3 مليارات دولار دعماً للسودان": each pledges


def _objects(
    slots: Sequence[Slot], t: int, subj: int | None, source: ActorRef, trig: Trigger, words: Sequence[str] = ()
) -> list[Slot]:
    forum_end = t + len(trig.form) + 1  # "عقد اجتماع القمة …": the gathering held, not a party to it
    forum = {
        k
        for k, s in enumerate(slots)
        if trig.event_type == PLOVER_CONSULT and s.mention.kind == "igo" and t < s.mention.start <= forum_end
    }
    if "mission" in trig.flags:
        return _mission_state(slots, t, trig, source, words)
    preps = _WITHDRAWN_PREPS if "withdraw" in trig.flags else _OBJECT_PREPS  # "سحب طاقمها الدبلوماسي من X"
    after = [
        k
        for k, s in enumerate(slots)
        if k != subj
        and k not in forum
        and s.mention.start > t
        and s.mention.prep in preps
        and country(s) != source.country
    ]
    if after:
        found = [s for s in coordinated_after(slots, after[0], words) if country(s) != source.country]
        return [upgrade(slots, s) if s.mention.prep == "ل" else s for s in found]
    if trig.frame == "visit":
        return []
    rest = [k for k, s in enumerate(slots) if k != subj and k not in forum and country(s) not in (None, source.country)]
    if trig.event_type in _STANCES:  # "التقى ترامب … حيث أكد رفض الأردن تهجير …": what is rejected comes after
        rest = [k for k in rest if slots[k].mention.start > t]
    if not rest:
        return []
    nearest = min(rest, key=lambda k: abs(slots[k].mention.start - t))
    return [slots[nearest]]


def _mission_state(slots: Sequence[Slot], t: int, trig: Trigger, source: ActorRef, words: Sequence[str]) -> list[Slot]:
    """The state whose mission is closed, named right after the mission word ("إغلاق القنصليات الإيرانية"،
    "السفارة الروسية"); a place after في is where the mission stands, not whose it is."""
    mission = next(
        (j for j in range(t + len(trig.form), len(words)) if _MISSIONS.intersection(noun_readings(words[j]))), None
    )
    if mission is None:
        return []
    owner = [
        s
        for s in slots
        if 1 <= s.mention.start - mission <= _MISSION_GAP
        and s.mention.prep == ""
        and country(s) not in (None, source.country)
    ]
    return owner[:1]
