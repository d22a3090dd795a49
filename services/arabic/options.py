"""Fold options: every fold of both views is one documented switch (see docs/normalization.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from services.arabic import charsets as cs


@dataclass(frozen=True, slots=True)
class FoldOptions:
    """Which folds run. The clean view applies the first group, the match key both groups."""

    # clean view (display and evidence)
    invisibles: bool = True  # delete cs.INVISIBLES (controls, bidi, zero-width, surrogates)
    presentation_forms: bool = True  # fold cs.PRESENTATION_FORMS to base letters (compatibility decomposition)
    compose_hamza: bool = True  # letter + combining madda/hamza -> precomposed letter (cs.HAMZA_COMPOSITION)
    digits: bool = True  # Arabic-Indic and Persian digits, Arabic % . , -> ASCII (cs.DIGITS)
    quotes: bool = True  # curly quotes, guillemets, primes -> ASCII " and ' (cs.QUOTES)
    dashes: bool = True  # dash and minus variants -> ASCII hyphen-minus (cs.DASHES)
    spaces: bool = True  # whitespace runs -> one space, or one newline when they hold a line break
    # match key (lexicon lookup), applied on top of the clean view
    diacritics: bool = True  # delete cs.DIACRITICS (attached to the preceding letter for offsets)
    tatweel: bool = True  # delete U+0640 kashida
    alef: bool = True  # cs.ALEF_VARIANTS -> bare alef U+0627
    alef_maksura: bool = True  # U+0649 -> yeh U+064A
    teh_marbuta: bool = True  # U+0629, U+06C3 -> heh U+0647
    hamza_seats: bool = True  # cs.HAMZA_SEATS (ؤ ئ ...) -> bare hamza U+0621, so مسؤول and مسئول meet
    persian_letters: bool = True  # cs.PERSIAN_VARIANTS (ک ی ۀ ہ ...) -> Arabic letters
    foreign_letters: bool = True  # cs.FOREIGN_LETTERS (پ چ ژ ڤ گ) -> ب ج ز ف ك


DEFAULT_FOLDS = FoldOptions()


@cache
def clean_table(options: FoldOptions) -> dict[str, str]:
    """One-to-one clean-view replacements selected by `options`."""
    table: dict[str, str] = {}
    if options.digits:
        table |= cs.DIGITS
    if options.quotes:
        table |= cs.QUOTES
    if options.dashes:
        table |= cs.DASHES
    return table


@cache
def match_table(options: FoldOptions) -> dict[str, str]:
    """One-to-one match-key replacements selected by `options` (applied after the clean view)."""
    table: dict[str, str] = {}
    if options.foreign_letters:
        table |= cs.FOREIGN_LETTERS
    if options.persian_letters:
        table |= cs.PERSIAN_VARIANTS
    if options.alef:
        table |= dict.fromkeys(cs.ALEF_VARIANTS, cs.ALEF)
    if options.alef_maksura:
        table[cs.ALEF_MAKSURA] = cs.YEH
    if options.teh_marbuta:
        table |= dict.fromkeys(cs.TEH_MARBUTA, cs.HEH)
    if options.hamza_seats:
        table |= dict.fromkeys(cs.HAMZA_SEATS, cs.HAMZA)
    return table


@cache
def match_deletions(options: FoldOptions) -> str:
    """Regex class body of the code points the match key deletes."""
    return (cs.DIACRITICS if options.diacritics else "") + (cs.TATWEEL if options.tatweel else "")
