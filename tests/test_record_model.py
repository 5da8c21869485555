"""The record model: a second reader of every record word (최초, 유일, 최대, 가장 …) that adds a record the rules
missed when it is sure by a margin, and never drops one they found (tui.pipeline.records, tests/train_records.py)."""

from __future__ import annotations

import json
import os

import pytest

from tui.models import Span
from tui.pipeline import claims, records
from tui.pipeline.logistic import MultinomialModel

ADDED = "이 사업은 도내 지자체 중 가장 혁신적인 정책으로 꼽혔다."
FOUND = "시는 전국 최초로 야간 돌봄 센터를 열었다."


def _model(weights: dict[str, tuple[float, float]], margin: float):
    return MultinomialModel(("first", "no"), weights, (0.0, 0.0)), margin


def test_the_features_are_the_word_the_letters_and_words_beside_it_and_the_sentence():
    start = ADDED.index("가장")
    features = records.features(ADDED, start, start + 2)
    assert {"w=가장", "at=3"} <= set(features)
    assert "b2:중 " in features and "a2: 혁" in features and "a3:혁신적" in features  # the letters beside the word
    assert "bw:중" in features and "aw0:혁신적인" in features and "aw1:정책으로" in features  # the words beside it
    assert "w:지자" in features and "w:꼽혔" in features  # the first letters of its sentence's words
    assert not any(f.startswith("r=") for f in features)  # never the rules' verdict: a second reader
    assert len(features) == len(set(features))


def test_a_sure_model_adds_a_record_with_its_scope_and_the_word_graded(monkeypatch):
    monkeypatch.setattr(records, "record_model", lambda: _model({"w=가장": (3.0, 0.0)}, 2.0))
    spans = claims.find_spans(ADDED)
    assert [(s.kind, s.text) for s in spans if s.kind == "first"] == [("first", "도내 지자체 중 가장 혁신적인")]
    monkeypatch.setattr(records, "record_model", lambda: _model({"w=가장": (1.5, 0.0)}, 2.0))
    assert not [s for s in claims.find_spans(ADDED) if s.kind == "first"]  # 1.5 is short of the margin


def test_a_record_the_rules_found_stays_however_the_model_reads_it(monkeypatch):
    monkeypatch.setattr(records, "record_model", lambda: None)
    assert [s.text for s in claims.find_spans(FOUND) if s.kind == "first"] == ["전국 최초"]  # the rules alone
    monkeypatch.setattr(records, "record_model", lambda: _model({"w=최초": (0.0, 9.0)}, 1.0))
    assert [s.text for s in claims.find_spans(FOUND) if s.kind == "first"] == ["전국 최초"]


def test_a_word_inside_another_kinds_value_is_not_asked(monkeypatch):
    asked = []

    def decide(features, rule, start, end):
        asked.append(features[0])
        return False

    text = "최고 등급을 받았다."
    spans = [Span("award", 0, 5, "최고 등급")]
    assert records.refine_records(text, 0, spans, decide=decide) == spans
    assert asked == []
    assert records.refine_records("변화 없음", 0, []) == []  # no record word: nothing to ask


def test_the_stored_model_reads_better_than_the_rules_alone_on_documents_it_did_not_see():
    """The model is kept only while, cross-validated over documents, the rules with it find records at a better F1
    than the rules alone on the same record words (the rules being in sample there)."""
    import train_records

    def f1(c):
        precision, recall = c["right"] / (c["right"] + c["wrong"]), c["right"] / (c["right"] + c["missed"])
        return 2 * precision * recall / (precision + recall)

    stored = json.loads(train_records.MODEL.read_text(encoding="utf-8"))
    cv = stored["cross_validated"]
    assert f1(cv["model"]) > f1(cv["rules"])
    assert cv["model"]["right"] + cv["model"]["missed"] == cv["rules"]["right"] + cv["rules"]["missed"]
    assert (stored["l2"], stored["margin"]) == (train_records.STRENGTH, train_records.MARGIN)
    assert stored["classes"] == ["first", "no"]


def test_training_fits_the_labels_it_is_given():
    import train_records

    rows = []
    for i in range(30):
        rows.append((f"d{i}", ["w=최초", "b2:전국"], "first", True))
        rows.append((f"d{i}", ["w=최대", "a2: 5"], "no", True))  # 최대 50만원: a cap the rules took
        rows.append((f"d{i}", ["w=가장", "a2: 많"], "first", False))  # 가장 많은: a record they missed
        rows.append((f"d{i}", ["w=최대", "a2: 현"], "no", False))  # 최대 현안: no record
    reader = train_records.READER
    model = reader.fitted(rows, 1.0)  # the features of at least MIN_VALUES examples, fitted at strength 1
    # the rules' finds stay; the model adds the record they missed and not the wish
    assert [reader.decided(model, r, 1.0) for r in rows[:4]] == [True, True, True, False]
    assert reader.counts(rows, [r[3] for r in rows]) == {"right": 30, "wrong": 30, "missed": 30}


def test_the_stored_model_is_what_training_on_the_tune_splits_gives():
    from devset import corpus_present

    if not corpus_present() or not os.environ.get("SEONGGWA_UNSEEN_TEXTS"):
        pytest.skip("training needs ../shared/corpus and the unseen set's news texts (SEONGGWA_UNSEEN_TEXTS)")
    import train_records

    assert train_records.main(["--check"]) == 0
