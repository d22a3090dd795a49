"""Candidates of gatherings read in one sentence: a meeting of all parties, a session chaired, a gathering joined."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from services.extraction.actors import PUNCT
from services.extraction.candidate import Candidate, Scene
from services.extraction.codes import STATUS_DENIED
from services.extraction.context import find_marker
from services.extraction.cues import definite_noun, in_ones_turn, invited_to_gathering, many_sided, negated_join, placed
from services.extraction.frame_kinds import multi
from services.extraction.gatherings import chair, joint_summit, summit
from services.extraction.lexicon import Trigger
from services.extraction.mentions import ActorRef
from services.extraction.trigger_parties import topic
from services.extraction.triggers import Clue


def gathering_of_all(clue: Clue, trig: Trigger, scene: Scene) -> list[Candidate]:
    """'استضاف الأمير لقاءً ثلاثياً …': in a sentence naming a three-party meeting, that meeting is the one
    event, among all the parties named."""
    if not many_sided(scene.words, clue):
        return []
    parties = multi([s for s in scene.slots if not placed(s, scene.words, True) and not topic(s, scene.words)])
    if not parties:
        return []
    status = scene.status(clue, trig)
    name = scene.surface(clue.index, clue.end + 1)
    p = parties[0]
    return [
        Candidate(
            trig,
            scene.sent,
            clue.index,
            p.source,
            p.targets,
            1,
            status,
            scene.background,
            scene.places,
            scene.texts,
            summit=name,
        )
    ]


def chaired_session(clue: Clue, trig: Trigger, scene: Scene, recent_igo: ActorRef | None) -> list[Candidate]:
    """'ترأس X أعمال قمة <IGO>': the chair's session of a gathering; 'بدوره' (in his turn) names none."""
    t, words = clue.index, scene.words
    if in_ones_turn(words, t):
        return []  # "بدوره، أكد الرئيس …": in his turn, no session
    chaired = chair(words, t, scene.slots, recent_igo)
    if chaired is None:
        return []
    status = scene.status(clue, trig)
    forum: ActorRef | None = chaired[1]
    name = chaired[1].name_ar or chaired[1].name_en or ""
    joint = joint_summit(words, scene.slots)
    if joint is not None and joint[0].actor is forum:  # "ترأس أعمال القمة العربية الإسلامية": no IGO's
        name = scene.surface(joint[1], joint[2])
        forum = None
    return [
        Candidate(
            trig,
            scene.sent,
            t,
            chaired[0],
            (),
            1,
            status,
            scene.background,
            scene.places,
            scene.texts,
            summit=name,
            forum=forum,
        )
    ]


def attended_gathering(clue: Clue, trig: Trigger, scene: Scene, carried: ActorRef | None) -> list[Candidate]:
    """A party attending a named gathering ('حضوره قمة الدول المطلة على بحر قزوين'), unless the gathering is
    what an invitation is for."""
    t, words = clue.index, scene.words
    attended = summit(scene.doc, words, scene.sent, t, trig, scene.slots, carried)
    if attended is None or invited_to_gathering(scene.clues, t):
        return []  # "دعوة … إلى السلطان لحضور القمة": the gathering is what the invitation is for
    status = scene.status(clue, trig)
    negator = negated_join(words, t)  # "لن يشارك الرئيس في القمة"
    status = STATUS_DENIED if negator else status
    name = attended[1] if isinstance(attended[1], str) else attended[1].name_ar or ""
    forum_ref = attended[1] if isinstance(attended[1], ActorRef) else None
    if (
        "weak" in trig.flags
        and (forum_ref is not None or _named_gathering(words, clue.end))
        and not _inside_name(clue, scene)
    ):
        # "للمشاركة في مؤتمر الأمم المتحدة للمحيطات"، "شارك في أعمال مؤتمر بغداد للتعاون والشراكة": a gathering
        # joined and named, no press conference
        trig = dataclasses.replace(trig, flags=trig.flags - {"weak"})
    return [
        Candidate(
            trig,
            scene.sent,
            t,
            attended[0],
            (),
            1,
            status,
            scene.background,
            scene.places,
            (*scene.texts, *attended[2]),
            summit=name,
            forum=forum_ref,
            anaphoric=definite_noun(words[t], trig) and forum_ref is None,  # "في أعمال القمة السادسة عشرة
            # لمجموعة بريكس": an organisation's gathering joined is its own event, grouped by its name (rule 35)
            future=negator == "لن",
        )
    ]


_NAME_SPAN = 6  # "الاجتماع الوزاري الرابع لمنتدى الصين ودول أمريكا اللاتينية"


def _inside_name(clue: Clue, scene: Scene) -> bool:
    """A gathering noun a few words after another one is part of that one's name ('الاجتماع الوزاري الرابع لمنتدى
    الصين ودول أمريكا اللاتينية'): the forum whose meeting is joined, not a second gathering."""
    return any(c.trigger.frame == "multi" and 0 < clue.index - c.index <= _NAME_SPAN for c in scene.clues)


def _named_gathering(words: Sequence[str], end: int) -> bool:
    """A gathering noun followed by its name ('مؤتمر بغداد للتعاون'، 'منتدى بوآو الآسيوي'), not by a generic
    word (`generic` in `markers.tsv`: 'مؤتمر صحفي'، 'منتدى اقتصادي') nor by nothing."""
    if end >= len(words) or words[end] == PUNCT:
        return False
    return find_marker(words, "generic", end, end + 1) is None
