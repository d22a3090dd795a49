from __future__ import annotations

from pathlib import Path

from services.scraper.fetch import Validators
from services.scraper.state import ScrapeState


def test_state_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "state.sqlite3"
    state = ScrapeState(path)
    state.remember_validators("https://x.org/a", Validators('"e1"', "Mon, 09 Nov 2026 10:00:00 GMT"))
    state.remember_article("x:1", "a" * 64, "https://x.org/a")
    state.close()

    reopened = ScrapeState(path)
    assert reopened.validators("https://x.org/a") == Validators('"e1"', "Mon, 09 Nov 2026 10:00:00 GMT")
    assert reopened.is_unchanged("x:1", "a" * 64)
    assert not reopened.is_unchanged("x:1", "b" * 64)
    assert not reopened.is_unchanged("x:2", "a" * 64)
    assert reopened.article_count() == 1


def test_updates_and_forgetting_validators() -> None:
    state = ScrapeState(":memory:")
    state.remember_validators("u", Validators('"e1"', None))
    state.remember_validators("u", Validators('"e2"', None))
    assert state.validators("u") == Validators('"e2"', None)
    state.remember_validators("u", Validators(None, None))  # the server stopped sending validators
    assert state.validators("u") is None
    state.remember_article("x:1", "a" * 64, "u")
    state.remember_article("x:1", "b" * 64, "u")
    assert state.is_unchanged("x:1", "b" * 64) and state.article_count() == 1
