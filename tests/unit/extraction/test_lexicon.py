"""The trigger lexicon and marker files load, are folded, and are coherent with PLOVER and CAMEO."""

from __future__ import annotations

from schemas.event import PloverType
from services.arabic import match_key
from services.extraction.lexicon import markers, trigger_index, triggers
from services.extraction.triggers import find_clues

CONSULT_MODES = {None, "phone", "visit", "meet", "negotiation", "message", "multilateral"}


def _words(text: str) -> list[str]:
    return [match_key(w) for w in text.split()]


def test_forms_are_folded_and_unique() -> None:
    seen = set()
    for t in triggers():
        assert all(w == match_key(w) for w in t.form), t.surface
        assert t.form not in seen, t.surface
        seen.add(t.form)


def test_modes_and_codes_agree_with_types() -> None:
    for t in triggers():
        if t.event_type == PloverType.CONSULT:
            assert t.mode in CONSULT_MODES and t.cameo.startswith("04"), t.surface
        else:
            assert t.mode is None, t.surface
    codes: dict[PloverType, set[str]] = {t.event_type: set() for t in triggers()}
    for t in triggers():
        codes[t.event_type].add(t.cameo[:2])
    assert codes[PloverType.SANCTION] <= {"16"}
    assert codes[PloverType.ACCUSE] <= {"11"}


def test_index_prefers_longest_form() -> None:
    for entries in trigger_index().values():
        lengths = [len(t.form) for t in entries]
        assert lengths == sorted(lengths, reverse=True)


def test_marker_kinds() -> None:
    assert {"planned", "denied", "hypothetical", "background", "receive", "summit_join"} <= set(markers())


def test_verbal_nouns_with_clitics_and_suffix_pronouns() -> None:
    clues = find_clues(_words("وخلال لقائه بالوزير ثم زيارته للقاهرة والاتصال الهاتفي"))
    assert [c.trigger.surface for c in clues] == ["لقاء", "زيارة", "اتصال هاتفي"]


def test_future_prefix_on_verbs() -> None:
    (clue,) = find_clues(_words("وسيزور الوزير عمان"))
    assert clue.trigger.surface == "يزور" and clue.future


def test_no_trigger_in_plain_text() -> None:
    assert find_clues(_words("ارتفعت درجات الحرارة في معظم المناطق")) == []
