"""Integrity of the gazetteer's data files: keys, codes, QIDs, terms, and coverage of the states listed in
coverage.tsv (heads of state and government and foreign ministers, every day since 2015)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import date, timedelta

import pytest

from schemas.event import Role
from services.extraction.gazetteer import OfficeHolder, holder_files, load_gazetteer
from services.extraction.gazetteer.index import Indexes, add_igos, add_states
from services.extraction.gazetteer.tables import read_holders, read_igos, read_rows, read_states

TODAY = date(2026, 11, 30)  # the data date: no term starts or ends after it; coverage is checked up to it
COVERAGE_FROM = date(2015, 1, 1)
QID = re.compile(r"^Q\d+$")


def codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


UN_MEMBERS = codes(
    """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
    BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU
    EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND
    IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG
    MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD
    NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE
    SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA
    UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE"""
)
EXTRA_STATES = frozenset({"PSE", "XKX", "TWN", "VAT"})
ARAB_LEAGUE = codes("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM")
COVERED_ROLES = (Role.HEAD_OF_STATE, Role.HEAD_OF_GOVERNMENT, Role.FOREIGN_MINISTER)
# Offices whose holders can legitimately overlap (rival governments are listed under their own office;
# `spokesperson` is a ministry's team of several spokespeople at once, e.g. China's foreign ministry;
# `named_official` and `named_minister` are posts found by name only, several of them per state; a state has an
# `ambassador` in every capital; `religious_leader` is a state's highest authority of each faith).
MULTI_HOLDER_OFFICES = frozenset(
    {"member", "special_envoy", "spokesperson", "named_official", "named_minister", "ambassador", "religious_leader"}
)


def all_holders() -> list[OfficeHolder]:
    return [h for name in holder_files() for h in read_holders(name)]


def test_state_codes_are_the_fixed_list() -> None:
    codes = [s.iso3 for s in read_states()]
    assert len(codes) == len(set(codes))
    assert set(codes) == UN_MEMBERS | EXTRA_STATES
    assert len(UN_MEMBERS) == 193


def test_states_have_names_capitals_and_nisbas() -> None:
    for s in read_states():
        assert s.name_ar and s.name_en and s.capital_en and s.capital_ar, s.iso3
        assert s.nisba_ar or s.nisba_irregular_ar, f"{s.iso3} has no nisba"
        assert s.qid is None or QID.match(s.qid), s.iso3


def test_qids_are_well_formed_and_unique() -> None:
    qids: dict[str, str] = {}
    for h in all_holders():
        if h.qid:
            assert QID.match(h.qid), h
            assert qids.setdefault(h.qid, h.name_en) == h.name_en, f"{h.qid} used for two people"
    for igo in read_igos():
        assert igo.qid is None or QID.match(igo.qid), igo.code


def test_keys_are_unique_across_states_and_igos() -> None:
    ix = Indexes()
    add_states(ix, read_states())
    add_igos(ix, read_igos())
    assert ix.conflicts == []


def test_igo_codes_unique_and_parents_exist() -> None:
    igos = read_igos()
    codes = [i.code for i in igos]
    assert len(codes) == len(set(codes))
    assert all(i.parent in codes for i in igos if i.parent)
    assert all(re.fullmatch(r"[A-Z0-9]{2,8}", c) for c in codes)


def test_holder_codes_roles_offices_and_terms() -> None:
    gz = load_gazetteer()
    codes = UN_MEMBERS | EXTRA_STATES | {i.code for i in gz.igo_list}
    offices = {o.office for o in gz.offices}
    for h in all_holders():
        assert h.code in codes, h
        assert h.office in offices, h
        assert h.name_ar and h.name_en and h.title_ar, h
        assert h.term_end is None or h.term_start <= h.term_end, h
        assert h.term_start <= TODAY and (h.term_end is None or h.term_end <= TODAY), h


def test_no_overlapping_terms_in_single_holder_offices() -> None:
    by_office: dict[tuple[str, str], list[OfficeHolder]] = defaultdict(list)
    for h in all_holders():
        if h.office not in MULTI_HOLDER_OFFICES:
            by_office[(h.code, h.office)].append(h)
    for key, terms in by_office.items():
        terms.sort(key=lambda h: h.term_start)
        for before, after in itertools.pairwise(terms):
            assert before.term_end is not None, f"{key}: {before.name_en} still in office when {after.name_en} starts"
            # Inclusive terms may share the handover day, no more.
            assert after.term_start >= before.term_end, f"{key}: {before.name_en} / {after.name_en}"


def vacancies() -> dict[tuple[str, str], list[tuple[date, date]]]:
    """Real vacancies (kind=vacancy) and known holes in our data (kind=unknown), by (code, role)."""
    found: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
    for _, r in read_rows("vacancies.tsv"):
        assert r["kind"] in {"vacancy", "unknown"}, r
        found[(r["code"], r["role"])].append((date.fromisoformat(r["start"]), date.fromisoformat(r["end"])))
    return found


def uncovered_days(code: str, role: Role, holders: list[OfficeHolder]) -> list[date]:
    """First days of each gap in [2015-01-01, today] not covered by a holder of `role` or a vacancy."""
    spans = [(h.term_start, h.term_end or TODAY) for h in holders if h.code == code and role in h.roles]
    spans += vacancies().get((code, role.value), [])
    spans.sort()
    gaps: list[date] = []
    day = COVERAGE_FROM
    for start, end in spans:
        if end < day:
            continue
        if start > day:
            gaps.append(day)
        day = max(day, end + timedelta(days=1))
    if day <= TODAY:
        gaps.append(day)
    return gaps


def coverage() -> dict[str, tuple[Role, ...]]:
    """coverage.tsv: state -> the roles that must have a holder (or a listed vacancy) on every day."""
    return {r["code"]: tuple(Role(part) for part in r["roles"].split("|")) for _, r in read_rows("coverage.tsv")}


COVERAGE = coverage()


def test_coverage_lists_sixty_states_and_the_arab_league() -> None:
    assert len(COVERAGE) >= 60
    assert set(COVERAGE) <= UN_MEMBERS | EXTRA_STATES
    assert set(COVERAGE) >= ARAB_LEAGUE
    assert all(roles and set(roles) <= set(COVERED_ROLES) for roles in COVERAGE.values())


@pytest.mark.parametrize(
    ("code", "role"), [(code, role) for code, roles in sorted(COVERAGE.items()) for role in roles], ids=str
)
def test_offices_covered_every_day_since_2015(code: str, role: Role) -> None:
    holders = all_holders()
    assert uncovered_days(code, role, holders) == [], f"{code} {role.value}: gaps"


def test_vacancies_are_not_held() -> None:
    """A vacancy or a known hole in which a holder of the role sits (beyond a shared first or last day) is stale:
    the hole was filled, or the row is wrong."""
    holders = all_holders()
    for (code, role), spans in vacancies().items():
        assert all(start <= end <= TODAY for start, end in spans), code
        for start, end in spans:
            for h in holders:
                if h.code == code and Role(role) in h.roles:
                    held_until = h.term_end or TODAY
                    assert not (h.term_start < end and held_until > start), f"{code} {role} {start}: {h.name_en}"


def test_every_holder_name_is_a_key() -> None:
    gz = load_gazetteer()
    from services.arabic import match_key

    for h in gz.office_holders:
        assert h in gz.persons_by_name(match_key(h.name_ar)), h.name_en
