"""Issue 13: claim lines that say what was achieved, achievements first, honest header figures, many districts
at once (matrix), pictures, and the command line's conventions."""

import json

import pytest
from textual.widgets import DataTable, OptionList, Sparkline
from ui_helpers import ingest_page, settle, static_text, visible_rows
from ui_helpers import run_cli as run

from tui.models import ACHIEVEMENT_CLASSES, CLASSES
from tui.store.compare import Side
from tui.ui.app import make_app
from tui.ui.screens.claims import ClaimsScreen
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.matrix import MatrixScreen
from tui.ui.widgets.claim_list import ClaimList

PAGE = """담양군, 국비 120억원 확보…전국 최초 ‘대나무 탄소은행’ 운영

담양군은 올해 정부 공모사업에 선정돼 국비 120억원을 확보했다고 3일 밝혔다.
군은 지난달 행정안전부 주관 지방자치단체 혁신평가에서 대통령상을 받았다.
군은 전국 최초로 대나무 탄소은행을 도입했다.
군의 청렴도 평가는 전국 2위를 기록했고, 종합점수는 92.5점이었다.
관광객은 지난해보다 12.5% 늘어난 350만 명으로 집계됐다.
설명회에는 주민 80명이 참석했다.

2025.11.03
김민수 기자
"""




def test_every_claim_line_leads_with_its_values_for_every_kind(tmp_path):
    db = ingest_page(tmp_path, PAGE)
    claims = json.loads(run(db, "claims", "--json").stdout)
    kinds = set()
    for claim in claims:
        line = claim["line"]
        assert line and "\n" not in line
        for span in claim["spans"]:
            assert span["text"] in line, (span["text"], line)
            kinds.add(span["kind"])
        assert len(line) < len(claim["sentence"]) + 10  # a line, not the sentence again
    assert kinds >= {"money", "count", "percent", "score", "rank", "award", "first"}
    by_value = {s["text"]: c["line"] for c in claims if c["zone"] == "body" for s in c["spans"]}
    assert by_value["120억원"].startswith("국비 120억원")
    assert by_value["대통령상"].startswith("대통령상 — ") and "혁신평가" in by_value["대통령상"]
    assert by_value["80명"] == "주민 80명 참석"  # who, how many, and what they did


def test_claims_come_achievements_first(tmp_path):
    db = ingest_page(tmp_path, PAGE)
    claims = json.loads(run(db, "claims", "--json").stdout)
    order = [CLASSES.index(c["class"]) for c in claims]
    assert order == sorted(order)
    assert claims[0]["class"] in ACHIEVEMENT_CLASSES and claims[-1]["class"] not in ACHIEVEMENT_CLASSES
    table = run(db, "claims").stdout
    assert "국비 120억원" in table


async def test_the_browser_lists_achievements_first_and_f_shows_only_them(seed_db):
    app = make_app(seed_db, agency="광주광역시 광산구", term=7)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        rows = visible_rows(claims)
        ranks = [CLASSES.index(r["class"]) for r in rows]
        assert ranks == sorted(ranks) and rows[0]["class"] in ACHIEVEMENT_CLASSES
        title = static_text(app.screen.query_one("#claims-title"))
        assert "전체 " in title and "성과 " in title
        total = claims.total
        await pilot.press("f")
        await settle(pilot)
        assert 0 < claims.total < total
        assert all(r["class"] in ACHIEVEMENT_CLASSES for r in visible_rows(claims))
        assert "성과만" in static_text(app.screen.query_one("#claims-title"))
        assert rows[0]["line"] in claims.row_text(rows[0], 200).plain
        assert app.screen.query_one(Sparkline).data  # claims per month of the place


async def test_each_header_figure_opens_the_claims_behind_it(seed_db):
    app = make_app(seed_db, compare=(Side("광주광역시 광산구", 7), Side("광주광역시 서구", 8)))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        figures = screen.query_one("#left-figures", OptionList)
        keys = [o.id for o in figures.options]
        assert keys[:2] == ["achievements", "funding"] and "award:대통령" in keys
        figures.focus()
        figures.highlighted = keys.index("award:대통령")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        listing = app.screen.query_one(ClaimList)
        assert listing.filter.classes == ("award",) and listing.filter.award_level == "대통령"
        assert listing.total == screen.data["left"]["awards"]["대통령"]
        assert all("대통령" in " ".join(s["text"] for s in r["spans"]) for r in visible_rows(listing))


async def test_the_matrix_puts_many_districts_side_by_side_and_opens_a_cell(seed_db, tmp_path, monkeypatch):
    monkeypatch.setenv("SEONGGWA_EXPORT_DIR", str(tmp_path))
    sides = tuple(Side(f"광주광역시 {d}", 8) for d in ("동구", "서구", "남구", "북구", "광산구"))
    app = make_app(seed_db, compare=sides)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        table = screen.query_one(DataTable)
        assert len(table.columns) == 6 and table.fixed_columns == 1
        assert table.row_count == len(screen.data["fields"]) + 1
        column = 2  # 서구, which has achievements in the seeds
        row = next(i + 1 for i, f in enumerate(screen.data["fields"]) if f["cells"][column - 1]["achievements"])
        table.cursor_coordinate = (row, column)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        listing = app.screen.query_one(ClaimList)
        cell = screen.data["fields"][row - 1]["cells"][column - 1]
        assert listing.total == cell["achievements"]
        assert listing.filter.category == screen.data["fields"][row - 1]["field"]
        await pilot.press("escape")
        await pilot.press("e", "m")
        await settle(pilot)
        exported = list(tmp_path.glob("seonggwa-matrix-*.md"))
        assert exported and "| 분야 | 광주광역시 동구 · 민선 8기" in exported[0].read_text(encoding="utf-8")


async def test_the_picker_chooses_every_district_of_a_city(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"광주광역시/*@8", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MatrixScreen)
        assert [s.agency for s in app.screen.sides][-1] == "광주광역시 광산구" and len(app.screen.sides) == 5


async def test_the_picker_marks_several_sides(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"광주", "down", "space", "down", "space", "down", "space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MatrixScreen) and len(app.screen.sides) == 3


def test_compare_every_district_from_the_command_line(seed_db):
    base = ["compare", "광주광역시/*@8"]
    data = json.loads(run(seed_db, *base, "--format", "json").stdout)
    assert data["sides"][0]["label"] == "광주광역시 동구 · 민선 8기" and len(data["sides"]) == 5
    assert all(len(f["cells"]) == 5 for f in data["fields"])
    md = run(seed_db, *base, "--format", "md").stdout
    assert md.splitlines()[2].startswith("| 분야 |")
    csv_text = run(seed_db, *base, "--format", "csv").stdout
    assert csv_text.startswith("field,side,achievements,claims,top_claim,top_line")
    assert len(csv_text.splitlines()) == 1 + 5 * len(data["fields"])
    assert run(seed_db, *base).exit_code == 0
    bad = run(seed_db, "compare", "광산구@8")
    assert bad.exit_code == 2 and "two sides" in bad.stderr


def test_show_json_and_plain_text_when_piped(seed_db):
    article = json.loads(run(seed_db, "articles", "--json").stdout)[0]["id"]
    data = json.loads(run(seed_db, "show", article, "--json").stdout)
    assert {"id", "title", "deck", "published", "agency", "term", "body", "claims", "spans"} <= set(data)
    texts = {"body": data["body"], "title": data["title"], "deck": data["deck"]}
    assert data["spans"] and all(texts[s["zone"]][s["start"]:s["end"]] == s["text"] for s in data["spans"])
    assert all({"kind", "class", "value", "start", "end"} <= set(s) for s in data["spans"])
    plain = run(seed_db, "show", article).stdout
    assert "[수치]" not in plain and "[금액]" not in plain
    assert "[수치]" in run(seed_db, "show", article, "--tags").stdout or "[금액]" in run(
        seed_db, "show", article, "--tags").stdout


def test_programs_list_their_article_ids(seed_db):
    programs = json.loads(run(seed_db, "programs", "--json").stdout)
    assert programs and all(isinstance(p["articles"], list) and len(p["articles"]) == p["article_count"]
                            for p in programs)


def test_no_lock_file_is_left_beside_the_database(tmp_path):
    db = ingest_page(tmp_path, PAGE)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("t.db")) == ["t.db"]
    assert db.exists()


LINES_PAGE = """영광군, 우수 시군 선정…전국 유도대회 메달 7개

영광군은 도내 22개 시군을 대상으로 한 평가에서 우수 시군에 선정됐다고 5일 밝혔다.
군은 120억원 규모의 지역발전투자협약을 맺었다.
군청 유도팀은 전국대회에서 금메달 2개, 은메달 4개, 동메달 1개를 땄다.
올해 접수된 민원 40건 가운데 12건이 해결됐다.
이번 대회에는 학생과 교사 등 9개 학교가 참가했고 7명의 선수가 입상했다.
설문에는 주민 1만 2,160명이 참여했다.

2025.11.05
박지은 기자
"""


