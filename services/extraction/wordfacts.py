"""What the per-sentence scans ask of each word, read once per folded word.

Building a sentence's view asked every token five memos in turn (its view word, whether a mention, a place,
a marker phrase or a trigger may start there), and reading an event's dates a sixth; each a lookup in a table
of up to 200,000 words and most often a cache miss. One record per folded word holds the answers: one lookup
per token, and the scans walk only the positions their record marks. The records are valid for one
gazetteer (mentions and places test against its keys); a new one starts a new table.
"""

from __future__ import annotations

from services.extraction.context import may_start_phrase
from services.extraction.dates import may_start_date
from services.extraction.gazetteer import Gazetteer
from services.extraction.locate import place_filter
from services.extraction.memo import remember
from services.extraction.mentions import PUNCT, mention_filter
from services.extraction.prefilter import MEMO_LIMIT, StartFilter
from services.extraction.triggers import may_start_clue


class WordFacts:
    """A folded word as the sentence scans see it."""

    view: str  # the word, or PUNCT when it starts with no letter or digit
    mention: bool  # a mention may start here (never at punctuation)
    place: bool  # a place name may start here
    phrase: bool  # a marker, attribution or topic phrase may start here
    clue: bool  # a trigger may start here
    date: bool  # a date may start here

    def __init__(self, view: str, mention: bool, place: bool, phrase: bool, clue: bool, date: bool) -> None:
        self.view = view
        self.mention = mention
        self.place = place
        self.phrase = phrase
        self.clue = clue
        self.date = date


class _Table:
    def __init__(self, mentions: StartFilter, places: StartFilter) -> None:
        self.mentions = mentions
        self.places = places
        self.facts: dict[str, WordFacts] = {}


_TABLES: list[_Table] = []  # the table of the gazetteer's filters in use (at most one)


def facts_table(gaz: Gazetteer) -> dict[str, WordFacts]:
    """Folded word -> its facts, for `gaz` (fill misses with `word_facts`)."""
    mentions, places = mention_filter(gaz), place_filter(gaz)
    if _TABLES and _TABLES[0].mentions is mentions and _TABLES[0].places is places:
        return _TABLES[0].facts
    _TABLES.clear()
    _TABLES.append(_Table(mentions, places))
    return _TABLES[0].facts


def word_facts(gaz: Gazetteer, key: str) -> WordFacts:
    """The facts of folded word `key`, stored in `gaz`'s table."""
    view = key if key[:1].isalnum() else PUNCT
    found = WordFacts(
        view,
        view != PUNCT and mention_filter(gaz)(view),
        place_filter(gaz)(view),
        may_start_phrase(view),
        may_start_clue(view),
        may_start_date(key),
    )
    return remember(facts_table(gaz), key, found, MEMO_LIMIT)
