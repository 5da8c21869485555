"""The number normaliser: 40+ written forms and hypothesis round trips."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.pipeline.claims import find_spans
from tui.pipeline.numbers import parse_number

FORMS = [
    ("1만2천500", 12500), ("2조5천379억", 2_537_900_000_000), ("10억9천만", 1_090_000_000), ("1,436", 1436),
    ("85.8", 85.8), ("9천400만", 94_000_000), ("2억 7,500만", 275_000_000), ("2000", 2000), ("1천130억", 113_000_000_000),
    ("3천", 3000), ("1만6천", 16000), ("2조2천102억", 2_210_200_000_000), ("500만", 5_000_000), ("1만4천", 14000),
    ("65억", 6_500_000_000), ("7억", 700_000_000), ("4천736", 4736), ("1,500만", 15_000_000), ("0.5", 0.5),
    ("12억3천456만7천890", 1_234_567_890), ("100억", 10_000_000_000), ("1조", 1_000_000_000_000), ("3억5천", 350_000_000), ("2조5천", 2_500_000_000_000), ("1억2천500", 100_002_500),
    ("5백", 500), ("2천5백", 2500), ("1,000만", 10_000_000), ("17억 9000만", 1_790_000_000), ("1만 5천", 15000),
    ("30만", 300_000), ("6천", 6000), ("827억", 82_700_000_000), ("14.8", 14.8), ("83.26", 83.26), ("1만2천800", 12800),
    ("2천336", 2336), ("3천384", 3384), ("1억2천만", 120_000_000), ("4조", 4_000_000_000_000), ("9.1", 9.1),
    ("1,234,567", 1_234_567), ("50억원", None), ("만", None), ("", None),
]


@pytest.mark.parametrize("text, value", FORMS)
def test_written_forms(text, value):
    assert parse_number(text) == value


SPANS = [
    ("소상공인 1만2천500명에게", ("count", 12500, "명", False)),
    ("국비예산은 2조5천379억원으로", ("money", 2_537_900_000_000, "원", False)),
    ("2000여 건의 문자", ("count", 2000, "건", True)),
    ("전 세계 10억9천만명이", ("count", 1_090_000_000, "명", False)),
    ("질문 1,436개와", ("count", 1436, "개", False)),
    ("85.8%의 찬성", ("percent", 85.8, "%", False)),
    ("사업비 2억 7,500만 원을", ("money", 275_000_000, "원", False)),
    ("65억 연계", ("money", 6_500_000_000, "원", False)),
    ("7억회 이상 노출", ("count", 700_000_000, "회", True)),
    ("약 30곳을", ("count", 30, "곳", True)),
    ("67.5점에서", ("score", 67.5, "점", False)),
    ("전국 1위를", ("rank", 1, "위", False)),
    ("독자 1만 2,160명의 설문", ("count", 12160, "명", False)),  # a spaced lower group after 만 is part of it
    ("1만 2천 명이", ("count", 12000, "명", False)),
    ("3천384세대를", ("count", 3384, "세대", False)),
    ("1천개 이상", ("count", 1000, "개", True)),
    ("100만 달러", ("money", 1_000_000, "달러", False)),
    ("투표 용지 200매를", ("count", 200, "매", False)),  # sheets
    ("닭발집 1곳서 결제", ("count", 1, "곳", False)),  # 서: 에서 said short in a headline
    ("겨울이불 700채를 전달하고", ("count", 700, "채", False)),  # bedding and houses
    ("제3채무자 1명의 진술", ("count", 1, "명", False)),  # 채무 after a number is no 채
    ("3채널로 방송된 2건", ("count", 2, "건", False)),
    # a number opening on a bare magnitude word, as broadcast style writes it
    ("사업비 천 2백만 원을 확보했다", ("money", 12_000_000, "원", False)),
    ("일자리 만 3천여 개가 생겼다", ("count", 13000, "개", True)),
    ("성금 천만 원을 기탁했다", ("money", 10_000_000, "원", False)),
    ("매일 만 원씩 모았다", ("money", 10000, "원", False)),
]


@pytest.mark.parametrize("text, expected", SPANS)
def test_spans_carry_value_unit_and_approx(text, expected):
    spans = [s for s in find_spans(text) if s.value is not None]
    assert len(spans) == 1
    s = spans[0]
    assert (s.kind, s.value, s.unit, s.approx) == expected


def test_a_range_keeps_both_ends():
    (span,) = find_spans("감정시세 최고 70~80%까지")
    assert (span.kind, span.value, span.value_max, span.unit) == ("percent", 70, 80, "%")


@pytest.mark.parametrize("sentence, text, low, high", [
    ("지원단가는 ha당 120~200만 원이다.", "120~200만 원", 1_200_000, 2_000_000),  # the low end shares 만
    ("기업당 1~5천만 원을 지원한다.", "1~5천만 원", 10_000_000, 50_000_000),
    ("규모에 따라 2000만원~1억원의 지원금을 준다.", "2000만원~1억원", 20_000_000, 100_000_000),  # unit on both ends
    ("생산량의 15%~30%를 차지한다.", "15%~30%", 15, 30),
    ("㎡당 2,055,000원 ~ 2,525,000원의 가격이다.", "2,055,000원 ~ 2,525,000원", 2_055_000, 2_525_000),
])
def test_a_range_reads_both_ends_in_one_magnitude_and_unit(sentence, text, low, high):
    (span,) = find_spans(sentence)
    assert (span.text, span.value, span.value_max) == (text, low, high)


def test_a_range_end_with_its_own_magnitude_keeps_what_it_says():
    (span,) = find_spans("사업비는 5억~10억 원이다.")
    assert (span.value, span.value_max) == (500_000_000, 1_000_000_000)
    (span,) = find_spans("단가는 3천~5천만 원이다.")  # 3천 stops short of the 만 both ends share
    assert (span.value, span.value_max) == (30_000_000, 50_000_000)
    (span,) = find_spans("사업비는 2억5천~3억 원이다.")
    assert (span.value, span.value_max) == (250_000_000, 300_000_000)


@pytest.mark.parametrize("text", [
    "제28회 한국지방자치경영대상", "코로나19 대응", "5·18 민주화운동", "금호1동 행정복지센터", "2020년 12월 27일",
    "6개월 만에", "48시간 내에", "3년간 운영", "28년 만에", "도시철도 2호선", "4차 산업혁명", "5G 기반", "119안전지도",
    "1644-7990", "2025.10.16", "첨단3지구", "3·1운동", "2019광주세계수영대회", "4~6학년", "오후 3시",
    "2019대한민국 혁신대상",
    # an edition of a supplementary budget, generations in a household, a diplomat's rank
    "1회 추경 대비 늘어난", "3세대 동거 가구를 대상으로", "주한 대사관 1등서기관",
    # a magnitude word inside a word, glued to a name, or naming a unit of account is no number
    "수천만 원을 들였다", "섬주민 천원여객선 도입", "결제 금액이 만원 단위로 떨어진다", "3년 만 3개월 만이다",
])
def test_not_claim_values(text):
    assert [s for s in find_spans(text) if s.value is not None and s.kind != "rank"] == []


def korean(n: int, style: int) -> str:
    """Write a non-negative integer in one of several Korean styles (independent of the parser)."""
    if n == 0:
        return "0"
    parts = []
    for name, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        if n >= size:
            group, n = divmod(n, size)
            parts.append(_group(group, style) + name)
    if n:
        # after 조/억 a final "5천" reads as the shorthand 5천만/5천억, so write such a group in digits
        ambiguous = style == 1 and parts and n % 1000 == 0 and not parts[-1].endswith("만")
        parts.append(str(n) if ambiguous else _group(n, style))
    return (" " if style == 2 else "").join(parts)


def _group(n: int, style: int) -> str:
    """Write 1..9999 as digits, with a comma, or with 천/백."""
    if style == 0:
        return str(n)
    if style == 2:
        return f"{n:,}"
    thousands, rest = divmod(n, 1000)
    return (f"{thousands}천" if thousands else "") + (str(rest) if rest else "")


@given(st.integers(min_value=1, max_value=10**15), st.integers(min_value=0, max_value=2))
def test_round_trip(n, style):
    assert parse_number(korean(n, style)) == n


@given(st.integers(min_value=1, max_value=10**13), st.sampled_from(["명", "건", "원", "곳", "개"]))
def test_spans_round_trip_in_a_sentence(n, unit):
    text = f"광산구는 올해 {korean(n, 1)}{unit}을 기록했다."
    spans = [s for s in find_spans(text) if s.value is not None]
    assert len(spans) == 1 and spans[0].value == n and spans[0].unit == unit


def test_the_bounds_of_a_distributions_categories_are_not_values_their_shares_are():
    spans = find_spans("소득은 ▲100만 원 미만 26.0% ▲100만~200만 원 19.7% ▲500만 원 이상 8.6% 등으로 집계됐다.")
    assert [s.text for s in spans] == ["26.0%", "19.7%", "8.6%"]


def test_full_width_digits_are_read_as_numbers():
    """Digits typed with an East Asian input method (군비 ９억 원, 1％대) are the same numbers once cleaned."""
    from tui.pipeline.claims import find_spans
    from tui.pipeline.clean import normalize

    text = normalize("농민 몫은 지킨다! 군비 ９억 원 추가 투입, 실업률은 1％대로 하락")
    assert "９" not in text and "％" not in text
    values = {(s.kind, s.value) for s in find_spans(text)}
    assert ("money", 900_000_000) in values
    assert ("percent", 1) in values


def test_a_last_line_ending_in_a_full_width_stop_is_kept_as_prose():
    """A closing line typed with full-width punctuation (누적 확진자는 총 5118명, 사망자는 51명이다．) ends a
    sentence like any other: it is kept in the article and its counts are found."""
    from tui.pipeline.clean import clean_page, normalize
    from tui.pipeline.kiwi import get_kiwi

    raw = ("시, 돌봄지원금 긴급 편성\n\n시는 어린이집 집단감염에 따른 돌봄 공백을 메우려 지원금을 긴급 편성하기로 했다.\n"
           "가정방문 아이돌봄 서비스와 놀이키트 대여도 지원한다고 시 관계자가 밝혔다.\n"
           "시의 누적 확진자는 총 5118명，사망자는 51명이다．")
    assert normalize(raw).endswith("51명이다.") and "，" not in normalize(raw)
    body = " ".join(p.text for p in clean_page(raw, get_kiwi()).paras if p.kind == "body")
    assert "51명이다." in body
    values = {s.text for s in find_spans(body)}
    assert {"5118명", "51명"} <= values


def test_a_magnitude_in_hanja_after_digits_is_read_as_its_hangul_word():
    """Headlines write 37兆, 5億: the same sums as 37조, 5억 once cleaned, offsets kept."""
    from tui.pipeline.claims import find_spans
    from tui.pipeline.clean import normalize

    raw = "부산에 12兆 투자 유치, 국비 5億 확보"
    text = normalize(raw)
    assert len(text) == len(raw) and "兆" not in text
    assert {(s.kind, s.value) for s in find_spans(text)} >= {("money", 12e12), ("money", 5e8)}
    assert normalize("兆 단위 예산") == "兆 단위 예산"  # not after a digit: a word, left as written