def test_claim_lines_name_what_each_value_counts(tmp_path):
    """The words that say what a value counts: after a bare counter (22개 시군), after 의 (7명의 선수), the thing
    a sum is the size of (규모의 …), across a list separated by commas, never a bound or time word (가운데)."""
    db = ingest_page(tmp_path, LINES_PAGE)
    claims = json.loads(run(db, "claims", "--json").stdout)
    by_value = {s["text"]: c["line"] for c in claims if c["zone"] == "body" for s in c["spans"]}
    assert "22개 시군" in by_value["22개"]
    assert by_value["120억원"].startswith("지역발전투자협약 120억원")
    medals = by_value["2개"]
    assert "금메달 2개" in medals and "은메달 4개" in medals and "동메달 1개" in medals
    assert not by_value["12건"].startswith("가운데") and "민원 40건" in by_value["40건"]
    assert "9개 학교" in by_value["9개"] and "7명 선수" in by_value["7명"]
    assert "주민 1만 2,160명" in by_value["1만 2,160명"]


def test_a_headline_sum_is_read_with_its_tokens_at_ingest(tmp_path):
    """Ingest tags a headline holding a sum, so that its line says what was done with it (4억원 징수), not the
    bare sum its surface leaves."""
    page = ("영광군, 체납 개인사업자 소득 압류해 4억원 징수…징수 방법 발굴\n\n"
            "영광군은 그동안 체납 지방세 징수가 어려웠던 개인사업자의 소득을 압류했다고 5일 밝혔다.\n\n"
            "2025.11.05\n박지은 기자\n")
    db = ingest_page(tmp_path, page)
    claims = json.loads(run(db, "claims", "--json").stdout)
    (title,) = [c for c in claims if c["zone"] == "title"]
    assert title["line"] == "4억원 징수"


def test_a_narrow_cell_keeps_the_first_value():
    """The words naming what a value counts give way before the value does; the context after — is cut first."""
    from rich.cells import cell_len

    from tui.ui.render import fit_line

    for width in range(8, 30):
        shown = fit_line("지역발전투자협약 182억원 — 미세먼지 측정센서 개발", width)
        assert cell_len(shown) <= width and "182억원" in shown, (width, shown)
    assert fit_line("지역발전투자협약 182억원", 40) == "지역발전투자협약 182억원"
    assert fit_line("대통령상 — 2019 안전문화대상", 12).startswith("대통령상")  # the context's digits are not a value
    # a prize or a record that leads the line stays, though a figure comes after it
    for line in ("최우수 · 대상 · 1위 — 주소정책 업무평가", "최우수 · 실태평가 우수 2건 · 13건 성과",
                 "전국 최초 · 국비 30억원 확보"):
        for width in range(8, 30):
            shown = fit_line(line, width)
            assert cell_len(shown) <= width and shown.startswith(line.split(" · ")[0][:3]), (width, shown)
    assert fit_line("우수상 · 관광객 120만명", 40) == "우수상 · 관광객 120만명"
    assert "20만원" in fit_line("소상공인 운영자금 20만원 · 대상 1만2천명", 14)  # a figure that leads still does


def test_a_prize_line_names_the_contest_the_sentence_quotes_elsewhere():
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    text = "군은 지난 17일 열린 ‘제12회 남도 예술상 시상식’에서 김모 작가가 예술상을 수상했다고 밝혔다."
    assert claim_line(text, 0, find_spans(text)) == "예술상 — 남도 예술상 시상식"


def test_a_prize_line_names_the_quoted_field_its_winner_was_chosen_in_past_a_scope_word():
    """‘…’ 분야에서 전국 우수 지방자치단체로 선정: the quoted field, with no edition (the row's date says the year)."""
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    text = "군은 2025년 지역복지사업 평가 ‘희망복지지원단 운영’ 분야에서 전국 우수 지방자치단체로 선정됐다."
    assert claim_line(text, 0, find_spans(text)) == "우수 지방자치단체 — 희망복지지원단 운영"
    text = "도교육청이 ‘2013년 시도교육청 평가’에서 전국 최우수 교육청으로 선정됐다."
    assert claim_line(text, 0, find_spans(text)) == "최우수 교육청 — 시도교육청 평가"


def test_a_prize_line_names_the_contest_from_where_a_quote_opens_not_the_speaker():
    """A quote glued to its speaker (군수는“농정업무 …): the contest's name starts where the quote does."""
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    text = "명현관 해남군수는“농정업무 종합평가 4년 연속 대상 수상은 군민 노력의 결과”라고 말했다."
    assert claim_line(text, 0, find_spans(text)) == "4년 연속 대상 — 농정업무 종합평가"


def test_a_prize_line_keeps_the_streak_that_qualifies_it():
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    text = "군, 3년 연속 남도 예술상 수상"
    assert claim_line(text, 0, find_spans(text)).startswith("3년 연속 예술상")


def test_a_line_drops_the_quote_marks_the_sentence_put_around_a_grade():
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    text = "시는 청렴도 평가에서 ‘가’등급을 받아 행정안전부 장관 표창을 받았다."
    assert claim_line(text, 0, find_spans(text)).startswith("가등급 · 행정안전부 장관 표창")


@pytest.mark.parametrize("text, line", [
    ("진도군, 재난대응 안전한국훈련 ‘3년 연속 우수기관’ 선정", "3년 연속 우수기관 — 재난대응 안전한국훈련"),
    ("목포시, 기초연금 우수기관 선정…보건복지부장관 표창 수상", "우수기관 · 보건복지부장관 표창 — 기초연금"),
    ("올해 평가에서 장흥군이 식품·공중위생 업무 최우수기관으로 선정됐다.", "최우수기관 — 식품·공중위생 업무"),
    ("그 청렴함을 인정받아 ‘청백리’에 선정됐다.", "청백리"),  # a verb before the prize names no field
    ("심사위원 만장일치로 대상을 받았다.", "대상"),
    ("함평군은 암 예방 관리 분야에서 최우수기관으로 선정됐다.", "최우수기관 — 암 예방 관리 분야"),
    # the scope of the prize or rank said between the field and it (전국, a province)
    ("구는 복지전달체계 부문 전국 1위의 영예를 안았다.", "1위 — 복지전달체계 부문"),
    ("영암군, 2024년 을지연습 전라남도 우수기관 선정", "우수기관 — 을지연습"),
])
def test_a_prize_line_names_the_field_written_just_before_the_prize(text, line):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    assert claim_line(text, 0, find_spans(text)) == line


@pytest.mark.parametrize("text, line", [
    # a place is a place in something: the evaluation quoted before it, with its streak
    ("협회 주관 ‘한국서비스 품질지수’ 행정서비스 부문에서 3년 연속 1위를 달성했다.", "3년 연속 1위 — 한국서비스 품질지수"),
    ("스마트 빌리지 우수 사례 대회서 1위 선정", "1위 — 사례 대회"),
    ("센터는 전남 진로박람회서 최우수상을 받았다.", "최우수상 — 전남 진로박람회"),
    ("구는 평가에서 전국 2위를 차지했다.", "2위 — 평가"),  # the subject (구는) is not part of the evaluation
    # what a record is of, after it (최초의 봉사단체다) or as the deed done first (최초로 개최한 체전을)
    ("제설봉사단은 35년 역사를 자랑하는 장성 최초의 봉사단체다.", "최초 — 봉사단체"),
    ("군은 창군 이래 최초로 개최한 도민체전을 계기로 방문의 해를 선포했다.", "최초 — 도민체전 개최"),
    # a particle comes off once (성과를 → 성과, not 성); a record noun glued on stays with it (최고치를 경신)
    ("정부합동평가에서 역대 최고 성과를 거두며 마무리했다.", "역대 최고 — 성과"),
    ("2020년부터 매년 전국 최고치를 경신하고 있다.", "전국 최고치 — 경신"),
    # money handed over says so, and where it went
    ("지역사회보장협의체에 120만원 기탁", "지역사회보장협의체 120만원 기탁"),
    # with nothing next to a value, the noun its clause is about says what it counts; not a time word, not a
    # number's unit, not a word that says how (덕분에)

    # a share says of what: the group marked with 의, or the group it is counted among (not a case: 경우)
    ("만족도 조사 결과 응답자의 99%가 만족했다.", "응답자 99%"),
    ("참가자 가운데 약 25%가 강진에서 숙박했다.", "참가자 25%"),
    ("위반한 경우 직불금의 10%를 감액한다.", "직불금 10%"),
    # a number that is part of the noun (1인 가구, 1년 예산) is no counter's share; a weight is a value of its own,
    # so the share of it reads with it (생산량 1만 톤의 81%)
    ("전국 1인 가구의 22.1%가 경기도에 거주한다.", "1인 가구 22.1%"),
    ("계룡시 1년 예산의 82%에 달하는 규모다.", "1년 예산 82%"),
    ("생산량 1만 톤의 81%를 수출했다.", "생산량 1만 톤 · 81%"),
    # a record's size or level says what it is of after it (최대 규모의 X); a record that is itself what was
    # reached (최대를 기록, 유일하다) has nothing after it to name, and a particle or an ending is no name
    ("군은 도내 최대 규모의 공공 물류센터를 세웠다.", "도내 최대 — 공공 물류센터"),
    ("국비 확보액은 올해 역대 최대를 기록했다.", "역대 최대"),
    ("전국에서 이 제도를 둔 곳은 화순군이 유일하다.", "유일"),
    # a size with no 의 sizes the noun after it when that noun carries its particle (최대 규모 박람회를); it ends
    # the phrase when nothing that reads as a noun follows (역대 최대 규모다)
    ("구는 역대 최대 규모 박람회를 열었다.", "역대 최대 — 박람회"),
    ("올해 예산은 역대 최대 규모다.", "역대 최대"),
    # the noun phrase after a record, to its particle, with what was done to it; not a verb, a scope, a number
    ("군은 전남 최초로 농촌 돌봄 전담팀을 꾸렸다.", "전남 최초 — 농촌 돌봄 전담팀"),
    ("시는 도내 유일의 해양 치유 센터를 운영한다.", "도내 유일 — 해양 치유 센터 운영"),
    ("시는 도내 유일의 해양 치유 센터와 숲길을 갖췄다.", "도내 유일 — 해양 치유 센터"),
    ("구는 광역 최초로 청소년 진로 상담실을 개설해 운영 중이다.", "광역 최초 — 청소년 진로 상담실 개설"),
    ("군은 사상 처음으로 공식 초청받은 지자체가 됐다.", "사상 처음 — 공식 초청"),
    ("시 최초의 반려동물 놀이터가 문을 열었다.", "시 최초 — 반려동물 놀이터"),
    ("군은 국내 최대 양파 재배 지역임에도 가공 시설이 없다.", "국내 최대 — 양파 재배 지역"),
    ("이 숲은 전국 최초 ‘탄소 흡수 숲’ 조성 사례다.", "전국 최초 — 탄소 흡수 숲"),
    # a contest word that is an object or a list item names no contest (높은 평가를 받아, 대회,)
    ("군은 현장 심사에서 높은 평가를 받아 대상을 받았다.", "대상"),
])
def test_a_line_says_what_a_rank_or_a_record_is_of_and_what_was_done_with_money(text, line):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    assert claim_line(text, 0, find_spans(text)) == line


