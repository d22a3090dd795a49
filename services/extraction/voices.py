"""A gathering's final communiqué as the voice of its members (docs/ontology.md rule 33).

"وأدان البيان الختامي للقمة استمرار العدوان الإسرائيلي على قطاع غزة ولبنان": the summit condemns, not its chair;
its voice is the gathering's organisation (the GCC for a Gulf summit), or the gathering itself, of no country, when
it is no organisation's (a joint Arab-Islamic summit, rule 31).
"""

from __future__ import annotations

from collections.abc import Sequence

from services.extraction.candidate import Candidate
from services.extraction.codes import ROLE_ORGANIZATION
from services.extraction.context import is_background, status_at
from services.extraction.cues import BLAME
from services.extraction.lexicon import fold_words
from services.extraction.mentions import ActorRef
from services.extraction.slots import Slot
from services.extraction.triggers import find_clues
from services.extraction.views import SentenceView

_COMMUNIQUE = tuple(fold_words("البيان الختامي"))


def gathering_voice(c: Candidate) -> ActorRef | None:
    """Who speaks in the communiqué of the gathering a candidate reports (None: it reports no gathering)."""
    if c.summit is None or c.trigger.frame not in ("multi", "chair"):
        return None
    return c.forum or ActorRef(c.summit, None, None, None, ROLE_ORGANIZATION)


def names_communique(words: Sequence[str]) -> bool:
    """Does the sentence name a final communiqué ('البيان الختامي')? A cheap check before the clues are read."""
    return _COMMUNIQUE[1] in words


def communique_stances(view: SentenceView, sent: int, slots: Sequence[Slot], voice: ActorRef) -> list[Candidate]:
    """The stances whose subject, right after the verb, is the final communiqué: the voice takes them towards
    the first party named after it without a preposition (the nisba of what it blames)."""
    words = view.words
    out: list[Candidate] = []
    for clue in find_clues(words, view.clues):
        t = clue.index
        if clue.trigger.event_type not in BLAME or tuple(words[t + 1 : t + 3]) != _COMMUNIQUE:
            continue
        target = next(
            (s for s in slots if s.mention.start > t + 2 and s.mention.prep == "" and s.actor.country != voice.country),
            None,
        )
        if target is None or target.actor.country is None:
            continue
        status = status_at(words, t, future=clue.future, planned_word="planned" in clue.trigger.flags)
        texts = ((target.actor.ident, target.text),)
        background = is_background(words)
        out.append(Candidate(clue.trigger, sent, t, voice, (target.actor,), 2, status, background, view.places, texts))
    return out
