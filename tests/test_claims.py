"""Issue 4: claim spans against the hand-labelled seeds, status, speech, programs, stable ids, corroboration."""

import json
import sqlite3
from pathlib import Path

import pytest
from claim_eval import evaluate
from click.testing import CliRunner

from tui.cli import cli
from tui.pipeline.claims import find_spans
from tui.pipeline.kiwi import get_kiwi
from tui.pipeline.segment import split_sentences
from tui.pipeline.status import announces, headline_status, status_of


@pytest.fixture(scope="module")
def report(seed_results):
    return evaluate(seed_results)


@pytest.mark.parametrize("kind", ["money", "count", "percent"])
def test_precision_and_recall_on_labelled_seeds(report, kind):
    figures = report["kinds"][kind]
    misses = [(m["span"], m["sentence"]) for m in report["misses"] if m["kind"] == kind]
    alarms = [(p["span"], p["sentence"][:40]) for p in report["false_alarms"] if p["kind"] == kind]
    assert figures["precision"] >= 0.9, alarms
    assert figures["recall"] >= 0.9, misses


def test_values_of_matched_spans_are_exact(report):
    assert report["value_accuracy"] == 1.0


def test_streaks_qualify_the_award_or_rank_they_precede(report):
    assert report["streak_accuracy"] == 1.0
    assert not any(p["span"].endswith("연속") for p in report["false_alarms"])


def test_every_kind_is_found(report):
    for kind in ("score", "rank", "award", "first"):
        assert report["kinds"][kind]["recall"] >= 0.8, kind


def test_no_claims_from_the_advert_or_the_video_and_news_lists(seed_results):
    texts = [c.text for prefix in ("001", "004") for a in seed_results[prefix].articles for c in a.claims]
    for chrome in ("대출", "1,500만원", "2.28%", "부동산", "17억의 비밀", "13%", "200달러", "6:3", "5000 돌파"):
        assert not any(chrome in t for t in texts), chrome


def sentence_status(text: str) -> str:
    """Return the status the pipeline gives a one-sentence text."""
    (sent,) = split_sentences(get_kiwi(), text)
    return status_of(sent.tokens, text, 0, find_spans(text))


