"""Issue 3: the gazetteer, agency attribution with ambiguous names, and the elected term with its evidence."""

import collections
import re

import pytest

from tui.pipeline.gazetteer import gazetteer
from tui.pipeline.process import process_file


def attribute(tmp_path, title: str, body: str, byline: str = "홍길동 기자", date: str | None = None):
    """Return the first analysed article of a small page written for the test."""
    lines = [title, ""]
    if date:
        lines += [date, ""]
    lines += [body, "", byline, ""]
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    result = process_file(str(page))
    assert result.articles, result.error
    return result.articles[0].article


def test_gazetteer_has_17_metropolitan_and_226_basic_governments():
    # the 17 광역 of 2024, and 전남광주통합특별시, which replaces two of them (광주광역시, 전라남도) from 2026-07-01:
    # the two stay for the terms before it
    levels = collections.Counter(a.level for a in gazetteer().agencies.values())
    assert levels["광역"] == 17 + 1 and levels["기초"] == 226
    assert {"광주광역시", "전라남도", "전남광주통합특별시"} <= set(gazetteer().agencies)
    names = set(gazetteer().agencies)
    assert {"강원특별자치도", "전북특별자치도", "대구광역시 군위군"} <= names
    assert "강원도" not in names and "경상북도 군위군" not in names


@pytest.mark.parametrize("alias, full", [
    ("광산구", "광주광역시 광산구"), ("광주 광산구", "광주광역시 광산구"), ("광주광역시 광산구", "광주광역시 광산구"),
    ("광산구청", "광주광역시 광산구"), ("전남", "전라남도"), ("고흥군", "전라남도 고흥군"),
])
def test_aliases_resolve(alias, full):
    assert gazetteer().resolve_name(alias) == [full]


def test_ambiguous_names_list_every_candidate():
    assert len(gazetteer().resolve_name("서구")) == 5
    assert set(gazetteer().resolve_name("광주시")) == {"광주광역시", "경기도 광주시"}


BODY = "{who} 주민 만족도 조사 결과를 발표했다. 올해 참여 주민은 1천200명으로 지난해보다 늘었다."


@pytest.mark.parametrize("title, body, expected", [
    ("대구 서구, 주민 만족도 조사", BODY.format(who="대구 서구는"), "대구광역시 서구"),
    ("서구, 주민 만족도 조사", BODY.format(who="서구는 유덕동과 치평동에서"), "광주광역시 서구"),
    ("서구, 주민 만족도 조사", BODY.format(who="김이강 서구청장은"), "광주광역시 서구"),
    ("인천 서구, 주민 만족도 조사", BODY.format(who="서구는"), "인천광역시 서구"),
    ("광주 북구, 주민 만족도 조사", BODY.format(who="북구는"), "광주광역시 북구"),
    ("부산 북구, 주민 만족도 조사", BODY.format(who="북구는"), "부산광역시 북구"),
    ("경기 광주시, 주민 만족도 조사", BODY.format(who="광주시는 곤지암읍에서"), "경기도 광주시"),
    ("광주시, 주민 만족도 조사", BODY.format(who="광주시는 광산구와 함께"), "광주광역시"),
])
def test_ambiguous_names_are_resolved_by_context(tmp_path, title, body, expected):
    assert attribute(tmp_path, title, body).agency == expected


def test_dateline_and_outlet_region_decide_an_ambiguous_district(tmp_path):
    article = attribute(tmp_path, "서구, 주민 만족도 조사", BODY.format(who="서구는"),
                        byline="광주=임동률 기자 exian@hankyung.com")
    assert article.agency == "광주광역시 서구"
    article = attribute(tmp_path, "서구, 주민 만족도 조사", BODY.format(who="서구는"),
                        byline="박진표 기자 lucky@kwangju.co.kr")
    assert article.agency == "광주광역시 서구"


def test_without_evidence_the_agency_is_unknown_and_flagged(tmp_path):
    article = attribute(tmp_path, "서구, 주민 만족도 조사", BODY.format(who="서구는"))
    assert article.agency is None
    assert any(f.code == "agency_ambiguous" and "서구" in f.message for f in article.flags)


def test_several_agencies_are_listed_main_first(tmp_path):
    body = ("광산구는 광주시와 함께 청년 일자리 사업을 추진했다. 광산구는 청년 300명을 채용했다. "
            "광주시는 사업비 10억원을 지원했다. 광주시 관계자는 성과를 설명했다.")
    article = attribute(tmp_path, "광산구, 청년 일자리 300개 창출", body)
    assert article.agency == "광주광역시 광산구"
    assert article.agencies[:2] == ("광주광역시 광산구", "광주광역시")


@pytest.mark.parametrize("date, body, expected", [
    ("2020.07.08", "광산구는 올해 사업을 마쳤다. 참여자는 100명이다.", 7),
    ("2023.05.01", "광산구는 올해 사업을 마쳤다. 참여자는 100명이다.", 8),
    # a retrospective published just after a term ended belongs to the term it reviews
    ("2022.08.10", "광산구는 민선 7기 4년의 성과를 정리했다. 참여자는 100명이다.", 7),
    # a head who served one term settles it without a date
    (None, "김삼호 광산구청장은 사업을 마쳤다고 밝혔다. 참여자는 100명이다.", 7),
    (None, "광산구는 민선8기 2년 성과를 정리했다. 참여자는 100명이다.", 8),
    # a run of terms looks back from the last of them, even with a head who served both
    (None, "민선 5·6기 광산구를 이끈 민형배 구청장의 성과에 관심이 쏠린다. 참여자는 100명이다.", 6),
])
def test_term_from_date_mentions_and_heads(tmp_path, date, body, expected):
    assert attribute(tmp_path, "광산구 성과 정리", body, date=date).term == expected


