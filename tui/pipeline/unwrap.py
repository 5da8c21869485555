"""Hard-wrap repair: decide, for each line break inside body text, join / space / paragraph break.

Decisions come from kiwipiepy's spacing model (``Kiwi.space``) on the joined text plus a few general rules
(sentence ends and clause commas mean a space, the middle dot and a split numeral mean a join, an opening quote
means a space). No rule names a word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

JOIN, SPACE, PARA = "join", "space", "para"

SENTENCE_END = re.compile(r"(?:[.!?]|[.!?][\"”’'」』)\]]+)$")
CLAUSE_COMMA = re.compile(r"(?<!\d),$|,(?!\d)$")
OPEN_QUOTES = "‘“\"'「『(["
CLOSERS = ".,!?;:)]}”’」』>…"
BULLETS = "▲△■□●○◆◇▶▷►•※◎☞-"
DIGIT_OR_NR = re.compile(r"^[0-9]|^[만천백억조]")
HANGUL = re.compile(r"[가-힣]")
# a photo's credit after its caption (…기념관. /대전시, …모습./연합뉴스, … /서울시교육청 제공): a word ends there
CREDIT_END = re.compile(r"[.)\]]\s?/\s?[^\s/]{2,15}(?:\s제공)?$")
NUMBER_TAIL = re.compile(r"\d[\d,.]*(?:[만천백억조]\d*)*[만천백억조]여?$|\d여$")


class Spacer(Protocol):
    """The part of kiwipiepy.Kiwi this module needs."""

    def space(self, text: str, reset_whitespace: bool = False) -> str: ...

    def tokenize(self, text: str): ...


# Morpheme tags that end a word (a space may follow) and tags that cannot start one (no space before).
WORD_FINAL = ("J", "EC", "EF", "ETM", "ETN", "SF", "MAG", "MM", "IC")
WORD_INTERNAL = ("J", "E", "XS", "VCP", "VCN")


def rule_decision(left: str, right: str) -> str | None:
    """Return a decision forced by a general rule for the break between two line texts, or None."""
    if not left or not right:
        return PARA
    last, first = left[-1], right[0]
    if first in BULLETS and first != "-":
        return PARA
    if CREDIT_END.search(left):
        return SPACE  # never glued to the text after it (/대전시|대전시는)
    if first in CLOSERS:
        return JOIN
    if last == "·" or first == "·" or last == "=" or first == "=":
        return JOIN
    if last.isdigit() and first.isdigit():
        return JOIN  # a numeral split across the break
    if NUMBER_TAIL.search(left) and first.isdigit():
        return JOIN  # 2조5천3|79억원
    if last == "," and len(left) > 1 and left[-2].isdigit() and first.isdigit():
        return JOIN  # a thousands separator split across lines
    if SENTENCE_END.search(left) or CLAUSE_COMMA.search(left):
        return SPACE
    if first in OPEN_QUOTES:
        return SPACE
    if last.isascii() and last.isalpha() and first.isascii() and first.isalpha():
        return None
    if not (HANGUL.match(first) or first.isalnum()) and first not in "(<[{":
        return None
    return None


def _spaced_breaks(spacer: Spacer, pieces: Sequence[str]) -> list[bool]:
    """Return, for each junction between consecutive pieces, whether Kiwi.space puts a space there."""
    joined = "".join(pieces)
    spaced = spacer.space(joined, reset_whitespace=False)
    # Map every character of `joined` to whether a space precedes it in `spaced`.
    space_before = [False] * (len(joined) + 1)
    j = 0
    pending_space = False
    for ch in spaced:
        if j < len(joined) and ch == joined[j]:
            space_before[j] = pending_space or (j > 0 and joined[j - 1] == " ")
            pending_space = False
            j += 1
        elif ch.isspace():
            pending_space = True
        else:  # the spacer changed a character; resynchronise on the next match
            pending_space = False
    result = []
    position = 0
    for piece in pieces[:-1]:
        position += len(piece)
        result.append(space_before[position] if position < len(space_before) else True)
    return result


def _morpheme_decisions(spacer: Spacer, pieces: Sequence[str]) -> list[str | None]:
    """Return join/space where the morphemes around a junction settle it, else None (noun + noun)."""
    joined = "".join(pieces)
    tokens = spacer.tokenize(joined)
    decisions: list[str | None] = []
    position = 0
    t = 0
    for piece in pieces[:-1]:
        position += len(piece)
        while t < len(tokens) and tokens[t].start + tokens[t].len <= position:
            t += 1
        before = tokens[t - 1] if t > 0 else None
        current = tokens[t] if t < len(tokens) else None
        if current is not None and current.start < position < current.start + current.len:
            decisions.append(JOIN)  # the break falls inside one morpheme
        elif current is not None and current.tag.startswith(WORD_INTERNAL):
            decisions.append(JOIN)
        elif before is not None and before.tag.startswith(WORD_FINAL):
            decisions.append(SPACE)
        else:
            decisions.append(None)
    return decisions


def _usage(document: str, left: str, right: str) -> str | None:
    """Return join/space when the document writes the two words around a break one way elsewhere."""
    head = re.search(r"[가-힣A-Za-z0-9]+$", left)
    tail = re.match(r"[가-힣A-Za-z0-9]+", right)
    if not document or not head or not tail:
        return None
    a, b = head.group(), tail.group()
    a_last, b_first = a[-2:], b[:2]
    joined = len(re.findall(re.escape(a_last + b_first), document))
    spaced = len(re.findall(re.escape(a_last) + r" " + re.escape(b_first), document))
    if joined > spaced:
        return JOIN
    if spaced > joined:
        return SPACE
    return None


def _number_usage(document: str, left: str, right: str) -> str | None:
    """Return join/space for a numeral followed by a counter (800만|원), following the document's own style."""
    if not (NUMBER_TAIL.search(left) or left[-1:].isdigit()) or not HANGUL.match(right[:1]):
        return None
    unit = re.escape(right[0])
    spaced = len(re.findall(r"[\d만천백억조] " + unit, document))
    joined = len(re.findall(r"[\d만천백억조]" + unit, document))
    return SPACE if spaced > joined else JOIN


