"""Train the record model (data/record_model.json) on the tune splits of the labelled sets.

    python tests/train_records.py [--texts FOLDER] [--check]

The rules find records (최초, 유일, 최대, 가장 많은 …) by patterns of scope and record word and many exceptions;
they were written reading the tune halves, where they find 0.90 of the records the readers labelled at 0.95
precision, and on the held-out halves they do less well (0.84 / 0.89 at the 125th measurement). The record model
(`tui.pipeline.records`) reads every occurrence of a record word again, as a second reader that never sees the
rules' verdict: the word, the letters and words around it and the words of its sentence, and adds a record where the rules found none. Its examples are the occurrences in the tune splits of
the development set and of every unseen set, each inside a record span: the rules' spans as found, and for each
occurrence no span covers, the span the model would add. An example is a record when its span is matched to a
labelled record (tests/eval.py's matching) and not one when the span is a false find; a span that only a
borderline label overlaps teaches nothing and is left out. A logistic regression (two classes, L2, fitted by
L-BFGS: tests/train_classes.py's `fit`) weighs the features seen with at least MIN_VALUES examples; the model
overrides the rules only where it is sure by MARGIN in log-odds.

The strength and the margin were chosen on 2026-12-06 by the cross-validation below (1,217 record words, 577 in
records; the rules 523 right, 32 wrong, 54 missed). With the rules' verdict among the features the model learnt to
follow it (at best 530 / 34 / 47); read alone it found 500 / 50 / 77 (margin 0), about what the rules do on the
held-out halves. So it reads as a second reader that never sees the verdict. Let drop records as well as add them
(a drop where it scored below minus the margin), it gained little (margin 2: 529 / 32 / 48), and its drops alone
lost more than they saved (margin 2: 520 / 31 / 57; a blind check of 15 changes on unlabelled press releases also
found its drops mostly wrong, its adds mostly right). Adding only, margins 1, 2 and 3 gave 544 / 40 / 33,
532 / 33 / 45 and 527 / 32 / 50 (L2 3); the margin is the one of the best F1 (1.0) unless a hand-written case of
tests/test_claim_kinds.py then fails, as with the class model.

The figures stored with it are cross-validated over documents (5 folds): the records found right, found wrongly
and missed among the examples, by the rules and by the rules with the model, each fold read by a model that did
not see it. The rules are in sample there (they were written on these articles), so the comparison favours them.
No held-out split is read here.

`--check` retrains and fails when the stored model differs from what training gives, beyond the third decimal in
which the weights are stored.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from second_reader import SecondReader

MODEL = HERE.parent / "data" / "record_model.json"
STRENGTH = 3.0
MARGIN = 1.25
MIN_VALUES = 3
READER = SecondReader("tui.pipeline.records", "refine_records", "first", MODEL, STRENGTH, MARGIN, MIN_VALUES,
                      "Record model: logistic weights over tui.pipeline.records.features, trained by "
                      "tests/train_records.py on the tune splits of the labelled sets. Do not edit by hand.",
                      "record words")


def main(argv: list[str] | None = None) -> int:
    """Train and write the model, or with --check compare it with the stored one; return the exit status."""
    return READER.main(argv, __doc__)


if __name__ == "__main__":
    sys.exit(main())
