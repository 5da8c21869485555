"""Publication dates: stated dates in page furniture, ISO dates in records, and inference from the text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

STATED = re.compile(
    r"(?P<label>작성|입력|등록|승인|기사입력|게재|발행|송고|수정|최종수정|업데이트)?\s*(?:일|일시|시간)?\s*[:：]?\s*"
    r"(?P<y>(?:19|20)\d{2})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*[.일]?\s*"
    r"(?:\(?[월화수목금토일]\)?\s*)?(?:(?P<ampm>오전|오후|AM|PM)?\s*\[?(?P<t>\d{1,2}:\d{2}(?::\d{2})?))?"
)
ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?")
REPORT_DAY = re.compile(r"(?<![\d.])(\d{1,2})일\s*(?:밝혔다|전했다|발표했다|말했다|에\s*따르면|설명했다)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:년|\s|[’'ʼ])")
FUTURE_AFTER = re.compile(r"^[^.]{0,12}(?:까지|목표|완공|예정|준공|개통|전망)")
PAST_MONTH = re.compile(r"지난\s*(\d{1,2})월")
NEXT_MONTH = re.compile(r"오는\s*(\d{1,2})월")


@dataclass(frozen=True)
class Published:
    """A publication date (ISO, possibly year-only) and whether it was inferred, with the evidence."""

    value: str
    inferred: bool = False
    evidence: str = ""
    labelled: bool = False  # stated with a publication label (입력, 등록, 승인, 송고 …), not a bare date


def page_date(stated: list[Published]) -> Published | None:
    """Return the publication date among the dates a page states: the only one, or the first labelled one
    (a bare date at the top of a page is often the site's own 'today')."""
    if len(stated) == 1:
        return stated[0]
    labelled = [d for d in stated if d.labelled]
    return labelled[0] if labelled else None


def _valid(y: int, m: int, d: int) -> bool:
    """Return True when the parts make a real calendar date."""
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def parse_stated(text: str) -> Published | None:
    """Return the first stated publication date in a date line ('2020. 07.08. 19:59:50', '작성 2025.10.16 19:58')."""
    best = None
    for m in STATED.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not _valid(y, mo, d):
            continue
        value = f"{y:04d}-{mo:02d}-{d:02d}"
        if m["t"]:
            hh, rest = m["t"].split(":", 1)
            hour = int(hh) + (12 if m["ampm"] in ("오후", "PM") and int(hh) < 12 else 0)
            value += f"T{hour:02d}:{rest}" if len(rest) > 2 else f"T{hour:02d}:{rest}"
        after = re.match(r"\]?\s*(?:송고|입력|등록|작성|게재)", text[m.end():])  # '[2012-04-17 11:16] 송고'
        found = Published(value, labelled=bool(after) or m["label"] is not None
                          and m["label"] not in ("수정", "최종수정", "업데이트"))
        if m["label"] in (None, "작성", "입력", "등록", "기사입력", "게재", "발행", "승인", "송고"):
            return found
        best = best or found
    return best


def parse_iso(value: str) -> Published | None:
    """Return the date of an ISO-like string from a CSV/JSON record, or a stated date in other formats."""
    m = ISO.match(value)
    if m and _valid(int(m[1]), int(m[2]), int(m[3])):
        stamp = f"{m[1]}-{m[2]}-{m[3]}"
        return Published(stamp + (f"T{m[4]}" if m[4] else ""))
    try:
        return Published(datetime.fromisoformat(value.strip()).isoformat())
    except ValueError:
        return parse_stated(value)


NEXT_YEAR_TITLE = re.compile(r"내년(?:도)?")


def _next_year_of_title(title: str, body: str) -> int | None:
    """Return the year a headline about next year (내년 국비 …) was written in: the first year its lead names
    (within three sentences), minus one; None when the title does not speak of next year or the lead names none."""
    if not NEXT_YEAR_TITLE.search(title or ""):
        return None
    lead = " ".join(re.split(r"(?<=[다요][.!?])\s+", body.strip(), maxsplit=3)[:3])
    for m in YEAR.finditer(lead):
        year = int(m[1])
        if 1990 <= year <= latest_year() + 1 and not FUTURE_AFTER.match(lead[m.end(): m.end() + 20]):
            return year - 1
    return None


def latest_year() -> int:
    """Return this year: an article read now was not published in a later one, so a later year it names (a
    target, 2028 세계디자인수도) is never taken for its date."""
    return datetime.now().year


def infer(body: str, title: str = "") -> Published | None:
    """Return a date inferred from the text (reporting day 'N일 밝혔다', years and months mentioned), marked inferred.
    A headline about next year (내년) with a year in the lead settles the year: the lead's year, minus one."""
    ahead = _next_year_of_title(title, body)
    if ahead is not None:
        return Published(f"{ahead:04d}", True, f"the headline speaks of next year (내년) and the lead of {ahead + 1}")
    years: Counter[int] = Counter()
    for m in YEAR.finditer(body):
        year = int(m[1])
        if FUTURE_AFTER.match(body[m.end(): m.end() + 20]) or not 1990 <= year <= latest_year():
            continue
        sentence_start = max(body.rfind(".", 0, m.start()), body.rfind("\n", 0, m.start())) + 1
        sentence = body[sentence_start: body.find(".", m.end()) if "." in body[m.end():] else len(body)]
        years[year - 1 if "내년" in sentence else year] += 1  # '내년 … 2021년' was written in 2020
    for m in YEAR.finditer(title + " "):
        year = int(m[1])
        if 1990 <= year <= latest_year() and not FUTURE_AFTER.match(title[m.end(): m.end() + 20]) and "내년" not in title:
            years[year] += 3  # '2024 민원 서비스 평가 1위': the headline's year is the period the article reports on
    if not years:
        return None
    top = max(years.values())
    year = max(y for y, c in years.items() if c == top)
    in_title = any(int(m[1]) == year for m in YEAR.finditer(title + " "))
    evidence = [f"the headline names {year}" if in_title else f"the year most mentioned is {year}"]
    day_match = REPORT_DAY.search(body)
    past = [int(m[1]) for m in PAST_MONTH.finditer(body) if 1 <= int(m[1]) <= 12]
    coming = [int(m[1]) for m in NEXT_MONTH.finditer(body) if 1 <= int(m[1]) <= 12]
    month = None
    if past:
        # '지난 M월' puts publication after month M, '오는 M월' before it (same year); one month left settles it.
        candidates = range(max(past) + 1, min(coming) if coming else 13)
        if len(candidates) == 1:
            month = candidates[0]
    if month and day_match and _valid(year, month, int(day_match[1])):
        evidence.append(f"the text reports on day {day_match[1]} (‘{day_match[0]}’) after ‘지난 {max(past)}월’")
        return Published(f"{year:04d}-{month:02d}-{int(day_match[1]):02d}", True, "; ".join(evidence))
    if day_match:
        evidence.append(f"only the day is stated (‘{day_match[0]}’)")
    return Published(f"{year:04d}", True, "; ".join(evidence))
