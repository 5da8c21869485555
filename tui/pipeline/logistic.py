"""Logistic models stored as data (weights over named features, a bias and a threshold), trained by scripts in
tests/ on the tune splits of the labelled sets: the program model and the ownership model; the class and status
models, multinomial ones (a weight per class for each feature) that pick one of several classes, with the text
features they share; and the second readers (the record and award models), which read candidate words again after
the rules and add a claim the rules missed (read_again)."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from tui.models import Span
from tui.paths import data_dir


@dataclass(frozen=True)
class LogisticModel:
    """A logistic model over named features: what it weighs is taken when its score reaches the threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, x: dict[str, float]) -> float:
        """Return the model's probability for these features."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in x.items())
        return 1 / (1 + math.exp(-z)) if z > -30 else 0.0

    def accepts(self, x: dict[str, float]) -> bool:
        """Return True when the score of these features reaches the threshold."""
        return self.score(x) >= self.threshold


@dataclass(frozen=True)
class MultinomialModel:
    """A multinomial logistic model over present features: each feature adds its weight for every class to the
    class's bias, and the class with the highest sum among those allowed wins."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]

    def totals(self, features) -> dict[str, float]:
        """Return each class's score (its bias plus the weights of the features present)."""
        weights = self.weights
        return dict(zip(self.classes,
                        [sum(column) for column in zip(self.bias, *(weights[f] for f in features if f in weights))]))

    def choose(self, totals: dict[str, float], allowed, prior: str | None = None, margin: float = 0.0) -> str:
        """Return the class of the highest score among the allowed ones, or prior unless that class's score passes
        prior's by at least margin."""
        top = max((c for c in self.classes if c in allowed), key=totals.__getitem__)
        if prior is not None and prior in totals and totals[top] - totals[prior] < margin:
            return prior
        return top

    def best(self, features, allowed, prior: str | None = None, margin: float = 0.0) -> str:
        """Return the class chosen (choose) from the scores of the features present."""
        return self.choose(self.totals(features), allowed, prior, margin)


HANGUL_WORD = re.compile(r"[가-힣]{2,}")


def letter_grams(text: str, tag: str) -> list[str]:
    """Return the features `TAGn:…` of the letter pairs and triples of a stretch of text (n is 2 or 3)."""
    return [f"{tag}{n}:{text[i:i + n]}" for n in (2, 3) for i in range(len(text) - n + 1)]


@lru_cache(maxsize=64)
def word_starts(text: str, tag: str) -> tuple[str, ...]:
    """Return the features `TAG:xy` of the first two letters of each Hangul word of a text, sorted (the values of
    one sentence, and of one article, share them)."""
    return tuple(sorted({f"{tag}:{w[:2]}" for w in HANGUL_WORD.findall(text)}))


@lru_cache(maxsize=4)
def stored_model(name: str) -> LogisticModel:
    """Return the model stored in data/NAME (a JSON file with `weights`, `bias` and `threshold`)."""
    data = json.loads((data_dir() / name).read_text(encoding="utf-8"))
    return LogisticModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


@lru_cache(maxsize=8)
def stored_multinomial(name: str) -> tuple[MultinomialModel, dict] | None:
    """Return the multinomial model stored in data/NAME (a JSON file with `classes`, `weights` and `bias`) and the
    file's other fields, or None when no such file is stored."""
    path = data_dir() / name
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    model = MultinomialModel(tuple(data["classes"]), {k: tuple(v) for k, v in data["weights"].items()},
                             tuple(data["bias"]))
    return model, data


def stored_second_reader(name: str) -> tuple[MultinomialModel, float] | None:
    """Return a second reader's model stored in data/NAME (two classes, the kind it adds and "no") and its margin,
    or None when no such file is stored."""
    stored = stored_multinomial(name)
    if stored is None:
        return None
    model, data = stored
    return model, float(data["margin"])


def sure(model: MultinomialModel, margin: float, features, kind: str) -> bool:
    """Return True when a second reader's score for kind passes its score for none by at least margin (log-odds)."""
    totals = model.totals(features)
    return totals[kind] - totals["no"] >= margin


def read_again(text: str, base: int, spans: list[Span], kind: str, words: list[tuple[int, int]], features, widen,
               stored: tuple[MultinomialModel, float] | None, decide=None) -> list[Span]:
    """Return a sentence's spans with the claims of kind a second reader adds. Each candidate word (start, end in
    text) that no span covers is asked: the stored model and margin (sure, on features(text, start, end)), or in
    training decide(features, None, start, end) with base added to the offsets, says whether it is a claim, and
    widen(start, end) gives the span added (the word alone where that would run into a value found already). A
    word inside a span of kind is an example the rules found (decide is told it, with that span) and stays; a word
    inside another kind's value is not asked. With neither a model nor decide, the spans stand as they are."""
    if not words or stored is None and decide is None:
        return spans
    added: list[Span] = []
    for start, end in words:
        covering = [s for s in spans if s.start - base < end and start < s.end - base]
        if any(s.kind != kind for s in covering):
            continue
        if covering:
            if decide is not None:
                decide(features(text, start, end), covering[0], base + start, base + end)  # an example to learn
            continue
        x = features(text, start, end)
        if decide(x, None, base + start, base + end) if decide is not None else sure(*stored, x, kind):
            span = widen(start, end)
            if any(s.start < span.end and span.start < s.end for s in spans + added):
                span = Span(kind, base + start, base + end, text[start:end])
            if not any(s.start < span.end and span.start < s.end for s in spans + added):
                added.append(span)
    return sorted(spans + added, key=lambda s: s.start) if added else spans
