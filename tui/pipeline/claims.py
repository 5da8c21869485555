"""Claim spans in one sentence: money, counts, percentages, scores, ranks, awards and records (first, only,
most, largest …), with streaks attached to what they qualify, and thresholds and rubrics left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tui.models import Span
from tui.pipeline.lexicon import read_table
from tui.pipeline.numbers import (
    BIG,
    NATIVE_RE,
    NUMBER,
    NUMBER_RE,
    native_value,
    parse_number,
)

ALLOWED_PREFIX = re.compile(r"(?:총|약|연|매|각|최대|최소|평균|누적|전체|모두|무려|불과)$")
APPROX_AFTER = re.compile(r"\s?(?:이상|가량|남짓|넘게|넘는|여|안팎|이상의|이상을|이상이)")
APPROX_BEFORE = re.compile(r"(?:약|대략|무려|어림잡아)\s?$")
RANGE = re.compile(rf"\s?[~∼〜]\s?({NUMBER})")
# A bound that sets a rule rather than states a result: 10만 원 이하, 90점 이상을 S등급으로, 70% 이상인 경우
THRESHOLD_AFTER = re.compile(r"\s?(?:이하|미만|초과)")
RUBRIC_AFTER = re.compile(r"\s?(?:이상|이하|미만|초과)(?:을|를|이면|인|일|은|의|이어야|에|이라야|이며|으로|부터)?\s?"
                          r"(?:[A-Za-z가-힣]{0,6}\s?등급|경우|기준|자격|요건|해당|때|이면)")
SCALE_AFTER = re.compile(r"\s?만점(?:에|중|기준|으로)")  # 100점 만점에 92점: the scale, not the score
GRADE_AS_CATEGORY = re.compile(r"\s?(?:으로|로)\s?(?:분류|구분|나누|나눠|부여|판정|정하|매기|평가하|산정|정해)")
STREAK = re.compile(r"(?:(\d+)|(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열))\s?(?:년|회|번|해|차례|개\s?연도|기|분기|학기)"
                    r"\s?(?:째\s?)?연속|연속\s?(\d+)\s?(?:년|회|번|차례)")
GENERIC_SCOPES = ("전국", "국내", "국가", "대한민국", "세계", "아시아", "국내외", "도내", "시도", "시·도", "광역", "기초",
                  "지자체", "지방자치단체", "자치단체", "자치구", "시군", "시·군", "시군구", "지역", "관내", "시내", "군내",
                  "구내", "호남", "영남", "수도권", "비수도권", "업계", "공공기관", "정부", "교육청", "시", "도", "군", "구")


@dataclass(frozen=True)
class Unit:
    """A counter or unit word after a number."""

    text: str
    kind: str
    canonical: str


@lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    """Return units from data/units.csv, longest first."""
    rows = [Unit(r["unit"], r["kind"], r["canonical"]) for r in read_table("units.csv")]
    return tuple(sorted(rows, key=lambda u: -len(u.text)))


@lru_cache(maxsize=1)
def scope_pattern() -> str:
    """Return the regex of the words that set a record's scope: generic scopes and every government's name."""
    names = set(GENERIC_SCOPES)
    for row in read_table("agencies.csv"):
        for form in [row["name"], *row["aliases"].split("|")]:
            if len(form) >= 2 and " " not in form and not form.endswith("청"):
                names.add(form)
    words = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return rf"(?<![가-힣])(?:{words})"


@lru_cache(maxsize=1)
def claim_words() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """Return (kind, pattern, context) for the wordy claim kinds from data/claim_words.csv."""
    scope = scope_pattern()
    return tuple(
        (r["kind"], re.compile(r["pattern"].replace("{SCOPE}", scope)),
         re.compile(r["context"]) if r["context"] else None)
        for r in read_table("claim_words.csv")
    )


def _unit_at(text: str, pos: int) -> tuple[Unit, int] | None:
    """Return the unit starting at pos (after an optional single space) and where it ends."""
    for skip in (0, 1):
        if skip and (pos >= len(text) or text[pos] != " "):
            break
        at = pos + skip
        for unit in units():
            if text.startswith(unit.text, at):
                if skip and unit.text in ("등", "위", "점", "장", "편", "권", "종"):
                    continue  # one-syllable counters that are also ordinary words must be glued
                return unit, at + len(unit.text)
    return None


def _excluded_context(text: str, start: int, end: int) -> bool:
    """Return True when a number is an identifier, date, phone number or part of a name."""
    before = text[max(0, start - 6): start]
    prev = text[start - 1] if start else ""
    if prev and (prev.isalpha() or prev == "제") and not ALLOWED_PREFIX.search(before):
        return True  # 코로나19, 금호1동, 제28회
    if prev in "·-./:" and start >= 2 and text[start - 2].isdigit():
        return True  # 5·18, 266-4150, 2025.10.16
    after = text[end: end + 2]
    return len(after) == 2 and after[0] in "·-:/." and after[1].isdigit()


def _is_threshold(text: str, pos: int) -> bool:
    """Return True when what follows a value makes it a rule's bound or a scale, not a result."""
    return bool(THRESHOLD_AFTER.match(text, pos) or RUBRIC_AFTER.match(text, pos) or SCALE_AFTER.match(text, pos))


