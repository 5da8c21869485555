"""Text kept compressed in the database (zlib): packed by the writer, unpacked by the readers.

A page as read is packed against the cleaned body of one of its articles (`pack_against`): zlib's preset
dictionary is that body, so the text the page shares with it (most of it) costs a few bytes."""

from __future__ import annotations

import hashlib
import zlib


def pack(text: str) -> bytes:
    """Return text as compressed UTF-8."""
    return zlib.compress(text.encode("utf-8"), 6)


WINDOW = 32768  # zlib's window: the most of a preset dictionary it can use (its last bytes)


def pack_against(text: str, base: str) -> bytes:
    """Return text as compressed UTF-8 with base as zlib's preset dictionary (unpack_against needs the same
    base)."""
    packer = zlib.compressobj(6, zdict=base.encode("utf-8")[-WINDOW:])
    return packer.compress(text.encode("utf-8")) + packer.flush()


def unpack_against(data: bytes, base: str) -> str:
    """Return the text of bytes packed by pack_against with the same base."""
    unpacker = zlib.decompressobj(zdict=base.encode("utf-8")[-WINDOW:])
    return (unpacker.decompress(data) + unpacker.flush()).decode("utf-8")


def unpack_raw(raw_z: bytes, base_z: bytes | None) -> str:
    """Return a page as read from its stored bytes (raw_texts.raw_z) and the packed body of its base article
    (None when it was packed alone)."""
    return unpack(raw_z) if base_z is None else unpack_against(raw_z, unpack(base_z))


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
