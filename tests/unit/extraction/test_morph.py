"""Proclitics, suffix pronouns and the future prefix on folded words."""

from __future__ import annotations

from services.arabic import match_key
from services.extraction.morph import noun_readings, proclitic_readings, verb_readings


def k(word: str) -> str:
    return match_key(word)


def test_proclitics_keep_the_unstripped_reading_first() -> None:
    readings = proclitic_readings(k("وبالرئيس"))
    assert readings[0] == (k("وبالرئيس"), "")
    assert (k("الرئيس"), "ب") in readings


def test_lil_is_lam_plus_article() -> None:
    assert (k("الرئيس"), "ل") in proclitic_readings(k("للرئيس"))


def test_name_starting_with_a_clitic_letter_still_reads_whole() -> None:
    assert (k("بوتين"), "") in proclitic_readings(k("وبوتين"))
    assert (k("لبنان"), "") in proclitic_readings(k("لبنان"))


def test_noun_readings_strip_article_and_suffix_pronoun() -> None:
    assert k("لقاء") in noun_readings(k("لقائه"))
    assert k("زيارة") in noun_readings(k("وزيارته"))
    assert k("اتصال") in noun_readings(k("بالاتصال"))


def test_future_prefix() -> None:
    assert (k("يزور"), True) in verb_readings(k("سيزور"))
    assert (k("يزور"), True) in verb_readings(k("وسيزور"))
    assert all(not future for _s, future in verb_readings(k("سافر")) if _s == k("افر"))
