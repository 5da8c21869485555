"""Text kept compressed in the database (zlib): packed by the writer, unpacked by the readers."""

from __future__ import annotations

import hashlib
import zlib


def pack(text: str) -> bytes:
    """Return text as compressed UTF-8."""
    return zlib.compress(text.encode("utf-8"), 6)


def unpack(data: bytes | None, default: str = "") -> str:
    """Return the text of packed bytes, or default when there are none."""
    if data is None:
        return default
    return zlib.decompress(data).decode("utf-8")


_last: tuple[bytes, str] = (b"", "")  # the last text unpack_or_null unpacked


def unpack_or_null(data: bytes | None) -> str | None:
    """Return the text of packed bytes, or None (SQL: unpack(body_z)). The last text is kept: a query reading
    several sentences of one article in a row (search) unpacks its body once."""
    global _last
    if data is None:
        return None
    last = _last
    if data == last[0]:
        return last[1]
    text = zlib.decompress(data).decode("utf-8")
    _last = (data, text)
    return text


def digest(text: str) -> str:
    """Return the key a text is kept under (the first 20 hex digits of its SHA-1)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]
