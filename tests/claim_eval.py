"""Compare extracted claim spans with the hand-labelled seed claims (tests/data/seed_claims.jsonl)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "data" / "seed_claims.jsonl"


def squash(text: str) -> str:
    """Return text without spaces, for comparing surfaces that may differ in spacing."""
    return re.sub(r"\s+", "", text or "")


def load_labels() -> list[dict]:
    """Return the labelled spans, with their text normalised as the cleaner normalises articles."""
    from tui.pipeline.clean import normalize

    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for label in labels:
        label["sentence"], label["span"] = normalize(label["sentence"]), normalize(label["span"])
    return labels


def predicted_spans(results: dict) -> list[dict]:
    """Return every predicted span of the seed results as dicts with file, sentence and claim fields."""
    out = []
    for prefix, result in results.items():
        file = Path(result.file).name
        for analyzed in result.articles:
            for claim in analyzed.claims:
                if claim.zone != "body":
                    continue  # the seed labels cover article bodies; headline claims are checked on the development set
                for span in claim.spans:
                    out.append({"file": file, "sentence": claim.text, "span": span.text, "kind": span.kind,
                                "value": span.value, "unit": span.unit, "approx": span.approx,
                                "streak": span.streak, "zone": claim.zone, "agency": claim.agency, "term": claim.term, "status": claim.status,
                                "speech": claim.speaker is not None})
    return out


def _same(label: dict, pred: dict) -> bool:
    """Return True when a prediction is the labelled span (same file, kind, surface and sentence)."""
    if label["file"] != pred["file"] or label["kind"] != pred["kind"]:
        return False
    if squash(label["sentence"]) not in squash(pred["sentence"]):
        return False
    a, b = squash(label["span"]), squash(pred["span"])
    return a == b or (a in b or b in a) and label.get("value") == pred.get("value")


def evaluate(results: dict) -> dict:
    """Return per-kind precision/recall plus the misses and false alarms, and attribute accuracy."""
    labels = load_labels()
    preds = predicted_spans(results)
    matched_pred: set[int] = set()
    pairs = []
    misses = []
    for label in labels:
        hit = next((i for i, p in enumerate(preds) if i not in matched_pred and _same(label, p)), None)
        if hit is None:
            misses.append(label)
        else:
            matched_pred.add(hit)
            pairs.append((label, preds[hit]))
    false_alarms = [p for i, p in enumerate(preds) if i not in matched_pred]
    report: dict = {"kinds": {}, "misses": misses, "false_alarms": false_alarms, "pairs": pairs}
    by_kind = defaultdict(lambda: [0, 0, 0])  # true positives, labels, predictions
    for label, _ in pairs:
        by_kind[label["kind"]][0] += 1
    for label in labels:
        by_kind[label["kind"]][1] += 1
    for pred in preds:
        by_kind[pred["kind"]][2] += 1
    for kind, (tp, n_labels, n_preds) in sorted(by_kind.items()):
        report["kinds"][kind] = {"tp": tp, "labels": n_labels, "predicted": n_preds,
                                 "precision": tp / n_preds if n_preds else 1.0,
                                 "recall": tp / n_labels if n_labels else 1.0}
    values = [(lab, p) for lab, p in pairs if lab.get("value") is not None]
    report["value_accuracy"] = sum(1 for lab, p in values if p["value"] == lab["value"]) / max(1, len(values))
    streaks = [(lab, p) for lab, p in pairs if lab.get("streak")]
    report["streak_accuracy"] = sum(1 for lab, p in streaks if p["streak"] == lab["streak"]) / max(1, len(streaks))
    for field in ("agency", "term", "status"):
        report[f"{field}_accuracy"] = sum(1 for lab, p in pairs if lab.get(field) == p[field]) / max(1, len(pairs))
    return report