@pytest.mark.parametrize("body, expected", [
    # between the election and the start of the term, the head-elect's plans are the coming term's
    ("추경호 대구시장 당선인은 15일 기자들과 만나 도심 공원을 조성하겠다고 밝혔다. 사업비는 100억원이다.", 9),
    # the outgoing head's work in those weeks is still the term that is ending
    ("홍준표 대구시장은 15일 도심 공원 조성을 마쳤다고 밝혔다. 사업비는 100억원이다.", 8),
    # the elect of another city does not move this one's term
    ("대구시는 15일 도심 공원 조성을 마쳤다. 박찬대 인천시장 당선인도 참석했다. 사업비는 100억원이다.", 8),
    # a farewell that names the outgoing head more often than the head-elect reports the term that ends
    ("홍준표 대구시장은 15일 퇴임식에서 도심 공원 조성을 마쳤다고 밝혔다. 사업비는 100억원이다. 홍준표 시장은 "
     "추경호 대구시장 당선인에게 시정을 넘긴다.", 8),
])
def test_the_head_elect_between_election_and_term_start_speaks_for_the_coming_term(tmp_path, body, expected):
    assert attribute(tmp_path, "대구 도심 공원", body, date="2026.06.15").term == expected


@pytest.mark.parametrize("title", ["‘경남 첫 3선’ 박종훈 경남교육감 퇴임", "박종훈 경남도교육감, 돌봄 센터 개관"])
def test_a_places_superintendent_is_the_head_of_its_office_of_education(tmp_path, title):
    """경남교육감 is the head of 경상남도교육청, not of 경상남도: the place glued to 교육감 names the office."""
    body = "박종훈 경남교육감은 돌봄 센터 7곳을 열었다고 밝혔다. 경남교육감은 학생 1000명이 이용한다고 했다."
    assert attribute(tmp_path, title, body, date="2026.05.20").agency == "경상남도교육청"


def test_a_place_spaced_from_its_superintendent_or_office_names_the_office(tmp_path):
    """부산시 교육감 재선거, 경기 교육청은: a place written apart from 교육감 or 교육청 names the office too."""
    body = ("부산시 교육감 재선거의 사전 투표율이 5.87%로 나타났다. 부산 교육감 선거는 2일 치러진다. "
            "부산 교육청은 투표 참여를 당부했다.")
    assert attribute(tmp_path, "부산 교육감 사전투표율 역대 최저", body, date="2025.03.31").agency == "부산광역시교육청"


def test_no_date_and_no_mention_means_unknown_term(tmp_path):
    article = attribute(tmp_path, "광산구 사업", "광산구는 사업을 마쳤다. 참여자는 100명이다.")
    assert article.term is None


SEED_ATTRIBUTION = {
    "000": [("광주광역시 광산구", 7)],
    "001": [("광주광역시", 7)] * 5,
    "002": [("광주광역시 서구", 8)],
    "003": [("광주광역시", 7), ("광주광역시", 7)],
    "004": [("광주광역시 광산구", 8)],
}


@pytest.mark.parametrize("prefix", sorted(SEED_ATTRIBUTION))
def test_agency_and_term_of_every_seed_article(seed_results, prefix):
    got = [(a.article.agency, a.article.term) for a in seed_results[prefix].articles]
    assert got == SEED_ATTRIBUTION[prefix]


def test_seed_000_term_conflict_is_flagged_with_its_evidence(seed_results):
    article = seed_results["000"].articles[0].article
    conflict = [f for f in article.flags if f.code == "term_conflict"]
    assert len(conflict) == 1
    message = conflict[0].message
    for evidence in ("‘민선 8기’", "‘민선 7기’", "김삼호", "2020-07-08", "Chose 민선 7기"):
        assert evidence in message


@pytest.mark.corpus
def test_press_releases_get_the_agency_of_their_source_column(shared_corpus):
    """Attribution from the text alone (the source column is withheld) matches the source for 90%+ of rows."""
    from tui.pipeline.process import analyze_docs
    from tui.pipeline.read import read_file

    gaz = gazetteer()
    docs = read_file(shared_corpus / "press_releases_gwangju_jeonnam_2025-12.csv")
    misses = []
    for doc in docs:
        expected = gaz.resolve_name(doc.meta.get("source", ""))
        articles, _ = analyze_docs([doc], use_source=False)
        got = articles[0].article.agency if articles else None
        if len(expected) != 1 or got != expected[0]:
            misses.append((doc.meta.get("source"), got, doc.meta.get("title", "")[:40]))
    accuracy = 1 - len(misses) / len(docs)
    print(f"\nattribution from text: {accuracy:.1%} of {len(docs)} rows; misses by source:",
          collections.Counter(m[0] for m in misses).most_common(10))
    assert accuracy >= 0.90, misses[:40]


# --------------------------------------------------------------------------- issue 12: beyond 광주/전남

def test_every_government_has_its_heads_for_terms_5_to_8():
    gaz = gazetteer()
    governments = [a.full_name for a in gaz.agencies.values() if a.level in ("광역", "기초")
                   and a.full_name != "전남광주통합특별시"]  # from 민선 9기 only
    assert gaz.head_of("전남광주통합특별시", 9) is not None
    for term in (5, 6, 7, 8):
        missing = [g for g in governments if gaz.head_of(g, term) is None]
        assert missing == [] or missing == ["세종특별자치시"] and term == 5, (term, missing[:5])


def test_a_head_beside_an_ambiguous_city_name_decides_which_city(tmp_path):
    article = attribute(tmp_path, "방세환 광주시장, 지방행정 대상 수상",
                        "방세환 광주시장이 28일 서울에서 열린 시상식에서 대상을 받았다. 광주시는 올해 도시 브랜드 "
                        "가치를 높였다.", date="2024-11-29")
    assert article.agency == "경기도 광주시" and article.term == 8


