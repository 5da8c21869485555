"""Domain records shared by the pipeline, the store and the interface (no framework imports)."""

from __future__ import annotations

import re
from dataclasses import dataclass

SPAN_KINDS = ("money", "count", "percent", "score", "rank", "award", "first")
# What a claim value is (data/…/CLAIMS.md): the first five are achievements, listed first wherever claims are.
CLASSES = ("award", "record", "rank", "funding", "outcome", "activity", "policy", "context")
ACHIEVEMENT_CLASSES = CLASSES[:5]
ZONES = ("title", "deck", "body")
STATUSES = ("achieved", "ongoing", "planned")
REVIEW_STATES = ("unchecked", "verified", "disputed")
_SEARCHABLE = r"[0-9A-Za-z가-힣ㄱ-ㅎ一-鿿]"  # compiled on first use: not needed to paint the first screen
_PROGRAM_KEY_STRIP = re.compile(r"[\s·‧ㆍ\-‐–—'\"‘’“”()\[\]<>「」『』:]")


def searchable(text: str) -> str:
    """Return the letters and digits of text (lower-cased), without spaces or punctuation: what search compares."""
    return "".join(re.findall(_SEARCHABLE + "+", text.lower()))  # runs, not letter by letter; re caches it


def program_key(name: str) -> str:
    """Return the comparison key of a program name: no spaces or punctuation (광주형 일자리 → 광주형일자리)."""
    return _PROGRAM_KEY_STRIP.sub("", name)


def published_key(published: str | None) -> int:
    """Return a publication time as the integer YYYYMMDDHHMMSS that claims are ordered by (0 when undated; a date
    without a time ends in 000000, a year alone in 0000000000), so the integers sort as the ISO texts do."""
    digits = "".join(re.findall(r"\d+", (published or "")[:19]))
    if len(digits) < 4:
        return 0
    return int(digits[:14].ljust(14, "0"))


def program_variants(name: str) -> set[str]:
    """Return the one-deletion variants of a program's key (and of its first word, marked 'w:').

    Two names one edit apart share a variant, so near-identical programs are found by an indexed lookup.
    """
    variants: set[str] = set()
    key = program_key(name)
    if len(key) >= 3:
        variants.add(key)
        variants.update(key[:i] + key[i + 1:] for i in range(len(key)))
    words = name.split()
    if words and len(words[0]) >= 4:
        first = words[0]
        variants.update("w:" + first[:i] + first[i + 1:] for i in range(len(first)))
    return variants


@dataclass(frozen=True)
class Agency:
    """A local government or office of education from the gazetteer."""

    code: str
    name: str
    full_name: str
    level: str  # 광역, 기초 or 교육청
    parent: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """An elected term (민선 N기) with its dates."""

    number: int
    start: str
    end: str


@dataclass(frozen=True)
class Head:
    """The elected head of an agency during (part of) a term."""

    agency: str  # full name
    term: int
    name: str
    title: str
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class Flag:
    """A note about an article that a reader should see, with the evidence in words."""

    code: str
    message: str

    def to_dict(self) -> dict:
        """Return the flag as a JSON-ready dict."""
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Span:
    """A typed claim value inside an article's clean body (character offsets)."""

    kind: str
    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None
    approx: bool = False
    value_max: float | None = None
    streak: int | None = None  # N of 'N년 연속' qualifying an award, rank or record
    cls: str | None = None  # what the value is: one of CLASSES

    def to_dict(self) -> dict:
        """Return the span as a JSON-ready dict."""
        return {
            "kind": self.kind,
            "class": self.cls,
            "streak": self.streak,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": _plain_number(self.value),
            "value_max": _plain_number(self.value_max),
            "unit": self.unit,
            "approx": self.approx,
        }


def _plain_number(value: float | None) -> float | int | None:
    """Return an integral float as an int so JSON shows 12500, not 12500.0."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**63:
        return int(value)
    return value


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article's clean body: where it lies and the morphemes search needs."""

    index: int
    start: int
    end: int
    morphs: str = ""  # content morphemes (kiwi forms), space-separated, for search


@dataclass(frozen=True)
class Claim:
    """A sentence that states at least one typed value, attributed to an agency and term."""

    id: str
    article: str
    sentence: int
    text: str
    agency: str | None
    term: int | None
    program: str | None
    status: str
    category: str
    spans: tuple[Span, ...]
    speaker: str | None = None  # set when the values are inside a quotation of speech
    start: int = 0
    end: int = 0
    zone: str = "body"  # title, deck or body: title and deck claims have offsets into the title or deck
    cls: str = "context"  # the class of its most telling value (CLASSES)
    echo: bool = False  # a title or deck claim whose every value the body states too, or a body claim of nothing
    # but a prize referred back to (이번 표창은 …): its values are counted where the article states them
    line: str = ""  # the claim in one line: its values and what they count, in the sentence's words (claimline)


@dataclass(frozen=True)
class Program:
    """A named initiative of an agency in a term."""

    id: str
    agency: str | None
    term: int | None
    name: str
    key: str
    category: str
    related: tuple[str, ...] = ()  # ids of near-identical names ("possibly the same")


@dataclass(frozen=True)
class Article:
    """A clean article with its metadata, attribution and flags."""

    id: str
    source: str
    title: str
    body: str
    raw: str
    deck: str = ""
    published: str | None = None
    outlet: str | None = None
    reporter: str | None = None
    agency: str | None = None
    agencies: tuple[str, ...] = ()
    term: int | None = None
    flags: tuple[Flag, ...] = ()
    captions: tuple[str, ...] = ()
    url: str | None = None
    position: int = 0


@dataclass(frozen=True)
class Review:
    """A reader's verdict on a claim, kept by stable claim id."""

    claim_key: str
    state: str
    note: str = ""
    at: str = ""


@dataclass(frozen=True)
class Side:
    """One side of a comparison: an agency with one term, or all its terms (term None)."""

    agency: str
    term: int | None = None

    @property
    def label(self) -> str:
        """Return '광주광역시 광산구 · 민선 7기' or '… · 전체 기간'."""
        return f"{self.agency} · " + (f"민선 {self.term}기" if self.term is not None else "전체 기간")
