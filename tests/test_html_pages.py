"""Site HTML: the extractor's main text, headline, date and URL, the fallbacks, and the measure on the real pages
of ../shared/corpus/html (skipped when it is absent)."""

import json
import sys
from pathlib import Path

import pytest

from tui.pipeline.html import choose_title, extract_page
from tui.pipeline.process import process_file
from tui.pipeline.read import InputError, decode, read_file

HERE = Path(__file__).resolve().parent
PARAGRAPHS = "".join(
    f"<p>광산구는 올해 {n}번째 주민 참여 사업을 마무리하고 사업비 {n}억 원을 들여 마을 도서관과 쉼터를 새로 지었다고 밝혔다.</p>"
    for n in range(1, 6))
CHROME = "<nav><ul><li>홈</li><li>자치행정</li><li>문화관광</li></ul></nav>"
RELATED = "<div class='related'><h3>많이 본 뉴스</h3><ul><li><a href='/1'>다른 기사 제목 하나</a></li></ul></div>"


def page(title="광산구, 주민 참여 사업 마무리 - 광주일보", heading="광산구, 주민 참여 사업 마무리", body=PARAGRAPHS,
         head_extra="", after=RELATED) -> str:
    """Return a small news page: menu, headline, article, related list and footer."""
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>"
            "<meta property='og:site_name' content='광주일보'>"
            "<link rel='canonical' href='https://news.example.kr/article/123'>"
            f"<meta property='article:published_time' content='2025-03-04T09:00:00+09:00'>{head_extra}</head>"
            f"<body>{CHROME}<div id='content'><article><h1>{heading}</h1>"
            f"<div class='byline'>김기자 기자</div>{body}</article>{after}</div>"
            "<footer>광주광역시 동구 금남로 1 · Copyright 광주일보 All rights reserved.</footer></body></html>")


def test_the_extractor_keeps_the_article_and_drops_menus_lists_and_footer():
    found = extract_page(page())
    assert found.method == "trafilatura"
    assert "마을 도서관과 쉼터" in found.text and found.text.count("밝혔다.") == 5
    for chrome in ("자치행정", "다른 기사 제목 하나", "금남로", "All rights reserved"):
        assert chrome not in found.text
    assert found.meta["title"] == "광산구, 주민 참여 사업 마무리"
    assert found.meta["date"] == "2025-03-04"
    assert found.meta["url"] == "https://news.example.kr/article/123"


def test_a_page_becomes_one_article_with_the_pages_fields(tmp_path):
    path = tmp_path / "article.html"
    path.write_text(page(), encoding="utf-8")
    result = process_file(str(path))
    assert result.error is None and len(result.articles) == 1
    article = result.articles[0].article
    assert article.title == "광산구, 주민 참여 사업 마무리"
    assert article.published == "2025-03-04"
    assert article.url == "https://news.example.kr/article/123"
    assert "주민 참여 사업" in article.body and "자치행정" not in article.body


@pytest.mark.parametrize(("raw", "headings", "outlet", "keywords", "expected"), [
    ("광산구, 주민 참여 사업 마무리 - 광주일보", [], "광주일보", None, "광산구, 주민 참여 사업 마무리"),
    ("광산구, 주민 참여 사업 마무리-정치ㅣ광주일보", [], "광주일보", None, "광산구, 주민 참여 사업 마무리"),
    ("광산구, 주민 참여 사업 마무리, 광산구, 광주 광산구", [], None, "광산구, 광주 광산구",
     "광산구, 주민 참여 사업 마무리"),
    ("광산구, 주민 참여 사업 마무리 < 보도자료 < 열린구정", ["광산구, 주민 참여 사업 마무리"], None, None,
     "광산구, 주민 참여 사업 마무리"),
    # the heading and the title tag bracket an edition mark differently: one title, as the page heading shows it
    ("광산구, 주민 참여 사업 마무리[2보]", ["광산구, 주민 참여 사업 마무리(2보)"], None, None,
     "광산구, 주민 참여 사업 마무리(2보)"),
    # a keyword list that repeats the title's own last words is not cut from it (one keyword is no list)
    ("광산구-서구, 주민 참여 사업 마무리", [], None, "광산구-서구, 주민 참여 사업 마무리", "광산구-서구, 주민 참여 사업 마무리"),
])
def test_the_headline_loses_what_sites_append_to_titles(raw, headings, outlet, keywords, expected):
    text = f"{expected}\n광산구는 올해 주민 참여 사업을 모두 마무리하고 마을 도서관과 쉼터를 새로 지었다고 밝혔다."
    assert choose_title(raw, headings, text, outlet, keywords) == (expected, True)


