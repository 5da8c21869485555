"""Reading files: encodings, HTML, CSV and JSON records, and clear reasons for bad input."""

import codecs
import json

import pytest

from tui.pipeline.read import (
    InputError,
    decode,
    detect_columns,
    html_to_text,
    parse_mapping,
    read_file,
)

KOREAN = "광산구가 성과집을 발간했다. 소상공인 1만2천500명에게 30만원을 지급했다."


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp949", "cp949"), ("euc-kr", "cp949"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_decode_detects_and_records_the_encoding(encoding, expected):
    text, name = decode(KOREAN.encode(encoding))
    assert text.lstrip("\ufeff") == KOREAN
    assert name == expected


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"%PDF-1.4 binary", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"abc\x00\x01\x02\x00\xff\xfe\x00\x00binary", "binary"),
    (bytes(range(128, 256)) * 40, "undecodable"),
])
def test_decode_rejects_bad_bytes_with_a_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_cp949_file_reads_as_korean(tmp_path):
    path = tmp_path / "기사.txt"
    path.write_bytes(KOREAN.encode("cp949"))
    docs = read_file(path)
    assert docs[0].text == KOREAN and docs[0].encoding == "cp949"


def test_html_drops_scripts_and_navigation_and_keeps_meta():
    markup = """<html><head><title>페이지</title><meta property="og:title" content="광산구, 성과집 발간">
    <meta property="article:published_time" content="2020-07-08T19:59:50+09:00"></head>
    <body><nav>뉴스 기획 지역</nav><script>var x = '광고';</script>
    <article><h1>광산구, 성과집 발간</h1><p>광산구가 성과집을 발간했다.</p><p>두 번째 문단이다.</p></article>
    <footer>Copyright</footer></body></html>"""
    text, meta = html_to_text(markup)
    assert "광산구가 성과집을 발간했다." in text.splitlines()
    assert "광고" not in text and "뉴스 기획" not in text and "Copyright" not in text
    assert meta["title"] == "광산구, 성과집 발간" and meta["date"].startswith("2020-07-08")


def test_csv_columns_are_detected_by_name(tmp_path):
    path = tmp_path / "releases.csv"
    path.write_text("id,title,content,source,published_at\n1,제목,\"본문 첫 줄이다.\n둘째 줄이다.\",고흥군,2025-12-13\n",
                    encoding="utf-8-sig")
    docs = read_file(path)
    assert len(docs) == 1 and docs[0].structured
    assert docs[0].text.startswith("본문 첫 줄이다.")
    assert docs[0].meta == {"title": "제목", "source": "고흥군", "date": "2025-12-13"}


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_csv_rows_may_end_in_any_newline(tmp_path, newline):
    """Old spreadsheet exports end rows in a lone CR; the quoted body keeps its own line break."""
    path = tmp_path / "releases.csv"
    rows = ["title,content,source", '제목1,"첫 줄이다.\n둘째 줄이다.",고흥군', "제목2,본문이다.,광산구"]
    path.write_bytes(newline.join(rows).encode("utf-8") + newline.encode())
    docs = read_file(path)
    assert [d.meta["title"] for d in docs] == ["제목1", "제목2"]
    assert docs[0].text == "첫 줄이다.\n둘째 줄이다." and docs[1].meta["source"] == "광산구"


@pytest.mark.parametrize("data", [b"\r\x01", b'"unclosed header\r\x01', b"a,b\r\x01\r\n\"x"])
def test_csv_with_stray_carriage_returns_is_refused_with_a_reason_not_a_crash(tmp_path, data):
    """Found by the fuzz test: a lone CR in a CSV header raised csv.Error out of the reader."""
    path = tmp_path / "junk.csv"
    path.write_bytes(data)
    try:
        docs = read_file(path)
    except InputError as err:
        assert str(err)
    else:
        assert docs == []