def number_spans(text: str, base: int = 0) -> list[Span]:
    """Return money/count/percent/score/rank/grade spans for the numbers in one sentence (offsets + base)."""
    spans: list[Span] = []
    last_end = -1
    for m in NUMBER_RE.finditer(text):
        start, end = m.start(), m.end()
        if start < last_end or _excluded_context(text, start, end):
            continue
        number = m.group().rstrip()
        end = start + len(number)
        value = parse_number(number)
        if value is None:
            continue
        approx = bool(APPROX_BEFORE.search(text[max(0, start - 5): start]))
        pos = end
        value_max = None
        if text.startswith("여", pos):
            approx, pos = True, pos + 1
        ranged = RANGE.match(text, pos)
        if ranged:
            high = parse_number(ranged.group(1))
            if high is not None and high > value:
                value_max, pos = high, ranged.end()
                if text.startswith("여", pos):
                    approx, pos = True, pos + 1
        found = _unit_at(text, pos)
        if found and found[0].kind == "none":
            continue
        if found and not _ends_word(text, found[1]):
            continue  # 2019대|한민국: the "counter" is the start of a longer word
        if found:
            unit, pos = found
            kind, canonical = unit.kind, unit.canonical
            if _not_a_count(text, start, pos, unit.text, value):
                continue
        elif number[-1] in BIG and number[-1] != "만":
            kind, canonical = "money", "원"  # 65억 연계: a bare amount in 억/조 is money
        else:
            continue
        if _is_threshold(text, pos):
            continue
        if APPROX_AFTER.match(text, pos) and not text.startswith("여", pos):
            approx = True
        if value_max is None and ranged is None and kind == "count" and _is_ordinal_count(text, pos):
            continue
        spans.append(Span(kind, base + start, base + pos, text[start:pos], value, canonical, approx, value_max))
        last_end = pos
    return spans


def native_spans(text: str, base: int = 0) -> list[Span]:
    """Return counts written with native numerals (두 가지, 세 곳, 다섯 개 분야)."""
    spans = []
    for m in NATIVE_RE.finditer(text):
        if not _ends_word(text, m.end()) or text.startswith(("째", "도 "), m.end()):
            continue
        if m.group(1) == "한" and (m.group(2) in ("명", "차례") or text[max(0, m.start() - 2): m.start()] == "단 "):
            continue  # 한 명 한 명, 단 한 곳도: idioms, not counts
        spans.append(Span("count", base + m.start(), base + m.end(), m.group(), float(native_value(m.group(1))),
                          m.group(2).replace(" ", "")))
    return spans


AFTER_UNIT = ("은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "으로", "씩", "째", "당",
              "여", "이상", "이하", "가량", "까지", "부터", "에서", "에게", "이며", "이고", "이다", "으로서", "인",
              "이었", "였", "에도", "에는", "보다", "뿐", "나", "이나", "쯤", "대", "정도", "규모", "분")


