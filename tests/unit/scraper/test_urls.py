from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.scraper.errors import ScrapeError
from services.scraper.urls import article_id_for, canonicalize, choose_canonical, host_key, is_tracking_param

ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/@+=-]*$")


def test_tracking_parameters_fragment_and_default_port_are_dropped() -> None:
    url = "HTTPS://WWW.Example.ORG:443/news/2026/visit?utm_source=rss&id=7&fbclid=abc&UTM_Medium=x&page=2#comments"
    assert canonicalize(url) == "https://www.example.org/news/2026/visit?id=7&page=2"


def test_path_case_non_default_port_and_query_order_are_kept() -> None:
    assert canonicalize("http://Example.org:8080/News/A?b=2&a=1") == "http://example.org:8080/News/A?b=2&a=1"


def test_credentials_are_never_part_of_the_canonical_url() -> None:
    assert canonicalize("https://user:secret@example.org/a") == "https://example.org/a"


def test_empty_path_becomes_slash_and_arabic_paths_survive() -> None:
    assert canonicalize("https://example.org") == "https://example.org/"
    assert canonicalize("https://example.org/%D8%AE%D8%A8%D8%B1") == "https://example.org/%D8%AE%D8%A8%D8%B1"


def test_tracking_parameter_names() -> None:
    assert all(map(is_tracking_param, ["utm_campaign", "gclid", "_ga", "at_medium", "mc_cid", "xtor"]))
    assert not any(map(is_tracking_param, ["id", "page", "q", "utmost"]))


def test_rel_canonical_is_trusted_only_on_the_same_site() -> None:
    fetched = "https://m.example.org/a?utm_source=x"
    assert choose_canonical(fetched, "https://www.example.org/a?utm_campaign=y") == "https://www.example.org/a"
    assert choose_canonical(fetched, "/story/a") == "https://m.example.org/story/a"
    assert choose_canonical(fetched, "https://attacker.example.net/a") == "https://m.example.org/a"
    assert choose_canonical(fetched, "javascript:alert(1)") == "https://m.example.org/a"
    assert choose_canonical(fetched, None) == "https://m.example.org/a"


def test_article_id_is_stable_and_valid() -> None:
    first = article_id_for("bbc-arabic", "https://www.bbc.com/arabic/articles/c1")
    assert first == article_id_for("bbc-arabic", "https://www.bbc.com/arabic/articles/c1")
    assert first != article_id_for("bbc-arabic", "https://www.bbc.com/arabic/articles/c2")
    assert first.startswith("bbc-arabic:") and len(first) == len("bbc-arabic:") + 24


@given(st.text(min_size=1, max_size=80), st.text(max_size=300))
def test_any_source_and_url_give_a_contract_valid_id(source: str, url: str) -> None:
    article_id = article_id_for(source if source[0].isalnum() and source.isascii() else f"s{source}", url)
    assert len(article_id) <= 200
    assert ARTICLE_ID.match(article_id)


def test_host_key_includes_scheme_and_port() -> None:
    assert host_key("http://Example.org:8080/x") == "http://example.org:8080"
    assert host_key("https://example.org/x") == "https://example.org"


URL_CHARS = st.sampled_from(list("ab:/?#&=%[]@.;+ ~uUtTmM_\u0635\t1"))
HOSTS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.-]{0,20}(:[0-9]{1,5})?", fullmatch=True)


@given(st.sampled_from(["http://", "https://", "HTTP://"]), HOSTS, st.text(alphabet=URL_CHARS, max_size=60))
def test_canonicalize_is_idempotent_or_refuses(scheme: str, host: str, rest: str) -> None:
    try:
        once = canonicalize(f"{scheme}{host}/{rest}")
    except ScrapeError as exc:
        assert exc.kind == "invalid_url"
        return
    assert canonicalize(once) == once


@pytest.mark.parametrize("url", ["http://x.org:99999/", "http://[::1/", "http://x.org:abc/"])
def test_broken_links_are_invalid_urls(url: str) -> None:
    with pytest.raises(ScrapeError) as caught:
        canonicalize(url)
    assert caught.value.kind == "invalid_url"
    assert choose_canonical("https://x.org/a", url) == "https://x.org/a"  # a broken rel=canonical is ignored
