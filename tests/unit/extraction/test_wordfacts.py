"""The sentence views read each word's facts once (`wordfacts`): the scans given those positions find what
they find when they test every word themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from services.arabic import match_key
from services.extraction.context import agency_spans, may_start_phrase
from services.extraction.dates import find_dates, may_start_date
from services.extraction.gazetteer import load_gazetteer
from services.extraction.locate import find_places
from services.extraction.mentions import PUNCT, scan_sentence
from services.extraction.text import build_doc
from services.extraction.triggers import find_clues, may_start_clue
from services.extraction.views import sentence_views
from services.extraction.wordfacts import word_facts
from tests.unit.extraction.conftest import article

DEVSET = Path(__file__).parents[2] / "fixtures" / "devset"
ON = dt.date(2024, 3, 19)


def test_a_word_s_facts_are_what_each_scan_tests() -> None:
    gaz = load_gazetteer()
    met, moscow = match_key("التقى"), match_key("موسكو")
    for key, view, clue in ((met, met, True), (moscow, moscow, False), ("،", PUNCT, False)):
        facts = word_facts(gaz, key)
        assert (facts.view, facts.clue) == (view, clue)
        assert facts.phrase == may_start_phrase(view)
    assert word_facts(gaz, moscow).place
    assert word_facts(gaz, moscow).mention
    assert not word_facts(gaz, "،").mention


def test_scans_over_the_marked_positions_find_what_full_scans_find() -> None:
    gaz = load_gazetteer()
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))]
    sentences = 0
    for text in texts:
        doc = build_doc(article(text, ON))
        for k, view in enumerate(sentence_views(doc, gaz, ON)):
            words = view.words
            tokens = doc.sentence_tokens(k)
            assert view.dates == tuple(i for i, t in enumerate(tokens) if may_start_date(t.key))
            assert find_dates(tokens, ON, planned=False, starts=view.dates) == find_dates(tokens, ON, planned=False)
            assert view.clues == tuple(i for i, w in enumerate(words) if may_start_clue(w))
            assert find_clues(words, view.clues) == find_clues(list(words))
            assert list(view.places) == find_places(gaz, list(words))
            masked = agency_spans(list(words))
            full = [
                m for m in scan_sentence(gaz, list(words), ON) if not any(a < m.end and m.start < b for a, b in masked)
            ]
            assert list(view.mentions) == full
            sentences += 1
    assert sentences > 200