def _ends_word(text: str, pos: int) -> bool:
    """Return True when a unit ending at pos is not glued to more letters (other than a particle)."""
    if pos >= len(text) or not ("가" <= text[pos] <= "힣"):
        return True
    rest = text[pos: pos + 4]
    return rest.startswith(AFTER_UNIT)


RATE_BEFORE = re.compile(r"(?:매년|매월|매주|매일|연|월|주|하루|1일|한 해|년)\s?(?:평균\s?)?$")


def _not_a_count(text: str, start: int, end: int, unit: str, value: float) -> bool:
    """Return True for counter uses that are not counts: 'N대' meaning 'the N major …' or an age group, and
    frequencies such as '매년 1회' (a rule, not an event count)."""
    if unit == "대":
        if value % 10 == 0 and value <= 100 and not text.startswith(("를", "가", "의"), end):
            return True  # 20대부터 70대: ages
        following = text[end: end + 1]
        return following == " " or following.isalpha() and following not in "를을이가의와과에로도만씩"
    return unit == "회" and bool(RATE_BEFORE.search(text[max(0, start - 8): start]))


def _is_ordinal_count(text: str, pos: int) -> bool:
    """Return True for counters used as ordinals ('3회 대회' is fine; '12회째' is an ordinal)."""
    return text.startswith("째", pos)


def word_spans(text: str, base: int = 0, taken: list[Span] | None = None) -> list[Span]:
    """Return award and record spans found by the word patterns, not overlapping `taken` or each other."""
    occupied = [(s.start - base, s.end - base) for s in (taken or [])]
    candidates: list[tuple[int, int, str]] = []
    for kind, pattern, context in claim_words():
        if context is not None and not context.search(text):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), kind))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    spans: list[Span] = []
    for start, end, kind in candidates:
        if any(start < e and s < end for s, e in occupied):
            continue
        if kind == "award" and "등급" in text[start:end] and GRADE_AS_CATEGORY.match(text, end):
            continue  # 90점 이상을 S등급으로 분류: a rubric's grade, not one received
        occupied.append((start, end))
        unit = "등급" if kind == "award" and text[start:end].endswith("등급") else None
        spans.append(Span(kind, base + start, base + end, text[start:end], None, unit))
    return spans


def streaks(text: str) -> list[tuple[int, int, int]]:
    """Return (start, end, length) of the streaks in a sentence (6년 연속, 3회 연속, 연속 2년)."""
    out = []
    for m in STREAK.finditer(text):
        digits = m.group(1) or m.group(3)
        length = int(digits) if digits else native_value(m.group(2))
        if length and length > 1:
            out.append((m.start(), m.end(), length))
    return out


def _with_streaks(text: str, base: int, spans: list[Span], found: list[tuple[int, int, int]]) -> list[Span]:
    """Return the spans with each streak set on the award, rank or record it qualifies: the first one after it
    in the sentence, else the nearest one before it."""
    spans = list(spans)
    for start, end, length in found:
        targets = [i for i, s in enumerate(spans) if s.kind in ("award", "rank", "first") and s.streak is None]
        after = [i for i in targets if spans[i].start - base >= end]
        before = [i for i in targets if spans[i].end - base <= start and start - (spans[i].end - base) <= 20]
        choice = after[0] if after else (before[-1] if before else None)
        if choice is not None:
            spans[choice] = replace(spans[choice], streak=length)
    return spans


def find_spans(text: str, base: int = 0) -> list[Span]:
    """Return every claim span in one sentence, ordered by position (offsets shifted by `base`)."""
    runs = streaks(text)
    numeric = [s for s in number_spans(text, base)
               if not any(s.start - base < e and st < s.end - base for st, e, _ in runs)]
    numeric += [s for s in native_spans(text, base) if not any(s.start < n.end and n.start < s.end for n in numeric)
                and not any(s.start - base < e and st < s.end - base for st, e, _ in runs)]
    spans = sorted(numeric + word_spans(text, base, numeric), key=lambda s: s.start)
    return _with_streaks(text, base, spans, runs) if runs else spans