def test_a_special_city_is_found_by_its_special_city_name(tmp_path):
    article = attribute(tmp_path, "용인특례시, 공모사업으로 869억 원 확보",
                        "용인특례시는 정부와 경기도의 공모사업을 통해 869억 원의 예산을 확보했다고 28일 밝혔다.",
                        date="2023-07-28")
    assert article.agency == "경기도 용인시"


def test_the_leads_subject_outweighs_a_province_named_in_asides(tmp_path):
    body = ("원주시는 지난 한 해 동안 기관 표창 43개를 받았다고 밝혔다. 중앙부처에서 19개, 강원도에서 24개를 받았다.\n"
            "∘ 보건: 코로나19 대응 유공 기관(강원도지사)\n∘ 안전: 재난 대응 우수 기관(강원도지사)\n"
            "∘ 농업: 농업 분야 우수 시군(강원도지사)")
    assert attribute(tmp_path, "지난해 기관 표창 43개", body, date="2022-02-07").agency == "강원특별자치도 원주시"


@pytest.mark.parametrize("title", [
    "경남 거창군, 진주시 관광 협력 사업 참여 철회",  # the province's name before the district's
    "진주시 관광 사업 아직인데… 거창군, 자체 사업 내놓아",  # the headline's second clause opens with it
])
def test_a_name_that_opens_a_headline_clause_with_a_comma_is_what_it_is_about(tmp_path, title):
    body = ("진주시가 추진 중인 관광 협력 사업과 관련해 거창군이 참여 철회 의사를 밝혔다. 진주시 관계자는 "
            "아쉽다고 했다. 거창군은 자체 관광 사업을 준비한다. 거창군 관계자는 군민 뜻을 따랐다고 했다.")
    assert attribute(tmp_path, title, body, date="2025-09-19").agency == "경상남도 거창군"


def test_an_office_of_education_leading_its_article_is_not_its_city(tmp_path):
    body = ("세종특별자치시교육청은 세종특별자치시 교육발전특구가 교육부 평가에서 선도지역으로 승격됐다고 16일 "
            "밝혔다. 교육청은 추가 재정지원금 5억원을 확보했다.")
    article = attribute(tmp_path, "세종교육발전특구, 교육부 평가 선도지역 승격", body, date="2025-10-16")
    assert article.agency == "세종특별자치시교육청"


@pytest.mark.parametrize("line, day", [
    ("  • 기사등록 2023-10-10 09:02:57", "2023-10-10"),
    ("  • 승인 2014.12.12 21:05", "2014-12-12"),
    ("[2012-04-17 11:16] 송고", "2012-04-17"),
    ("이현준기자 | 기사입력 2024/11/29 [10:58]", "2024-11-29"),
])
def test_news_date_lines_give_the_publication_date_and_so_the_term(tmp_path, line, day):
    page = tmp_path / "page.txt"
    page.write_text(f"2026-02-20 (금)\n서산시, 평가에서 36개 분야 수상\n{line}\n\n서산시는 올해 각종 평가에서 36개 "
                    "분야에서 상을 받았다고 12일 밝혔다.\n\n홍길동 기자\n", encoding="utf-8")
    article = process_file(str(page)).articles[0].article
    assert article.published.startswith(day)


def test_a_year_inferred_from_the_text_leans_to_the_term_that_covers_it_and_the_half_year_after():
    """Undated: the year the text mentions most is 2022 (민선 7기 until June, 8기 from July). Results are reported
    after the fact, so the article is from 2022 or early 2023: 8기 covers twice as much of that as 7기. A
    printed year alone stays even."""
    from tui.pipeline.attribution import decide_term
    from tui.pipeline.gazetteer import gazetteer

    gaz = gazetteer()
    assert decide_term(gaz, [], None, [], "2022", True)[0] == 8
    assert decide_term(gaz, [], None, [], "2017", True)[0] == 6  # inside one term: no question
    term, flags = decide_term(gaz, [], None, [], "2022", False)
    assert term is None and flags[0].code == "term_unknown"


@pytest.mark.parametrize("title, body, year", [
    # a headline about next year's budget: the lead's year is the budget year, the article is from the year before
    ("광산구, 내년 국비 1천억원 확보", "광산구가 2021년 국비 1천억원을 확보했다고 3일 밝혔다. 역대 최대 규모다.", "2020"),
    ("광산구, 내년도 국비 역대 최대", "광산구가 역대 최대 국비를 확보했다. 구는 2021년 국비가 1천억원이라고 밝혔다.", "2020"),
    # without 내년 in the headline, the year mentioned most stands
    ("광산구, 국비 1천억원 확보", "광산구가 2021년 국비 1천억원을 확보했다고 3일 밝혔다. 역대 최대 규모다.", "2021"),
])
def test_a_headline_about_next_year_dates_the_article_the_year_before(title, body, year):
    from tui.pipeline import dates

    found = dates.infer(body, title)
    assert found.value == year and found.inferred


def test_a_release_is_its_publishers_news_even_when_it_names_another_city_more():
    import json
    from pathlib import Path

    from tui.pipeline.process import analyze_docs
    from tui.pipeline.read import read_file

    record = {"title": "부산 관광객 200명, 남도 열차 타고 보성 왔다",
              "content": "부산시 관광객 200명이 새 열차를 타고 보성을 찾았다. 부산시 여행업계와 부산시 관광협회가 "
                         "함께했고, 부산시민들은 녹차밭을 둘러봤다. 부산시 관계자도 동행했다.",
              "published_at": "2025-12-13", "source": "보성군"}
    docs = read_file(Path("release.json"), json.dumps([record], ensure_ascii=False).encode("utf-8"))
    (result,), _ = analyze_docs(docs)
    assert result.article.agency == "전라남도 보성군"


