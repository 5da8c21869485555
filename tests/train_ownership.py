"""Train the ownership model (data/ownership_model.json) on the tune splits of the labelled sets.

    python tests/train_ownership.py [--texts FOLDER] [--check | --choose]

An article no publisher gives to a government goes to the government the attribution rules weigh most, unless it
is not that government's news at all: a candidate's visit to 대구, a company's opening in 인천, a hospital's trial in
서울. The ownership model decides that, for the articles a rule has not already left without one (a national body, a
court or the police as the headline's or the lead's subject, with no government acting). Its examples are the articles of the tune
splits of the development set and of every unseen set (tests/data/unseen*) that the rules give a leading
government and no publisher gives one: an example is positive when the readers give the article a local
government or office of education, negative when they give it none or a national body. The features are
`tui.pipeline.attribution.ownership_features`: how much and where the government is named, whether it or another
acts, whether a national body, a court or the police acts, and the words of elections, crime and private actors in
the headline and the lead. A logistic regression (L2, Newton's method; tests/train_programs.py's `fit`) weighs
them at a fixed operating point (STRENGTH and THRESHOLD below), chosen by 5-fold cross-validation over documents
repeated over five splits (`--choose` prints the search). The cross-validated counts at that point are stored with
the model, beside what the rules it replaced gave the same articles. No held-out split is read here.

`--check` retrains and fails when the stored model differs from what training gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import devset
import eval as evaluation
from train_programs import (
    FOLDS,
    REPEATS,
    SETS,
    add_texts_option,
    fit,
    fold_of,
    score,
    write_or_check,
)

MODEL = HERE.parent / "data" / "ownership_model.json"
STRENGTHS = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(t / 100 for t in range(20, 71, 5))
# The operating point, chosen with `--choose` on 2026-12-06 when the model's first form was built (792 articles, the
# national-actor rule replaced too): of the settings that lost, cross-validated, at most one more owned article than
# the rules it replaced (9 of 645), the one with the most right decisions. At the close of that day, with the
# national-actor rule before the model (790 articles): owned lost 9.4 of 652 against the floor's 9, and 66.6 of 138
# articles of no government dropped against the floor's 52. It is kept fixed, so a retraining after new labels or
# features is judged at the same point; changing it is a decision of its own.
STRENGTH = 10.0
THRESHOLD = 0.35


def examples(texts: Path | None) -> list[tuple[str, dict, int]]:
    """Return (doc, features, owned) for every tune article the ownership model is asked about."""
    from tui.pipeline import analyze
    from tui.pipeline.kiwi import get_kiwi

    kiwi = get_kiwi()
    rows: list[tuple[str, dict, int]] = []
    seen: list = []
    original = analyze.attribute

    def recording(gaz, zones, sentences, body, *args, **kwargs):
        result = original(gaz, zones, sentences, body, *args, **kwargs)
        seen.append((len(body), result))
        return result

    analyze.attribute = recording
    try:
        for root in SETS:
            articles = {k: v[0] for k, v in devset.labels("articles", root).items()}
            for document in devset.documents("tune", root, texts):
                label = articles.get(document.doc, {})
                seen.clear()
                evaluation.predict(document, kiwi)
                if "agency" not in label or not seen:
                    continue
                main = max(seen, key=lambda s: s[0])[1]  # the article predict reads: the longest
                if main.ownership is not None:
                    rows.append((document.doc, main.ownership, int(evaluation._local_government(label["agency"]))))
    finally:
        analyze.attribute = original
    return rows


def cross_validated(rows, strength: float) -> dict[float, dict[str, float]]:
    """Return, for each threshold, the mean counts over the repeats of the cross-validation: owned articles kept
    and lost, and articles of no government dropped and kept."""
    names = sorted({k for r in rows for k in r[1]})
    totals = {t: {"kept": 0.0, "lost": 0.0, "dropped": 0.0, "wrongly_kept": 0.0} for t in THRESHOLDS + (THRESHOLD,)}
    for repeat in range(REPEATS):
        scored = []
        for fold in range(FOLDS):
            train = [(r[0], "", r[1], r[2]) for r in rows if fold_of(r[0], repeat) != fold]
            weights, bias = fit(train, names, strength)
            scored += [(score(weights, bias, r[1]), r[2]) for r in rows if fold_of(r[0], repeat) == fold]
        for t, counts in totals.items():
            for p, owned in scored:
                key = ("kept" if p >= t else "lost") if owned else ("wrongly_kept" if p >= t else "dropped")
                counts[key] += 1 / REPEATS
    return totals


def train(texts: Path | None) -> dict:
    """Return the model trained at the fixed operating point, with its cross-validated counts there."""
    rows = examples(texts)
    names = sorted({k for r in rows for k in r[1]})
    weights, bias = fit([(r[0], "", r[1], r[2]) for r in rows], names, STRENGTH)
    cv = cross_validated(rows, STRENGTH)[THRESHOLD]
    return {
        "about": "Ownership model: logistic weights over tui.pipeline.attribution.ownership_features, trained by "
                 "tests/train_ownership.py on the tune splits of the labelled sets. Do not edit by hand.",
        "trained_on": {"sets": [root.name for root in SETS], "split": "tune", "articles": len(rows),
                       "owned": sum(r[2] for r in rows)},
        "l2": STRENGTH,
        "threshold": THRESHOLD,
        "cross_validated": {"folds": FOLDS, "repeats": REPEATS, **{k: round(v, 1) for k, v in cv.items()}},
        "bias": round(bias, 4),
        "weights": {k: round(v, 4) for k, v in sorted(weights.items()) if round(v, 4) != 0},
    }


def main(argv: list[str] | None = None) -> int:
    """Train and write the model, or with --check compare it with the stored one; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the stored model is not what training gives")
    parser.add_argument("--choose", action="store_true",
                        help="print every L2 strength and threshold with its cross-validated counts (nothing is written)")
    add_texts_option(parser)
    args = parser.parse_args(argv)
    if not devset.corpus_present():
        print("the shared corpus (../shared/corpus) is not present: nothing to train on", file=sys.stderr)
        return 2
    if args.choose:
        rows = examples(args.texts)
        for strength in STRENGTHS:
            for t, c in sorted(cross_validated(rows, strength).items()):
                mark = "  <- the fixed operating point" if (strength, t) == (STRENGTH, THRESHOLD) else ""
                print(f"L2 {strength:>4}, threshold {t:.2f}: owned kept {c['kept']:.1f}, lost {c['lost']:.1f}; "
                      f"none dropped {c['dropped']:.1f}, kept {c['wrongly_kept']:.1f}; right "
                      f"{c['kept'] + c['dropped']:.1f}{mark}")
        return 0
    try:
        model = train(args.texts)
    except (FileNotFoundError, OSError) as error:
        print(f"train_ownership: {error}", file=sys.stderr)
        return 2
    cv = model["cross_validated"]
    print(f"{model['trained_on']['articles']} articles, {model['trained_on']['owned']} a government's; "
          f"L2 {model['l2']}, threshold {model['threshold']}; cross-validated: owned kept {cv['kept']}, lost "
          f"{cv['lost']}; none dropped {cv['dropped']}, kept {cv['wrongly_kept']}")
    return write_or_check(MODEL, model, args.check, "tests/train_ownership.py")


if __name__ == "__main__":
    sys.exit(main())
