from __future__ import annotations

from pathlib import Path

import pytest

from services.cli import main
from services.scraper.config import ConfigError, load_sources, parse_sources
from tests.paths import REPO

EXAMPLE = REPO / "deploy" / "scraper" / "sources.example.toml"


def test_the_shipped_example_is_valid() -> None:
    config = load_sources(EXAMPLE)
    names = [source.name for source in config.sources]
    assert "bbc-arabic" in names and len(names) == len(set(names)) >= 5
    for source in config.enabled():
        assert source.feeds or source.sitemaps
        assert all(url.startswith("https://") for url in source.feeds + source.sitemaps)
        assert config.interval(source) >= 300 and config.language(source) == "ar"


def test_defaults_apply_and_sources_override() -> None:
    config = parse_sources(
        """
[defaults]
poll_interval_seconds = 900
max_articles_per_poll = 10
[[sources]]
name = "a"
feeds = ["https://example.org/rss"]
[[sources]]
name = "b"
sitemaps = ["https://example.org/sitemap.xml"]
poll_interval_seconds = 120
max_articles_per_poll = 3
language = "fa"
selectors = { text = "div.body" }
"""
    )
    a, b = config.sources
    assert (config.interval(a), config.limit(a), config.language(a)) == (900, 10, "ar")
    assert (config.interval(b), config.limit(b), config.language(b)) == (120, 3, "fa")
    assert b.selectors is not None and b.selectors.text == "div.body"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("sources = [", "not valid TOML"),
        ("", "sources: Field required"),
        ('[[sources]]\nname = "a"', "sources.0: Value error, needs at least one feed or sitemap"),
        ('[[sources]]\nname = "Al Jazeera"\nfeeds = ["https://x.org/"]', "sources.0.name: String should match"),
        ('[[sources]]\nname = "a"\nfeeds = ["file:///etc/passwd"]', "sources.0.feeds: Value error, 'file:///etc"),
        ('[[sources]]\nname = "a"\nfeeds = ["https://x.org/"]\ncolour = 1', "sources.0.colour: Extra inputs"),
        ('[[sources]]\nname = "a"\nfeeds = ["https://x.org/"]\n[[sources]]\nname = "a"\nfeeds = ["https://y.org/"]',
         "duplicate source names: a"),
        ('[[sources]]\nname = "a"\nfeeds = ["https://x.org/"]\nenabled = false', "every source is disabled"),
        ('[defaults]\npoll_interval_seconds = 1\n[[sources]]\nname = "a"\nfeeds = ["https://x.org/"]',
         "defaults.poll_interval_seconds: Input should be greater than or equal to 10"),
    ],
)  # fmt: skip
def test_invalid_files_give_one_line_naming_the_file(text: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_sources(text, "conf/sources.toml")
    message = str(caught.value)
    assert message.startswith("conf/sources.toml: ") and problem in message
    assert "\n" not in message


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match=r"^/nonexistent/sources.toml: cannot read"):
        load_sources(Path("/nonexistent/sources.toml"))


def test_cli_prints_one_line_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[sources]]\nname = "a"\nfeeds = ["ftp://x.org/feed"]\n', encoding="utf-8")
    assert main(["scrape", "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"marsad: error: {bad}: sources.0.feeds: ") and "'ftp' is not http(s)" in err


def test_cli_reports_a_bad_scraper_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARSAD_SCRAPER_ALLOW_PRIVATE_NETWORKS", '["not-a-network"]')
    assert main(["scrape", "--config", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("marsad: error: invalid scraper setting MARSAD_SCRAPER_ALLOW_PRIVATE_NETWORKS: ")
    assert err.count("\n") == 1