def tagged_line(text: str) -> str:
    """Return the claim line of a one-sentence text, with the kiwipiepy tokens ingest passes to it."""
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi
    from tui.pipeline.segment import split_sentences

    (sentence,) = split_sentences(get_kiwi(), text)
    return claim_line(text, 0, find_spans(text), tokens=sentence.tokens)


@pytest.mark.parametrize("text, labels", [
    # a list's mark opens an item, and the item's noun is what its value is of
    ("올해 세입은 ▲지방세 812억 원 ▲세외수입 95억 원 ▲교부세 1,204억 원으로 편성됐다.",
     ["지방세 812억 원", "세외수입 95억 원", "교부세 1,204억 원"]),
    ("○주거급여 31억원 ○교육급여 9억원이 반영됐다.", ["주거급여 31억원"]),
    # a number that is not one of the values qualifies the noun (1인 가구), not counts it
    ("난방비는 1인 가구 5만 원, 2인 가구 7만 원을 지원한다.", ["1인 가구 5만 원"]),
    # a bracket before the value: the noun before a closed one, after an open one
    ("합격자는 중학교(특수 포함) 64명, 고등학교(특수 포함) 71명이다.", ["중학교 64명", "고등학교 71명"]),
    ("사업비 80억 원(국비 60%, 시비 40%)이 투입된다.", ["국비 60%", "시비 40% 투입"]),
    # a bracket between a value and what was done with it: the share in it is said with the value
    ("관광 예산은 전년 대비 42억 원(3.5%) 증가했다.", ["관광 예산 42억 원(3.5%) 증가"]),
    # what a value is compared with is not what it counts
    ("방문객은 전년대비 12.4% 늘었다.", ["방문객 12.4%"]),
    # a breakdown in brackets shares the deed of its total; a bound's bracket does not (the test above: 월세)
    ("총 930억 원(국비 610억, 도비 320억)을 확보했다.", ["국비 610억", "도비 320억 확보"]),
    # a topic that got its value keeps it; a later value with a subject of its own is not the topic's
    ("평균 연봉은 3,200만 원으로 64%가 만족한다고 답했다.", ["연봉 3,200만 원", "64%"]),
    ("고용률은 61.2%로 전년(60.5%)보다 0.7%p 올랐다.", ["고용률 0.7%p"]),
    # a place a figure is given for in brackets, as districts are compared (a year is not what it counts)
    ("평균 보험료는 마포구(21만3천원), 은평구(15만8천원) 순이었다.", ["마포구 21만3천원", "은평구 15만8천원"]),
    ("실업률은 ‣청년층(7.1%) ‣고령층(3.2%)이었다.", ["청년층 7.1%", "고령층 3.2%"]),
    # the number of something (직원 수는) is what its count counts; a date after 지난 does not end the clause
    ("2025년 기준 매출액은 820억원, 직원 수는 215명이다.", ["매출액 820억원", "직원 수 215명"]),
    ("댐의 저수율은 지난 3일 18.2%였다.", ["저수율 18.2%"]),
    # a sum spent (들여) on something is that thing's cost; not a word as general as 시설 (who paid says more)
    ("군은 작년 64억원을 들여 수산 가공센터를 세웠다.", ["수산 가공센터 64억원"]),
    ("업체는 120억원을 들여 시설을 짓는다.", ["업체 120억원"]),
])
def test_a_value_is_named_across_list_marks_brackets_and_qualifiers(text, labels):
    line = tagged_line(text).split(" · ")
    assert all(label in line for label in labels), line


@pytest.mark.parametrize("text, line", [
    ("시는 성과를 인정받아 총 8억5000만원의 국비 성과급을 추가 확보했다.", "국비 성과급 8억5000만원"),
    ("대표들은 각 100만 원씩 총 300만 원의 고향사랑기부금을 시에 전달했다.", "고향사랑기부금 300만 원"),
    # goods given, worth a sum; a deed later in the value's clause; a sum that is its clause's subject
    ("회장은 이웃을 위해 쌀 10kg 60포(200만 원 상당)를 기탁했다.", "쌀 200만 원 상당 기탁"),
    ("갓 수확한 백미(10kg) 50포대(175만 원 상당)를 기탁했다.", "백미 175만 원 상당 기탁"),
    ("이장이 써 달라며 총 100만 원을 성전면 지역사회보장협의체에 기탁했다.", "100만 원 기탁"),
    ("도비와 군비를 합한 최종 사업비는 15억 2,800만 원으로 조정됐다.", "사업비 15억 2,800만 원"),
    # what a sum is for, said with 위해 (its object, past 총 or 각), and what was done with a sum given each (씩)
    ("동문회는 마을 경로당 난방 위해 200만 원 기부", "경로당 난방 200만 원 기부"),
    ("조합원들이 청소년 장학사업을 위해 총 500만 원을 후원했다.", "청소년 장학사업 500만 원 후원"),
    ("두 단체에 각 300만 원씩 전달했다.", "단체 300만 원 전달"),
    # whom a gift went to, past 총 (not the agency's place: who gave it is told elsewhere)
    ("협회는 이날 군 체육회에 총 700만 원을 기탁했다.", "군 체육회 700만 원 기탁"),
    # a subject past a time said with 들어 (올해 들어, 최근 들어) is what the value counts
    ("누리집 이용자는 최근 들어 3만 명으로 늘었다.", "누리집 이용자 3만 명"),
    # what a sum is for, said as a deed done to an object (…을 지원하기 위해); not a deed with no object
    ("동창회는 모교 체육부를 지원하기 위해 300만 원을 기탁했다.", "모교 체육부 지원 300만 원 기탁"),
    ("늘어난 수요에 대응하기 위해 총 20억 원을 투입했다.", "20억 원 투입"),
    # a count with nothing before it, and what it is the count of after 에 대한
    ("우수 단체를 뽑아 5개 단체에 대한 포상을 했다.", "5개 단체"),
    ("시는 우수 학교 9개교에 대한 포상을 했다.", "우수 학교 9개교"),
    ("올해 우수한 9개교에 대한 포상을 했다.", "9개교 포상"),
    # a word that ends a phrase (…, a closing quote) is not part of the noun after it
    ("“평생의 짐… 실향민들 위해 5억 기부”", "실향민들 5억 기부"),
    # whom a sum was taken from or what it was called is not what it is, unless the name says it
    ("업체는 5천 명을 상대로 약 12억원을 모았다.", "12억원"),
    ("수수료 등을 명목으로 총 800만원을 받았다.", "800만원"),
    ("회원들에게 운영비 명목으로 900만원을 걷었다.", "운영비 명목 900만원"),
    # the phrase after 에 대한 is taken whole, up to its particle, or not at all
    ("구는 85명에 대한 정기 인사를 발표했다.", "85명 정기 인사"),
    ("법원은 2명에 대한 구속 전 피의자 심문을 열었다.", "2명"),
    ("2명에 대한 지정 취소 등 조치를 취했다.", "2명"),
    # who gave a sum: the organisation its clause is about, past the bracket of its head's title and name
    ("한빛교회(담임목사 홍길동)는 2천만원을 기탁했다.", "한빛교회 2천만원 기탁"),
    ("대한상사(대표 김철수)는 올해도 500만원을 기부했다.", "대한상사 500만원 기부"),
])
def test_a_sum_says_what_it_is_and_what_was_done_with_it(text, line):
    assert line in tagged_line(text).split(" · ")


