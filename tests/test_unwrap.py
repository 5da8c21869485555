"""Hard-wrap repair (tui.pipeline.unwrap): which breaks are joined, and what kiwipiepy is asked to decide them."""

from __future__ import annotations

import pytest

from tui.pipeline import unwrap
from tui.pipeline.kiwi import get_kiwi


class Recording:
    """A Kiwi that records the text of every call it gets."""

    def __init__(self) -> None:
        self.kiwi = get_kiwi()
        self.calls: list[tuple[str, str]] = []

    def space(self, text: str, reset_whitespace: bool = False) -> str:
        self.calls.append(("space", text))
        return self.kiwi.space(text, reset_whitespace=reset_whitespace)

    def tokenize(self, text: str):
        self.calls.append(("tokenize", text))
        return self.kiwi.tokenize(text)


def test_breaks_a_rule_settles_ask_kiwipiepy_nothing():
    spacer = Recording()
    lines = ["시는 올해 예산을 확정했다.", "이어 2조5천3", "79억원을 배정했다", ", 국비 포함"]
    assert unwrap.decide_breaks(spacer, lines) == [unwrap.SPACE, unwrap.JOIN, unwrap.JOIN]
    assert spacer.calls == []


def test_kiwipiepy_reads_only_the_words_near_a_break_of_two_long_paragraphs(monkeypatch):
    left = "광주시는 지난해부터 추진해 온 청년 일자리 사업의 성과를 시민들에게 알리기 위해 다양한 홍보 활동을 펼치" * 2
    right = "고 있으며 올해에도 사업을 이어갈 계획이라고 밝혔다. 시 관계자는 청년들의 호응이 컸다고 말했다." * 2
    spacer = Recording()
    assert unwrap.decide_breaks(spacer, [left, right]) == [unwrap.JOIN]  # 펼치|고: one word
    assert spacer.calls and all(len(text) <= 2 * unwrap.WINDOW for _, text in spacer.calls)
    monkeypatch.setattr(unwrap, "WINDOW", 10_000)  # whole lines, as before the windows: the same decision
    whole = Recording()
    assert unwrap.decide_breaks(whole, [left, right]) == [unwrap.JOIN]
    assert max(len(text) for _, text in whole.calls) == len(left) + len(right)


@pytest.mark.parametrize("left, right, expected", [
    ("시는 스마트 관광 플랫폼", "구축 사업을 추진한다", unwrap.SPACE),  # 플랫폼 | 구축: two words, as spaced elsewhere
    ("시는 스마트 관광 플랫", "폼 구축 사업을 추진한다", unwrap.JOIN),  # 플랫|폼: one word cut in two
])
def test_a_break_inside_a_word_joins_and_one_between_words_spaces(left, right, expected):
    document = "시는 스마트 관광 플랫폼 구축 사업을 추진한다. 플랫폼 구축이 끝나면"
    assert unwrap.decide_breaks(get_kiwi(), [left, right], document) == [expected]


def test_a_photo_credit_is_never_glued_to_the_text_after_it():
    """…기념관. /대전시 | 대전시는: the credit ends a word; the break is a space, whatever the spacing model says."""
    for left in ("대전시 중구 선화동에 문을 연 기념관. /대전시", "참가단이 기념 사진을 촬영하고 있다./경남테크노파크",
                 "간담회에서 모두발언하고 있다. /서울시교육청 제공"):
        assert unwrap.rule_decision(left, "대전시는 기념관을 공식 개관했다고 밝혔다.") == unwrap.SPACE
