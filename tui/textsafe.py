"""Making untrusted text inert for terminals: control, bidi and zero-width characters become visible, one for one."""

from __future__ import annotations

import re

# C0 controls (but tab and newline) become their Unicode control pictures (ESC → ␛); DEL → ␡; C1 controls, bidi
# embeddings/overrides/isolates and zero-width characters → U+FFFD. Each replacement is one character, so offsets
# into the text stay valid.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _picture(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def inert(text: str | None) -> str:
    """Return text with every character that could steer a terminal replaced by a visible one."""
    if not text:
        return text or ""
    return UNSAFE.sub(_picture, text)


def inert_path(path: object) -> str:
    """Return a file name fit to print: undecodable bytes shown as \\xNN, control characters made visible."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return inert(text)


def safe_json_text(text: str) -> str:
    """Return JSON text with the unsafe characters written as \\uXXXX escapes (same data for a JSON reader)."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