@pytest.mark.parametrize("text, line", [
    ("이 중 78명이 조기 취·창업에 성공하는 등 성과를 이어가고 있다.", "78명 취·창업 성공"),
    # the topic of the clause says what they used or came to, the 하다 verb what they did
    ("대관 서비스는 총 5,593명이 이용해 청년 활동을 도왔다.", "대관 서비스 5,593명 이용"),
    # another verb first: what the people did is not read past it
    ("공연은 1만6천여명이 찾아 대표공연으로 자리매김하고 있다.", "공연 1만6천여명"),
])
def test_a_count_that_is_a_subject_says_what_they_did(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # what changed, past the words that say when
    ("학생들의 독서 흥미는 지난 5월 3.10점에서 11월 3.62점으로 0.52점 올랐다.", "독서 흥미 3.10점 → 3.62점 · 0.52점"),
    ("2023년에 210명이었던 귀농인은 올해 385명으로 늘었다.", "귀농인 210명 → 385명"),
    ("재정자립비율이 전년도 –2.1%에서 4.4%로 개선됐다.", "재정자립비율 –2.1% → 4.4%"),
    # not where it happened, not the value's own counter, not the government
    ("지난해 3기 과정에서는 15세대 중 12세대가 정착했다.", "15세대 중 12세대 정착"),
    ("저탄소 농가는 2021년 80농가에서 올해 210농가로 늘었다.", "80농가 → 210농가"),
    ("군은 지난해 20곳에서 올해 35곳으로 늘렸다.", "20곳 → 35곳"),
])
def test_a_value_that_changed_says_what_changed(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a value and the figure it changed to are one measure, before and after, its name said once
    ("캐시백 비율이 10%에서 20%로 높아진다.", "캐시백 비율 10% → 20%"),
    ("초등학생 1인당 교육비는 2022년 910만원에서 2040년 1100만원으로 급증한다.", "교육비 2022년 910만원 → 2040년 1100만원"),
    ("2021년 약 59%에 불과했던 유수율이 지난해 92%까지 상승했다.", "유수율 59% → 92%"),
    # by how much it changed is no figure it changed to
    ("가치인식은 3.61점에서 0.32점 상승해 3.93점을 기록했다.", "가치인식 3.61점 · 0.32점 · 3.93점"),
    # the figure changed to takes no place of its own among the values a line shows
    ("강남구는 0.83%에서 0.16%로, 서초구는 0.69%에서 0.16%로, 송파구는 0.79%에서 0.08%로, 용산구는 0.34%에서 0.14%로 "
     "각각 상승률이 하락했다.", "강남구 0.83% → 0.16% · 서초구 0.69% → 0.16% · 송파구 0.79% → 0.08% · 외 2"),
    # a place it came from is no change (191개국에서 1만2천800명)
    ("191개국에서 1만2천800명이 참가했다.", "191개국 · 1만2천800명 참가"),
])
def test_a_change_reads_from_before_to_after(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    ("1대당 가격은 대략 300만원 수준이다.", "가격 300만원"),                          # an adverb of how much between
    ("행안부는 여름과 겨울 각각 13개 기관(시도 5, 시군구 8)을 선정했다.", "13개 기관 · 시도 5개 · 시군구 8개"),  # the noun before a bracket
    # values given each of several things: not the last thing listed, only the noun they share
    ("부산과 인천은 각각 203회, 32회로 집계됐다.", "203회 · 32회"),
    ("문화관광해설사와 태화강생태해설사 이용객은 각각 41%, 183% 증가했다.", "이용객 41% · 183% 증가"),
])
def test_a_subject_past_an_adverb_of_how_much_and_a_noun_before_a_bracket(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    ("관내 취약계층을 위해 70만 원 상당의 라면을 기탁했다.", "라면 70만 원"),      # kiwipiepy's noun: 라면 is no verb
    ("시가 자동차세로 70,174건 112억 원을 부과했다.", "70,174건 · 112억 원"),      # the next value is not the noun
    ("곱창김, 다시마, 미역 등 7종 4만 원 상당으로 이뤄졌다.", "7종 · 4만 원"),      # the last example is not it
    ("주민 등 300여 명이 참석했다.", "주민 300여 명 참석"),                         # (but people are named so)
    ("1만1,652농가 1만7,852ha에 지급했다.", "1만1,652농가 1만7,852ha"),             # a figure that is no value stays
    ("서지웅 대표는 1천만 원 상당의 의약외품(건강기능식품)을 기탁했다.", "의약외품(건강기능식품) 1천만 원"),
    ("쌀 10kg 60포(210만 원 상당) 총 600kg을 취약계층을 위해 기부했다.", "60포 · 쌀 210만 원 상당 기부"),
])
def test_goods_worth_a_sum_and_counts_beside_other_values(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # nothing next to the value says what it counts: the topic or subject of its clause does, once for a list
    ("분기별 관광객은 1분기 203만명, 2분기 303만명, 3분기 300만명이다.", "분기별 관광객 1분기 203만명 · 2분기 303만명 · 3분기 300만명"),
    ("내년 국비 확보액이 올해보다 676억 원 늘었다.", "국비 확보액 676억 원"),
    ("참깨는 콤바인 수확을 통해 노동력이 최대 97%까지 줄어드는 등 성과가 나타났다.", "노동력 97%"),
    # not the government that is the subject, not who did it to a value that is the object, not a verb's form
    ("경북도는 올해 12조3000억 원 달성을 목표로 세웠다.", "12조3000억 원"),
    ("봉사회장은 이날 쌀 70포를 기탁했다.", "쌀 70포 기탁"),
    ("지원을 받은 명인도 지난해 8천200만 원이던 매출이 올해 2억 원으로 늘었다.", "매출 8천200만 원 → 2억 원"),
    # a year before a noun says when, not how many (2025년 | 매출)
    ("영암몰, 2025년 매출 전년 대비 300% 신장", "매출 300%"),
    ("군은 2026년도 본예산 7,290억 원을 확정했다.", "본예산 7,290억 원"),
    # a value in quotes, a rate in the genitive, a count with the deed done to it, a bound kept with its count
    ("고흥군, 고향사랑기부금 ‘20억 원’ 달성", "고향사랑기부금 20억 원 달성"),
    ("올해 역시 70%의 정착률을 보이며 자리매김하고 있다.", "정착률 70%"),
    ("사전조사로 선정한 7가구를 방문해 안전바를 설치했다.", "7가구 방문"),
    ("초·중·고등학생 150명을 대상으로 진행됐다.", "초·중·고등학생 150명"),  # nouns joined by a middle dot
    ("섬진강기차마을은 연간 약 140만 명 이상이 찾는 관광지다.", "연간 140만 명 이상"),
    # what a sum is spent on (에) or counted as ((으)로), not whom it went to or 일환으로
    ("달빛내륙철도 건설에 100억원, 대구권 광역철도 건설에 50억 원이 늘어났다.",
     "달빛내륙철도 건설 100억원 · 광역철도 건설 50억 원"),
    ("제주도는 정부로부터 인센티브로 40억원을 받게 됐다.", "인센티브 40억원"),
    ("관광개발사업의 일환으로 30억 원을 투입한다.", "30억 원 투입"),  # not 일환: what it is part of
    # a figure in brackets after the noun it is the figure of, not after a place it is compared with
    ("광공업생산 증가율(14.1%)이 두드러졌다.", "광공업생산 증가율 14.1%"),
    ("비만율은 최저인 서초구(4.8%)보다 높았다.", "4.8%"),
    # not a topic marked 도, which kiwipiepy reads into 친절도 점수; the object the change was made to names it
    ("서구는 친절 컨설팅을 시행해 친절도 점수를 평균 67.5점에서 83.26점으로 끌어올렸다.", "점수 67.5점 → 83.26점"),
    ("군은 저탄소 농가를 지난해 80농가에서 올해 210농가로 늘렸다.", "80농가 → 210농가"),  # (its own counter)
    # with nothing next to a value, the noun its clause is about says what it counts (a determiner and a middle
    # dot inside it); not a time word, not a number's unit, not a word that says how (덕분에)
    ("총사업비 380억 중 국·도비 258억 확보", "총사업비 380억 · 국·도비 258억 확보"),
    ("농가수로는 3배 이상, 면적 규모로는 213% 이상 증가했다.", "면적 규모 213%"),
    ("장학회는 군 인재양성기금에 200만 원을 기탁했다.", "군 인재양성기금 200만 원 기탁"),
    ("지난 9일 백미 20포를 전달했다.", "백미 20포 전달"),  # not 9일: when
    ("여러분의 따뜻한 마음 덕분에 누적 20억 원을 모았다.", "20억 원"),
    ("생산량 1만 톤의 81%를 수출했다.", "생산량 1만 톤 · 81%"),
    # a quoted name before a sum is what it is of; a sum followed by a name is that name's amount (to its
    # particle), not a size, a bound or a deed not done; a figure in brackets that a bound opens
    ("가구당 ‘청년 정착수당’ 150만 원을 받을 수 있다.", "청년 정착수당 150만 원"),
    ("군은 모든 가구에 5만원씩 ‘난방비 지원금’을 준다.", "5만원 난방비 지원금"),
    ("행사장에서 2천 원 할인쿠폰을 나눠준다.", "2천 원 할인쿠폰"),
    ("올해 20억 원 확보를 목표로 한다.", "20억 원"),
    ("청년 월세(최대 240만원)를 지원한다.", "청년 월세 240만원"),
    ("군은 국비 10억 원을 투입해 정비한다.", "국비 10억 원 투입"),
    # where a change started is read with where it went, though it is the change's background (context)
    ("장애인 자립지원금을 500만원에서 800만원으로 확대했다.", "장애인 자립지원금 500만원 → 800만원"),
    # a sum named only as a sum (총사업비) says what it is for through the noun its genitive names
    ("이 중 총사업비 126억원의 체험교육장 건립은 국비로 한다.", "체험교육장 건립 126억원"),
])
def test_a_value_says_what_it_counts_from_its_clause(text, line):
    assert tagged_line(text) == line


