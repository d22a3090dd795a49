"""Decode HTML and XML bodies: BOM, HTTP header, in-document declaration, UTF-8, then a fallback (windows-1256).

Many Arabic sites still serve windows-1256 and some declare it only in a <meta> tag or not at all.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Labels that browsers map to windows-1256 per the WHATWG Encoding Standard.
_ALIASES = {"iso-8859-6": "iso-8859-6", "cp1256": "windows-1256", "x-cp1256": "windows-1256", "arabic": "iso-8859-6"}


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) and charset.strip() else None


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def declared_charset(body: bytes) -> str | None:
    head = body[:4096]
    match = _XML_ENCODING.match(head.lstrip()) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def known(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None


def detect(body: bytes, content_type: str | None, fallback: str = "windows-1256") -> str:
    """The encoding to use: a BOM wins, then the header, then <meta>/<?xml?>, then UTF-8 if valid, else fallback."""
    for bom, bom_encoding in _BOMS:
        if body.startswith(bom):
            return bom_encoding
    for label in (header_charset(content_type), declared_charset(body)):
        name = known(label)
        if name is not None and (name != "utf-8" or _valid_utf8(body)):
            return name  # a page claiming UTF-8 that is not UTF-8 falls through to the next clue
    return "utf-8" if _valid_utf8(body) else known(fallback) or "windows-1256"


def _valid_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(body: bytes, content_type: str | None, fallback: str = "windows-1256") -> str:
    encoding = detect(body, content_type, fallback)
    text = body.decode(encoding, errors="replace")
    return text[1:] if text.startswith("\ufeff") else text
