"""Training shared by the models that read a word again after the rules and add a claim the rules missed: the
record model (tests/train_records.py, tui.pipeline.records) and the award model (tests/train_awards.py,
tui.pipeline.awards).

Each such pipeline module has a refine function (refine_records, refine_awards) that takes a sentence's spans and,
given a decide callback, asks it about every candidate word: with the rules' span covering the word (an example the
rules found) or None (a word the model may add). Training replaces the refine function with one that adds every
word, keeps the features of the words inside each span it returns, and labels each span by tests/eval.py's matching
against the readers' labels in the tune splits: a match is the kind, a false find is "no", a span only a borderline
label overlaps teaches nothing. A two-class logistic regression (tests/train_classes.py's `fit`) weighs the
features seen at least min_values times; the model adds a claim where the rules found none and its score for the
kind passes its score for none by the margin, and never drops one the rules found.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from train_classes import fit, matched_values, run, stored_weights, weighable
from train_programs import FOLDS, SETS, fold_of


@dataclass(frozen=True)
class SecondReader:
    """What one second-reader model is: its pipeline module and refine function, the claim kind it adds, its model
    file, and its strength, margin and feature threshold."""

    module: str  # e.g. "tui.pipeline.records"
    refine: str  # the module's refine function, e.g. "refine_records"
    kind: str  # the claim kind it adds, e.g. "first"
    model: Path
    strength: float
    margin: float
    min_values: int
    about: str  # what the stored file says it is
    words: str  # what its candidate words are called in its summary ("record words")

    @property
    def labels(self) -> tuple[str, str]:
        return (self.kind, "no")

    def examples(self, texts: Path | None) -> list[tuple[str, list[str], str, bool]]:
        """Return (doc, features, the kind or "no", the rules' verdict) for every candidate word inside a span of
        the kind found (or added) in the training articles, labelled by the span's match."""
        module = importlib.import_module(self.module)
        asked: dict[tuple[int, int, str], list[tuple[list[str], bool]]] = {}
        kept: dict[int, list[tuple[list[str], bool]]] = {}
        original = getattr(module, self.refine)  # the training reader adds every word no span covers

        def recording(text, base, spans, *rest, decide=None):
            def every(features, rule_span, start, end):
                words.append((features, rule_span is not None, start, end))
                return True

            words: list[tuple[list[str], bool, int, int]] = []
            out = original(text, base, spans, *rest, decide=every)
            for span in out:
                if span.kind == self.kind:
                    inside = [(f, r) for f, r, s, e in words if span.start <= s and e <= span.end]
                    if inside:
                        asked[(span.start, span.end, span.text)] = inside
            return out

        def keep(found, claim, span):
            if span.kind == self.kind:
                inside = asked.get((span.start, span.end, span.text))
                if inside:
                    kept[id(found)] = inside

        rows: list[tuple[str, list[str], str, bool]] = []
        for document, pairs, false in matched_values(texts, module, self.refine, recording, keep, [asked, kept]):
            verdicts = [(found, self.kind) for _, found in pairs if found.kind == self.kind]
            verdicts += [(found, "no") for found in false if found.kind == self.kind]
            for found, truth in verdicts:
                for features, rule in kept.get(id(found), ()):
                    rows.append((document.doc, features, truth, rule))
        return rows

    def decided(self, model, row, margin: float) -> bool:
        """Return whether the rules with the model take one example for a claim of the kind: what the rules found
        stays, and the model adds what it scores above the margin."""
        return row[3] or importlib.import_module(self.module).adds(model, margin, row[1])

    def counts(self, rows, chosen: list[bool]) -> dict[str, int]:
        """Return the claims of the kind taken right, taken wrongly and missed among the examples."""
        return {"right": sum(c and r[2] == self.kind for c, r in zip(chosen, rows)),
                "wrong": sum(c and r[2] == "no" for c, r in zip(chosen, rows)),
                "missed": sum(not c and r[2] == self.kind for c, r in zip(chosen, rows))}

    def as_model(self, names, weights, bias):
        """Return the tui.pipeline.logistic.MultinomialModel of fitted weights."""
        from tui.pipeline.logistic import MultinomialModel

        table = {name: tuple(float(w) for w in row) for name, row in zip(names, weights)}
        return MultinomialModel(self.labels, table, tuple(float(b) for b in bias))

    def fitted(self, rows, strength: float):
        """Return the model fitted on rows at strength."""
        names = weighable(rows, self.min_values, ())
        weights, bias = fit([(r[0], r[1], r[2]) for r in rows], names, strength, self.labels)
        return self.as_model(names, weights, bias)

    def cross_validated(self, rows, strength: float, margin: float) -> dict[str, int]:
        """Return counts() when each fold of documents is read by a model fitted without it."""
        chosen: list[bool] = [False] * len(rows)
        for fold in range(FOLDS):
            model = self.fitted([row for row in rows if fold_of(row[0], 0) != fold], strength)
            for i, row in enumerate(rows):
                if fold_of(row[0], 0) == fold:
                    chosen[i] = self.decided(model, row, margin)
        return self.counts(rows, chosen)

    def train(self, texts: Path | None) -> dict:
        """Return the model trained on the tune splits, with its cross-validated counts and the rules'."""
        rows = self.examples(texts)
        names = weighable(rows, self.min_values, ())
        weights, bias = fit([(r[0], r[1], r[2]) for r in rows], names, self.strength, self.labels)
        return {
            "about": self.about,
            "trained_on": {"sets": [root.name for root in SETS], "split": "tune", "examples": len(rows),
                           "claims": sum(r[2] == self.kind for r in rows),
                           "documents": len({row[0] for row in rows})},
            "l2": self.strength,
            "margin": self.margin,
            "cross_validated": {"folds": FOLDS, "rules": self.counts(rows, [r[3] for r in rows]),
                                "model": self.cross_validated(rows, self.strength, self.margin)},
            "classes": list(self.labels),
            **stored_weights(names, weights, bias),
        }

    def summary(self, model: dict) -> str:
        """Return one line on a trained model: its examples, features, setting and cross-validated counts."""
        cv, on = model["cross_validated"], model["trained_on"]
        return (f"{on['examples']} {self.words} ({on['claims']} in claims), {len(model['weights'])} features; L2 "
                f"{model['l2']}, margin {model['margin']}; cross-validated right / wrong / missed: the rules "
                f"{cv['rules']['right']} / {cv['rules']['wrong']} / {cv['rules']['missed']}, with the model "
                f"{cv['model']['right']} / {cv['model']['wrong']} / {cv['model']['missed']}")

    def main(self, argv: list[str] | None, doc: str) -> int:
        """Train and write the model, or with --check compare it with the stored one; return the exit status."""
        return run(argv, doc, self.model, self.train, self.summary)