def test_a_prize_the_sentence_names_alone_takes_its_field_from_the_headline():
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    text = "장기 교육 과정을 체계적으로 진행해 우수기관에 선정되었다."
    assert claim_line(text, 0, find_spans(text), headline="영광군, 농업인 실용교육 우수기관 선정") == "우수기관 — 실용교육"
    assert claim_line(text, 0, find_spans(text), headline="영광군, 올해 교육 마무리") == "우수기관"


def test_a_rate_that_is_its_values_subject_says_what_the_value_measures():
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi
    from tui.pipeline.segment import split_sentences

    text = "1~5기 졸업생의 취·창업률은 71.2%에 달한다."
    (sentence,) = split_sentences(get_kiwi(), text)
    assert claim_line(text, 0, find_spans(text), tokens=sentence.tokens) == "취·창업률 71.2%"
    text = "서구는 30억원을 확보했다."  # the agency as subject is not what the sum counts
    (sentence,) = split_sentences(get_kiwi(), text)
    assert claim_line(text, 0, find_spans(text), tokens=sentence.tokens) == "30억원 확보"


@pytest.mark.parametrize("text, line", [
    # a noun that merely ends as a place does (…도, …동, …권) is no place: it says what the value is
    ("올해 전국 지자체 평균 재정자립도는 48.6%이다.", "재정자립도 48.6%"),
    ("강릉은 오봉저수지에 대한 생활용수 의존도가 87%에 달한다.", "생활용수 의존도 87%"),
    # a place the gazetteer knows, and a word for a kind of government, still are
    ("경북도는 올해 국비 3조원을 확보했다.", "국비 3조원 확보"),
    ("도내 22개 시군이 참여했다.", "도내 22개 시군"),
])
def test_a_place_is_a_name_the_gazetteer_knows_not_an_ending(text, line):
    assert tagged_line(text) == line


def test_a_count_by_a_bare_counter_names_the_noun_after_it_whatever_comes_before():
    """국군 10개 사단과: 개 says nothing of what is counted, so the noun after it does, with the noun before kept."""
    assert tagged_line("국군 10개 사단과 그 예하 부대가 참여했다.") == "국군 10개 사단"


@pytest.mark.parametrize("text, line", [
    # a share or another measure of a value, in brackets right after it, is said with that value, not apart
    ("사망자 중 42명(56%)은 보행자였다.", "사망자 42명(56%)"),
    ("응답자의 45%(450명)가 찬성했다.", "응답자 45%(450명)"),
    ("시는 3억 달러(약 4천억원)를 투자했다.", "3억 달러(약 4천억원) 투자"),
    ("수료생 50명(85%)이 취업에 성공했다.", "수료생 50명(85%) 취업 성공"),
    ("이어 20대(6만8019명·26.5%), 9세 이하(5만5969명·21.8%) 등 순이었다.", "6만8019명(26.5%) · 5만5969명(21.8%)"),
    # not a bracket with words of its own before the value, nor a value of the same kind (a breakdown)
    ("올해 참여자 320명(전년 대비 20%)이 취업에 성공했다.", "참여자 320명 · 20%"),
    ("총 930억 원(국비 610억, 도비 320억)을 확보했다.", "930억 원 확보 · 국비 610억 · 도비 320억 확보"),
])
def test_a_value_in_brackets_after_a_value_is_said_with_it(text, line):
    assert tagged_line(text) == line


def test_a_value_a_noun_changed_from_goes_before_what_it_changed_to_whatever_their_classes():
    """210명이었던 귀농인은 올해 385명으로: the first figure is the change's start, though its class (the background)
    would put it after the outcome; a name of up to four words may stand between."""
    from dataclasses import replace

    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi
    from tui.pipeline.segment import split_sentences

    for text, line in [("2024년에 467명이었던 계절근로자는 올해 958명으로 늘었다.", "계절근로자 467명 → 958명"),
                       ("2021년 1107개였던 전국 장례식장 수는 2025년 1075개로 줄었다.", "장례식장 수 2021년 1107개 → 2025년 1075개")]:
        (sentence,) = split_sentences(get_kiwi(), text)
        first, then = find_spans(text)
        spans = [replace(first, cls="context"), replace(then, cls="outcome")]
        assert claim_line(text, 0, spans, tokens=sentence.tokens) == line
    assert tagged_line("상수도 요금은 700원에서 760원(9%↑)으로 인상된다.") == "상수도 요금 700원 → 760원(9%↑)"


@pytest.mark.parametrize("text, line", [
    # a change whose figures carry shares in brackets is still one measure, before and after
    ("임명하는 곳은 8곳(16.7%)에서 19곳(38%)으로 늘었다.", "8곳(16.7%) → 19곳(38%)"),
    # what a figure was, and then what it came to by a word of change, is a change
    ("버스로 공항에 오는 비율이 48.1%였지만, 지난해는 29.6%로 줄었다.", "비율 48.1% → 29.6%"),
    # but not two figures of two things that merely follow each other
    ("작년 매장은 5곳이었지만 올해 3곳이 새로 문을 열었다.", "매장 5곳 · 3곳"),
])
def test_a_change_is_read_past_brackets_and_across_a_contrast(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a value that the noun after it exceeds or reaches is that noun's size; exceeding says 이상
    ("F1 대회로 1조원이 넘는 편익이 발생했다.", "편익 1조원 이상"),
    ("축제에는 1만명에 달하는 관람객이 찾았다.", "관람객 1만명"),
    ("지금까지 11억원에 이르는 발전 기금을 기부했다.", "발전 기금 11억원"),
    ("정부는 시세 20억원이 넘는 주택을 보유한 1주택자의 세 부담을 늘린다.", "주택 시세 20억원 이상"),
    # not a value that is what a subject before it exceeds (the subject's measure), nor a dependent noun
    ("실시간 시청자가 2만명을 넘는 유튜브 생방송으로 송출했다.", "실시간 시청자 2만명"),
    # the subject a value is the figure of stays, after the noun it describes (공지방 구독자), and a word as
    # general as 상황 is no noun it is the size of
    ("구독자가 300명에 달하는 텔레그램 공지방 링크를 보내줬다.", "텔레그램 공지방 구독자 300명"),
    ("전국에 카페만 10만7000곳이 넘는 상황에서 승부를 본다.", "10만7000곳"),
    ("직접 투자만도 3조원에 이르는 것은 물론, 일자리 3만여명이 창출된다.", "3조원 · 일자리 3만여명 창출"),
])
def test_a_value_the_noun_after_it_exceeds_or_reaches_is_its_size(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a share said before the count it is the share of (에 해당하는, 인) goes in brackets with that count
    ("이 중 75.86%에 해당하는 34,806명의 어르신이 기초연금을 받는다.", "34,806명(75.86%) 어르신"),
    ("올해 109억 원을 집행했으며, 이 중 64%인 70억 원을 시비로 투입했다.", "109억 원 집행 · 70억 원(64%)"),
    ("비율이 25%인 곳이 3곳이다.", "비율 25% · 3곳"),  # not when a noun comes between
    # an adverb of again between a subject and its value is passed over
    ("정부 출연금이 2026년 다시 250억 원으로 증액됐다.", "정부 출연금 250억 원"),
])
def test_a_share_said_before_its_count_and_a_subject_past_again(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a count among a whole right before it, in the same unit, is said with that whole (중, 가운데)
    ("대전 시민 10명 중 7명이 주민투표가 필요하다고 답했다.", "대전 시민 10명 중 7명"),
    ("수료생 50명 중 45명이 취업에 성공했다.", "수료생 50명 중 45명 취업 성공"),
    ("후보 6792명 가운데 5514명(81.2%)이 선거 비용을 보전받았다.", "후보 6792명 가운데 5514명(81.2%)"),
    # a share of the whole too; not a sum among people
    ("참가자 100명 중 30%가 만족했다.", "참가자 100명 중 30%"),
    ("전국 중·고교생 3384명 가운데 5.2%는 마약류를 사용해본 적이 있었다.", "전국 중·고교생 3384명 가운데 5.2%"),
    # the counter of a whole written apart (7860여 명) is no group the share is of
    ("서해 5도에 사는 7860여 명 중 56%가 받는다.", "7860여 명 중 56%"),
])
def test_a_count_among_a_whole_is_said_with_it(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # the dates and the points a change runs through do not count against the way back to its subject
    ("시내버스 운행 횟수는 2015년 평일 하루 420회에서 2025년 310회로 26% 이상 줄었다.", "운행 횟수 26%"),
    # one syllable that measures the noun before it (폭, 액) is named with that noun, as 수 is
    # (가장 컸다 is a record too, said with the same topic, as 가장 많았다 is, and as a noun: 가장 큼)
    ("전체 지출 가운데 교통비 증가 폭이 12.4%로 가장 컸다.", "증가 폭 12.4% · 증가 폭 가장 큼"),
    # a figure a copula ends is a clause of its own: what is said before it is no topic of the value
    ("기온이 영하 3도였던 지난 5일 오후 체육관에서 70% 강도로 훈련했다.", "70% 강도"),
    # a value inside a quote takes no topic from before the quote
    ("박 위원장은 회의에서 “지난 총선 기준으로 5%는 큰 규모”라고 말했다.", "5%"),
])
def test_a_topic_is_found_past_dates_and_change_points_not_past_a_clause_or_a_quote(text, line):
    assert tagged_line(text) == line


