"""Names and phrases as written in the seed articles resolve through the gazetteer."""

from __future__ import annotations

import re
from datetime import date

import pytest

from services.arabic import match_key
from services.extraction.gazetteer import Gazetteer, load_gazetteer
from tests.paths import SEED_FILES


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("surface", "name_en"),
    [
        ("فلاديمير بوتين", "Vladimir Putin"),
        ("آية الله إبراهيم رئيسي", "Ebrahim Raisi"),
        ("ابراهيم رئيسي", "Ebrahim Raisi"),
        ("مسعود بزشكيان", "Masoud Pezeshkian"),
        ("إلهام علييف", "Ilham Aliyev"),
        ("سردار محمد بردييف", "Serdar Berdimuhamedow"),
        ("السيد علي الخامنئي", "Ali Khamenei"),
    ],
)
def test_seed_person_names(gz: Gazetteer, surface: str, name_en: str) -> None:
    assert {h.name_en for h in gz.persons_by_name(match_key(surface))} == {name_en}


def test_caspian_summit_is_an_igo(gz: Gazetteer) -> None:
    igo = gz.igo_by_name(match_key("قمة الدول المطلة على بحر قزوين"))
    assert igo is not None and igo.code == "CASP"


def tokens(text: str) -> list[str]:
    return [match_key(t) for t in re.findall(r"[\u0621-\u064A\u0670-\u06FF]+", text)]


@pytest.mark.skipif(not SEED_FILES, reason="shared seeds are not beside the checkout")
def test_scanning_seed_003_finds_its_actors_and_place(gz: Gazetteer) -> None:
    text = next(p for p in SEED_FILES if p.name.startswith("003_")).read_text(encoding="utf-8")
    words = tokens(text)
    found: set[str] = set()
    i = 0
    while i < len(words):
        hit = gz.match_at(words, i)
        if hit is None:
            i += 1
            continue
        if "person" in hit.kinds:
            found |= {h.name_en for h in gz.persons_by_name(hit.key, on=date(2022, 6, 29))}
        if "capital_nisba" in hit.kinds:
            state = gz.capital_by_nisba(hit.key)
            assert state is not None
            found.add(state.capital_en)
        i = hit.end
    assert {"Ebrahim Raisi", "Vladimir Putin", "Ashgabat"} <= found
