"""Each fold on hand-written samples, switched on and off, with offsets back to the input."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from services.arabic import FoldOptions, clean_view, match_key, match_view
from services.arabic.offsets import compose, span_to_raw
from services.arabic.presentation import presentation_table

# (option, input, output with every fold on, output with only this option off). Clean-view folds are
# checked on the clean view, match-key folds on the match key.
CLEAN_CASES = [
    ("invisibles", "\u200fمرحبا\u200b بكم\ufeff\u0000", "مرحبا بكم", "\u200fمرحبا\u200b بكم\ufeff\u0000"),
    ("invisibles", "كتب\u00ad\u202bالنص\u202c\ud800", "كتبالنص", "كتب\u00ad\u202bالنص\u202c\ud800"),
    ("presentation_forms", "\ufee3\ufeae\ufea3\ufe92\ufe8e", "مرحبا", "\ufee3\ufeae\ufea3\ufe92\ufe8e"),
    ("presentation_forms", "\ufefb \ufdf2", "لا الله", "\ufefb \ufdf2"),
    ("presentation_forms", "\u0628\ufe70", "\u0628\u064b", "\u0628\ufe70"),  # isolated mark: no space
    ("compose_hamza", "\u0627\u0654\u0645\u0644", "\u0623\u0645\u0644", "\u0627\u0654\u0645\u0644"),
    ("compose_hamza", "\u0633\u0648\u0654\u0627\u0644", "\u0633\u0624\u0627\u0644", "\u0633\u0648\u0654\u0627\u0644"),
    ("digits", "١٩/٠٣/٢٠٢٤ و۱۴۰۳", "19/03/2024 و1403", "١٩/٠٣/٢٠٢٤ و۱۴۰۳"),
    ("digits", "٣٫٥٪ من ١٢٬٠٠٠", "3.5% من 12,000", "٣٫٥٪ من ١٢٬٠٠٠"),
    ("quotes", "«قال» “نعم” ‘لا’", '"قال" "نعم" \'لا\'', "«قال» “نعم” ‘لا’"),
    ("dashes", "شمال – جنوب — غرب", "شمال - جنوب - غرب", "شمال – جنوب — غرب"),
    ("spaces", " أ\u00a0 ب\t\r\n\r\n ج\u2029د  ", "أ ب\nج\nد", " أ\u00a0 ب\t\r\n\r\n ج\u2029د  "),
]
MATCH_CASES = [
    ("diacritics", "مُحَمَّدٌ رَسُولُ", "محمد رسول", "مُحَمَّدٌ رَسُولُ"),
    ("diacritics", "\u0627\u0670\u0644\u0645\u0670", "الم", "\u0627\u0670\u0644\u0645\u0670"),
    ("tatweel", "جلالـــة", "جلاله", "جلالـــه"),
    ("tatweel", "شمال ـ جنوب", "شمال جنوب", "شمال ـ جنوب"),
    ("alef", "أحمد إيران آسيا ٱلله", "احمد ايران اسيا الله", "أحمد إيران آسيا ٱلله"),
    ("alef_maksura", "على مستوى", "علي مستوي", "على مستوى"),
    ("teh_marbuta", "المدرسة الجديدة", "المدرسه الجديده", "المدرسة الجديدة"),
    ("hamza_seats", "مسؤول مسئول", "مسءول مسءول", "مسؤول مسئول"),
    ("persian_letters", "هاتفی کرمان ۀ", "هاتفي كرمان ه", "هاتفی کرمان ۀ"),
    ("foreign_letters", "پوتين ڤلاديمير گروسي چين ژ", "بوتين فلاديمير كروسي جين ز", "پوتين ڤلاديمير گروسي چين ژ"),
]


@pytest.mark.parametrize(("option", "text", "on", "off"), CLEAN_CASES)
def test_clean_fold(option: str, text: str, on: str, off: str) -> None:
    assert clean_view(text)[0] == on
    only_this_off = replace(FoldOptions(), **{option: False})
    all_off = FoldOptions(**{f.name: False for f in fields(FoldOptions)})
    assert clean_view(text, only_this_off)[0] == off
    assert clean_view(text, all_off)[0] == text


@pytest.mark.parametrize(("option", "text", "on", "off"), MATCH_CASES)
def test_match_fold(option: str, text: str, on: str, off: str) -> None:
    assert match_key(text) == on
    assert match_key(text, replace(FoldOptions(), **{option: False})) == off


def test_every_option_has_a_sample() -> None:
    covered = {case[0] for case in CLEAN_CASES + MATCH_CASES}
    assert covered == {f.name for f in fields(FoldOptions)}


def test_diacritics_stay_with_their_letter_in_offsets() -> None:
    raw = "قال مُحَمَّدٌ"
    match, runs = match_view(raw)
    assert match == "قال محمد"
    start = match.index("محمد")
    assert span_to_raw(runs, start, start + 4) == (4, len(raw))  # the span keeps the final tanwin
    assert span_to_raw(runs, start, start + 1) == (4, 6)  # م with its damma


def test_ligature_expands_and_maps_as_a_whole() -> None:
    raw = "\ufefb\u0628"  # lam-alef ligature, beh
    clean, runs = clean_view(raw)
    assert clean == "\u0644\u0627\u0628"
    assert span_to_raw(runs, 0, 1) == (0, 1)
    assert span_to_raw(runs, 1, 2) == (0, 1)
    assert span_to_raw(runs, 2, 3) == (1, 2)


def test_deleted_invisibles_leave_gaps_outside_spans() -> None:
    raw = "\u200fأ\u200b\u200bب"
    clean, runs = clean_view(raw)
    assert clean == "أب"
    assert span_to_raw(runs, 0, 1) == (1, 2)
    assert span_to_raw(runs, 1, 2) == (4, 5)
    assert span_to_raw(runs, 0, 2) == (1, 5)


def test_presentation_table_covers_both_blocks_and_only_them() -> None:
    table = presentation_table()
    assert table["\ufefb"] == "\u0644\u0627" and table["\ufe8d"] == "\u0627" and table["\ufb8f"] == "\u06a9"
    assert all(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFE for c in table)
    assert all(not value.startswith(" ") for value in table.values())


def test_match_key_of_empty_and_space_only_strings() -> None:
    assert match_key("") == ""
    assert match_key(" \u200f\u0640 \n") == ""


def test_ligature_then_diacritic_in_the_match_view_stays_inside_its_raw_run() -> None:
    # Known limit of the run format: "ﻻَ" -> clean "لاَ" -> match "لا"; the two letters and the two raw code
    # points form one run of equal lengths, which reads as one-to-one. Spans stay inside that run.
    raw = "\ufefb\u064e"
    clean, clean_runs = clean_view(raw)
    match, match_runs = match_view(clean)
    runs = compose(match_runs, clean_runs)
    assert match == "\u0644\u0627" and runs == [(0, 0, 2, 2)]
    assert span_to_raw(runs, 0, 2) == (0, 2)