def test_the_headlines_year_outweighs_years_the_body_mentions_in_passing():
    from tui.pipeline import dates

    body = "시는 2019년 처음 ‘가’ 등급을 받았고 2019년 이후 줄곧 상위권이었다. 2020년에는 ‘나’ 등급이었다."
    found = dates.infer(body, "시, 2024 민원 서비스 평가 1위")
    assert found.value == "2024" and found.inferred and "headline" in found.evidence


def test_a_year_after_this_one_is_never_an_articles_date(monkeypatch):
    """A page saved without a date that names a coming year (a target, an event's edition) is dated by the years
    that can be its own: an article read in 2026 was not published in 2028."""
    from tui.pipeline import dates

    monkeypatch.setattr(dates, "latest_year", lambda: 2026)
    found = dates.infer("시는 2025년 공모에 선정돼 2028년 세계디자인수도로 나선다. 2028년 행사를 준비한다.",
                        "시, ’2028 세계디자인수도’ 선정")
    assert found.value == "2025" and found.inferred
    assert dates.infer("구는 2030년까지 공원 10곳을 조성한다.", "구, 2030 공원 계획") is None


@pytest.mark.parametrize("publisher, office", [
    ("광주광역시동부교육지원청", "광주광역시교육청"), ("광주시교육청창의융합교육원", "광주광역시교육청"),
    ("전남교육청", "전라남도교육청"), ("새별초등학교", None), ("광산구", "광주광역시 광산구"),
])
def test_a_publisher_name_resolves_to_its_agency_or_office_of_education(publisher, office):
    assert gazetteer().publisher(publisher)[0] == office


@pytest.mark.parametrize("publisher", ["광주광역시동부교육지원청", "새별초등학교"])
def test_a_release_of_a_school_or_an_education_office_is_its_office_of_educations(tmp_path, publisher):
    """A school's release is news of the office of education that runs it, even when the text names the city
    (and the school's name no place: then the city the text names says which office)."""
    import csv

    path = tmp_path / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["title", "content", "source", "published_at"])
        body = ("광주 새별초등학교가 스마트폰 과의존 예방 공모전에서 대상을 받았다. 광주 동구 학부모 300명이 "
                "응원했다. 학교는 내년에도 예방 교육을 이어간다.")
        out.writerow(["광주 새별초, 공모전 대상 수상", body, publisher, "2025-12-19"])
    result = process_file(str(path))
    article = result.articles[0]
    assert article.article.agency == "광주광역시교육청"
    assert {c.agency for c in article.claims} == {"광주광역시교육청"}


@pytest.mark.parametrize("sentence, agency", [
    ("전라남도는 2025년 농정업무 종합평가 결과 해남군이 대상을 받았다고 밝혔다.", "전라남도 해남군"),  # reported
    ("전라남도는 해남군이 올해 국비 30억원을 확보했다고 전했다.", "전라남도 해남군"),
    ("전라남도는 해남군과 함께 국비 30억원을 확보했다.", "전라남도"),        # the province's own, with a partner
    ("전라남도는 올해 국비 300억원을 확보했다고 밝혔다.", "전라남도"),       # the province reports its own
    ("여수시는 전라남도가 주관한 평가에서 최우수기관으로 선정됐다고 밝혔다.", "전라남도 여수시"),  # hosted by
])
def test_a_claim_another_government_reports_belongs_to_the_one_that_achieved_it(sentence, agency):
    """A province's release reporting that a county won a prize: the prize is the county's in its lists and
    comparisons, not the province's."""
    import json
    from pathlib import Path

    from tui.pipeline.process import analyze_docs
    from tui.pipeline.read import read_file

    record = {"title": "전남도 농정 소식", "content": sentence + "\n도는 앞으로도 농정을 지원할 계획이다.",
              "published_at": "2025-12-13", "source": "전라남도"}
    docs = read_file(Path("release.json"), json.dumps([record], ensure_ascii=False).encode("utf-8"))
    (result,), _ = analyze_docs(docs)
    assert result.claims[0].agency == agency


@pytest.mark.parametrize("title, body, expected", [
    # the city tells the news (에 따르면, …고 밝혔다) of a district the headline and the lead name as the place
    ("대구 수성구 ‘관광특구’ 지정", ("대구 수성구가 10일 정부의 관광특구로 지정됐다.\n"
                                  "대구시는 문화체육관광부 심의에서 이 같은 내용이 결정됐다고 이날 밝혔다.\n"
                                  "대구시는 앞서 지난 3월 수성구를 관광특구로 지정해 달라고 건의했다.\n"
                                  "대구시에 따르면 수성구에는 호텔 20여 곳이 있다. 호텔 객실은 3천여 실이다.\n"
                                  "대구시는 국비 30억원을 수성구 관광 활성화에 쓸 수 있게 됐다고 설명했다."), "대구광역시"),
    # a district that tells its own news stays its own
    ("대구 수성구 ‘관광특구’ 지정", ("대구 수성구가 10일 정부의 관광특구로 지정됐다.\n"
                                  "수성구는 문화체육관광부 심의에서 이 같은 내용이 결정됐다고 이날 밝혔다.\n"
                                  "대구시 관계자는 축하한다고 했다."), "대구광역시 수성구"),
])
def test_who_tells_the_news_is_its_actor_more_than_the_place_it_names(tmp_path, title, body, expected):
    assert attribute(tmp_path, title, body, date="2025-05-11").agency == expected


SCHOOLS = ("저출생으로 인해 서울시 전체 학생 수가 1년 만에 1만7000여 명 감소했다. 서울 유치원생은 4년 새 약 20% 줄었다. "
           "서울시교육청은 10일 이 같은 내용을 담은 ‘학급편성결과’를 발표했다. 서울시 초등학생과 중학생, 고등학생 수가 모두 "
           "줄었고 학급 수도 줄었다. 서울시의 소규모 학교는 늘어날 것으로 예상된다.")