@pytest.mark.parametrize("text, status", [
    ("광산구는 올해 일자리 1천개를 창출했다.", "achieved"),
    ("서구는 특례 보증 지원금을 30억원으로 확대했다.", "achieved"),
    ("광주시는 국비 137억원을 확보하는 성과를 냈다.", "achieved"),
    ("광산구는 3년 연속 최우수상을 수상했다.", "achieved"),
    ("서구는 우수기관으로 선정됐다.", "achieved"),
    ("소상공인 1만명에게 30만원을 지급한 사업이 눈길을 끈다.", "achieved"),
    ("광산구는 복합지원센터 건립을 추진 중이다.", "ongoing"),
    ("서구는 경로당 120곳을 운영 중이다.", "ongoing"),
    ("광산구는 청년 200명에게 주거비를 지원하고 있다.", "ongoing"),
    ("광주시는 내년까지 일자리 500개를 만들 계획이다.", "planned"),
    ("서구는 다음 달 주민 300명을 대상으로 설명회를 열 예정이다.", "planned"),
    ("광산구는 2030년까지 숲 100곳을 조성하겠다고 밝혔다.", "planned"),
    ("구는 사업비 50억원을 투입할 것이다.", "planned"),
    ("도서관은 초등학생 30명을 모집한다.", "planned"),
    ("광주시는 2045년 에너지자립률 100% 달성을 목표로 하고 있다.", "planned"),
    # a reported statement is judged by its own predicate, not by the past tense of 밝혔다
    ("교육청은 신입생 4만명에게 교복비 125억원을 지원한다고 24일 밝혔다.", "ongoing"),
    ("구는 올해 청년 300명이 취업했다고 설명했다.", "achieved"),
    ("시는 모든 가구에 10만원씩 지원금을 지급하기로 했다.", "planned"),  # a decision, not a payment
    ("반도체 분야에서는 5개 기업이 1조원을 투자하기로 했다.", "achieved"),  # a pledge won is the achievement
    ("기부금을 합치면 5억원을 돌파할 것으로 구는 전망했다.", "planned"),  # an expectation, in the past tense
    ("지난해 매출 100억원을 달성한 것으로 집계됐다.", "achieved"),
    ("참여자의 소비 총액은 약 640억원으로 추산된다고 밝혔다.", "achieved"),  # a figure estimated is a result
    # 지정 이후: an achievement word that dates the sentence does not make what it says done
    ("도는 선제대응지역 지정 이후 27개 사업을 추진하며 지원을 확대하고 있다.", "ongoing"),
    # …라고 밝힌 바 있다: a statement reported earlier is judged by its own predicate too
    ("군수도 간담회에서 난민 10가구에 대해 시범사업을 계획 중이라고 밝힌 바 있다.", "planned"),
    # forecasts, whatever the tense of their report
    ("이 경우 군의 인구는 2만명까지 줄어들 것으로 예상됐다.", "planned"),
    ("고위 시나리오에서는 30만명으로 전망됐고, 저위에서는 20만명에 그칠 것으로 나타났다.", "planned"),
    ("앞으로 관광객이 500만명을 넘어설 수 있다는 전망이 나왔다.", "planned"),
    ("요금은 1000원에서 1200원으로 오를 예정이었다.", "planned"),  # what was to be, not what was
    # a statement reported with its speaker after the quote is judged by its own predicate
    ("전문의 2명을 추가 확보할 계획이라고 병원 측은 밝혔다.", "planned"),
    # a purpose (…달성하기 위해) and a fixed link (…을 위한, 인접한) are not acts done
    ("도는 일자리 10만개 목표를 달성하기 위해 창업 지원을 늘릴 계획이다.", "planned"),
    ("군은 인접한 3개 면에 초소를 설치해 출입을 통제하고 있다.", "ongoing"),
    # a stated fact is a result when it names its time or a rank, else a state
    ("지난해 관광객은 120만명이다.", "achieved"),
    ("시의 고용률 증가폭은 전국 1위다.", "achieved"),
    ("입장료는 성인 7천 원이다.", "ongoing"),
    ("군의 인구는 약 2만명이다.", "ongoing"),
    # an achievement word in the present or future (선정한다, 유치한다, 지정할) names an act not yet done
    ("군은 심사를 거쳐 최종 12명을 선정한다.", "ongoing"),
    ("시는 외국 자본 3조원을 유치한다고 발표했다.", "ongoing"),
    ("도는 임야 14개 필지를 토지거래허가구역으로 지정할 수 있도록 협의하고 있다.", "ongoing"),
    ("구는 국비 20억원을 확보한 뒤 공사를 시작한다.", "achieved"),  # the money secured, whatever comes next
    ("군은 경로당 30개소에 각각 200만 원을 지원한다.", "ongoing"),  # 개소 after a number counts places
    ("구는 청년센터를 개소했다.", "achieved"),
    # a value that runs on to a predicate in progress is ongoing, whatever an earlier clause says was done; a past
    # or an achievement word after the value, or a result's time, keeps it done
    ("군은 공모에 뽑혀 해마다 2억 원씩, 모두 6억 원을 들여 사업을 벌이고 있다.", "ongoing"),
    ("시는 공모에 뽑힌 뒤 매달 50만 원을 지원하고 있다.", "ongoing"),
    ("구는 올해 120개 기업에서 1천억원의 투자를 유치하는 등 성장을 이어가고 있다.", "achieved"),
    ("시는 공모에 뽑힌 뒤 지난해 50만 원을 지원하고 있다.", "achieved"),  # a result's time
    ("구는 개통 8개월 만에 1500여 건의 신청이 들어올 만큼 호응을 얻고 있다.", "achieved"),  # a time elapsed
    # the plain present of an act the agency schedules tells what is to come; a state's verb tells what is
    ("군은 면접을 거쳐 최종 25명을 선발한다.", "planned"),
    ("시는 국비 80억원을 투입해 체육관을 짓고 광장을 조성한다.", "planned"),
    ("도는 11월 둘째 주에 박람회를 연다.", "planned"),
    ("등록 외국인은 1만2000명으로 전체 인구의 3.1%를 차지한다.", "ongoing"),
    ("도는 3억원을 확보했으며 사업을 추진하고 있다.", "achieved"),
    # a sentence that runs on from a plan (…될 예정으로, …할 계획이며) tells what is to come, whatever it ends in
    ("올해는 60여 개 세션과 40여 개의 부스가 운영될 예정으로, 역대 최대 규모다.", "planned"),
    ("군은 5년간 456억원을 투입할 계획이며, 항로 준설도 함께 추진한다.", "planned"),
    ("시는 3억원을 투입할 예정이었으나 사업이 지난해 끝났다.", "achieved"),
])
def test_status_from_the_predicate(text, status):
    assert sentence_status(text) == status


