"""The award model: whether a prize word in a sentence (…상, 표창, 훈장, 메달, 우승, 입선, 인증, 선정 …) names a prize,
grade or selection won, read again after the rules (data/claim_words.csv and tui.pipeline.claims) have read it.

The rules find awards by many patterns of prize names and the verbs of receiving them, with exceptions written for
the forms they meet; they find far fewer of the prizes in articles they were not written on than in those they
were. A logistic model (data/award_model.json, trained by tests/train_awards.py on the labelled sets' tune halves)
reads every prize word that no span covers, with the letters and words around it and the words of its sentence, as
a second reader that never sees the rules' verdict, and adds an award where it is sure by a margin (in log-odds).
It never drops one the rules found. With no model stored the rules' spans stand as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.models import Span
from tui.pipeline.logistic import MultinomialModel, letter_grams, read_again, stored_second_reader, sure, word_starts

AWARD_MODEL = "award_model.json"
# The word of a prize: a word ending in 상 (은상, 성천상, 최우수논문상, but as well 이상, 대상 of a target, 세상:
# the model tells them apart), or in a word of honours, a particle closing it; and a word of selection or
# certification, which a verb may go on (우수기관으로 선정됐다, 인증을 받았다; but 사업자를 선정했다).
CLOSE = r"(?=(?:을|를|이|은|는|과|와|도|의|에|에서|으로|로|까지|만|이다|이며|이자)?(?![가-힣]))"
# A grade (1등급, SA 등급) is the rules' alone: a grade word is as often a class of people (장애 등급, 신체등급, 요양 등급)
# or an exam's, and a number before a word makes it a counter's (1등상 is a rank's, 3관왕 a count's).
CANDIDATE = re.compile(r"(?<![가-힣0-9])(?:[가-힣]{0,12}(?:상|표창|표창장|훈장|포장|메달|트로피|입선|특선|가작|우승|준우승|"
                       r"칭호|그랑프리|왕)" + CLOSE + r"|[가-힣]{0,12}(?:선정|지정|인증))")
# Heads after which the word before belongs to the award: the giver or kind of an honour (국무총리 표창, 공로 표창장),
# what was selected or certified as (살고싶은 지역으로 선정, 가족친화기관 인증); not a word that ends in a particle
# or a verb's ending (시상식에서 금메달, 평가에서 불인증, 여러 차례 표창장, 나중에 동메달)
HONOURS = ("표창", "표창장", "훈장", "포장", "메달", "트로피", "칭호", "우승", "입선")
SELECTIONS = ("인증", "선정", "지정")
ENDS_IN_PARTICLE = re.compile(r"(?:에서|에게|부터|께서|에|은|는|이|가|을|를|의|도|만|과|와|로|고|며|면|서|게|지|해|아|어|여|한|된|던|인|했|다|"
                              r"요|죠|차례|번)$")
AS_WHAT = re.compile(r"(?:으로|로|에)$")
WIDTH = 12  # characters on each side of the word whose letter pairs and triples are features


@lru_cache(maxsize=1)
def award_model() -> tuple[MultinomialModel, float] | None:
    """Return the award model and its margin, or None when no model is stored."""
    return stored_second_reader(AWARD_MODEL)


def adds(model: MultinomialModel, margin: float, features) -> bool:
    """Return True when the model reads a prize word no span covers as an award: its score for an award passes its
    score for none by at least margin (log-odds)."""
    return sure(model, margin, features, "award")


def candidates(text: str) -> list[tuple[int, int]]:
    """Return where each prize word of a sentence is, without the particle that closes it."""
    found = []
    for m in CANDIDATE.finditer(text):
        word = m.group(0)
        if len(word) < 2:
            continue  # 상, 왕 alone: no word
        found.append(m.span())
    return found


def head(word: str) -> str:
    """Return the kind of prize word: the honour or selection it ends in, or 상 for a prize's name."""
    for tail in ("표창장", "표창", "훈장", "포장", "메달", "트로피", "준우승", "우승", "입선", "특선", "가작", "인증", "칭호",
                 "그랑프리", "선정", "지정", "왕", "상"):
        if word.endswith(tail):
            return tail
    return ""


def features(text: str, start: int, end: int) -> list[str]:
    """Return the names of the award model's features of the prize word at text[start:end]: the word, its head and
    its last two letters, the letter pairs and triples and the words just before and after it, and the first two
    letters of each word of its sentence. The rules' verdict is not among them: the model is a second reader."""
    word = text[start:end]
    out = [f"w={word}", f"h={head(word)}", f"e={word[-2:]}", f"n={min(len(word), 6)}"]
    out += letter_grams(text[max(0, start - WIDTH): start], "b") + letter_grams(text[end: end + WIDTH], "a")
    out += [f"bw:{w}" for w in text[max(0, start - 20): start].split()[-2:]]
    out += [f"aw{i}:{w}" for i, w in enumerate(text[end: end + 20].split()[:2])]
    return [*dict.fromkeys(out), *word_starts(text, "w")]


def added_span(text: str, base: int, start: int, end: int) -> Span:
    """Return the award span the model adds for a prize word: the word, and for an honour or a selection the word
    right before it when it names the giver or what was selected (국무총리 표창, 우수기관으로 선정, 가족친화기관 인증)."""
    kind = head(text[start:end])
    if kind in HONOURS + SELECTIONS and start >= 2 and text[start - 1] == " ":
        before = re.search(r"(?<![0-9])[가-힣A-Za-z]{2,14}$", text[max(0, start - 15): start - 1])
        if before is not None and (kind in SELECTIONS and AS_WHAT.search(before.group(0))
                                   or not ENDS_IN_PARTICLE.search(before.group(0))):
            start = start - 1 - len(before.group(0))
    return Span("award", base + start, base + end, text[start:end])


def refine_awards(text: str, base: int, spans: list[Span], decide=None) -> list[Span]:
    """Return a sentence's spans with the awards the model adds: a prize word no span covers becomes an award span
    when it scores above the margin. The rules' spans all stay. decide (for training) is called as
    decide(features, rule_span_or_None, start, end) for every prize word no other kind's value covers, instead of the
    model, and returns True to add."""
    return read_again(text, base, spans, "award", candidates(text), features,
                      lambda start, end: added_span(text, base, start, end), award_model() if decide is None else None,
                      decide)