def test_a_share_of_a_total_written_as_bare_digits_is_said_in_the_totals_unit():
    assert tagged_line("5년간 251억 원(국비 150, 군비 101)을 투입한다.") == "251억 원 투입 · 국비 150억 원 · 군비 101억 원 투입"


@pytest.mark.parametrize("text, line, tagged", [
    # an ellipsis ends a headline's phrase: what a value counts is read on its own side of it
    ("민생회복 소비쿠폰 집행 최우수…특별교부세 2억 원 확보", "최우수 · 특별교부세 2억 원 확보 — 민생회복 소비쿠폰 집행", False),
    ("광주시, 김장대전 흥행…매출 20.8억 역대 최대", "매출 20.8억 · 역대 최대", False),
    ("3만 3500건, 53억 3천만 원 부과…고지서 일제 발송", "3만 3500건 · 53억 3천만 원 부과", True),
    ("이웃사랑 담은 김장 김치…취약계층 108가구에 나눔 실천", "취약계층 108가구", True),
])
def test_an_ellipsis_ends_the_phrase_a_value_is_read_in(text, line, tagged):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    assert (tagged_line(text) if tagged else claim_line(text, 0, find_spans(text))) == line


@pytest.mark.parametrize("text, line", [
    # a place or a record that nothing after it says the object of is said with what holds it: the group it is
    # among, the subject of its clause, or the noun its clause is about
    ("국내 도시 중에선 부산이 117위를 기록했다.", "부산 117위"),
    ("전국 지자체 중 3위를 기록했다.", "지자체 중 3위"),
    ("유기동물보호소는 8개월 만에 입양률이 도내 최고로 높아졌다.", "입양률 도내 최고"),
    ("인천시가 해양환경 분야를 담당하는 전담부서를 전국 최초로 신설했다.", "전담부서 전국 최초"),
    ("국비 확보액은 올해 역대 최대를 기록했다.", "국비 확보액 역대 최대"),
    # not a word that says when, not the words of the value's own streak, not the government that holds it
    ("그동안 역대 최대 금액은 2019년 기록한 614억원이었다.", "역대 최대 · 614억원"),
    ("지난해까지 6년 연속 1위 자리를 지켜온 런던은 3위로 내려갔다.", "6년 연속 1위 · 런던 3위"),
    ("전국에서 이 제도를 둔 곳은 화순군이 유일하다.", "유일"),
])
def test_a_place_or_a_record_says_who_or_what_holds_it(text, line):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi

    assert claim_line(text, 0, find_spans(text), None, get_kiwi().tokenize(text)) == line


def test_a_prize_said_another_way_in_the_headline_takes_the_headlines_contest():
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    headline = "여수시, 전남도 ‘2025년 을지연습’ 평가 최우수기관 선정"
    text = "시는 올해도 최우수상을 받았다."
    assert claim_line(text, 0, find_spans(text), headline=headline) == "최우수상 — 을지연습 평가"
    text = "시는 한국사회복지공제회로부터 감사패를 받았다."  # another prize: the headline's contest is not its
    assert claim_line(text, 0, find_spans(text), headline=headline) == "감사패"


@pytest.mark.parametrize("text, line", [
    # the bare nouns right before a place say what is ranked, with the scope and streak kept
    ("2023년, 2024년에 이어 3년 연속 전국 기초자치단체 중 출생아 수 1위를 기록한 것이다.", "출생아 수 3년 연속 1위"),
    ("국내 점유율 1위 품종인 설향과 비교하면 과실이 크다.", "국내 점유율 1위"),
    # a deed noun after the place (1위 달성) is not a noun the place qualifies
    ("군 관계자는 “이번 매출 1위 달성은 주민 덕분”이라고 말했다.", "매출 1위"),
    # a word that only says when or how is no holder
    ("중국인을 따돌리고 처음 1위에 올랐다.", "1위"),
    # a record that sizes the noun after it is that noun's, not its clause's subject's; a level (수준) is not a size
    ("부산에 전국 최대 규모 동물병원 들어선다", "전국 최대"),
    ("나주시는 농업·농촌 분야 전국 최고 수준 성과를 거뒀다.", "농업·농촌 분야 전국 최고"),
])
def test_a_place_says_what_is_ranked_from_the_nouns_before_it(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # 유일하게 says how a deed was done, as 최초로 does: the deed's object and noun say what was the only one
    ("올해 초에는 전국에서 유일하게 ‘지방시대정책국’을 설치해 예비지정을 이끌었다.", "전국에서 유일 — 지방시대정책국 설치"),
    # with the group it is the only one among
    ("위원회는 충청권 신문사 중 유일하게 대전일보를 제휴언론사로 선정했다.", "신문사 중 유일 — 대전일보 선정"),
    # not when the object is itself a value of the line, or a bound noun
    ("김해시는 경남 시 단위 지자체 중 유일하게 3년 연속 최우수상을 달성했다.", "경남 시 단위 지자체 중 유일 · 3년 연속 최우수상"),
    ("그는 “그곳은 유일하게 자신의 모든 것을 통제할 수 있는 공간이었다”고 말했다.", "그곳 유일"),
    # 유일한 X: the noun it qualifies, its copula or particle taken off, beside who holds it
    ("충주댐은 1985년 준공된 남한강의 유일한 다목적댐이다.", "남한강 유일 — 다목적댐"),
    ("제주항공은 무안공항의 유일한 국내선인 무안~제주 노선에도 항공기를 띄운다.", "제주항공 유일 — 국내선"),
    # not a bound noun, nor the deed or prize the line names already
    ("힘들면 찾을 수 있는 유일한 곳이었는데 문을 닫았다.", "유일"),
    ("초열대야가 생기는 거의 유일한 곳이 강릉이다.", "유일"),
    # the copula's other forms and a particle taken off; a one-letter noun said alone kept
    ("우리나라 유일한 분청도자박물관도 운영 중이다.", "우리나라 유일 — 분청도자박물관"),
    ("투자에서 수익을 지키는 유일한 길이라는 사실을 기억해야 한다.", "유일 — 길"),
    # nothing that would say the opposite of the sentence or name the wrong noun: a deed not done, a denial, a noun
    # that goes on past 의, or one that is the subject of a clause about another
    ("광역단체 중 유일하게 로스쿨을 유치하지 못한 경상남도는 유치를 추진하고 있다.", "광역단체 중 유일"),
    ("하지만 K드라마가 한국의 유일한 매력은 아닙니다.", "K드라마 유일"),
    ("그는 “지금껏 유일한 삶의 자부심으로 살아왔다”며 해명했다.", "유일"),
    ("고종의 여러 자식 중 유일한 정실(본처)이 낳은 아들이었어요.", "자식 중 유일"),
])
def test_a_line_says_what_a_record_said_with_yuil_is_of(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a noun ending in 지 is a noun (에너지, 단지), not a verb's -지
    ("군은 전국 첫 분산에너지 지원센터를 열었다.", "전국 첫 — 분산에너지 지원센터"),
    ("세계 최대 해상 풍력발전 단지가 들어선다.", "세계 최대 — 해상 풍력발전 단지"),
    # a verb whose stem ends in 지 (떨어지는) is no noun, and 지은 is 짓다's, never a noun with its particle
    ("반대로 안락사율은 전국 최저 수준으로 떨어지는 등 평가를 받았다.", "안락사율 전국 최저"),
    ("김 회장이 직접 농사지은 쌀 10kg 50포(총 500kg, 약 200만원 상당)를 기탁했다.", "50포 기탁 · 쌀 200만원 상당 기탁"),
])
def test_words_ending_in_ji_are_told_noun_from_verb(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a government or body named right before a prize is part of the prize's name (서울시 문화상), kept with its streak
    ("곡성군 2년 연속 전라남도 문화상 수상 쾌거", "2년 연속 전라남도 문화상"),
    ("서울시, WHO 건강도시상 수상", "WHO 건강도시상"),
    ("군은 올해 우수상을 받았다.", "우수상"),
    # a province abbreviated in Hanja between a field and its prize does not hide the field
    ("광양시, 2025년 재난대응 안전한국훈련 道 최우수기관 선정", "최우수기관 — 재난대응 안전한국훈련"),
])
def test_a_prize_keeps_the_name_of_the_body_it_is_named_after(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a second prize of another contest, named right before it, says its own contest; the line's is the first's
    ("군은 올해 안전관리평가에서 대상을 받고, 2025년 국제정원박람회에서 금상을 받았다.", "대상 · 금상(국제정원박람회) — 안전관리평가"),
    # the line's context keeps its year; a second prize's own contest is said without it
    ("구는 2024년 국제정원박람회에서 금상을 받았다.", "금상 — 2024년 국제정원박람회"),
    # a prize before the streak is no contest (첫 대상 수상 이후 3년 연속 대상)
    ("시는 2023년 첫 대상 수상 이후 3년 연속 대상을 받았다.", "3년 연속 대상"),
])
def test_each_prize_says_its_own_contest(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a record said as how something was done (최초로) says the object and the deed of the clause's main verb,
    # passing over a verb that only describes a noun
    ("구는 전국 최초로 만 0세부터 고3까지 급식비와 교과서비를 지원하는 무상교육을 시작했다.", "전국 최초 — 무상교육 시작"),
    ("군은 전국 최초로 농민수당을 지급했다.", "전국 최초 — 농민수당 지급"),
    # not when the record is a clause's that describes a noun, nor when the object is a sum
    ("시장은 이를 처음으로 적용할 재개발 현장을 방문했다.", "처음"),
    ("도는 전국 처음으로 3만명의 청년에게 교통 카드를 지원하는 예산 50억원을 새로 편성했다.", "전국 처음 · 3만명 청년 · 예산 50억원"),
])
def test_a_record_done_first_says_what_was_done(text, line):
    assert tagged_line(text) == line


