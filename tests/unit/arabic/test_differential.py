"""Differential test against camel-tools (MIT) on the four folds it shares with the match key.

camel-tools is a test-only dependency, installed without its heavy dependencies:
`pip install --no-deps camel-tools==1.6.0 emoji==2.16.0 six` (`camel_tools.utils.charsets` imports
`emoji`, `camel_tools.utils.stringutils` imports `six`; the full package would pull torch).

Each of our folds runs alone (every other option off, whitespace untouched) and must give the same string
as the camel-tools function. Deliberate differences, excluded from the generated text and pinned below:
- diacritics: camel-tools removes U+064B-0652 and U+0670; we also remove the other combining marks of the
  Arabic block (U+0653-065F: madda, combining hamza, ...), the honorific signs U+0610-061A, Quranic marks
  U+06D6-06ED and Extended-A marks, because any mark left in the key breaks a lexicon match.
- alef: camel-tools folds أ إ آ ٱ; we also fold the rarer alef variants U+0672, U+0673, U+0675 (wavy and
  high hamza), which are the same letter to a reader.
- teh marbuta: camel-tools folds U+0629; we also fold Urdu teh marbuta goal U+06C3.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

import pytest
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
from hypothesis import given, settings
from hypothesis import strategies as st

from services.arabic import FoldOptions, clean_view, match_view
from services.arabic import charsets as cs
from tests.unit.arabic.support import seed_text

OUR_EXTRA_MARKS = "".join(chr(c) for c in range(0x0653, 0x0660)) + "".join(chr(c) for c in range(0x0610, 0x061B))
OUR_EXTRA_MARKS += "".join(chr(c) for c in range(0x06D6, 0x06EE) if chr(c) not in "\u06dd\u06de\u06e5\u06e6\u06e9")
OUR_EXTRA_LETTERS = "\u0672\u0673\u0675\u06c3"
ALL_OFF = FoldOptions(**{f.name: False for f in fields(FoldOptions)})
SHARED: dict[str, Callable[[str], str]] = {
    "diacritics": dediac_ar,
    "alef": normalize_alef_ar,
    "alef_maksura": normalize_alef_maksura_ar,
    "teh_marbuta": normalize_teh_marbuta_ar,
}


def ours(text: str, *options: str) -> str:
    """Our match view with only `options` on (no clean folds, whitespace untouched)."""
    return match_view(text, replace(ALL_OFF, **dict.fromkeys(options, True)))[0]


def camel_chain(text: str) -> str:
    folded: str = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))
    return folded


arabic_text = st.text(
    alphabet=st.one_of(
        st.characters(
            min_codepoint=0x0600, max_codepoint=0x06FF, exclude_characters=OUR_EXTRA_MARKS + OUR_EXTRA_LETTERS
        ),
        st.sampled_from(" \nabc123.,"),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(arabic_text, st.sampled_from(sorted(SHARED)))
def test_each_shared_fold_equals_camel_tools(text: str, option: str) -> None:
    assert ours(text, option) == SHARED[option](text)


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_the_four_folds_together_equal_the_camel_tools_chain(text: str) -> None:
    assert ours(text, *SHARED) == camel_chain(text)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_fold_like_camel_tools(prefix: str) -> None:
    clean = clean_view(seed_text(prefix))[0]
    assert ours(clean, *SHARED) == camel_chain(clean)
    for option, function in SHARED.items():
        assert ours(clean, option) == function(clean)


def test_deliberate_differences_are_exactly_the_documented_ones() -> None:
    for mark in OUR_EXTRA_MARKS:
        assert ours("ب" + mark, "diacritics") == "ب" and dediac_ar("ب" + mark) == "ب" + mark
    for letter in "\u0672\u0673\u0675":
        assert ours(letter, "alef") == cs.ALEF and normalize_alef_ar(letter) == letter
    assert ours("\u06c3", "teh_marbuta") == cs.HEH and normalize_teh_marbuta_ar("\u06c3") == "\u06c3"
    assert ours("\u0640", "diacritics") == "\u0640" == dediac_ar("\u0640")  # tatweel is its own switch