@pytest.mark.parametrize("title, body, expected", [
    # an article about schools that an office of education tells goes to the office, not its city
    ("서울 학생, 1년새 1만7000명 줄어", SCHOOLS, "서울특별시교육청"),
    # a university's news is no office's: offices of education run no university
    ("서울 대학생, 1년새 줄어", SCHOOLS.replace("‘학급편성결과’", "대학 입학 결과") + " 대학 신입생도 줄었다.",
     "서울특별시"),
    # the city's own news about its schools stays the city's when the office only appears beside it
    ("서울시, 학생 급식 지원", "서울시는 학생 급식비를 지원한다고 밝혔다. 서울시는 학교와 유치원 급식에 예산을 "
     "더 쓴다. 학부모와 교사, 학생의 만족도가 높았다. 서울시교육청도 함께 학교 급식을 점검한다.", "서울특별시"),
])
def test_an_article_about_schools_goes_to_the_office_of_education_that_tells_it(tmp_path, title, body, expected):
    assert attribute(tmp_path, title, body).agency == expected


@pytest.mark.parametrize("title, body, expected", [
    # two counties of one province share the news, and the province is named: it is the province's news
    ("충북 영동·옥천 농촌협약 선정…충북 전략 탄력", ("충북 영동군과 옥천군이 농림축산식품부 농촌협약 대상지로 선정됐다.\n"
                                          "영동군은 국비 300억원을, 옥천군은 국비 280억원을 확보했다.\n"
                                          "충북도는 두 군과 함께 사업을 조기에 추진하겠다고 밝혔다."), "충청북도"),
    # one county's news that names a neighbour in passing stays the county's
    ("충북 영동군, 농촌협약 선정", ("충북 영동군이 농림축산식품부 농촌협약 대상지로 선정됐다.\n"
                               "영동군은 국비 300억원을 확보했다. 영동군은 지난해 옥천군의 사례를 참고했다.\n"
                               "영동군 관계자는 사업을 조기에 추진하겠다고 말했다."), "충청북도 영동군"),
    # two districts compared, the city never named beyond the place line: the one the headline leads with
    ("영동군 인구, 옥천군 앞질러", ("영동군의 인구가 옥천군을 앞질렀다. 영동군은 귀농 정책이 효과를 냈다고 밝혔다.\n"
                               "영동군 관계자는 귀농인이 늘었다고 말했다. 옥천군은 인구가 줄었다.\n"
                               "충북 영동군은 올해도 귀농 정책을 이어간다."), "충청북도 영동군"),
])
def test_two_districts_sharing_the_news_with_their_province_named_are_the_provinces(tmp_path, title, body, expected):
    assert attribute(tmp_path, title, body, date="2025-05-11").agency == expected


def analysed(tmp_path, title: str, body: str):
    """Return the first analysed article of a small page, with its claims."""
    page = tmp_path / "page.txt"
    page.write_text("\n".join([title, "", body, "", "홍길동 기자", ""]), encoding="utf-8")
    result = process_file(str(page))
    assert result.articles, result.error
    return result.articles[0]


def test_values_of_an_article_no_local_government_acts_in_set_the_scene(tmp_path):
    """A golfer's season names no local government: its rank and prize are nobody's achievement here; the same
    values in a district's article whose city is not said stay achievements (some agency's news)."""
    body = ("김민수 선수는 올해 투어에서 상금 순위 1위를 차지했다. 그는 시즌 최우수선수상을 수상했다. "
            "김 선수는 내년 시즌 준비에 들어갔다.")
    golfer = analysed(tmp_path, "김민수, 투어 상금 1위", body)
    assert golfer.article.agency is None
    classes = [sp.cls for claim in golfer.claims for sp in claim.spans]
    assert classes and set(classes) == {"context"}
    district = analysed(tmp_path, "서구, 투어 유치 1위", body.replace("김민수 선수는", "서구는").replace("그는", "서구는"))
    assert district.article.agency is None
    assert any(f.code == "agency_ambiguous" for f in district.article.flags)
    assert {"rank", "award"} & {sp.cls for claim in district.claims for sp in claim.spans}


# --------------------------------------------------------------------------- 전남광주통합특별시 (from 2026-07-01)

@pytest.mark.parametrize("title, body", [
    ("민형배 시장, 투자 유치 성과", "민형배 전남광주통합특별시장은 10일 기업 3곳과 1천억원 규모 투자협약을 맺었다고 밝혔다."),
    ("통합특별시, 투자 유치", "광주특별시는 10일 기업 3곳과 1천억원 규모 투자협약을 맺었다고 밝혔다."),
    ("통합특별시, 투자 유치", "전남·광주통합특별시는 10일 기업 3곳과 1천억원 규모 투자협약을 맺었다고 밝혔다."),
    ("통합특별시, 투자 유치", "전남광주통합특별시장은 10일 기업 3곳과 1천억원 규모 투자협약을 맺었다고 밝혔다."),
])
def test_the_merged_city_of_gwangju_and_jeonnam_is_an_agency_with_its_9th_term(tmp_path, title, body):
    # its head was 광산구청장 in 민선 7기: the date decides which of his offices the name stands for
    article = attribute(tmp_path, title, body, date="2026-09-10")
    assert (article.agency, article.term) == ("전남광주통합특별시", 9)


def test_the_merged_citys_office_of_education_has_its_superintendent(tmp_path):
    article = attribute(tmp_path, "통합교육청, 기초학력 향상", "김대중 통합교육감은 10일 기초학력 향상 사업에 50억원을 "
                        "투입한다고 밝혔다. 전남광주통합특별시교육청은 학교 300곳을 지원한다.", date="2026-09-10")
    assert (article.agency, article.term) == ("전남광주통합특별시교육청", 9)


