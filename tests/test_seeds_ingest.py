"""Issue 2 on the seed pages: articles and titles, chrome removed, repeats dropped, wraps and punctuation repaired."""

import csv

import pytest
from conftest import DATA, seed

from tui.pipeline.clean import clean_page
from tui.pipeline.kiwi import get_kiwi
from tui.pipeline.split import split_page

EXPECTED_TITLES = {
    "000": ["광산구, 성과집 ‘행복광산’ 발간"],
    "001": [
        "광주시 2020 정부혁신평가 최고 등급",
        "코로나 역경 속 ‘안전 도시 광주’ 기틀 다졌다",
        "시립도서관 3곳 ‘온라인 겨울독서교실’ 운영",
        "광주글로벌모터스 노사 상생협의회 출범 첫 회의 노사공동위원회 설치 규정 제정",
        "광주 건축물·시가지 등 360VR 서비스 제공",
    ],
    "002": ["구청장에 '바로 문자 하랑께'…주민 최우선, 소통행정 혁신"],
    # 003 is a newspaper page: the first story's headline is printed after it, so its title is taken from the
    # text (flagged); the second story is headed by the headline block in the middle of the page.
    "003": ["사회대통합형 노사상생 ‘광주형일자리’", "“광주형일자리·AI허브…새로운광주토대다졌다”"],
    "004": ["광산구, 동 미래발전계획·녹서 전국에 전파"],
}

CHROME = {
    "000": ["오피니언", "실시간 HOT 뉴스", "가장 많이본 뉴스", "기사 목록", "광주매일 TV"],
    "001": ["광주문화신탁", "아파트담보대출", "햇살론", "관내지점", "평생어부바", "cu08171@cu.co.kr"],
    "002": ["기사 스크랩", "클린뷰", "프린트", "exian@hankyung.com"],
    "003": ["CMYK"],
    "004": ["pub-9005101102414487", "RSS피드", "무단 전재", "댓글등록", "Shorts NEWS", "엔비디아",
            "웨스트민스터", "유튜브 NEWS", "yum1024@daum.net"],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_TITLES))
def test_article_count_and_titles(seed_results, prefix):
    titles = [a.article.title for a in seed_results[prefix].articles]
    assert titles == EXPECTED_TITLES[prefix]


@pytest.mark.parametrize("prefix", sorted(CHROME))
def test_named_chrome_lines_are_not_in_bodies(seed_results, prefix):
    bodies = "\n".join(a.article.body for a in seed_results[prefix].articles)
    for chrome in CHROME[prefix]:
        assert chrome not in bodies, chrome


def test_advert_and_caption_item_of_001_are_set_aside(seed_results):
    skipped = seed_results["001"].skipped
    assert skipped.get("caption-only items") == 1
    assert skipped.get("not news prose (advert or list)", 0) >= 1
    assert all("K-POP" not in a.article.body for a in seed_results["001"].articles)


def test_photo_credit_is_kept_as_a_caption(seed_results):
    article = seed_results["000"].articles[0].article
    assert any(c.startswith("<광산구 제공>") for c in article.captions)
    assert "<광산구 제공>" not in article.body


def test_repeated_paragraphs_of_002_appear_once(seed_results):
    body = seed_results["002"].articles[0].article.body
    for sentence in ["종합대상과 주민자치부문 대상을 받았다.", "67.5점에서 83.26점으로 끌어올렸다.",
                     "2000여 건의 문자가 들어올 정도로", "소상공인 40명을 대상으로", "새로운 혁신모델을 완성해 나가겠다"]:
        assert body.count(sentence) == 1, sentence
    # the second copy's new paragraphs are kept, in order, after the first copy
    assert body.index("김이강 서구청장") < body.index("서구는 각각의 마을이 가진 특색")


def test_mis_encoded_punctuation_is_repaired(seed_results):
    text = "\n".join(a.article.title + a.article.deck + a.article.body for a in seed_results["003"].articles)
    for bad in "븡븣븮븯":
        assert bad not in text
    assert "광주만의 ‘고유하고 독특함’ 상품화" in text


def test_dates_reporters_and_outlets(seed_results):
    a0 = seed_results["000"].articles[0].article
    assert (a0.published, a0.reporter, a0.outlet) == ("2020-07-08T19:59:50", "고훈석", "광주매일신문")
    a4 = seed_results["004"].articles[0].article
    assert (a4.published, a4.reporter) == ("2025-10-16T19:58", "김유미")
    a2 = seed_results["002"].articles[0].article
    assert (a2.reporter, a2.outlet) == ("임동률", "한국경제")
    a1 = seed_results["001"].articles[0].article
    assert a1.outlet == "광주일보" and a1.published == "2020-12-27"
    assert any(f.code == "date_inferred" and "27일" in f.message for f in a1.flags)


def _labelled_breaks():
    with (DATA / "seed003_breaks.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_hard_wrap_repair_on_seed_003_meets_95_percent():
    labels = _labelled_breaks()
    page = clean_page(seed("003").read_text(encoding="utf-8"), get_kiwi())
    decided = {(a, b): d for a, b, d in page.breaks}
    wrong = [(r["line"], r["left"], r["right"], r["label"], decided.get((int(r["line"]), int(r["next"]))))
             for r in labels
             if (decided.get((int(r["line"]), int(r["next"]))) == "join") != (r["label"] == "join")]
    accuracy = 1 - len(wrong) / len(labels)
    assert len(labels) > 200
    assert accuracy >= 0.95, f"{accuracy:.3f}: {wrong}"


def test_every_labelled_break_is_decided():
    page = clean_page(seed("003").read_text(encoding="utf-8"), get_kiwi())
    decided = {(a, b) for a, b, _ in page.breaks}
    missing = [r for r in _labelled_breaks() if (int(r["line"]), int(r["next"])) not in decided]
    assert not missing


def test_split_of_a_clean_page_keeps_every_body_sentence():
    text = ("제목이 여기 있다\n\n광산구가 성과집을 발간했다. 시민 100명이 참여했다.\n\n"
            "광산구는 앞으로도 노력하겠다고 밝혔다. 이어 2차 사업도 추진했다.\n홍길동 기자 hong@kwangju.co.kr\n")
    articles, _ = split_page(clean_page(text, get_kiwi()))
    assert len(articles) == 1 and articles[0].title == "제목이 여기 있다"
    assert articles[0].body.count("다.") == 4
