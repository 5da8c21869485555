"""The status model: a multinomial logistic model that reads a body claim's status again after the rules, from the
rules' status and the words after each value and at the sentence's end (tui.pipeline.status.refine_status,
tests/train_status.py)."""

from __future__ import annotations

import json
import os

import pytest

from tui.models import STATUSES, Span
from tui.pipeline import status
from tui.pipeline.logistic import MultinomialModel

SENTENCE = "시는 내년부터 청년 500명에게 월 20만원을 지급할 예정이다."


def _spans() -> list[Span]:
    out = []
    for text, kind, unit in (("500명", "count", "명"), ("20만원", "money", "원")):
        start = SENTENCE.index(text)
        out.append(Span(kind, start, start + len(text), text, None, unit))
    return out


def test_the_features_are_the_rules_status_and_the_words_after_the_value_and_at_the_end():
    start = SENTENCE.index("20만원")
    features = status.status_features(SENTENCE, start, start + len("20만원"), "money", "achieved")
    assert {"r=achieved", "k=money", "rk=achieved|money"} <= set(features)
    assert "a2:을 " in features and "a3:지급할" in features and "a2:지급" in features
    assert "e2:정이" in features and "e3:예정이" in features  # the sentence's end, its full stop left out
    assert "w:내년" in features and "w:청년" in features
    assert len(features) == len(set(features))


def test_the_claims_status_is_the_models_over_its_values_unless_it_outscores_the_rules_by_too_little(monkeypatch):
    # the words after the first value say planned strongly (에게), after both ongoing weakly (을): averaged over
    # the two values, planned 2.0, ongoing 1.0, the rules' achieved 0.0
    model = MultinomialModel(STATUSES, {"a2:에게": (0.0, 0.0, 4.0), "a2:을 ": (0.0, 1.0, 0.0)},
                             (0.0, 0.0, 0.0))
    monkeypatch.setattr(status, "status_model", lambda: (model, 1.0))
    assert status.refine_status(_spans(), SENTENCE, 0, "achieved") == "planned"
    monkeypatch.setattr(status, "status_model", lambda: (model, 2.5))
    assert status.refine_status(_spans(), SENTENCE, 0, "achieved") == "achieved"  # 2.0 < 2.5
    assert status.refine_status([], SENTENCE, 0, "ongoing") == "ongoing"  # no value: the rules'
    monkeypatch.setattr(status, "status_model", lambda: None)
    assert status.refine_status(_spans(), SENTENCE, 0, "achieved") == "achieved"  # no model: the rules'


def test_a_claim_is_read_once_for_all_its_values():
    """Training scores a claim as the pipeline does: its values' scores averaged, one status for all of them."""
    import train_status

    model = MultinomialModel(STATUSES, {"x": (0.0, 0.0, 3.0), "y": (0.0, 2.0, 0.0)}, (0.0, 0.0, 0.0))
    rows = [("d", ["x"], "planned", "d/1", "achieved"), ("d", ["y"], "ongoing", "d/1", "achieved"),
            ("d", ["y"], "ongoing", "d/2", "achieved")]
    assert train_status.pooled(model, rows, 0.0) == ["planned", "planned", "ongoing"]
    assert train_status.pooled(model, rows, 1.5) == ["planned", "planned", "ongoing"]  # 3.0 / 2 = 1.5, 2.0
    assert train_status.pooled(model, rows, 2.5) == ["achieved", "achieved", "achieved"]


def test_the_stored_model_reads_better_than_the_rules_alone_on_documents_it_did_not_see():
    import train_status

    stored = json.loads(train_status.MODEL.read_text(encoding="utf-8"))
    assert stored["cross_validated"]["model"] > stored["cross_validated"]["rules"]
    assert (stored["l2"], stored["margin"]) == (train_status.STRENGTH, train_status.MARGIN)
    assert stored["classes"] == list(STATUSES)


def test_the_stored_model_is_what_training_on_the_tune_splits_gives():
    from devset import corpus_present

    if not corpus_present() or not os.environ.get("SEONGGWA_UNSEEN_TEXTS"):
        pytest.skip("training needs ../shared/corpus and the unseen set's news texts (SEONGGWA_UNSEEN_TEXTS)")
    import train_status

    assert train_status.main(["--check"]) == 0
