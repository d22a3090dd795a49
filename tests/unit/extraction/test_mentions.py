"""Actor mentions: proclitics on names and titles, nisbas, counterparts, ambiguity, places vs actors."""

from __future__ import annotations

import datetime as dt

from schemas.event import Role
from services.arabic import match_key
from services.extraction.gazetteer import load_gazetteer
from services.extraction.mentions import PUNCT, Mention, scan_sentence
from services.extraction.resolve import Cast


def scan(text: str, on: dt.date | None = None) -> list[Mention]:
    words = [PUNCT if not w[0].isalnum() else match_key(w) for w in text.replace("،", " ، ").split()]
    return scan_sentence(load_gazetteer(), words, on)


def test_proclitics_on_names_and_titles() -> None:
    found = scan("اتصل بوتين بالرئيس الإيراني وللرئيس التركي")
    assert [(m.kind, m.prep) for m in found] == [("person", ""), ("title", "ب"), ("title", "ل")]
    assert [m.actor.country for m in found if m.actor] == ["RUS", "IRN", "TUR"]
    (m,) = scan("التقى وبوتين")
    assert m.actor is not None and m.actor.name_en == "Vladimir Putin" and m.conj


def test_title_nisba_and_name_make_one_person() -> None:
    (m,) = scan("الرئيس الإيراني مسعود بزشكيان")
    assert m.kind == "person" and m.actor is not None and m.actor.name_en == "Masoud Pezeshkian"


def test_office_holder_depends_on_the_date() -> None:
    (m,) = scan("الرئيس الإيراني")
    cast_2022 = Cast(load_gazetteer(), dt.date(2022, 6, 29), [[m]])
    cast_2025 = Cast(load_gazetteer(), dt.date(2025, 1, 15), [[m]])
    assert (r := cast_2022.resolve(m)) is not None and r.name_en == "Ebrahim Raisi"
    assert (r := cast_2025.resolve(m)) is not None and r.name_en == "Masoud Pezeshkian"
    assert (r := Cast(load_gazetteer(), None, [[m]]).resolve(m)) is not None and r.name_en is None


def test_counterpart_takes_the_antecedents_role() -> None:
    (m,) = scan("نظيره الروسي")
    assert m.kind == "counterpart" and m.actor is not None and m.actor.country == "RUS"
    cast = Cast(load_gazetteer(), dt.date(2024, 3, 19), [[m]])
    raisi = scan("إبراهيم رئيسي")[0].actor
    r = cast.resolve(m, raisi)
    assert r is not None and r.name_en == "Vladimir Putin"


def test_raisi_needs_an_anchor() -> None:
    (m,) = scan("وقال رئيسي إن العلاقات جيدة")
    assert m.ambiguous
    assert Cast(load_gazetteer(), None, [[m]]).resolve(m) is None
    anchored = scan("آية الله رئيسي")[0]
    assert not anchored.ambiguous
    assert Cast(load_gazetteer(), None, [[m], [anchored]]).resolve(m) is not None


def test_amman_in_a_dateline_is_a_place_oman_as_subject_is_a_state() -> None:
    assert scan("عمان 5 آب 2024")[0].kind == "place"
    assert scan("في قصر الحسينية بعمان")[0].kind == "place"
    (m,) = scan("أعلنت سلطنة عمان")
    assert m.kind == "state" and m.actor is not None and m.actor.country == "OMN"


def test_construct_titles_and_envoys() -> None:
    (m,) = scan("أمير دولة قطر")
    assert m.kind == "title" and m.actor is not None and (m.actor.country, m.actor.role) == ("QAT", Role.HEAD_OF_STATE)
    (m,) = scan("السفير الفرنسي")
    assert m.actor is not None and (m.actor.country, m.actor.role) == ("FRA", Role.AMBASSADOR)


def test_pairs() -> None:
    (m,) = scan("وبحث الجانبان")
    assert m.kind == "pair"
    found = scan("الرئيسين الإيراني إبراهيم رئيسي")
    assert "pair" not in [m.kind for m in found]
    assert [m.actor.name_en for m in found if m.kind == "person" and m.actor] == ["Ebrahim Raisi"]
