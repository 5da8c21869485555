"""Korean number expressions: find them in text and normalise their values (1만2천500명 → 12500 명)."""

from __future__ import annotations

import re
from dataclasses import dataclass

BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
SMALL = {"천": 1000, "백": 100, "십": 10}

DIGITS = r"\d[\d,]*(?:\.\d+)?"
# digits, then any run of magnitude words each optionally followed by more digits; a space may sit between
# groups as in government style ("2억 7,500만 원").
# After a big unit a spaced group of at most four digits is its lower part (1만 2,160명 = 12160명), unless it is
# a date, a rank or an ordinal of its own (10만 2025년).
# A number may open on a bare magnitude word, as broadcast and spoken style writes it: 천 2백만 원 (1200만), 만 3천여 개
# (13000), 천만 원, 만 명. Not inside a word (수천만, 몇만), and alone only before a counter.
COUNTER = r"(?:원|명|개(?!월)|건|곳|가구|세대|달러|마리|그루)(?!\s?단위)"
LEADING = (r"(?<![가-힣A-Za-z\d.,])(?:(?:천|만)\s?(?=\d{1,3}\s?[백천])|"
           rf"(?:[천백][만억](?=\s?{COUNTER})|[만천](?=\s{COUNTER})))")
NUMBER = (rf"(?:{DIGITS}|{LEADING}(?:{DIGITS})?)(?:\s?[조억만천백](?:\s?{DIGITS}(?=\s?[조억만천백]))?(?:{DIGITS})?)*(?:[조억만천백])?"
          rf"(?:(?<=[조억만])\s(?:\d,\d{{3}}|\d{{1,4}})(?![\d,.]|\s?(?:년|월|일|시|분|초|위|등|호|번|차|세|회)))?")
NUMBER_RE = re.compile(NUMBER)

NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
          "스무": 20}
# The native tens, alone (서른 개, 쉰 명) or with a unit glued after them (열두 번, 스물다섯 번, 마흔여섯 명); 스물 only
# with a unit (alone it is 스무).
TENS = {"열": 10, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}
_UNITS = "한|두|세|네|다섯|여섯|일곱|여덟|아홉"
_NATIVE_WORD = (rf"(?:열|스물|서른|마흔|쉰|예순|일흔|여든|아흔)(?:{_UNITS})|서른|마흔|쉰|예순|일흔|여든|아흔|"
                r"다섯|여섯|일곱|여덟|아홉|스무|한|두|세|네|열")
# A native numeral before a counter: 두 가지, 세 곳, 다섯 개 분야, 열 명, 마흔여섯 명 (not 두 번째, not 한 해).
NATIVE_RE = re.compile(rf"(?<![가-힣])({_NATIVE_WORD})\s?"
                       r"(개\s?(?:분야|부문|기관|사업|과제|지표|시군|국)|개소|개국|개|가지|곳|명|분야|부문|건|차례|번(?!째)|팀|종류|종|관왕|"
                       r"마리|쌍|그루|켤레|송이|가구|채|척|권|사람|분(?![야석기]))")


def native_value(word: str) -> int:
    """Return the value of a native Korean numeral (두 → 2, 마흔여섯 → 46), or 0 when it is not one."""
    if word in NATIVE:
        return NATIVE[word]
    tens = next((t for t in TENS if word.startswith(t)), None)
    if tens is None:
        return 0
    rest = word[len(tens):]
    if rest and (rest not in NATIVE or NATIVE[rest] > 9):
        return 0
    return TENS[tens] + NATIVE.get(rest, 0)


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
