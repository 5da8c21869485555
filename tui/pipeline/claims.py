"""Claim spans (money, counts, percentages, scores, ranks, awards, firsts), status from the predicate, speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.models import Span
from tui.pipeline.lexicon import read_table
from tui.pipeline.numbers import BIG, NUMBER, NUMBER_RE, parse_number

ALLOWED_PREFIX = re.compile(r"(?:총|약|연|매|각|최대|최소|평균|누적|전체|모두|무려|불과)$")
APPROX_AFTER = re.compile(r"\s?(?:이상|가량|남짓|넘게|넘는|여|안팎|이상의|이상을|이상이)")
APPROX_BEFORE = re.compile(r"(?:약|대략|무려|어림잡아)\s?$")
RANGE = re.compile(rf"\s?[~∼〜]\s?({NUMBER})")
QUOTE_PAIRS = {"“": "”", "\"": "\"", "「": "」", "『": "』"}
SPEECH_TAIL = re.compile(r"^[”\"」』]\s?(?:이?라고|고|이?라며|며|면서|이라면서|라면서|하고)")
SPEECH_VERBS = ("말했다", "밝혔다", "강조했다", "전했다", "설명했다", "소개했다", "덧붙였다", "약속했다", "당부했다",
                "말한다", "밝힌다", "했다", "답했다", "평가했다", "기대했다", "다짐했다", "포부를")
FUTURE = re.compile(r"오는\s?\d{1,2}[월일]|내년|향후|앞으로|오는 \d|다음 달|다음달|\d{1,2}일부터|\d{1,2}일까지")
NOTICE = re.compile(r"모집|접수|신청|참가자|선착순|공모한다|개최한다|열린다|진행된다|운영한다")


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
def claim_words() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """Return (kind, pattern, context) for the wordy claim kinds from data/claim_words.csv."""
    return tuple(
        (r["kind"], re.compile(r["pattern"]), re.compile(r["context"]) if r["context"] else None)
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
    if len(after) == 2 and after[0] in "·-:/." and after[1].isdigit():
        return True
    return False


def number_spans(text: str, base: int = 0) -> list[Span]:
    """Return money/count/percent/score/rank spans for the numbers in one sentence (offsets + base)."""
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
        if THRESHOLD_AFTER.match(text, pos):
            continue  # 10만 원 이하로 부과된: a threshold, not an amount anyone achieved
        if APPROX_AFTER.match(text, pos) and not text.startswith("여", pos):
            approx = True
        if value_max is None and ranged is None and kind == "count" and _is_ordinal_count(text, pos):
            continue
        spans.append(Span(kind, base + start, base + pos, text[start:pos], value, canonical, approx, value_max))
        last_end = pos
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


THRESHOLD_AFTER = re.compile(r"\s?(?:이하|미만|초과)")
RATE_BEFORE = re.compile(r"(?:매년|매월|매주|매일|연|월|주|하루|1일|한 해|년)\s?(?:평균\s?)?$")


def _not_a_count(text: str, start: int, end: int, unit: str, value: float) -> bool:
    """Return True for counter uses that are not counts: 'N대' meaning 'the N major …' or an age group, and
    frequencies such as '매년 1회' (a rule, not an event count)."""
    if unit == "대":
        if value % 10 == 0 and value <= 100 and not text.startswith(("를", "가", "의"), end):
            return True  # 20대부터 70대: ages
        following = text[end: end + 1]
        return following == " " or following.isalpha() and following not in "를을이가의와과에로도만씩"
    if unit == "회" and RATE_BEFORE.search(text[max(0, start - 8): start]):
        return True
    return False


def _is_ordinal_count(text: str, pos: int) -> bool:
    """Return True for counters used as ordinals ('3회 대회' is fine; '12회째' is an ordinal)."""
    return text.startswith("째", pos)


def word_spans(text: str, base: int = 0, taken: list[Span] | None = None) -> list[Span]:
    """Return award, first and rank spans found by the word patterns, not overlapping `taken` or each other."""
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
        occupied.append((start, end))
        value, unit = None, None
        if kind == "rank":
            digits = re.match(r"\d+", text[start:end])
            if digits:
                value, unit = float(digits.group()), "년 연속"
            else:
                unit = "등급"
        spans.append(Span(kind, base + start, base + end, text[start:end], value, unit))
    return spans


def find_spans(text: str, base: int = 0) -> list[Span]:
    """Return every claim span in one sentence, ordered by position (offsets shifted by `base`)."""
    numeric = number_spans(text, base)
    return sorted(numeric + word_spans(text, base, numeric), key=lambda s: s.start)


# --------------------------------------------------------------------------- speech

@lru_cache(maxsize=4096)
def quotes(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Return (start, end, is_speech) for double-quoted stretches; speech when followed by 고/며/라며 …"""
    found = []
    i = 0
    while i < len(text):
        opener = text[i]
        closer = QUOTE_PAIRS.get(opener)
        if closer is None:
            i += 1
            continue
        j = text.find(closer, i + 1)
        if j < 0:
            break
        inner = text[i + 1: j]
        speech = bool(SPEECH_TAIL.match(text, j)) or len(inner) > 40 or bool(re.search(r"[다요][.!?]?$", inner))
        found.append((i, j + 1, speech))
        i = j + 1
    return tuple(found)


