"""The CAMEO code table is complete and consistent (root, QuadClass, Goldstein range)."""

from __future__ import annotations

import pytest

from services.extraction.cameo import cameo, cameo_table, quad_class_of_root
from services.extraction.lexicon import triggers

ROOTS = [f"{r:02d}" for r in range(1, 21)]


def test_every_root_and_its_unspecified_code_is_present() -> None:
    table = cameo_table()
    for root in ROOTS:
        assert root in table, root
        assert f"{root}0" in table, f"{root}0"


@pytest.mark.parametrize(
    "code",
    [
        "040",
        "041",
        "042",
        "043",
        "044",
        "045",
        "046",
        "036",
        "051",
        "057",
        "111",
        "112",
        "114",
        "120",
        "130",
        "161",
        "163",
        "172",
        "174",
    ],
)
def test_codes_the_issue_names_are_present(code: str) -> None:
    assert code in cameo_table()


def test_rows_are_consistent() -> None:
    for code, row in cameo_table().items():
        assert code.isdigit() and 2 <= len(code) <= 4
        assert row.root == code[:2]
        assert row.quad_class == quad_class_of_root(row.root)
        assert -10.0 <= row.goldstein <= 10.0
        assert row.name.strip()
        if len(code) > 2:
            assert code[:-1] in cameo_table() or code[:2] in cameo_table()


def test_quad_class_rule() -> None:
    assert [quad_class_of_root(r) for r in ("01", "05", "06", "08", "09", "13", "14", "20")] == [1, 1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        quad_class_of_root("21")


def test_known_goldstein_values() -> None:
    assert cameo("041").goldstein == 1.0
    assert cameo("042").goldstein == 1.9
    assert cameo("057").goldstein == 8.0
    assert cameo("163").goldstein == -8.0
    assert cameo("036").quad_class == 1


def test_every_lexicon_code_is_in_the_table() -> None:
    missing = {t.cameo for t in triggers()} - set(cameo_table())
    assert not missing
