"""The class model: a multinomial logistic model that reads each value's class again after the rules, from the
rules' class and the words around the value (tui.pipeline.significance.refine, tests/train_classes.py)."""

from __future__ import annotations

import json
import os

import pytest

from tui.models import CLASSES, Span
from tui.pipeline import significance
from tui.pipeline.logistic import MultinomialModel

SENTENCE = "축제 기간 관광객 150만명이 찾아 지역경제에 활력을 불어넣었다."


def _value() -> tuple[Span, int, int]:
    start = SENTENCE.index("150만명")
    return Span("count", start, start + len("150만명"), "150만명", 1500000.0, "명"), start, start + len("150만명")


def test_the_highest_scoring_allowed_class_wins():
    model = MultinomialModel(("outcome", "activity", "context"), {"a2:찾아": (2.0, 0.5, 0.0), "k=count": (0.0, 3.0, 0.0)},
                             (0.0, 0.0, 1.0))
    assert model.best(["a2:찾아", "k=count"], {"outcome", "activity", "context"}) == "activity"  # 2.0 < 3.5
    assert model.best(["a2:찾아", "k=count"], {"outcome", "context"}) == "outcome"  # activity is not allowed
    assert model.best(["unknown"], {"outcome", "activity", "context"}) == "context"  # the bias alone
    assert model.best([], {"activity"}) == "activity"
    # the prior (the rules' class) stays unless another outscores it by the margin
    assert model.best(["a2:찾아", "k=count"], {"outcome", "activity", "context"}, "outcome", 1.0) == "activity"
    assert model.best(["a2:찾아", "k=count"], {"outcome", "activity", "context"}, "outcome", 1.6) == "outcome"


def test_the_features_are_the_words_around_the_value_its_sentence_and_the_article_opening():
    span, start, end = _value()
    features = significance.class_features(span, SENTENCE, start, end, "achieved", "○○군 축제 성료", "body", "context")
    assert {"k=count", "r=context", "kr=count|context", "s=achieved", "z=body", "u=명"} <= set(features)
    assert "b2:관광" in features and "a2:이 " in features and "a3:이 찾" in features  # letters beside the value
    assert "bw:관광객" in features and "aw0:이" in features and "aw1:찾아" in features  # the words beside it
    assert "w:지역" in features and "t:축제" in features and "t:성료" in features  # its sentence, the article's opening
    assert len(features) == len(set(features))


def test_refine_takes_the_models_class_among_those_allowed_for_the_kind_or_the_rules(monkeypatch):
    span, _, _ = _value()
    model = MultinomialModel(CLASSES, {"a2:찾아": (0, 0, 0, 0, 5.0, 0, 0, 0), "a2:이 ": (0, 0, 9.0, 0, 0, 0, 0, 0)},
                             (0.0,) * 8)
    allowed = {"count": frozenset({"outcome", "context"})}
    monkeypatch.setattr(significance, "class_model", lambda: (model, allowed, 0.0))
    assert significance.refine(span, SENTENCE, 0, "achieved", "", "body", "context") == "outcome"  # rank not allowed
    assert significance.refine(span, SENTENCE, 0, "achieved", "", "body", "rank") == "rank"  # the rules' own class is
    monkeypatch.setattr(significance, "class_model", lambda: (model, allowed, 6.0))
    assert significance.refine(span, SENTENCE, 0, "achieved", "", "body", "context") == "context"  # 5.0 < 6.0
    monkeypatch.setattr(significance, "class_model", lambda: None)
    assert significance.refine(span, SENTENCE, 0, "achieved", "", "body", "policy") == "policy"  # no model: the rules


def test_the_stored_model_reads_better_than_the_rules_alone_on_documents_it_did_not_see():
    """The model is kept only while its cross-validated agreement with the readers beats the rules' on the same
    values, over 8 classes and over achievement or not."""
    import train_classes

    stored = json.loads(train_classes.MODEL.read_text(encoding="utf-8"))
    cv = stored["cross_validated"]
    assert cv["model"]["classes"] > cv["rules"]["classes"]
    assert cv["model"]["achievement"] > cv["rules"]["achievement"]
    assert (stored["l2"], stored["margin"]) == (train_classes.STRENGTH, train_classes.MARGIN)
    assert stored["classes"] == list(CLASSES)
    assert set(stored["allowed"]) >= {"money", "count", "percent", "rank", "award", "first"}


def test_training_fits_the_labels_it_is_given():
    """Two features that each mark a class are learnt; a value with neither takes the rules' class through its
    kind-and-rule feature."""
    import train_classes

    rows = []
    for i in range(30):
        rows.append((f"d{i}", ["k=count", "r=context", "kr=count|context", "a2:찾아"], "outcome", "count", "context"))
        rows.append((f"d{i}", ["k=count", "r=context", "kr=count|context", "a2:모집"], "policy", "count", "context"))
        rows.append((f"d{i}", ["k=count", "r=context", "kr=count|context"], "context", "count", "context"))
    names = train_classes.weighable(rows)
    weights, bias = train_classes.fit(rows, names, 1.0)
    model, allowed = train_classes.as_model(names, weights, bias, train_classes.allowed_classes(rows))
    assert allowed == {"count": ["outcome", "policy", "context"]}
    pick = {tuple(r[1]): model.best(r[1], set(allowed["count"])) for r in rows}
    assert pick[("k=count", "r=context", "kr=count|context", "a2:찾아")] == "outcome"
    assert pick[("k=count", "r=context", "kr=count|context", "a2:모집")] == "policy"
    assert pick[("k=count", "r=context", "kr=count|context")] == "context"
    assert train_classes.agreement(rows, [model.best(r[1], set(allowed["count"])) for r in rows]) == (1.0, 1.0)


def test_the_stored_model_is_what_training_on_the_tune_splits_gives():
    from devset import corpus_present

    if not corpus_present() or not os.environ.get("SEONGGWA_UNSEEN_TEXTS"):
        pytest.skip("training needs ../shared/corpus and the unseen set's news texts (SEONGGWA_UNSEEN_TEXTS)")
    import train_classes

    assert train_classes.main(["--check"]) == 0


def test_a_changed_weight_fails_the_check():
    import train_classes

    stored = json.loads(train_classes.MODEL.read_text(encoding="utf-8"))
    changed = json.loads(json.dumps(stored))
    name = next(iter(changed["weights"]))
    changed["weights"][name][0] += 0.01
    assert train_classes.differs(stored, json.loads(json.dumps(stored))) == []
    assert train_classes.differs(stored, changed) == [f"weights[{name}]"]
    changed["weights"][name][0] -= 0.0095  # within the stored precision
    assert train_classes.differs(stored, changed) == []
