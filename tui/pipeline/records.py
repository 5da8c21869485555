"""The record model: whether a record word in a sentence (최초, 유일, 최대, 가장 …) states a record, read again
after the rules (data/claim_words.csv and tui.pipeline.claims) have read it.

The rules find records by patterns of scope and record word, with many exceptions written for the forms they
meet (최대 50만원 is a cap, 지역 최대 현안 a wish, 첫 회의 a meeting). A logistic model (data/record_model.json,
trained by tests/train_records.py on the labelled sets' tune halves) reads every occurrence of a record word with
the letters and words around it and the words of its sentence, as a second reader that never sees the rules'
verdict, and adds a record where the rules found none and it is sure by a margin (in log-odds). It never drops
one the rules found: cross-validated, its drops cost more records than they saved. With no model stored the
rules' spans stand as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.models import Span
from tui.pipeline.logistic import MultinomialModel, letter_grams, read_again, stored_second_reader, sure, word_starts

RECORD_MODEL = "record_model.json"
# Every word a record can turn on (CLAIMS.md: first, only, most, largest, highest, record), wider than the rules'
# own hint (tui.pipeline.claims.RECORD_WORDS): the model is asked about each occurrence. A second or third place
# (두 번째) is a rank or nothing to the readers, never a record: the model is not asked about it, nor about 최소 or
# 최대 bounding a number (최소 70건, 최대 수십만 명: at least or at most so many), nor about the emphatic 최대 현안 (the
# greatest problem) and 최고 권위 (the most prestigious), which the rules leave out and the readers mark borderline,
# nor about a first that is the baseline a later figure is counted from (첫 개최 이래 최고: since the first holding).
CANDIDATE = re.compile(r"최초|처음|유일|최대(?!\s?(?:\d|수\s?[십백천만]|몇|현안|과제|관심사|쟁점|화두|숙원))|최다|"
                       r"최고(?!\s?권위)|최상위|최장|최단|최저|최소(?!\s?(?:\d|수\s?[십백천만]|몇))|"
                       r"첫(?!\s?[가-힣]{1,6}\s?(?:이래|이후))|1호|1번지|신기록|전무후무|역대|사상|가장|으뜸")
WIDTH = 12  # characters on each side of the record word whose letter pairs and triples are features
# After 가장, the word it grades (가장 많은) is part of a record the model adds; the scope before it is the claim
# rules' (tui.pipeline.claims passes it in: a place, a government or a generic scope such as 전국 or 도내).
GRADED = re.compile(r"\s?[가-힣]+")


@lru_cache(maxsize=1)
def record_model() -> tuple[MultinomialModel, float] | None:
    """Return the record model and its margin, or None when no model is stored."""
    return stored_second_reader(RECORD_MODEL)


def adds(model: MultinomialModel, margin: float, features) -> bool:
    """Return True when the model reads a record word no span covers as a record: its score for a record passes
    its score for none by at least margin (log-odds)."""
    return sure(model, margin, features, "first")


def features(text: str, start: int, end: int) -> list[str]:
    """Return the names of the record model's features of the record word at text[start:end]: the word, whether
    it opens its sentence (its offset, counted up to 3), the letter pairs and triples and the words just before and
    after it, and the first two letters of each word of its sentence. The rules' verdict is not among them: the
    model is a second reader."""
    out = [f"w={text[start:end]}", f"at={min(start, 3)}"]
    out += letter_grams(text[max(0, start - WIDTH): start], "b") + letter_grams(text[end: end + WIDTH], "a")
    out += [f"bw:{w}" for w in text[max(0, start - 20): start].split()[-2:]]
    out += [f"aw{i}:{w}" for i, w in enumerate(text[end: end + 20].split()[:2])]
    return [*dict.fromkeys(out), *word_starts(text, "w")]


def candidates(text: str) -> list[tuple[int, int]]:
    """Return where each record word of a sentence is."""
    return [m.span() for m in CANDIDATE.finditer(text)]


def added_span(text: str, base: int, start: int, end: int, scope: re.Pattern[str] | None = None) -> Span:
    """Return the record span the model adds for a record word: the word with the scope right before it (scope
    matches it, ending where the word starts), and after 가장 the word it grades."""
    if scope is not None:
        before = scope.search(text, max(0, start - 24), start)
        if before is not None and before.end() == start:
            start = before.start()
    if text[start:end].endswith("가장"):
        graded = GRADED.match(text, end)
        if graded is not None:
            end = graded.end()
    return Span("first", base + start, base + end, text[start:end])


def refine_records(text: str, base: int, spans: list[Span], scope: re.Pattern[str] | None = None,
                   decide=None) -> list[Span]:
    """Return a sentence's spans with the records the model adds: a record word no span covers becomes a record
    span when it scores above the margin (added_span, with the scope before it that scope matches). The rules'
    spans all stay. decide (for training) is called as decide(features, rule_span_or_None, start, end) for every
    record word no other kind's value covers, instead of the model, and returns True to add."""
    return read_again(text, base, spans, "first", candidates(text), features,
                      lambda start, end: added_span(text, base, start, end, scope),
                      record_model() if decide is None else None, decide)
