from __future__ import annotations

import codecs

from services.scraper.charset import decode, detect, header_charset, media_type

ARABIC = "وزير الخارجية يستقبل نظيره"


def test_header_charset_wins() -> None:
    body = ARABIC.encode("cp1256")
    assert detect(body, 'text/html; charset="Windows-1256"') == "cp1256"
    assert decode(body, "text/html; charset=windows-1256") == ARABIC


def test_meta_charset_when_the_header_has_none() -> None:
    body = f'<html><head><meta charset="windows-1256"></head><body>{ARABIC}</body></html>'.encode("cp1256")
    assert detect(body, "text/html") == "cp1256"
    assert ARABIC in decode(body, "text/html")


def test_http_equiv_meta_and_xml_declaration() -> None:
    meta = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">'
    assert detect(meta, None) == "iso8859-6"
    xml = b'<?xml version="1.0" encoding="windows-1256"?><rss/>'
    assert detect(xml, "application/rss+xml") == "cp1256"


def test_undeclared_windows_1256_falls_back() -> None:
    body = f"<p>{ARABIC}</p>".encode("cp1256")
    assert detect(body, "text/html") == "cp1256"
    assert decode(body, None) == f"<p>{ARABIC}</p>"


def test_undeclared_utf8_is_recognised() -> None:
    assert decode(f"<p>{ARABIC}</p>".encode(), None) == f"<p>{ARABIC}</p>"


def test_a_false_utf8_claim_falls_through_to_the_next_clue() -> None:
    body = f'<meta charset="windows-1256"><p>{ARABIC}</p>'.encode("cp1256")
    assert detect(body, "text/html; charset=utf-8") == "cp1256"


def test_bom_beats_everything_and_is_stripped() -> None:
    body = codecs.BOM_UTF8 + ARABIC.encode()
    assert detect(body, "text/html; charset=windows-1256") == "utf-8"
    assert decode(body, None) == ARABIC


def test_unknown_labels_are_ignored_and_broken_bytes_replaced() -> None:
    assert detect(ARABIC.encode(), "text/html; charset=x-klingon") == "utf-8"
    assert decode(b"\x81\x8d", None, "windows-1256") == "\u067e\u0686"  # Persian pe and che in cp1256
    assert decode(b"abc\xff", "text/html; charset=utf-8", "utf-8") == "abc\ufffd"


def test_header_helpers() -> None:
    assert header_charset(None) is None
    assert header_charset("text/html") is None
    assert media_type("Application/RSS+XML; charset=utf-8") == "application/rss+xml"
    assert media_type(None) == ""