def test_a_headlines_place_and_record_read_its_tokens(tmp_path):
    db = ingest_page(tmp_path, "목포시, 지난해 매출 73억…전남 1위\n\n"
                               "목포시 직매장이 지난해 매출 73억 원을 올려 전남 직매장 가운데 가장 많았다고 12일 밝혔다.\n"
                               "직매장에는 농가 300곳이 참여한다.\n\n2025.03.12\n김민수 기자\n")
    claims = json.loads(run(db, "claims", "--json").stdout)
    (title,) = [c for c in claims if c["zone"] == "title"]
    assert title["line"] == "전남 1위 · 매출 73억"


def test_a_prize_takes_the_contest_the_sentence_says_it_was_held_in_further_back():
    # the evaluation named with 에서 a long way before the prize is where it was won
    assert tagged_line("구는 올해 처음 실시된 주민자치 종합평가에서, 마을 공동체 활성화와 주민 참여 확대 등 여러 변화를 "
                       "이끈 점을 높게 평가받아 최우수상을 받았다.") == "최우수상 — 주민자치 종합평가"
    # a verb before the contest word is no part of its name, and a contest word alone says too little
    assert tagged_line("서울에서 열린 시상식에서 시장이 대통령상을 받았다.") == "대통령상"
    # another prize between: the contest is that prize's, not this one's
    line = tagged_line("도는 지난해 안전 종합평가에서 대상을 받았고 올해는 국무총리 표창을 받았다.")
    assert line.split(" — ")[0].endswith("국무총리 표창")
    assert tagged_line("도는 지난해 안전 종합평가에서 국무총리 표창을 받았다.").endswith("— 안전 종합평가")


def test_a_generic_prize_takes_the_headlines_one_contest():
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    text = "최우수상은 갑군과 을군, 우수상은 병군이 받았다."
    headline = "도 산림행정 종합평가 대상에 정군"
    assert claim_line(text, 0, find_spans(text), headline=headline) == "최우수상 · 우수상 — 산림행정 종합평가"
    # a headline with no prize: its one contest, quoted or not
    text = "은상 수상작은 시골 아이들의 모습을 담았다."
    assert claim_line(text, 0, find_spans(text), headline="구, 미소사진공모전 시상식 개최") == "은상 — 미소사진공모전"
    assert claim_line(text, 0, find_spans(text), headline="구, ‘우리 동네 사진 공모전’ 시상식") == \
        "은상 — 우리 동네 사진 공모전"
    # a headline listing its prize with others: each may be another contest's
    text = "군은 교육을 체계적으로 운영해 우수기관에 선정됐다."
    assert claim_line(text, 0, find_spans(text), headline="군, 농업박람회 ‘대상’ 등 3종 수상") == "우수기관"
    # an honour that is a title of its own may come from another body than the headline's contest
    text = "마을은 국제기구가 뽑는 세계 최우수 관광마을로도 선정됐다."
    assert " — " not in claim_line(text, 0, find_spans(text), headline="섬마을, ‘한국 관광의 별’ 본상 수상")


def test_a_deck_line_reads_the_headline_for_its_prizes_contest(tmp_path):
    db = ingest_page(tmp_path, "군, 청소년 단막극 경연서 대상\n- 옛 교복으로 과거 정서 실감 나게 표현해 대상 수상 -\n\n"
                               "군 청소년 연극부가 올해 열린 단막극 경연에서 대상을 받았다고 12일 밝혔다.\n"
                               "연극부는 옛 교복을 입고 과거의 정서를 실감 나게 표현했다.\n\n2025.03.12\n김민수 기자\n")
    claims = json.loads(run(db, "claims", "--json").stdout)
    deck = [c for c in claims if c["zone"] == "deck"]
    assert deck and deck[0]["line"] == "대상 — 단막극 경연"


@pytest.mark.parametrize("text", [
    "오스트리아는 유럽 1위 아시아식품 유통업체인 판아시아와 협약을 맺었다.",  # the noun after's place
    "두 후보가 득표율 3위 안에 들지 못해 탈락했다.",  # a bound, held by no one
    "종합평가 결과 동명, 세진, 우진교통이 각각 1~3위를 차지했다.",  # each of a list in turn
    "이어 ‘역세권 대개조’가 1위와 0.5%p 차이로 2위를 차지했다.",  # the place another holds
    "구청장은 “1위부터 10위까지 고르게 표를 받았다”고 말했다.",  # a quote's place, not the speaker's
])
def test_a_place_that_is_the_noun_afters_a_bound_or_each_items_is_said_alone(text):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi

    spans = [s for s in find_spans(text) if s.kind == "rank"]
    assert claim_line(text, 0, spans, None, get_kiwi().tokenize(text)).split(" · ")[0] == spans[0].text


@pytest.mark.parametrize("text, line", [
    ("장성군이 ‘정부혁신 왕중왕전’ 국민과 함께 만드는 참여·소통 혁신분야에서 행정안전부 장관상을 수상했다.",
     "행정안전부 장관상 — 정부혁신 왕중왕전"),
    ("정화여고가 청소년 역사테마단막극 경연서 대상을 차지했다.", "대상 — 역사테마단막극 경연"),
])
def test_a_prize_names_a_competition_a_round_of_winners_or_an_award_show_as_its_contest(text, line):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans

    assert claim_line(text, 0, find_spans(text)) == line


@pytest.mark.parametrize("text, line", [
    # a clause made a noun by 것 or 건 is what the record is of: the noun its verb takes, and a 하다 verb's noun
    ("충북도가 폐교 재활용을 시도한 것은 이번이 처음이다.", "폐교 재활용 시도 처음"),
    ("지방자치단체가 별도로 주택 기금을 조성하는 건 처음이다.", "주택 기금 조성 처음"),
    ("수도권에 반려동물 화장장이 생기는 것은 처음이다.", "반려동물 화장장 처음"),
    # not when the record's own subject says who holds it, nor a comparison's noun
    ("비수도권 지역에 스타필드가 들어서는 건 창원이 처음이다.", "창원 처음"),
])
def test_a_first_of_a_clause_made_a_noun_says_what_was_done(text, line):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi

    spans = [s for s in find_spans(text) if s.kind == "first"]
    assert claim_line(text, 0, spans, None, get_kiwi().tokenize(text)) == line


