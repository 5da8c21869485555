"""The award model: a second reader of every prize word (…상, 표창, 훈장, 메달, 우승, 인증, 선정 …) that adds an award
the rules missed when it is sure by a margin, and never drops one they found (tui.pipeline.awards,
tests/train_awards.py)."""

from __future__ import annotations

import json
import os

import pytest

from tui.models import Span
from tui.pipeline import awards, claims
from tui.pipeline.logistic import MultinomialModel

ADDED = "그는 2014년 밴플리트상을 공동 수상했다."


def _model(weights: dict[str, tuple[float, float]], margin: float):
    return MultinomialModel(("award", "no"), weights, (0.0, 0.0)), margin


def test_prize_words_are_words_ending_in_a_prize_an_honour_or_a_selection():
    text = "노벨 화학상을 받고 서울시장 표창장과 금메달을 받았으며 우수기관으로 선정됐다. 30% 이상 늘었다."
    assert [text[a:b] for a, b in awards.candidates(text)] == ["화학상", "표창장", "금메달", "선정", "이상"]
    assert awards.candidates("1등급을 받았다. 3등상을 받았다.") == []  # a number before it: a counter's


def test_the_features_are_the_word_its_head_the_letters_and_words_beside_it_and_the_sentence():
    start = ADDED.index("밴플리트상")
    features = awards.features(ADDED, start, start + 5)
    assert {"w=밴플리트상", "h=상", "e=트상"} <= set(features)
    assert "a2:을 " in features and "bw:2014년" in features and "aw1:공동" in features
    assert "w:공동" in features  # the first letters of its sentence's words
    assert len(features) == len(set(features))


@pytest.mark.parametrize("text,span", [
    ("2일 서울시장 표창장을 받은 수상자들", "서울시장 표창장"),  # the giver of an honour
    ("가평군이 살고싶은 지역으로 선정됐다.", "지역으로 선정"),  # what was selected as
    ("여성가족부 가족친화기관 인증을 받았다.", "가족친화기관 인증"),
    ("프랑스 파리 시상식에서 금메달을 받았다.", "금메달"),  # not a word ending in a particle
    ("지난해 9월 보국훈장까지 받았다.", "보국훈장"),  # nor a date
])
def test_an_added_award_takes_the_word_that_names_its_giver_or_what_was_selected(text, span):
    start, end = next((a, b) for a, b in awards.candidates(text) if span.endswith(text[a:b]))
    assert awards.added_span(text, 0, start, end).text == span


def test_a_sure_model_adds_an_award_the_rules_missed(monkeypatch):
    monkeypatch.setattr(awards, "award_model", lambda: None)
    assert not [s for s in claims.find_spans(ADDED) if s.kind == "award"]  # the rules alone miss it
    monkeypatch.setattr(awards, "award_model", lambda: _model({"w=밴플리트상": (3.0, 0.0)}, 2.0))
    assert [s.text for s in claims.find_spans(ADDED) if s.kind == "award"] == ["밴플리트상"]
    monkeypatch.setattr(awards, "award_model", lambda: _model({"w=밴플리트상": (1.5, 0.0)}, 2.0))
    assert not [s for s in claims.find_spans(ADDED) if s.kind == "award"]  # 1.5 is short of the margin


def test_an_award_the_rules_found_stays_however_the_model_reads_it(monkeypatch):
    text = "시는 국무총리 표창을 받았다."
    monkeypatch.setattr(awards, "award_model", lambda: None)
    assert [s.text for s in claims.find_spans(text) if s.kind == "award"] == ["국무총리 표창"]
    monkeypatch.setattr(awards, "award_model", lambda: _model({"h=표창": (0.0, 9.0)}, 1.0))
    assert [s.text for s in claims.find_spans(text) if s.kind == "award"] == ["국무총리 표창"]


def test_a_word_inside_another_kinds_value_is_not_asked():
    asked = []

    def decide(features, rule, start, end):
        asked.append(features[0])
        return True

    text = "전국 최고상을 받았다."
    spans = [Span("first", 0, 5, "전국 최고상")]
    assert awards.refine_awards(text, 0, spans, decide=decide) == spans
    assert asked == []
    assert awards.refine_awards("변화 없음", 0, []) == []  # no prize word: nothing to ask


def test_the_stored_model_reads_better_than_the_rules_alone_on_documents_it_did_not_see():
    """The model is kept only while, cross-validated over documents, the rules with it find awards at a better F1
    than the rules alone on the same prize words (the rules being in sample there)."""
    import train_awards

    def f1(c):
        precision, recall = c["right"] / (c["right"] + c["wrong"]), c["right"] / (c["right"] + c["missed"])
        return 2 * precision * recall / (precision + recall)

    stored = json.loads(train_awards.MODEL.read_text(encoding="utf-8"))
    cv = stored["cross_validated"]
    assert f1(cv["model"]) > f1(cv["rules"])
    assert cv["model"]["right"] + cv["model"]["missed"] == cv["rules"]["right"] + cv["rules"]["missed"]
    assert (stored["l2"], stored["margin"]) == (train_awards.STRENGTH, train_awards.MARGIN)
    assert stored["classes"] == ["award", "no"]


def test_training_fits_the_labels_it_is_given():
    import train_awards

    rows = []
    for i in range(30):
        rows.append((f"d{i}", ["h=표창", "a2:을 "], "award", True))
        rows.append((f"d{i}", ["w=대상", "a2:으로"], "no", True))  # 대상으로: a target the rules took
        rows.append((f"d{i}", ["h=상", "aw1:수상했다."], "award", False))  # a prize they missed
        rows.append((f"d{i}", ["w=이상", "a2: 늘"], "no", False))  # 이상 늘었다: no prize
    reader = train_awards.READER
    model = reader.fitted(rows, 1.0)
    # the rules' finds stay; the model adds the prize they missed and not the bound
    assert [reader.decided(model, r, 1.0) for r in rows[:4]] == [True, True, True, False]
    assert reader.counts(rows, [r[3] for r in rows]) == {"right": 30, "wrong": 30, "missed": 30}


def test_the_stored_model_is_what_training_on_the_tune_splits_gives():
    from devset import corpus_present

    if not corpus_present() or not os.environ.get("SEONGGWA_UNSEEN_TEXTS"):
        pytest.skip("training needs ../shared/corpus and the unseen set's news texts (SEONGGWA_UNSEEN_TEXTS)")
    import train_awards

    assert train_awards.main(["--check"]) == 0