def test_a_board_name_title_gives_way_to_the_heading_the_text_opens_with():
    text = ("보도자료\n광산구, 주민 참여 사업 마무리\n등록일 2025-03-04\n"
            "광산구는 올해 주민 참여 사업을 모두 마무리하고 마을 도서관과 쉼터를 새로 지었다고 밝혔다.")
    title, found = choose_title("알림마당>구정소식>보도자료", ["보도자료", "광산구, 주민 참여 사업 마무리"], text, None)
    assert (title, found) == ("광산구, 주민 참여 사업 마무리", True)


def test_a_section_label_above_a_listed_headline_is_not_the_headline():
    text = ("광산일보 주요뉴스\n- 광산구, 주민 참여 사업 마무리\n기사입력 : 2025-03-04\n"
            "광산구는 올해 주민 참여 사업을 모두 마무리하고 마을 도서관과 쉼터를 새로 지었다고 밝혔다.")
    title, found = choose_title("광산일보", ["광산일보", "광산일보 주요뉴스"], text, "광산일보")
    assert (title, found) == ("광산구, 주민 참여 사업 마무리", True)


def test_a_list_page_holds_no_article_and_says_so(tmp_path):
    items = "".join(f"<li><a href='/view/{n}'>광산구 소식 {n}번째 제목입니다</a> 2025-03-0{n}</li>" for n in range(1, 9))
    markup = (f"<html><head><title>보도자료</title></head><body>{CHROME}<div id='content'><h2>보도자료</h2>"
              f"<ul class='board_list'>{items}</ul></div></body></html>")
    path = tmp_path / "list.html"
    path.write_text(markup, encoding="utf-8")
    with pytest.raises(InputError, match="holds no article: a list, board or section page"):
        read_file(path)


def test_article_html_kept_only_in_a_script_is_found():
    inner = PARAGRAPHS.replace('"', '\\"')
    script = ('<script>self.__data = {"detail": {"title": "광산구 소식", "contentHtml": "'
              + inner.replace("<", "\\u003c").replace(">", "\\u003e") + '"}}</script>')
    markup = ("<html><head><title>광산구, 주민 참여 사업 마무리ㅣ광주일보</title>"
              "<meta name='headline' content='광산구, 주민 참여 사업 마무리'></head>"
              f"<body><div id='root'></div>{script}</body></html>")
    found = extract_page(markup)
    assert found.method == "script"
    assert found.text.count("밝혔다.") == 5
    assert found.meta["title"] == "광산구, 주민 참여 사업 마무리"


def test_lines_the_extractor_skips_between_kept_ones_are_put_back():
    body = PARAGRAPHS[:PARAGRAPHS.index("</p>") + 4] + "<div class='subhead'>마을 도서관 세 곳 새로 열어</div>" \
        + PARAGRAPHS[PARAGRAPHS.index("</p>") + 4:]
    found = extract_page(page(body=body))
    lines = found.text.splitlines()
    assert "마을 도서관 세 곳 새로 열어" in lines
    assert lines.index("마을 도서관 세 곳 새로 열어") == 1 + lines.index(next(x for x in lines if "1번째" in x))


