"""Hypothesis: cleaning never raises, and never drops a declarative sentence of a clean body."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.pipeline.clean import clean_page
from tui.pipeline.kiwi import get_kiwi
from tui.pipeline.split import split_page

SUBJECTS = ["광산구는", "서구는", "광주시는", "시민들은", "구청은", "위원회는", "센터는"]
OBJECTS = ["사업을", "예산을", "정책을", "행사를", "협약을", "센터를", "계획을"]
VERBS = ["추진했다.", "확보했다.", "마련했다.", "운영했다.", "발표했다.", "체결했다.", "개최했다."]
CHROME = ["뉴스", "기사 스크랩", "공유", "댓글", "프린트", "가장 많이본 뉴스", "Copyright ⓒ 광주일보",
          "무단 전재 및 재배포금지", "google.com, pub-1234567890, DIRECT, f08c47fec0942fa0", "-"]


@st.composite
def sentence(draw):
    number = draw(st.integers(1, 99999))
    counter = draw(st.sampled_from(["명", "건", "억원", "곳", "%"]))
    return (f"{draw(st.sampled_from(SUBJECTS))} 올해 {number:,}{counter} 규모의 {{marker}} "
            f"{draw(st.sampled_from(OBJECTS))} 새로 {draw(st.sampled_from(VERBS))}")


@st.composite
def page(draw):
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=2, max_size=4), min_size=1, max_size=6))
    lines, sentences = [], []
    for i, para in enumerate(paragraphs):
        para = [s.replace("{marker}", f"{i}-{j}번째") for j, s in enumerate(para)]  # unique sentences
        sentences.extend(para)
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(CHROME)))
        lines.append(" ".join(para))
        lines.append("" if draw(st.booleans()) else "\n")
    return "\n".join(["제목 줄이다", ""] + lines), sentences


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_clean_never_drops_a_declarative_sentence(generated):
    text, sentences = generated
    cleaned = clean_page(text, get_kiwi())
    kept = " ".join(p.text for p in cleaned.paras)
    for s in sentences:
        assert s in kept
    articles, _ = split_page(cleaned)
    bodies = " ".join(a.body for a in articles)
    for s in sentences:
        assert s in bodies


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_clean_and_split_never_raise_on_arbitrary_text(text):
    cleaned = clean_page(text, get_kiwi())
    split_page(cleaned)
    assert not re.search(r"[\x00-\x08\x1b\x7f]", " ".join(p.text for p in cleaned.paras))


def test_short_heading_lines_of_a_double_spaced_release_are_not_glued_to_its_lead():
    text = ("“바다 열차 타고 보성 오세요”\n\n"
            "남해안 관광열차 수도권 관광객 초청 행사 마쳐\n\n"
            "여행업계 종사자들 이틀간 보성 녹차밭 체험\n\n"
            "보성군문화재단이 철도공사와 함께 연 ‘남해안 관광열차 수도권 관광객 초청 행사’가 수도권 여행사 직원 등 "
            "관광 분야 종사자 40여명이 참여한 가운데 지난 5일 마무리됐다.\n\n"
            "이번 행사는 관광열차 보성역 정차에 맞춰 수도권 관광객 유치 기반을 넓히려고 마련했다.\n")
    paras = [p.text for p in clean_page(text, get_kiwi()).paras]
    assert paras[:3] == ["“바다 열차 타고 보성 오세요”", "남해안 관광열차 수도권 관광객 초청 행사 마쳐",
                         "여행업계 종사자들 이틀간 보성 녹차밭 체험"]
    assert paras[3].startswith("보성군문화재단이")


def test_a_portal_byline_of_a_name_and_a_time_is_the_date_line():
    from tui.pipeline.clean import classify_line

    assert classify_line("김민수  2023. 11. 1. 09:00") == "date"
    assert classify_line("올해 2023.1.1 시행된 제도는 주민 반응이 좋았다고 밝혔다") == "text"


def test_a_page_cut_off_mid_sentence_keeps_its_last_line_and_a_trailing_headline_is_not_body():
    lead = ("군은 올해 농촌 체험 관광객이 지난해보다 크게 늘었다고 밝혔다.\n\n"
            "체험 마을 12곳이 새로 문을 열었고 주말마다 방문객이 몰렸다.\n\n")
    for cut in ("출산율도 전국에서 가장 높은 상승세를 보였다. 출생아 수는 전년 대비 11.6% 증가하며 전국 1위를",
                # shorter than a headline can run, but with the particles a headline leaves out
                "특히 2010년 선정된 체험 마을 사업은 올해부터 1억 원씩 3년간 예산을 지원 받아 체험"):
        articles, _ = split_page(clean_page("농촌 체험 관광객 크게 늘어\n\n" + lead + cut + "\n", get_kiwi()))
        assert cut in articles[0].body
    for tail in ("다른 군도 체험 마을 늘려", "광주시, 2025년 청년 일자리 사업 설명회 개최…참여자 모집 나서 지역 청년들 관심 집중"):
        articles, _ = split_page(clean_page("농촌 체험 관광객 크게 늘어\n\n" + lead + tail + "\n", get_kiwi()))
        assert tail not in articles[0].body  # a headline left at the foot of the page, not prose


def test_a_style_sheet_or_script_left_in_a_pages_text_is_chrome():
    from tui.pipeline.clean import classify_line

    text = ("시는 올해 청년 일자리 1200개를 만들었다고 밝혔다.\n"
            ".news_box{position:relative;width:100%;height:350px}.news_box>iframe{position:absolute;top:0}\n"
            "window.addEventListener('load', function(){ document.querySelector('.ad').remove(); });\n"
            "이는 지난해보다 20% 늘어난 것이다.\n")
    paras = [p.text for p in clean_page(text, get_kiwi()).paras]
    assert not [p for p in paras if "{" in p or "function" in p]
    assert any("1200개" in p for p in paras) and any("20%" in p for p in paras)
    # prose that holds braces or a colon is no code
    assert classify_line("군은 {청년:창업} 공모 결과 5곳을 선정했다고 밝혔다.") == "text"


def test_a_deck_printed_again_at_the_start_of_the_body_is_kept_once():
    deck = "금액 구간 신설…공제율 44%로 인상"
    body = "충주시가 고향사랑기부금 세액공제율을 44%로 올린다고 밝혔다. 시는 올해 기부 목표를 20억 원으로 잡았다."
    paras = [p.text for p in clean_page(f"충주시, 기부금 확대\n\n{deck}\n{deck} {body}\n", get_kiwi()).paras]
    assert paras.count(deck) == 1 and body in paras and not any(p.startswith(deck + " ") for p in paras)
    # a paragraph that only opens with the same words as a short line before it, with no space after them, stays
    other = "2026년 업무계획"
    paras = [p.text for p in clean_page(f"{other}\n{other}을 발표했다. 시는 올해 예산을 늘렸다고 설명했다.\n",
                                         get_kiwi()).paras]
    assert any(p.startswith(other + "을") for p in paras)


def test_a_broadcast_transcript_is_one_article_with_its_anchors_hand_off_and_no_section_marks():
    page = ("강원도, 국비 9조 원 시대\n[KBS 강릉] [앵커]\n강원도가 내년에 국비 9조 원 시대를 맞게 됐습니다.\n"
            "사상 최대 규모인데요.\n김철수 기자의 보도입니다.\n[리포트]\n내년 정부 예산은 639조 원.\n"
            "이 가운데 강원도 몫은 9조 원입니다.\n강원도의 올해 국비 확보액보다 11% 증가했습니다.\n")
    articles, _ = split_page(clean_page(page, get_kiwi()))
    assert len(articles) == 1 and articles[0].title == "강원도, 국비 9조 원 시대"
    assert "[리포트]" not in articles[0].body and "[앵커]" not in articles[0].deck
    assert "김철수 기자의 보도입니다." in articles[0].body  # a short polite sentence is prose, not a headline


def test_a_list_of_items_opened_by_marks_between_an_articles_paragraphs_is_not_a_new_article():
    page = ("원주시, 한 해 43개 기관 표창\n\n원주시는 지난 한 해 동안 43개의 기관 표창을 받았다고 밝혔다.\n\n"
            "주요 수상 분야는 다음과 같다.\n\n∘ 경제·문화: 지역노사민정협력 최우수상(고용노동부장관)\n\n"
            "∘ 보건·복지: 코로나19 대응 유공 기관(강원도지사)\n\n"
            "이 외에도 청렴도 평가에서 2등급을 받았다. 시는 앞으로도 시정 혁신에 힘쓰겠다고 밝혔다.\n")
    articles, _ = split_page(clean_page(page, get_kiwi()))
    assert len(articles) == 1 and "∘ 보건·복지" in articles[0].body and "청렴도 평가" in articles[0].body


def test_a_sentence_that_opens_with_a_date_is_prose_not_the_pages_date_line():
    """A short paragraph that opens with a date and ends a sentence (`1973년 3월 31일 도쿄에서 숨졌다.`) was read as the
    page's date line: dropped from the body, and its date taken for the article's."""
    from tui.pipeline.clean import classify_line
    assert classify_line("1973년 3월 31일 도쿄에서 노환으로 숨졌다.") == "text"
    assert classify_line("2010년 1월 26일에도 비슷한 형태의 대화가 나타납니다.") == "text"
    assert classify_line("1976년 8월 18일 전까지는 말이죠.") == "text"
    assert classify_line("입력 2024.01.01 09:00") == "date"
    assert classify_line("2024년 7월 10일.") == "date"
    assert classify_line("기사입력 2024년 3월 5일 오후 2시") == "date"


def test_a_sentence_that_opens_with_a_video_sites_name_is_body_and_its_widget_line_is_chrome():
    """data/chrome.csv drops a video site's widget (유튜브 구독하기, Shorts), not a paragraph that opens with the site's
    name: such paragraphs (a channel's subscribers, a video it posted) were lost whole, with their figures."""
    from tui.pipeline.clean import classify_line
    assert classify_line("유튜브 채널 구독자 117만명의 과학 커뮤니케이터가 시민을 상대로 특강을 한다. 전날 강연도 연다.") == "text"
    assert classify_line("유튜브 라이브 방송은 진행자 없이 해가 뜨는 모습을 그대로 보여 줄 예정이다.") == "text"
    assert classify_line("YouTube 구독하기") == "chrome"
    assert classify_line("Shorts") == "chrome"