# How much of the text on each side of a break the morphemes and the spacing model are asked about: what decides a
# break lies within a few words of it, and a long paragraph on either side only costs time.
WINDOW = 32


def _windows(pieces: Sequence[str]) -> list[str]:
    """Return the pieces with the first cut to its last WINDOW characters and the last to its first WINDOW: the
    junctions stay where they were relative to each other, and no break is farther than that from an end."""
    out = list(pieces)
    if len(out[0]) > WINDOW:
        out[0] = out[0][-WINDOW:]
    if len(out[-1]) > WINDOW:
        out[-1] = out[-1][:WINDOW]
    return out


def decide_breaks(spacer: Spacer, lines: Sequence[str], document: str = "") -> list[str]:
    """Return join/space decisions for the breaks between consecutive wrapped lines of one run.

    Order of evidence: general punctuation rules; the morphemes on each side of the break; how the same
    document spaces the two words elsewhere; finally kiwipiepy's spacing model. kiwipiepy is asked only when a
    rule has not settled some break, and only about the text near the breaks (`_windows`).
    """
    if len(lines) < 2:
        return []
    pieces = list(lines)
    settled: list[str | None] = []
    for a, b in pairwise(pieces):
        forced = rule_decision(a, b)
        settled.append(forced if forced is not None else _number_usage(document, a, b))
    if all(d is not None for d in settled):
        return [d for d in settled if d is not None]
    near = _windows(pieces)
    morphemes = _morpheme_decisions(spacer, near)
    decisions: list[str] = []
    spaced: list[bool] | None = None
    for i, (d, m) in enumerate(zip(settled, morphemes)):
        if d is None:
            d = m or _usage(document, pieces[i], pieces[i + 1])
        if d is None:
            if spaced is None:
                spaced = _spaced_breaks(spacer, near)
            d = SPACE if spaced[i] else JOIN
        decisions.append(d)
    return decisions


def join_ratio(spacer: Spacer, lines: Sequence[str]) -> float:
    """Return the share of breaks that Kiwi.space would join without a space (column detection)."""
    if len(lines) < 2:
        return 0.0
    spaced = _spaced_breaks(spacer, list(lines))
    return sum(1 for s in spaced if not s) / len(spaced)


def join_pieces(pieces: Sequence[str], decisions: Sequence[str]) -> str:
    """Return the lines joined according to join/space decisions (paragraph breaks are not expected here)."""
    out = [pieces[0]]
    for piece, decision in zip(pieces[1:], decisions):
        out.append(piece if decision == JOIN else " " + piece)
    return "".join(out)


def is_unspaced(text: str) -> bool:
    """Return True for a line of 12–150 characters with almost no spaces (a headline or caption set solid)."""
    return 12 <= len(text) <= 150 and text.count(" ") / len(text) < 0.04 and bool(HANGUL.search(text))