@pytest.mark.parametrize("text, line", [
    # what was listed or designated, when it is the clause's subject and not the government
    ("순천만은 지난 7월 ‘한국의 갯벌’로 유네스코 세계자연유산에 등재됐다.", "순천만 유네스코 세계자연유산 등재"),
    ("경북 봉화 한약우가 '2022년 우수축산물브랜드'에 선정됐다.", "봉화 한약우 2022년 우수축산물브랜드 선정"),
    # the government itself, the subject of a clause of its own, or of a modifier: the prize as before
    ("광주 광산구는 행정안전부 평가에서 우수기관으로 선정됐다.", "우수기관 — 행정안전부 평가"),
    ("체계 구축 성과가 전국적으로 인정받아 2년 연속 우수기관으로 선정됐다.", "2년 연속 우수기관"),
    ("시민이 직접 투표하는 '아름다운 정원'으로도 선정됐다.", "아름다운 정원"),
])
def test_a_listing_or_designation_says_what_was_listed(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a measure written with a unit's sign after its figure keeps the sign: 7,799천 alone says nothing
    ("올해 10개 사업지구 8,864필지 7,799천㎡ 지적재조사사업을 완료했다.", "10개 사업지구 · 8,864필지 7,799천㎡"),
    ("농지 1,200㏊에 8개 단지를 조성했다.", "8개 단지"),
])
def test_a_unit_sign_stays_with_its_figure_in_a_line(text, line):
    from tui.claimline import claim_line
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi

    assert claim_line(text, 0, find_spans(text), None, get_kiwi().tokenize(text)) == line


@pytest.mark.parametrize("text, line", [
    # a word that describes what is counted stands between the count and its noun
    ("시는 올해 5개의 새로운 사업을 추진했다.", "5개 사업"),
    ("시는 총 7건의 굵직한 국비 사업을 따냈다.", "7건 국비 사업"),
    ("광산구는 ‘매력’, ‘활력’, ‘품격’ 분야로 나눠 여섯 가지씩 굵직한 사업들도 소개하고 있다.", "여섯 가지 사업"),
    ("군은 12개 주요 과제를 선정했다.", "12개 주요 과제"),  # a noun that qualifies is said with it
    # not a verb of doing, nor after a count whose counter is its noun (두 현장: the noun says what)
    ("초등학교 8개교 연인원 4,723명을 대상으로 총 286회 운영된 바 있다.", "초등학교 8개교 · 연인원 4,723명 · 286회"),
    ("두 현장의 차별화된 경영 전략을 파악했다.", "두 현장"),
])
def test_a_count_says_what_it_counts_past_a_word_that_describes_it(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a bound after a count is part of its value, and the subject before it still says what it counts
    ("새 공장이 들어서면 일자리가 200개 이상 생겨날 전망이다.", "일자리 200개 이상"),
    ("지난 주말 관람객이 1만 명 이상 찾았다.", "관람객 1만 명 이상"),
    # past the bound's 의, and past a describing verb made of a noun, the noun phrase after it
    ("올해 3700명 이상의 자원봉사자가 참여했다.", "3700명 이상 자원봉사자"),
    ("과정을 마친 40여 명의 숙련된 인재들은 도내 기업에 취업했다.", "40여 명 인재"),
    # after 의, a noun phrase of two nouns; not a list (숙박시설, 경기장) nor a quoted name after the first
    ("연구단지에는 200개의 글로벌 기업이 입주했다.", "200개 글로벌 기업"),
    ("연수원에는 100실의 숙박시설, 다목적 경기장 등이 들어선다.", "100실 숙박시설"),
    # not a time span (3년 이내, 5년 새), an adverb ending like a particle (상관없이), nor the speaker of a quote
    ("1년 이내 3000만원 이상 체불한 사업주는 명단이 공개된다.", "3000만원 이상"),
    ("최근 5년 새 실업급여를 3회 이상 받았다.", "실업급여 3회 이상"),
    ("떡은 모양과 상관없이 최소 3번 이상 뽑는다.", "3번 이상"),
    ("국장은 “연 100만명 이상의 환자가 방문한다”고 했다.", "100만명 이상 환자"),
])
def test_a_count_with_a_bound_says_what_it_counts(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # a value that modifies a noun through the copula (192억원이던 보조금) is that noun's, to its particle
    ("당초 5억원이었던 성과급이 10배 늘었다.", "성과급 5억원"),
    ("시는 현재 19곳인 체력장을 56곳으로 늘린다.", "체력장 19곳 · 56곳"),
    ("올해 80억원인 쓰레기 처리 예산이 내년에는 130억원으로 늘어난다.", "쓰레기 처리 예산 80억원 · 130억원"),
    # not a bound or empty noun, nor a time, nor a change said as one (210명이었던 귀농인은 올해 385명으로)
    ("피해는 13건인 것으로 파악됐다.", "피해 13건"),
    ("라떼 한 잔이 1만 5000원인 시대다.", "1만 5000원"),
    # what was set to the value (지원 대상을 300명으로 확대): its object
    ("군은 지원 대상을 300명으로 확대했다.", "지원 대상 300명"),
    ("군은 직불금 지급 대상자를 9,924농가로 확정했다.", "지급 대상자 9,924농가"),
    ("2021년 82명이었던 동아리 학생 수가 올해 5152명으로 늘었다.", "학생 수 82명 → 5152명"),
])
def test_a_value_said_with_a_copula_is_the_noun_after(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("text, line", [
    # values a sentence gives one by one for places or groups (X에서 N, Y에서 M): each is of its place
    ("구청 평가에서 25건, 시 평가에서 13건, 외부 기관 평가에서 20건을 받았다.",
     "구청 평가 25건 · 시 평가 13건 · 기관 평가 20건"),  # (a noun and the one before it)
    ("지지율은 50대에서 79%, 40대에서 76%였다.", "지지율 50대 79% · 40대 76%"),
    ("적십자사에는 245억원, 월드비전에는 19억원이 모였다.", "적십자사 245억원 · 월드비전 19억원"),
    # not where a change starts from (8.8%에서 15.5%로), nor a single value said so
    ("비만율은 남학생이 8.8%에서 15.5%로, 여학생은 6.1%에서 9.2%로 높아졌다.", "남학생 8.8% → 15.5% · 여학생 6.1% → 9.2%"),
    ("이번 조사에선 72.9%로 올랐다.", "72.9%"),
    # a series by year, quarter or month: each value says its time, the topic said once
    ("관광객은 2015년 466만명, 2016년 480만명, 2017년 596만명으로 늘었다.",
     "관광객 2015년 466만명 · 2016년 480만명 · 2017년 596만명"),
    ("분기별 관광객은 1분기 203만명, 2분기 303만명이다.", "분기별 관광객 1분기 203만명 · 2분기 303만명"),
    ("시는 2024년 매출 100억원을 달성했다.", "매출 100억원 달성"),  # one value: no series
    # age groups and rounds listed so, and topics listed each with its own value
    ("연령별로는 70대 75.7%, 40대 67.5%였다.", "70대 75.7% · 40대 67.5%"),
    ("접종률은 1차 84.9%, 2차 81.1%다.", "접종률 1차 84.9% · 2차 81.1%"),
    ("1일권은 10만원, 2일권은 18만원이다.", "1일권 10만원 · 2일권 18만원"),
    # one noun said fully once (성수동 공실률, not 공실률 성수동 공실률); not what another value counts (15개 시도)
    ("성수동 공실률은 2.5%, 한남동은 7.9% 수준이다.", "성수동 공실률 2.5% · 한남동 7.9%"),
    ("이재민은 15개 시도에서 9887가구, 1만4166명으로 집계됐다.", "이재민 15개 시도 · 9887가구 · 1만4166명"),
])
def test_a_value_listed_by_place_says_its_place(text, line):
    assert tagged_line(text) == line


@pytest.mark.parametrize("title, line", [
    # a headline's sum its surface says nothing of is read with the tokens (what was done with it, what it counts)
    ("체납 개인사업자 소득 압류해 4억원 징수… 시, 징수 방법 발굴", "4억원 징수"),
    ("시청 별관 증축…8개 부서 이전·재배치", "8개 부서"),
    # where the surface says what it is, the surface's reading stays (the tokens would drop 이웃돕기)
    ("마을교회, 군에 이웃돕기 성금 500만원 기탁", "이웃돕기 성금 500만원 기탁"),
    # two or three periods end a word as an ellipsis does, and a quote after a sum ends the noun it names
    ("사업 중단 선언...594억 신규 사업 중단", "594억 신규 사업 중단"),
    ("군, 올해 870억원 농수특산물 수출 \"역대 최대 실적\"", "870억원 농수특산물 수출 · 역대 최대 — 실적"),
])
def test_a_headline_sum_says_what_it_counts(title, line):
    from tui.claimline import claim_line
    from tui.pipeline.analyze import TAGGED_IN_HEADLINES, TOKENIZE
    from tui.pipeline.claims import find_spans
    from tui.pipeline.kiwi import get_kiwi

    tokens = get_kiwi().tokenize(title, **TOKENIZE)
    assert claim_line(title, 0, find_spans(title), tokens=tokens, tagged_kinds=TAGGED_IN_HEADLINES) == line


@pytest.mark.parametrize("text, line", [
    # a record said by a verb reads as a noun, not as a verb cut at the span's end
    ("휴진 참여율은 전국에서 가장 높았다.", "휴진 참여율 전국에서 가장 높음"),
    ("증가 폭은 충남이 가장 컸다.", "충남 가장 큼"),
    ("국내 마이스터고 4곳 중 가장 오래됐다.", "국내 마이스터고 4곳 · 가장 오래됨"),
    ("관광객이 가장 많이 찾은 곳이다.", "관광객 가장 많이"),  # an adverb stays
])
def test_a_record_said_by_a_verb_reads_as_a_noun(text, line):
    assert tagged_line(text) == line
