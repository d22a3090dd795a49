"""Gazetteer v9, part 2: the holders that fill the coverage test's gaps (holders_coverage.tsv), looked up by title
and day as the extractor asks ("نظيره الكيني" on a day -> the Kenyan holder of the same office)."""

from __future__ import annotations

from datetime import date

import pytest

from schemas.event import Role
from services.extraction.gazetteer import Gazetteer, key_of, load_gazetteer


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("code", "role", "on", "expected"),
    [
        ("PAK", Role.FOREIGN_MINISTER, date(2016, 3, 1), "Nawaz Sharif"),
        ("KOR", Role.HEAD_OF_GOVERNMENT, date(2015, 3, 1), "Lee Wan-koo"),
        ("KEN", Role.HEAD_OF_STATE, date(2018, 6, 1), "Uhuru Kenyatta"),
        ("KEN", Role.FOREIGN_MINISTER, date(2021, 6, 1), "Raychelle Omamo"),
        ("ARG", Role.FOREIGN_MINISTER, date(2016, 6, 1), "Susana Malcorra"),
        ("SEN", Role.FOREIGN_MINISTER, date(2018, 6, 1), "Sidiki Kaba"),
        ("MLI", Role.HEAD_OF_GOVERNMENT, date(2022, 6, 1), "Choguel Kokalla Maïga"),
        ("RWA", Role.FOREIGN_MINISTER, date(2016, 6, 1), "Louise Mushikiwabo"),
        ("NOR", Role.HEAD_OF_STATE, date(2020, 1, 1), "Harald V"),
        ("SWE", Role.HEAD_OF_STATE, date(2023, 1, 21), "Carl XVI Gustaf"),
        ("VAT", Role.FOREIGN_MINISTER, date(2024, 6, 1), "Paul Richard Gallagher"),
        ("GHA", Role.FOREIGN_MINISTER, date(2020, 1, 1), "Shirley Ayorkor Botchwey"),
        ("KGZ", Role.FOREIGN_MINISTER, date(2019, 1, 1), "Chingiz Aidarbekov"),
    ],
)
def test_holder_by_role_and_day(gz: Gazetteer, code: str, role: Role, on: date, expected: str) -> None:
    assert [h.name_en for h in gz.holders(code, role, on)] == [expected]


@pytest.mark.parametrize(
    ("code", "role", "on", "expected"),
    [
        ("JPN", Role.FOREIGN_MINISTER, date(2021, 11, 7), "Fumio Kishida"),
        ("MYS", Role.HEAD_OF_STATE, date(2019, 1, 15), "Nazrin Shah of Perak"),
        ("KGZ", Role.HEAD_OF_GOVERNMENT, date(2020, 12, 1), "Artem Novikov"),
        ("GRC", Role.FOREIGN_MINISTER, date(2023, 6, 1), "Vasileios Kaskarelis"),
    ],
)
def test_acting_holders_fill_the_days_between_terms(
    gz: Gazetteer, code: str, role: Role, on: date, expected: str
) -> None:
    found = gz.holders(code, role, on)
    assert [h.name_en for h in found] == [expected] and found[0].acting


def test_pakistan_caretaker_and_vacant_days(gz: Gazetteer) -> None:
    """Khawaja Asif's disqualification (2018-04-26) to Qureshi (2018-08-20): an additional charge, a caretaker,
    and days listed in vacancies.tsv where nobody answers."""
    assert [h.name_en for h in gz.holders("PAK", Role.FOREIGN_MINISTER, date(2018, 5, 15))] == ["Khurram Dastgir Khan"]
    assert [h.name_en for h in gz.holders("PAK", Role.FOREIGN_MINISTER, date(2018, 7, 1))] == [
        "Abdullah Hussain Haroon"
    ]
    assert gz.holders("PAK", Role.FOREIGN_MINISTER, date(2022, 4, 20)) == []


def test_kings_by_title(gz: Gazetteer) -> None:
    assert [h.name_en for h in gz.holders_by_title("NOR", key_of("الملك"), date(2024, 1, 1))] == ["Harald V"]
    assert gz.is_kingdom("SWE") and not gz.is_kingdom("AUS")


@pytest.mark.parametrize("words", ["أمينة محمد", "موديبو كيتا"])
def test_names_of_others_need_an_anchor(gz: Gazetteer, words: str) -> None:
    """Kenya's Amina Mohamed shares her name with the UN's deputy secretary-general, Mali's prime minister with
    Mali's first president (the airport, the stadium)."""
    assert gz.ambiguity(key_of(words)) is not None


@pytest.mark.parametrize("word", ["كوليبالي", "مايغا", "فال", "با"])
def test_shared_surnames_are_no_keys(gz: Gazetteer, word: str) -> None:
    assert gz.persons_by_name(key_of(word)) == []
