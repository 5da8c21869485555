"""Korean number expressions: find them in text and normalise their values (1만2천500명 → 12500 명)."""

from __future__ import annotations

import re
from dataclasses import dataclass

BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
SMALL = {"천": 1000, "백": 100, "십": 10}

DIGITS = r"\d[\d,]*(?:\.\d+)?"
# digits, then any run of magnitude words each optionally followed by more digits; a space may sit between
# groups as in government style ("2억 7,500만 원").
NUMBER = rf"{DIGITS}(?:\s?[조억만천백](?:\s?{DIGITS}(?=\s?[조억만천백]))?(?:{DIGITS})?)*(?:[조억만천백])?"
NUMBER_RE = re.compile(NUMBER)


@dataclass(frozen=True)
class Quantity:
    """A normalised number with its unit and flags."""

    value: float
    unit: str | None
    approx: bool = False
    value_max: float | None = None


def parse_number(text: str) -> float | None:
    """Return the value of a Korean number string ('2조5천379억' → 2537900000000), or None if malformed."""
    s = text.replace(",", "").replace(" ", "")
    if not s or not s[0].isdigit():
        return None
    total = 0.0
    group = 0.0  # the part below the next big unit (조/억/만)
    current = ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            current += ch
            continue
        if ch in SMALL:
            group += (float(current) if current else 1.0) * SMALL[ch]
            current = ""
        elif ch in BIG:
            group += float(current) if current else 0.0
            total += (group if group else 1.0) * BIG[ch]
            group, current = 0.0, ""
        else:
            return None
    try:
        tail_small = bool(group) and not current  # the last group ended on 천/백 ("3억5천")
        group += float(current) if current else 0.0
    except ValueError:
        return None
    last_big = next((ch for ch in reversed(s) if ch in BIG), None)
    if tail_small and last_big in ("조", "억"):
        # "3억5천" is news shorthand for 3억5천만, "2조5천" for 2조5천억: the next big unit is left out
        group *= BIG["억"] if last_big == "조" else BIG["만"]
    value = total + group
    return float(round(value, 6))