def test_csv_without_body_column_is_refused_naming_the_columns(tmp_path):
    path = tmp_path / "no_body.csv"
    path.write_text("id,headline,when\n1,제목,2025-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="no body column.*headline"):
        read_file(path)


def test_map_option_overrides_detection(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("head,txt\n제목,광산구가 성과집을 발간했다.\n", encoding="utf-8")
    docs = read_file(path, mapping=parse_mapping("body=txt,title=head"))
    assert docs[0].meta["title"] == "제목" and docs[0].text == "광산구가 성과집을 발간했다."


def test_parse_mapping_rejects_unknown_fields():
    with pytest.raises(ValueError, match="unknown field"):
        parse_mapping("bodyy=x")
    assert parse_mapping("source=") == {"source": ""}


def test_json_array_and_json_lines(tmp_path):
    records = [{"title": "가", "content": "첫 기사 본문이다."}, {"title": "나", "content": "둘째 기사 본문이다."}]
    array = tmp_path / "a.json"
    array.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    lines = tmp_path / "b.jsonl"
    lines.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    assert [d.meta["title"] for d in read_file(array)] == ["가", "나"]
    assert [d.text for d in read_file(lines)] == ["첫 기사 본문이다.", "둘째 기사 본문이다."]


def test_broken_json_lines_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"content": "좋다."}\n{"content": \n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_file(path)


def test_detect_columns_prefers_known_names():
    fields = detect_columns(["id", "title", "content", "ai_summary", "original_link", "source", "published_at"])
    assert fields == {"body": "content", "title": "title", "date": "published_at", "source": "source",
                      "url": "original_link"}


def test_unsupported_extension_is_refused(tmp_path):
    path = tmp_path / "x.docx"
    path.write_bytes(codecs.BOM_UTF8 + "가".encode())
    with pytest.raises(InputError, match="unsupported"):
        read_file(path)


def test_a_record_title_that_starts_with_a_date_and_a_body_with_chrome_above_its_headline(tmp_path):
    """A board scraped into a CSV: the title cell reads '2025-12-15⏎⏎headline' and the body starts with the
    site's breadcrumb, then the headline again, then the release. The headline is the title (its prize is a
    title claim), and what stands above the headline in the body is the site's."""
    import csv

    from tui.pipeline.process import analyze_docs

    headline = "완도군, 도 주관 자원봉사 평가에서 ‘우수상’ 수상"
    body = (f"보도자료 상세\nHome\n군정정보  새소식  보도자료  보도자료 상세  공유 인쇄/페이지출력\n{headline}\n"
            "완도군은 지난 10일 열린 ‘2025 우수 시군 자원봉사 평가’에서 우수상을 수상했다.\n"
            "이번 평가는 전라남도 22개 시군이 참여한 가운데 진행됐다.")
    path = tmp_path / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["title", "content", "source", "published_at"],
                                      [f"2025-12-15\n\n{headline}", body, "완도군", "2025-12-15"]])
    (result,), _ = analyze_docs(read_file(path))
    assert result.article.title == headline
    assert result.article.body.startswith("완도군은 지난 10일")
    assert [c.zone for c in result.claims if any(s.kind == "award" for s in c.spans)] == ["title", "body"]


def test_a_copy_behind_a_menu_line_of_any_length_is_the_same_text():
    """The copy check compares runs of letters at every position: a copy with a menu line of an odd number of
    letters in front of it (which shifted every sampled run) is still the same text."""
    from tui.pipeline.process import same_text, text_shingles

    release = ("해남군이 10일 전남도청에서 열린 2025 자원봉사자 대회에서 2년 연속 최우수 자원봉사센터로 선정되어 "
               "최우수상을 수상했다. 전라남도는 매년 자원봉사자의 노고를 격려하고 권익 향상을 위해 대회를 연다.")
    for menu in ("보도자료\n", "보도자료 홈\n", "Home 소통해남 > 군정뉴스 > 보도자료\n"):
        assert same_text(text_shingles(release), text_shingles(menu + release))
    assert not same_text(text_shingles(release), text_shingles("해남군은 올해 국비 500억원을 확보했다. " * 3))