def test_a_stated_breakdown_takes_the_status_of_the_sentence_before():
    """내국인은 …명, 외국인은 …명이다 breaks down the figures of the sentence before: it takes their status; a
    state stated on its own is ongoing."""
    text = "내국인은 70만명, 외국인은 20만명이다."
    (sent,) = split_sentences(get_kiwi(), text)
    assert status_of(sent.tokens, text, 0, find_spans(text), previous="achieved") == "achieved"
    assert status_of(sent.tokens, text, 0, find_spans(text)) == "ongoing"


def test_an_announced_scheme_is_planned_throughout_its_article():
    """A headline announcing a start to come makes the body's plain present tense a plan; a headline of
    results or of expectations does not."""
    text = "기후보험 가입자는 진단비 10만원을 정액 지원받는다."
    (sent,) = split_sentences(get_kiwi(), text)
    assert status_of(sent.tokens, text, 0, find_spans(text), announces("경기도, ‘기후보험’ 3월부터 시행")) == "planned"
    assert status_of(sent.tokens, text, 0, find_spans(text), announces("관광객 1천만명 돌파 기대")) == "ongoing"
    assert headline_status("울산 내년 국가예산 2조7754억 원 확보") == "achieved"  # next year's money, secured now
    assert headline_status("부산 중구 “출산장려금 1000만원 지원 추진”") == "planned"  # the quote mark is not the end
    assert headline_status("강남구, 재산세 감면 다음 달부터") == "planned"


@pytest.mark.parametrize("headline, status", [
    # a headline's plain present announces what is to come; a saying quoted at its end does not
    ("광산구, 내년 소아과 전문의 6명 확보한다", "planned"),
    ("무안에 500억 규모 물류센터 들어선다", "planned"),
    ("여수시, 시내버스 노선 12개 줄인다", "planned"),
    ("순천시, 국비 40억 원 확보", "achieved"),
    ("청년 1인 가구 30만 … “혼자서도 잘 산다”", "achieved"),
])
def test_a_headlines_plain_present_announces(headline, status):
    assert headline_status(headline) == status


@pytest.mark.parametrize("headline, status", [
    ("곡성군 지역소멸대응기금 투자계획 평가 A등급 80억 원 확보", "achieved"),  # the plan is what was evaluated
    ("영암군, 지방소멸대응기금 투자계획 평가 S등급", "achieved"),
    ("광산구, 청년 일자리 확대 계획", "planned"),
    ("북구, 2026년 업무계획 발표", "planned"),
])
def test_a_plan_a_headline_reports_as_evaluated_is_no_plan_of_its_own(headline, status):
    assert headline_status(headline) == status


def test_numbers_in_a_quotation_are_marked_with_the_speaker(seed_results):
    claims = [c for a in seed_results["002"].articles for c in a.claims if "2000여 건" in c.text]
    assert claims and claims[0].speaker == "서구 관계자"
    plain = [c for a in seed_results["002"].articles for c in a.claims if "67.5점" in c.text]
    assert plain[0].speaker is None


PROGRAMS = {
    "000": ["행복정책 프로젝트", "사장님 활력지원금", "내 삶을 바꾸는 안전광산프로젝트", "기업주치의센터", "늘행복 프로젝트"],
    "001": ["바로소통광주", "광주형 일자리"],
    "002": ["바로 문자 하랑께", "소상공인 경영지원센터"],
    "003": ["광주형일자리", "광주상생카드", "빛고을 소상공인 지킴이", "현장 경청의 날"],
    "004": ["동 미래발전계획", "지속가능 일자리 녹서"],
}