def test_names_joined_by_a_middle_dot_stay_a_list_unless_they_make_one_name():
    gaz = gazetteer()
    merged = [m for m in gaz.mentions("전남·광주통합특별시는 밝혔다") if m.kind == "agency"]
    assert [(m.surface, m.candidates) for m in merged] == [("전남·광주통합특별시", ("전남광주통합특별시",))]
    listed = [m.surface for m in gaz.mentions("광산구·서구는 밝혔다") if m.kind == "agency"]
    assert listed == ["광산구", "서구"]
    # the two regions named together before they merged: the joined name would mean neither part
    pair = [m.candidates for m in gaz.mentions("전남·광주 지역 기업") if m.kind == "agency"]
    assert pair == [("전라남도",), ("광주광역시",)]


@pytest.mark.parametrize("text, name", [
    ("민형배 전남광주통합특별시장과 논의했다", "전남광주통합특별시"), ("부산광역시장은 밝혔다", "부산광역시"),
    ("서울특별시장이 밝혔다", "서울특별시"), ("전남광주 동부권에서는", "전남광주통합특별시"),
])
def test_a_citys_whole_name_with_its_heads_title_names_the_city(text, name):
    assert name in [c for m in gazetteer().mentions(text) if m.kind == "agency" for c in m.candidates]


# --------------------------------------------------------------------------- news no local government acts in

@pytest.mark.parametrize("title, body", [
    ("순천경찰서, 전국 259개 경찰서 중 치안성과평가 1위",
     "전남 순천경찰서가 21일 경찰청 주관 치안성과 우수관서 평가에서 전국 259개 경찰서 중 1위에 올랐다."),
    ("고속도로 안성~구리 구간 새해 첫날 개통",
     "고속도로 안성~구리 구간이 다음달 1일 개통한다고 국토교통부가 30일 밝혔다. 경기 안성시와 구리시를 잇는 72km "
     "도로다."),
    ("해수부, 부산서 해양금융포럼 개최", "해양수산부가 6일부터 이틀간 부산에서 해양금융포럼을 연다."),
    # a province's police by its short name, the police or a special counsel closing the headline, the prosecution
    # by its one-letter abbreviation
    ("경남경찰, 방역수칙 단속…주말새 172곳 점검", "경남 김해시와 창원시의 유흥시설 172곳을 점검해 33명을 적발했다."),
    ("“자수하라” 진상 조사 나선 강남 경찰", "서울 강남구의 한 유흥주점을 두고 조사가 시작됐다."),
    ("양평 공무원 사망 감찰…김건희특검, 면죄부", "경기 양평군 공무원의 사망을 두고 감찰 결과가 나왔다."),
    ("檢, ‘강북 연쇄살인’ 피의자 기소", "서울 강북구에서 벌어진 연쇄살인 사건의 피의자가 기소됐다."),
])
def test_news_a_national_body_or_the_police_acts_in_has_no_local_government(tmp_path, title, body):
    # the government named is only where it happens: the article is not its achievement
    article = attribute(tmp_path, title, body, date="2024-10-21")
    assert article.agency is None
    assert not any(f.code == "agency_ambiguous" for f in article.flags)
    # the article says why the government it names was not given it
    set_aside = [f.message for f in article.flags if f.code == "agency_set_aside"]
    assert len(set_aside) == 1 and "a national body, a court or the police acts" in set_aside[0]


@pytest.mark.parametrize("title, body, expected", [
    # a ministry's selection of the agency: the agency is the subject of its own sentence
    ("광산구, 행안부 평가 우수기관", "행정안전부는 21일 광산구를 우수기관으로 선정했다. 광산구는 이번 평가에서 "
     "1위를 했다고 밝혔다.", "광주광역시 광산구"),
    # the police as a plain word in the lead: the headline's place stays the article's
    ("제주 올레시장서 도박판 적발", "제주 서귀포 매일올레시장에서 도박판을 벌인 일당이 검거된 가운데, 경찰이 영상을 "
     "공개했다. 제주도는 시장 점검을 늘리기로 했다.", "제주특별자치도"),
    # a province's own police (자치경찰) and an agency's guards (청원경찰) are the government's, not the state's
    ("제주자치경찰, 관광지 순찰 강화", "제주자치경찰은 관광지 순찰을 강화한다고 밝혔다.", "제주특별자치도"),
])
def test_a_government_that_acts_beside_a_national_body_keeps_the_article(tmp_path, title, body, expected):
    assert attribute(tmp_path, title, body, date="2024-10-21").agency == expected


@pytest.mark.parametrize("title, body", [
    # only a company, a university or a candidate acts; the place is named once or twice: no government's news
    ("AI 마케팅 행사, 3월 서울서 개최", ("디지털 마케팅 기업 에이원은 3월 24일 서울 코엑스에서 마케팅 박람회를 연다고 "
                                     "밝혔다. 박람회에는 기업 80곳이 참가한다.")),
    ("한빛대, 지역 미래 포럼 운영", ("한빛대는 인천 지역 문제를 진단하는 포럼을 운영한다고 5일 밝혔다. 포럼에는 교수 "
                                 "20명이 참여한다.")),
    ("후보 캠프, 창원서 유세", "한 정당의 후보가 9일 창원 상남동에서 유세를 열었다. 지지자 500여 명이 모였다."),
])
def test_news_no_government_acts_in_and_that_names_a_place_little_has_none(tmp_path, title, body):
    assert attribute(tmp_path, title, body, date="2025-03-10").agency is None


