"""GeoNames places with Arabic spellings only; the most populous city wins a shared name."""

from __future__ import annotations

from services.arabic import match_key
from services.extraction.gazetteer import load_gazetteer
from services.extraction.locate import find_places
from services.extraction.mentions import PUNCT
from services.extraction.places import city_by_words, is_arabic_spelling


def words(text: str) -> list[str]:
    return [PUNCT if not w[0].isalnum() else match_key(w) for w in text.split()]


def test_arabic_spelling_filter() -> None:
    assert is_arabic_spelling("موسكو")
    assert is_arabic_spelling("عشق آباد") or is_arabic_spelling("عشق اباد")
    assert not is_arabic_spelling("ماسکو")  # Persian kaf / yeh
    assert not is_arabic_spelling("اسکالڈس")  # Urdu ddal
    assert not is_arabic_spelling("عشق\u200cآباد")  # zero-width non-joiner
    assert not is_arabic_spelling("Moscow")


def test_shared_names_go_to_the_most_populous_city() -> None:
    city = city_by_words((match_key("موسكو"),))
    assert city is not None and (city.name_en, city.country) == ("Moscow", "RUS")


def test_places_after_prepositions_and_capital_nisbas() -> None:
    gaz = load_gazetteer()
    found = [p.location.name_en for p in find_places(gaz, words("التقى الرئيسان في موسكو"))]
    assert found == ["Moscow"]
    found = [p.location.name_en for p in find_places(gaz, words("في العاصمة التركمانية عشق آباد"))]
    assert found == ["Ashgabat"]
    found = [p.location.name_en for p in find_places(gaz, words("على هامش المنتدى في العاصمة التركمانية"))]
    assert found == ["Ashgabat"]


def test_common_words_are_not_places() -> None:
    gaz = load_gazetteer()
    assert find_places(gaz, words("قال الكرملين في بيان اليوم")) == []
    assert find_places(gaz, words("رغبة موسكو في التعاون")) == []  # a bare capital names no place