@pytest.mark.parametrize("prefix", sorted(PROGRAMS))
def test_program_names_per_seed(seed_results, prefix):
    names = {p.name for a in seed_results[prefix].articles for p in a.programs}
    for name in PROGRAMS[prefix]:
        assert name in names, (name, sorted(names))


def test_claims_are_attributed_to_the_program_they_name(seed_db):
    from tui.store.db import connect
    from tui.store.schema import CLAIM_TEXT

    rows = connect(seed_db).execute("SELECT p.name FROM claims c JOIN programs p ON p.id = c.program "
                                    f"JOIN articles a ON a.id = c.article WHERE {CLAIM_TEXT} LIKE '%1만2천500명%'"
                                    ).fetchall()
    assert rows == [("사장님 활력지원금",)]


def test_one_program_per_agency_and_term_whatever_the_spacing(tmp_path):
    from tui.ingest import ingest

    for i, spelling in enumerate(["광주형 일자리", "광주형일자리"]):
        page = tmp_path / f"p{i}.txt"
        page.write_text(f"광주시 일자리 소식\n\n광주시는 ‘{spelling}’ 사업으로 일자리 {i + 1}00개를 만들었다. "
                        f"광주시는 {i + 1}년 연속 성과를 냈다.\n2021.03.0{i + 1}\n홍길동 기자\n", encoding="utf-8")
    db = tmp_path / "p.db"
    ingest(db, [tmp_path], jobs=1)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT key, count(*) FROM programs GROUP BY key").fetchall()
    assert rows == [("광주형일자리", 1)]
    assert con.execute("SELECT count(DISTINCT program) FROM claims").fetchone()[0] == 1


def test_near_identical_programs_are_linked_not_merged(seed_db):
    result = CliRunner().invoke(cli, ["--db", str(seed_db), "programs", "--json"])
    rows = json.loads(result.stdout)
    jangrok = [r for r in rows if r["name"].startswith("장록습지")]
    jangryuk = [r for r in rows if r["name"].startswith("장륙습지")]
    assert jangrok and jangryuk
    assert any(p["name"].startswith("장륙습지") for p in jangrok[0]["possibly_same"])


def _scheme_page(path: Path, name: str, day: int) -> Path:
    path.write_text(f"광산구 청년 소식\n\n광산구는 ‘{name}’ 사업으로 청년 {day}00명에게 저축을 지원했다고 {day}일 "
                    f"밝혔다. ‘{name}’은 광산구 대표 청년 정책이다.\n2021.05.0{day}\n김기자 기자\n", encoding="utf-8")
    return path


def test_near_identical_programs_read_in_separate_runs_are_linked(tmp_path):
    """The names a program is compared with are derived from the stored programs (nothing is kept for it in the
    file): a name read in a later run is linked to a near-identical one stored before, and not to a program whose
    file was read again without it."""
    from tui.ingest import ingest

    db = tmp_path / "l.db"
    first = _scheme_page(tmp_path / "a.txt", "청년드림통장", 2)
    ingest(db, [first], jobs=1)
    ingest(db, [_scheme_page(tmp_path / "b.txt", "청년드림동장", 3)], jobs=1)
    related = dict(sqlite3.connect(db).execute("SELECT name, related FROM programs").fetchall())
    ids = dict(sqlite3.connect(db).execute("SELECT name, id FROM programs").fetchall())
    assert json.loads(related["청년드림동장"]) == [ids["청년드림통장"]]
    assert json.loads(related["청년드림통장"]) == [ids["청년드림동장"]]
    _scheme_page(first, "마을돌봄센터", 2)  # the first file, read again, names another program
    ingest(db, [first, _scheme_page(tmp_path / "c.txt", "청년드림중장", 4)], jobs=1)
    names = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM programs")}
    assert "청년드림통장" not in names
    related = dict(sqlite3.connect(db).execute("SELECT name, related FROM programs").fetchall())
    assert [ids.get(i, i) for i in json.loads(related["청년드림중장"])] == [ids["청년드림동장"]]


