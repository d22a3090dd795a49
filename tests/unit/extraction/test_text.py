"""The tokeniser's shortcuts (whitespace split, one-word chunks) against the plain pattern they replace."""

from __future__ import annotations

import random
import re
import sys

from services.arabic import match_key
from services.extraction.text import _tokens

_SPACED_TOKEN = re.compile(r"(\s*)([\w\u064B-\u0652\u0670\u0640]+|[^\s\w])")


def _reference(text: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    end = 0
    for space, word in _SPACED_TOKEN.findall(text):
        start = end + len(space)
        end = start + len(word)
        out.append((match_key(word), start, end))
    return out


def _split(text: str) -> list[tuple[str, int, int]]:
    tokens, _firsts = _tokens(text, ([], [], [], []), [(text, 0, len(text) + 1)])
    return [(t.key, t.start, t.end) for t in tokens]


def test_split_and_isalnum_test_the_code_points_the_pattern_does() -> None:
    space, word = re.compile(r"\s"), re.compile(r"\w")
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        assert bool(space.match(ch)) == ch.isspace(), hex(c)
        assert (bool(word.match(ch)) and ch != "_") == ch.isalnum(), hex(c)


def test_tokens_tile_the_text_as_the_pattern_does() -> None:
    samples = [
        "التقى الرئيس،  بنظيره (في) القاهرة.",
        "\u00a0\tقال:\u2003«نعم»\n\nو_لا 12.5% من\u064eـه",
        "  leading and trailing  ",
        "a_b c__ __ ٣٤٥ x\u0640y ؟!",
        "القاهرة، الرياض. جدة_ مكة\u0640 بيروت\u064e دمشق؟ (عمان) «غزة»",  # a word and the mark after it
    ]
    alphabet = "اب ت،.؟ _\u064b\u0640\u00a0\t\n1٢xـ«»"
    rng = random.Random(26)
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(500)]
    for text in samples:
        assert _split(text) == _reference(text), text