def test_a_marker_glued_to_a_record_title_does_not_hide_its_headline_in_the_body(tmp_path):
    import csv

    from tui.pipeline.process import analyze_docs

    headline = "해남군 자원봉사센터 2년 연속 최우수상 수상"
    body = (f"보도자료\nHome 소통해남 > 군정뉴스 > 보도자료프린트 페이지 공유하기\n{headline}\n"
            "해남군이 10일 열린 대회에서 2년 연속 최우수상을 수상했다.\n도내 22개 시군이 참여했다.")
    path = tmp_path / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["title", "content", "source"], [headline + "NEW", body, "해남군"]])
    (result,), _ = analyze_docs(read_file(path))
    assert result.article.title == headline
    assert result.article.body.startswith("해남군이 10일")


def test_a_record_holding_a_boards_list_of_other_posts_keeps_only_its_headline(tmp_path):
    """A scraper that saved a board page under a notice's title: the text lists teasers of other releases, each
    cut with '...', and never the notice itself. Its prizes and figures belong to those other releases; the notice
    is still the county's, under its own headline, date and publisher, and says so."""
    import csv

    from tui.pipeline.process import HEADLINE_ONLY, analyze_docs

    teasers = "\n".join(
        f"[진도소식] 진도군, {topic}\n진도군, {topic} … 진도군은 지난 {day}일 향토문화회관에서 행사를 열고 "
        "지역 인재 30명을 배출했다. 졸업식에는 관계자 등 약 50명이 참석했으며 교육과정을 성실히 이수한 ..."
        for day, topic in ((11, "군민 리더대학 졸업식 개최"), (10, "청소년 어울마당 마무리"),
                           (9, "6년 연속 유튜브 최우수상"), (8, "복지 업무협약 체결")))
    release = "진도군이 올해 국비 30억원을 확보했다.\n군은 이 돈으로 항만을 정비한다."
    path = tmp_path / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["title", "content", "source"],
                                      ["임시직(기간제) 채용 공개모집 안내", "게시물수 7,782건\n제목\n" + teasers, "진도군"],
                                      ["진도군, 국비 30억원 확보", release, "진도군"]])
    results, skipped = analyze_docs(read_file(path))
    assert [r.article.title for r in results] == ["임시직(기간제) 채용 공개모집 안내", "진도군, 국비 30억원 확보"]
    notice = results[0]
    assert notice.article.body == "" and notice.claims == []  # none of the other posts' prizes or figures
    assert notice.article.agency == "전라남도 진도군"
    assert [f.code for f in notice.article.flags] == ["title_only"]
    assert skipped == {HEADLINE_ONLY: 1}  # said apart from what was set aside: it is stored


def test_a_record_with_no_article_text_keeps_its_headline_and_what_it_says(tmp_path):
    """A record whose text is only a site's menus and file links is still the county's release: its headline's
    claim and program are kept, attributed to its publisher, and a headline a board cut short says so."""
    import csv

    from tui.pipeline.process import HEADLINE_ONLY, analyze_docs

    chrome = "홈\n군정소식\n보도자료\n파일\n사진1.jpg (780.11 KB)\n다운로드\n글자확대\n글자축소\n인쇄"
    path = tmp_path / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["title", "content", "source"],
                                      ["해남군, 국비 30억원 확보해 ‘어촌 뉴딜 사업’ 추진", chrome, "해남군"],
                                      ["해남군, 올해 처음 시도한 작가 교류...", chrome, "해남군"],
                                      ["", chrome, "해남군"]])
    results, skipped = analyze_docs(read_file(path))
    first, cut = (r.article for r in results)
    assert first.agency == "전라남도 해남군" and first.body == ""
    assert [sp.text for c in results[0].claims for sp in c.spans] == ["30억원"]
    assert [p.name for p in results[0].programs] == ["어촌 뉴딜 사업"]
    assert cut.title == "해남군, 올해 처음 시도한 작가 교류…"
    assert skipped == {"records with no article text": 1, HEADLINE_ONLY: 2}  # the last has no headline either