def test_a_fetch_record_beside_a_page_gives_its_url_and_charset(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(page(head_extra="").replace("charset='utf-8'", "").encode("cp949"))
    path.with_suffix(".meta").write_text(json.dumps({
        "url": "http://example.kr/a", "final_url": "https://example.kr/news/1", "charset_declared": "euc-kr",
        "charset_used": "cp949"}), encoding="utf-8")
    doc = read_file(path)[0]
    assert doc.encoding == "cp949" and doc.meta["url"] == "https://example.kr/news/1"


def test_a_wrong_declared_charset_does_not_win_over_the_bytes():
    korean = "광산구는 올해 주민 참여 사업을 모두 마무리했다."
    assert decode(korean.encode("utf-8"), declared="euc-kr") == (korean, "utf-8")
    assert decode(korean.encode("cp949"), declared="utf-8") == (korean, "cp949")
    assert decode(korean.encode("cp949"), declared="no-such-charset") == (korean, "cp949")


# --------------------------------------------------------------------------- the real pages

@pytest.mark.corpus
def test_real_pages_meet_the_target_and_beat_the_old_reader(shared_corpus):
    pages = shared_corpus / "html"
    if not pages.is_dir():
        pytest.skip("the real pages (../shared/corpus/html) are not present")
    sys.path.insert(0, str(HERE))
    import html_eval

    extractor = html_eval.summary(html_eval.evaluate("extractor", pages))
    reader = html_eval.summary(html_eval.evaluate("reader", pages))
    assert extractor["pages"] == 17
    assert extractor["right"] >= 16  # the target: headline, body, no chrome and date right
    assert extractor["headline right"] >= 16
    assert extractor["chrome strings left"] <= reader["chrome strings left"]
    assert extractor["body paragraphs kept"] >= reader["body paragraphs kept"]


def test_paragraphs_the_extractor_runs_together_are_split_where_the_page_breaks_them():
    from tui.pipeline.html import resplit

    paragraphs = [f"광산구는 올해 {n}번째 주민 참여 사업을 마무리하고 마을 도서관과 쉼터를 새로 지었다고 밝혔다. "
                  "주민 300명이 참여했고 사업비는 모두 5억 원이 들었다." * 2 for n in range(1, 5)]
    visible = "\n".join(["광산구 소식", paragraphs[0], paragraphs[1], "사진 설명: 새로 지은 마을 도서관",
                         paragraphs[2], paragraphs[3], "많이 본 뉴스"])
    run_together = " ".join(paragraphs)
    assert resplit(f"제목 줄\n{run_together}", visible).splitlines() == ["제목 줄", *paragraphs]
    # a line the page itself writes as one stays one
    assert resplit(paragraphs[0], visible) == paragraphs[0]


def test_a_long_run_of_prose_is_not_chrome_for_one_copyright_sign_inside():
    from tui.pipeline.clean import classify_line

    prose = "광산구는 올해 주민 참여 사업을 마무리했다. " * 20
    assert classify_line(prose + "<저작권자 © 광주일보, 무단전재 및 재배포 금지>") == "text"
    assert classify_line("<저작권자 © 광주일보, 무단전재 및 재배포 금지>") == "chrome"


@pytest.mark.parametrize("line", ["[빛고을일보 페이스북에서 무엇이든 물어보세요 클릭!!!]", "[네이버 메인에서 빛고을일보 구독하기]",
                                  "【기사제보 바로가기】"])
def test_a_bracketed_call_to_action_is_chrome(line):
    from tui.pipeline.clean import classify_line

    assert classify_line(line) == "chrome"
    assert classify_line("[단독] 광산구, 클릭 한 번으로 민원 처리") == "text"  # a headline that says 클릭


def test_a_reporters_address_glued_to_the_last_paragraph_leaves_the_paragraph_whole():
    from tui.pipeline.clean import clean_page
    from tui.pipeline.kiwi import get_kiwi

    text = ("광산구가 마을 도서관을 새로 지었다. 주민 300명이 참여했다.\n"
            "구는 내년에도 사업을 이어갈 계획이라며 주민 참여가 더 늘기를 바란다고 말했다. /kim@bitgoeul.example\n"
            "[빛고을일보 페이스북에서 무엇이든 물어보세요 클릭!!!]")
    paras = [p.text for p in clean_page(text, get_kiwi()).paras]
    assert paras[-1].endswith("말했다.") and not any("@" in p or "클릭" in p for p in paras)


def test_a_portal_page_takes_its_outlet_from_the_authors_and_keeps_it_out_of_the_reporter(tmp_path):
    markup = page(title="광산구, 주민 참여 사업 마무리", head_extra="<meta name='author' content='뉴시스; 포털'>"
                  ).replace("content='광주일보'", "content='포털 뉴스'")
    path = tmp_path / "portal.html"
    path.write_text(markup, encoding="utf-8")
    article = process_file(str(path)).articles[0].article
    assert article.outlet == "뉴시스"  # a known outlet (data/outlets.csv) among the authors
    assert article.reporter is None
