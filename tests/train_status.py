"""Train the status model (data/status_model.json) on the tune splits of the labelled sets.

    python tests/train_status.py [--texts FOLDER] [--check]

Every body claim is given a status (achieved, ongoing, planned) by the rules (tui.pipeline.status, from the
predicate of the values' clause), and then by the status model, which reads the rules' status together with the
words after each value and at the sentence's end (`tui.pipeline.status.status_features`), its scores averaged over
the claim's values. Its examples are the values of body claims found in the tune splits of the development set and
of every unseen set that a reader labelled (tests/eval.py's matching), each with the status the readers gave it. A
multinomial logistic regression (L2, fitted by L-BFGS: tests/train_classes.py's `fit`) weighs the features seen
with at least MIN_VALUES values, and another status replaces the rules' only where it outscores theirs by MARGIN.
Cross-validated over documents (5 folds), each claim scored as the pipeline scores it; the figures at the stored
setting are stored with the model, beside the rules' on the same values. No held-out split is read here.

`--check` retrains and fails when the stored model differs from what training gives, beyond the third decimal.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from train_classes import fit, labelled_values, run, stored_weights, weighable
from train_programs import FOLDS, SETS, fold_of

from tui.models import STATUSES

MODEL = HERE.parent / "data" / "status_model.json"
STRENGTH = 10.0
MARGIN = 1.0


def examples(texts: Path | None) -> list[tuple[str, list[str], str, str, str]]:
    """Return (doc, features, label status, claim, rules' status) for every labelled value of a body claim found
    in the training articles."""
    from tui.pipeline import analyze, status

    read: dict[tuple[str, int, int], tuple[list[str], str]] = {}
    kept: dict[int, tuple[list[str], str, str]] = {}
    rows: list[tuple[str, list[str], str, str, str]] = []

    def recording(spans, text, offset, rule):
        for span in spans:
            read[(text, span.start, span.end)] = (
                status.status_features(text, span.start - offset, span.end - offset, span.kind, rule), rule)
        return rule

    def keep(found, claim, span):
        features, rule = read.get((claim.text, span.start, span.end), (None, None))
        if features is not None and claim.zone == "body":
            kept[id(found)] = (features, rule, f"{claim.start}:{claim.text}")

    for document, label, found in labelled_values(texts, analyze, "refine_status", recording, keep, [read, kept]):
        features, rule, claim = kept.get(id(found), (None, None, None))
        if features is not None and label.get("status") in STATUSES:
            rows.append((document.doc, features, label["status"], f"{document.doc}/{claim}", rule))
    return rows


def as_model(names, weights, bias):
    """Return the tui.pipeline.logistic.MultinomialModel of fitted weights."""
    from tui.pipeline.logistic import MultinomialModel

    return MultinomialModel(STATUSES, {n: tuple(float(w) for w in row) for n, row in zip(names, weights)},
                            tuple(float(b) for b in bias))


def pooled(model, rows, margin: float) -> list[str]:
    """Return each row's status as the pipeline reads its claim: the model's scores averaged over the claim's
    labelled values, against the rules' status by margin."""
    claims: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        claims.setdefault(row[3], []).append(i)
    chosen = [""] * len(rows)
    for members in claims.values():
        totals = dict.fromkeys(model.classes, 0.0)
        for i in members:
            for name, score in model.totals(rows[i][1]).items():
                totals[name] += score / len(members)
        pick = model.choose(totals, model.classes, rows[members[0]][4], margin)
        for i in members:
            chosen[i] = pick
    return chosen


def cross_validated(rows, strength: float, margin: float) -> float:
    """Return the status agreement when each fold of documents is read by a model fitted without it."""

    chosen = [""] * len(rows)
    for fold in range(FOLDS):
        train = [row for row in rows if fold_of(row[0], 0) != fold]
        names = weighable(train)
        weights, bias = fit(train, names, strength, STATUSES)
        test = [i for i, row in enumerate(rows) if fold_of(row[0], 0) == fold]
        for i, pick in zip(test, pooled(as_model(names, weights, bias), [rows[i] for i in test], margin)):
            chosen[i] = pick
    return sum(c == row[2] for c, row in zip(chosen, rows)) / len(rows)


def train(texts: Path | None) -> dict:
    """Return the model trained on the tune splits at STRENGTH, with its cross-validated figure and the rules'."""

    rows = examples(texts)
    names = weighable(rows)
    weights, bias = fit(rows, names, STRENGTH, STATUSES)
    return {
        "about": "Status model: multinomial logistic weights over tui.pipeline.status.status_features, trained by "
                 "tests/train_status.py on the tune splits of the labelled sets. Do not edit by hand.",
        "trained_on": {"sets": [root.name for root in SETS], "split": "tune", "values": len(rows),
                       "documents": len({row[0] for row in rows})},
        "l2": STRENGTH,
        "margin": MARGIN,
        "cross_validated": {"folds": FOLDS, "rules": round(sum(row[4] == row[2] for row in rows) / len(rows), 3),
                            "model": round(cross_validated(rows, STRENGTH, MARGIN), 3)},
        "classes": list(STATUSES),
        **stored_weights(names, weights, bias),
    }


def main(argv: list[str] | None = None) -> int:
    """Train and write the model, or with --check compare it with the stored one; return the exit status."""
    def summary(model: dict) -> str:
        cv = model["cross_validated"]
        return (f"{model['trained_on']['values']} values, {len(model['weights'])} features; L2 {model['l2']}, margin "
                f"{model['margin']}; cross-validated status {cv['model']:.3f} (the rules: {cv['rules']:.3f})")

    return run(argv, __doc__, MODEL, train, summary)


if __name__ == "__main__":
    sys.exit(main())