def speaker_of(text: str, quote_start: int, quote_end: int) -> str | None:
    """Return who is quoted: the sentence's subject before its first quote, the subject just before this
    quote, or the one named after it."""
    opening = re.match(r"^\s*([^“\"”]{2,40}?)(?:은|는|이|가|측은)\s*[“\"]", text)
    if opening:
        return opening.group(1).strip()
    before = text[:quote_start].strip()
    m = re.search(r"([가-힣A-Za-z0-9·()\s]{2,30}?)(?:은|는|이|가|측은)\s*$", before)
    if m and m.group(1).strip():
        return m.group(1).strip()
    after = text[quote_end:]
    m = re.search(r"(?:고|라며|며)\s+([가-힣A-Za-z0-9·\s]{2,30}?)(?:은|는|이|가)\s", after)
    return m.group(1).strip() if m else None


# --------------------------------------------------------------------------- status

def _predicate_region(tokens, text: str, offset: int, spans=()) -> tuple[list, str]:
    """Return the tokens and text of the clause that carries the claim: the quoted statement holding the
    claim's first value when it sits in reported speech, else the whole sentence."""
    first = spans[0].start - offset if spans else None
    for q_start, q_end, speech in quotes(text):
        if speech and first is not None and q_start <= first < q_end:
            inner = [t for t in tokens if offset + q_start < t.start < offset + q_end - 1]
            if inner:
                return inner, text[q_start + 1: q_end - 1]
    return list(tokens), text


ACHIEVED_WORDS = re.compile(r"달성|확보|수상|선정|유치|개소|개관|준공|완료|돌파|기록|지정|획득|출범|체결|개통|착공")


def status_of(tokens, text: str, offset: int = 0, spans=()) -> str:
    """Return achieved / ongoing / planned from the predicates' morphemes (kiwipiepy tokens).

    The final predicate decides plans (겠, 예정, 계획, ㄹ 것) and explicit progress (추진 중); otherwise any past
    tense or completed modifier (지급한, 거머쥔) or an achievement word (달성, 확보, 선정 …) makes it achieved;
    '-고 있다' is ongoing; a bare present tense is planned in announcements and ongoing elsewhere.
    """
    region, region_text = _predicate_region(tokens, text, offset, spans)
    core = [t for t in region if not t.tag.startswith("S")]
    tail = core[-8:]
    forms = [(t.form, t.tag) for t in tail]
    tags = [tag for _, tag in forms]
    words = "".join(f for f, _ in forms)
    if any(f == "겠" and tag == "EP" for f, tag in forms):
        return "planned"
    if re.search(r"(예정|계획|방침|목표|전망|기대|예상)(이|하|되|으로|로)?", words[-8:]) and "EP" not in tags[-3:]:
        return "planned"
    if any(f in ("ᆯ", "을", "ㄹ") and tag == "ETM" for f, tag in forms[-7:]) and "것" in words[-7:]:
        return "planned"
    if re.search(r"(?:준공|완공|개통|완료|착공)\s?예정", region_text) and not _has_past(core[-4:]):
        return "planned"  # 27년 8월 준공 예정으로 … 소요된다
    if re.search(r"중(이|에)", words[-5:]):
        return "ongoing"
    if _has_past(core) or ACHIEVED_WORDS.search(region_text):
        return "achieved"
    if spans and any(sp.kind in ("award", "first") for sp in spans) and not any(t.tag == "EF" for t in core):
        return "achieved"  # a headline-style line: '…4년 연속 대상', '전국 최초 …
    if "고" in words and "있" in words[-4:]:
        return "ongoing"
    if FUTURE.search(region_text) or NOTICE.search(words):
        return "planned"
    return "ongoing"


def _has_past(tokens) -> bool:
    """Return True for a past-tense ending or a completed modifier (했다, 지급한, 거머쥔) among the tokens."""
    previous = None
    for tok in tokens:
        if tok.tag == "EP" and tok.form in ("었", "았", "였", "ᆻ"):
            return True
        if tok.tag == "ETM" and tok.form in ("ᆫ", "은") and previous in ("VV", "XSV", "VX"):
            return True
        previous = tok.tag
    return False