@pytest.mark.parametrize("title, body, expected", [
    # the government's council, its own corporation, a town's community council, its staff
    ("도의회, 인권조례 개정 재추진", "충남도의회가 인권조례 개정을 다시 추진한다. 개정안은 다음 달 상정된다.", "충청남도"),
    ("대구 지하철 무임승차 손실 681억", "대구교통공사는 지난해 무임승차 손실이 681억원이었다고 7일 밝혔다.", "대구광역시"),
    ("김장 나눔 행사 열려", ("무안군 청계면 지역사회보장협의체(위원장 김모)는 15일 김장 나눔 행사를 열었다. 김치 200포기를 "
                          "담갔다."), "전라남도 무안군"),
    ("잃어버린 돈 찾아준 공무원들", "안동시 직원들이 시민이 잃어버린 돈을 찾으려 쓰레기 2t을 뒤졌다.", "경상북도 안동시"),
    # an administrative city of its province, as the subject
    ("제주시, 평가 16개 부문 수상", "제주시가 시민 중심 행정을 펼친 결과 올해 평가 16개 부문에서 상을 받았다.", "제주특별자치도"),
    # a gift handed to the government's town office
    ("유치원생들, 라면 기부", "한빛유치원은 라면 30상자를 목포시 원산동행정복지센터에 기부했다.", "전라남도 목포시"),
    # the region's weather or statistics
    ("강원 영동 내일까지 100㎜ 비", "기상청에 따르면 강원 영동에는 내일까지 최대 100㎜의 비가 내린다.", "강원특별자치도"),
])
def test_a_governments_own_bodies_towns_staff_or_statistics_keep_its_article(tmp_path, title, body, expected):
    assert attribute(tmp_path, title, body, date="2025-03-10").agency == expected


@pytest.mark.parametrize("text", ["경북대 총장 후보", "전북대학교는", "충남대병원에서", "서울대 의대", "부산대 교수진이"])
def test_a_university_named_by_its_place_is_no_mention_of_the_place(text):
    assert gazetteer().mentions(text) == []


@pytest.mark.parametrize("text", [
    "여자부 경기 도중 조롱했다", "경기를 마친 손흥민", "경기가 끝난 뒤", "경기 침체로 어렵다", "서울월드컵 경기장에서",
    "고양이·생쥐", "고양이 치료비",  # an ordinary word spelled as a name: a game, the economy, a stadium, a cat
    "높은 영주권 문턱", "아마존 원주민 보호구역",  # permanent residency, indigenous people
])
def test_an_ordinary_word_spelled_as_a_name_is_no_mention_where_nothing_places_it(text):
    assert [m for m in gazetteer().mentions(text) if m.surface in ("경기", "고양", "영주", "원주")] == []


@pytest.mark.parametrize("text, name", [
    ("경기 고양시 일산", "경기도"), ("경기 평택에 있는 공장", "경기도"), ("경기 남부 지역", "경기도"),
    ("서울·경기·강원에 비", "경기도"), ("서울과 경기에서 비가", "경기도"), ("경기·인천 지역", "경기도"),
    ("경기 교육청은", "경기도교육청"), ("경기도, 공흥지구", "경기도"), ("경기남부경찰청은", "경기도"),
    ("고양 킨텍스에서", "경기도 고양시"), ("경북 영주 시내", "경상북도 영주시"), ("원주에서 열린", "강원특별자치도 원주시"),
])
def test_the_same_word_placed_by_a_name_or_a_region_word_beside_it_is_the_place(text, name):
    assert name in [c for m in gazetteer().mentions(text) for c in m.candidates]


def test_every_homograph_is_spelled_from_a_name_the_gazetteer_knows():
    """data/homographs.csv lists ordinary words spelled as a government's short name: each row's word begins with its
    form, and the form is one the gazetteer matches (else the row guards nothing)."""
    from tui.pipeline.lexicon import read_table
    gaz = gazetteer()
    rows = read_table("homographs.csv")
    assert rows and all(re.compile(row[c]) for row in rows for c in ("after", "before") if row[c])
    for row in rows:
        assert row["word"].startswith(row["form"]) and (row["form"] in gaz.forms or row["form"] in gaz.places), row
        assert row["word"] in gaz.homographs or row["word"] in [w for w, _, _ in gaz.contextual.get(row["word"][:2], ())]
        # a longer word is ordinary with whatever follows it, but a name that begins with it stays the name
        if len(row["word"]) > len(row["form"]):
            for name in [n for n in [*gaz.forms, *gaz.places] if n.startswith(row["word"]) and n != row["word"]]:
                assert [m.surface for m in gaz.mentions(name + "에서")] == [name], name


@pytest.mark.parametrize("text", [
    "농업 대전환을 공약했다", "대전협은 성명을 냈다", "세종대왕의 업적", "천안문 광장에서", "천안함 폭침 이후",
    "화천대유자산관리 대표", "순천향대학교 병원", "무주택 가구에 지원", "여주인공을 맡았다", "사하라 사막",
    "2차 대전이 끝나고", "제2차 대전 당시", "세계 대전 중에", "법무법인 세종은 밝혔다", "㈜광주 대표",
    "웨이퍼를 양산했다", "용인될 수 없다", "이상한 행동을 하죠", "중동 정세 불안", "수분의 이동이 막히면서",
    "음악 신동으로 불렸던", "우동 한 그릇", "바람이 강하면 전력이 남는다", "직원 일동은",
    "양산을 쓴 시민들", "폭염에 양산 쓰고 걷는", "양산이나 모자로 햇볕을 가리고", "D램 양산에 성공했다",
    "본격적인 양산 체제를 갖췄다", "연말 양산을 앞두고", "달과 화성에 기지를", "화성 탐사선이 착륙했다",
    "목성과 화성 사이", "화성행궁 야간 개장", "자동차 경주 대회", "경주용 보트를 타고",
])
def test_a_word_that_only_begins_like_a_name_or_is_put_where_a_name_is_not_is_no_mention(text):
    """Longer words (대전환, 세종대왕), a war (2차 대전), a firm (법무법인 세종), a verb (양산했다) and the names of
    읍·면·동 that are ordinary words (행동, 중동, 강하면) name no government."""
    assert gazetteer().mentions(text) == []