def test_program_names_are_read_again_after_another_connection_writes(tmp_path):
    """A writing connection keeps the program names it read, until another connection commits."""
    from tui.ingest import ingest
    from tui.store.db import connect
    from tui.store.write import ProgramNames

    db = tmp_path / "n.db"
    ingest(db, [_scheme_page(tmp_path / "a.txt", "청년드림통장", 2)], jobs=1)
    store = connect(db)
    store.conn.execute("BEGIN IMMEDIATE")
    names = ProgramNames.of(store)
    assert any(names.area(store.conn, "광주광역시").values())
    store.conn.execute("COMMIT")
    store.conn.execute("BEGIN IMMEDIATE")
    assert ProgramNames.of(store) is names  # (nothing written since)
    store.conn.execute("COMMIT")
    ingest(db, [_scheme_page(tmp_path / "b.txt", "청년드림동장", 3)], jobs=1)
    store.conn.execute("BEGIN IMMEDIATE")
    again = ProgramNames.of(store)
    added = sqlite3.connect(db).execute("SELECT id FROM programs WHERE name = '청년드림동장'").fetchone()[0]
    assert again is not names and added in set().union(*again.area(store.conn, "광주광역시").values())
    store.conn.execute("COMMIT")


def test_claim_ids_are_stable_across_a_rebuild(tmp_path):
    from conftest import seed

    from tui.ingest import ingest

    db = tmp_path / "r.db"
    ingest(db, [seed("002")], jobs=1)
    before = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT id FROM claims"))
    ingest(db, [], jobs=1, rebuild=True)
    after = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT id FROM claims"))
    assert before == after and before


def test_corroboration_counts_other_articles_with_the_same_value(tmp_path):
    from tui.ingest import ingest

    for i, outlet in enumerate(["kwangju.co.kr", "hankyung.com"]):
        page = tmp_path / f"c{i}.txt"
        page.write_text(f"광산구 청년 일자리\n\n광산구는 올해 청년 일자리 1천200개를 만들었다고 {i + 2}일 밝혔다. "
                        f"광산구는 성과를 알렸다.\n2021.05.0{i + 2}\n기자{i} 기자 a@{outlet}\n", encoding="utf-8")
    db = tmp_path / "c.db"
    ingest(db, [tmp_path], jobs=1)
    result = CliRunner().invoke(cli, ["--db", str(db), "claims", "--kind", "count", "--json"])
    spans = [s for c in json.loads(result.stdout) for s in c["spans"] if s["value"] == 1200]
    assert len(spans) == 2 and all(s["corroborated_by"] == 1 for s in spans)


def test_claims_json_contract_and_filters(seed_db):
    runner = CliRunner()
    rows = json.loads(runner.invoke(cli, ["--db", str(seed_db), "claims", "--agency", "서구", "--json"]).stdout)
    assert rows and {r["agency"] for r in rows} == {"광주광역시 서구"}
    for row in rows:
        assert {"id", "article", "source", "agency", "term", "program", "category", "status", "sentence",
                "spans"} <= set(row)
        for span in row["spans"]:
            assert {"kind", "text", "start", "end", "value", "unit", "approx"} <= set(span)
    money = json.loads(runner.invoke(cli, ["--db", str(seed_db), "claims", "--kind", "money", "--json"]).stdout)
    assert money and all(any(s["kind"] == "money" for s in r["spans"]) for r in money)
    by_program = json.loads(runner.invoke(cli, ["--db", str(seed_db), "claims", "--program", "광주형 일자리",
                                                 "--json"]).stdout)
    assert by_program and all(r["program"] and "광주형" in r["program"] for r in by_program)


