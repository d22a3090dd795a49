"""Arabic surface forms the gazetteer derives from its data: nisba inflection, the article, proclitics.

Works on unfolded Arabic (the loader folds every produced form through `services.arabic.match_key`
afterwards), except `proclitic_candidates`, which works on already-folded keys.
"""

from __future__ import annotations

from collections.abc import Iterator

ARTICLE = "\u0627\u0644"  # ال
_YA = "\u064a"  # ي
_TA_MARBUTA = "\u0629"  # ة

# Regular suffixes replacing the final ي of a nisba base (إيراني): masc sg, fem sg, duals (nominative
# and oblique), sound plurals. The masc dual oblique and masc plural oblique are both -يين unvocalised.
_NISBA_SUFFIXES = (
    "\u064a",  # إيراني
    "\u064a\u0629",  # إيرانية
    "\u064a\u0627\u0646",  # إيرانيان
    "\u064a\u064a\u0646",  # إيرانيين
    "\u064a\u062a\u0627\u0646",  # إيرانيتان
    "\u064a\u062a\u064a\u0646",  # إيرانيتين
    "\u064a\u0648\u0646",  # إيرانيون
    "\u064a\u0627\u062a",  # إيرانيات
)
FEMININE_SINGULAR = 1  # index into _NISBA_SUFFIXES

WAW = "\u0648"  # و
FA = "\u0641"  # ف
_CONJUNCTIONS = (WAW, FA)
_PREPOSITIONS = ("\u0628", "\u0644", "\u0643")  # ب ل ك
_LIL = "\u0644\u0644"  # لل (ل + ال with the alif dropped)
_MIN_STEM = 2


def nisba_forms(base: str) -> tuple[str, ...]:
    """All genders and numbers of a nisba base, indefinite then definite.

    `base` is the masculine singular ("إيراني") or a multi-word base whose words all agree
    ("كوري جنوبي" -> "الكورية الجنوبية", "الكوريان الجنوبيان" ...). Every word must end in ي.
    """
    words = base.split()
    if not words or any(not w.endswith(_YA) for w in words):
        raise ValueError(f"nisba base must end in \u064a: {base!r}")
    forms: list[str] = []
    for suffix in _NISBA_SUFFIXES:
        inflected = [w[:-1] + suffix for w in words]
        forms.append(" ".join(inflected))
        forms.append(" ".join(ARTICLE + w for w in inflected))
    return tuple(forms)


def feminine_definite(base: str) -> str:
    """ "التركمانية" for "تركماني": the form used in "العاصمة التركمانية"."""
    return " ".join(ARTICLE + w[:-1] + _NISBA_SUFFIXES[FEMININE_SINGULAR] for w in base.split())


def without_article(name: str) -> str | None:
    """The name without a leading ال on its first word ("العراق" -> "عراق"), or None if it has none."""
    if name.startswith(ARTICLE) and len(name) > len(ARTICLE) + 1:
        return name[len(ARTICLE) :]
    return None


def proclitic_candidates(token: str) -> Iterator[tuple[str, str]]:
    """Yield (stem, clitic) readings of a folded token, the unstripped reading first.

    Handles a conjunction و/ف, then a preposition ب/ل/ك or لل (ل + ال): "وبالرئيس" -> ("وبالرئيس", ""),
    ("بالرئيس", "و"), ("الرئيس", "وب"); "للعراق" -> ("العراق", "لل"), ("عراق", "لل"). Stems shorter than
    two letters are not produced. The caller takes the first reading that is a known key, so a name
    that merely starts with such a letter ("لبنان", "بوتين") still matches unstripped.
    """
    yield token, ""
    seen = {token}
    heads = [("", token)]
    if token[:1] in _CONJUNCTIONS and len(token) > _MIN_STEM:
        heads.append((token[0], token[1:]))
    for clitic, rest in heads:
        readings: list[tuple[str, str]] = []
        if clitic:
            readings.append((rest, clitic))
        if rest.startswith(_LIL) and len(rest) > _MIN_STEM + 1:
            readings.append((ARTICLE + rest[2:], clitic + _LIL))
            readings.append((rest[2:], clitic + _LIL))
        elif rest[:1] in _PREPOSITIONS and len(rest) > _MIN_STEM:
            readings.append((rest[1:], clitic + rest[0]))
        for stem, used in readings:
            if stem not in seen and len(stem) >= _MIN_STEM:
                seen.add(stem)
                yield stem, used