@pytest.mark.parametrize("text, name", [
    ("대전 서구 관저동", "대전광역시"), ("열차가 대전에 도착", "대전광역시"), ("대전역 광장", "대전광역시"),
    ("세종시 나성동에서", "세종특별자치시"), ("세종대왕면에서", "경기도 여주시"), ("순천 행동 일원", "전라남도 순천시"),
    ("해운대구 우동 센텀", "부산광역시 해운대구"), ("양산시는 밝혔다", "경상남도 양산시"), ("유성개발㈜\n대전 유성호텔", "대전광역시"),
    ("경남 양산의 낮 최고기온", "경상남도 양산시"), ("양산에서 열린 축제", "경상남도 양산시"), ("부산~양산~울산 철도", "경상남도 양산시"),
    ("경기 화성에서 열린", "경기도 화성시"), ("화성에서 열린 박람회", "경기도 화성시"), ("화성동탄경찰서는", "경기도 화성시"),
    ("경주에서 열리는 APEC", "경상북도 경주시"), ("경북 경주의 문화유산", "경상북도 경주시"),
])
def test_the_name_itself_beside_those_words_is_still_found(text, name):
    assert name in [c for m in gazetteer().mentions(text) for c in m.candidates]


def test_the_fortress_of_suwon_is_not_the_city_of_hwaseong():
    assert [m.candidates for m in gazetteer().mentions("수원 화성 성곽길을 걸었다")] == [("경기도 수원시",)]


def test_a_column_about_a_novels_characters_acts_is_given_no_government(tmp_path):
    body = ("소설의 주인공은 귀족 청년이다. 그는 사람들 앞에서 남의 귀를 무는 등 이상한 행동을 하죠.\n"
            "작가는 이 인물의 행동을 통해 당대의 허무주의를 비판했어요.\n그의 몹쓸 행동은 결국 비극으로 끝납니다.")
    article = attribute(tmp_path, "[고전 이야기] 허무주의를 비판한 소설", body, date="2021-03-02")
    assert article.agency is None


def test_a_sports_news_with_a_game_in_its_headline_is_given_no_government(tmp_path):
    body = ("17일 인천 삼산월드체육관에서 열린 프로배구 V리그 여자부 경기 도중 한 구단의 수석코치가 상대 팀 감독을 "
            "향해 조롱하는 듯한 손짓을 했다.\n이날 경기를 중계하던 해설위원은 저런 행동을 하면 안 된다고 지적했다.")
    article = attribute(tmp_path, "외국인 코치, 경기 도중 조롱? 상대 감독의 황당 표정", body, date="2025-01-18")
    assert article.agency != "경기도"


def test_an_avenue_named_by_its_place_is_still_the_place():
    assert [m.candidates for m in gazetteer().mentions("광주대로 일대")] == [("광주광역시",)]


def test_a_universitys_own_news_is_no_governments(tmp_path):
    body = ("25일 실시된 경북대 총장임용후보자선거에서 허영우 교수와 이형철 교수가 1순위와 2순위 후보로 선출됐다.\n"
            "경북대는 두 교수를 총장임용후보자로 교육부에 추천할 예정이다.\n경북대 관계자는 절차를 밟겠다고 밝혔다.")
    assert attribute(tmp_path, "경북대 총장 후보 1순위, 허영우 교수 선정", body, date="2024-06-25").agency is None
    # the province's own news about its university stays the province's
    body = "경북도는 경북대와 협약을 맺고 반도체 인재 양성에 10억원을 지원한다고 밝혔다.\n경북도는 올해 사업을 시작한다."
    assert attribute(tmp_path, "경북도, 경북대와 반도체 인재 협약", body, date="2024-06-25").agency == "경상북도"


@pytest.mark.parametrize("text, agency", [
    ("충북소방본부는 밝혔다", "충청북도"), ("광산구보건소가 운영한다", "광주광역시 광산구"),
    ("나주시농업기술센터는 교육을 열었다", "전라남도 나주시"), ("부산소방재난본부에 따르면", "부산광역시"),
])
def test_a_governments_organ_glued_to_its_name_is_the_government(text, agency):
    first = gazetteer().mentions(text)[0]
    assert (first.kind, first.candidates) == ("agency", (agency,))


def test_the_government_that_tells_the_news_comes_before_the_place_it_happens_in(tmp_path):
    body = ("20일 오후 2시쯤 경남 김해시 한림면의 한 부품 공장에서 불이 났다.\n"
            "경남소방본부는 이 불로 2명이 다쳤다고 밝혔다. 김해시 한림면 일대에 연기가 퍼졌다.\n"
            "경남소방본부는 정확한 화재 원인을 조사하고 있다.")
    assert attribute(tmp_path, "김해 부품 공장서 불…2명 부상", body, date="2025-05-11").agency == "경상남도"
    # the place's own government acting keeps the news
    body = body.replace("경남소방본부는 이 불로", "김해시는 이 불로")
    assert attribute(tmp_path, "김해 부품 공장서 불…2명 부상", body, date="2025-05-11").agency == "경상남도 김해시"


def test_a_head_who_served_both_terms_is_no_conflict_with_the_term_the_text_names(tmp_path):
    """A re-elected head backs each term served; with the body naming one of them, nothing conflicts, and the
    flag of a real conflict names each piece of evidence once."""
    body = ("광주 서구는 민선 8기 들어 주민 소통을 강화했다고 밝혔다.\n김이강 서구청장은 민선 8기 공약을 지켰다고 말했다.\n"
            "서구는 민선 8기 핵심 사업을 이어간다.")
    article = attribute(tmp_path, "광주 서구, 민선 8기 소통행정", body, date="2023-05-11")
    assert article.term == 8
    assert not [f for f in article.flags if f.code == "term_conflict"]


@pytest.mark.parametrize("text", ["김완주 도지사에 대한 평가", "강기정 시장께 드리는 편지", "김영록 지사에게는"])
def test_a_heads_name_with_its_title_and_any_particle_is_the_head(text):
    assert [m.kind for m in gazetteer().mentions(text)] == ["head"]