def test_the_same_claim_sentence_in_two_articles_keeps_each_articles_spans(tmp_path):
    """One stable claim id in two articles: each row carries the spans of its own article, once."""
    from tui.ingest import ingest

    sentence = "광산구는 올해 청년 일자리 1천200개를 만들었다고 밝혔다."
    for i, lead in enumerate(["", "광산구는 지난달 채용 박람회를 열었다. "]):
        page = tmp_path / f"s{i}.txt"
        page.write_text(f"광산구 청년 일자리 {i}\n\n{lead}{sentence} 광산구는 성과를 알렸다.\n2021.05.0{i + 2}\n",
                        encoding="utf-8")
    db = tmp_path / "s.db"
    ingest(db, [tmp_path], jobs=1)
    result = CliRunner().invoke(cli, ["--db", str(db), "claims", "--kind", "count", "--json"])
    rows = [c for c in json.loads(result.stdout) if c["sentence"] == sentence]
    assert len(rows) == 2 and len({c["id"] for c in rows}) == 1 and len({c["article"] for c in rows}) == 2
    assert all([s["text"] for s in c["spans"]] == ["1천200개"] for c in rows)
    starts = sorted(c["spans"][0]["start"] for c in rows)
    assert starts[1] - starts[0] == len("광산구는 지난달 채용 박람회를 열었다. ")


@pytest.mark.parametrize("lead, status", [
    # the agency's own budget proposal before its council: its lines are planned, whatever their tense
    ("북구가 편성한 ‘2027년도 예산안 5,210억원’에 대한 북구의회 심의가 지난 3일부터 열리고 있다.", "planned"),
    ("북구는 5,210억원 규모의 제2회 추가경정예산안을 편성해 구의회에 제출한다고 밝혔다.", "planned"),
    # adopted by the council, or the government's budget bill the agency secured money in: done
    ("북구의회는 지난 16일 본회의에서 2027년도 예산안 5,210억원을 의결했다.", "achieved"),
    ("북구는 정부 예산안에 국비 120억원이 반영됐다고 밝혔다.", "achieved"),
])
def test_the_lines_of_a_budget_proposal_not_yet_adopted_are_planned(tmp_path, lead, status):
    from tui.ingest import ingest

    page = tmp_path / "budget.txt"
    page.write_text(f"북구, 내년 살림 발표\n\n{lead}\n\n구는 경로당 운영 지원 21억원 등을 반영했다.\n", encoding="utf-8")
    db = tmp_path / "b.db"
    ingest(db, [tmp_path], jobs=1)
    rows = json.loads(CliRunner().invoke(cli, ["--db", str(db), "claims", "--json"]).stdout)
    line = next(r for r in rows if any(s["value"] == 2.1e9 for s in r["spans"]))
    assert line["status"] == status


@pytest.mark.parametrize("pattern, words", [
    (r"최우수상", (("최우수상",),)),
    (r"(?:최우수|우수)\s?기관", (("기관",), ("우수",))),
    (r"(?<=이번\s)(?:표창|인증)(?=은|을)", (("이번",), ("인증", "표창"), ("은", "을"))),
    (r"(?:역대)?\s?최[대고]", (("최",), ("고", "대"))),
    (r"(?i)award", ()),
    (r"a(?i:wards)", (("a",),)),
    (r"x?y*", ()),
])
def test_the_words_a_pattern_cannot_match_without(pattern, words):
    import re

    from tui.pipeline.lexicon import required_words

    assert required_words(re.compile(pattern)) == words


def test_every_claim_word_match_holds_the_words_its_filter_requires():
    """A claim-word pattern (and a streak, a prize level, a native count, a footer line) is tried only on text
    with the words it requires: on every labelled sentence it matches, those words are there, so the filter
    changes no span."""
    from tui.pipeline.claims import (
        LEVEL_ALONE,
        NATIVE_NOUN,
        STREAK,
        _claim_word_filters,
    )
    from tui.pipeline.lexicon import chrome, holds_one_of_each, required_words

    lines = Path(__file__).parent / "data" / "seed_claims.jsonl"
    sentences = {json.loads(line)["sentence"] for line in lines.read_text(encoding="utf-8").splitlines() if line}
    rows = [(pattern, needs) for _, pattern, _, needs in _claim_word_filters()]
    rows += [(p, required_words(p)) for p in (STREAK, LEVEL_ALONE, NATIVE_NOUN, *chrome().footers)]
    matched = 0
    for pattern, needs in rows:
        for sentence in sentences:
            if pattern.search(sentence):
                matched += 1
                assert holds_one_of_each(sentence, needs), (pattern.pattern, needs, sentence)
    assert matched >= 20
