"""Issue 12: programs that are programs — named schemes, projects and recurring events, not organisations, prizes,
contests, places, slogans, reports or generic phrases."""

import pytest

from tui.pipeline.gazetteer import gazetteer
from tui.pipeline.kiwi import get_kiwi
from tui.pipeline.programs import candidates, clean_name, find_programs, rejection
from tui.pipeline.segment import split_sentences


def programs_in(text: str) -> list[str]:
    """Return the program names found in a short body."""
    gaz = gazetteer()
    return [m.name for m in find_programs(text, split_sentences(get_kiwi(), text), gaz.agency_words, gaz.place_names)]


@pytest.mark.parametrize("text, name", [
    ("군은 올해 ‘행복나눔 꾸러미’ 사업을 새로 시작했다.", "행복나눔 꾸러미"),                 # quoted, named as a 사업
    ("지난달 첫선을 보인 ‘톡톡 민원실’은 주민 호응이 높다.", "톡톡 민원실"),                     # launched before the quote
    ("시는 ‘나주형 돌봄’을 운영해 어르신 300명을 돌봤다.", "나주형 돌봄"),                      # a place's -형 scheme
    ("군은 올해 화순고인돌축제를 열어 관광객을 모았다.", "화순고인돌축제"),                      # a place's recurring event
    ("도는 국비로 수소전기트램 도입 사업을 추진한다.", "수소전기트램 도입 사업"),                  # a specific project
    ("시는 △도시철도 2호선 건설 120억원 △하수처리장 현대화 30억원을 확보했다.", "도시철도 2호선 건설"),  # budget list
])
def test_named_programs_are_found(text, name):
    assert name in programs_in(text)


@pytest.mark.parametrize("text", [
    "구는 ‘구정 평가 우수구’로 선정됐다고 밝혔다.",                # a designation (an award)
    "시는 환경분야 사업과 복지 정책을 확대했다.",                   # generic phrases
    "군은 농업기술센터에서 교육을 열었다.",                         # an organisation
    "도는 ‘2025 지방자치 경영대전’에 참가했다.",                    # a contest
    "‘모두가 행복한 우리 동네’라는 비전 아래 정책을 펼쳤다.",        # a slogan
    "구는 광주시 특화사업을 추진했다.",                             # a government's name with generic words
    "시는 대한민국 일자리 정책을 발표했다.",
])
def test_what_is_not_a_program_is_not_found(text):
    assert programs_in(text) == []


@pytest.mark.parametrize("raw, clean", [
    ("2025 세종 낙화축제(가칭)", "세종 낙화축제"),
    ("제7회 나주 줄다리기 최강전", "나주 줄다리기 최강전"),
    ("장록습지 보호지역 지정 노력", "장록습지 보호지역 지정"),
    ("이하 추자 풍력발전 사업", "추자 풍력발전 사업"),  # (이하 …): hereafter, the short name the text defines
])
def test_one_name_whatever_the_year_edition_or_note(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize("name, why", [
    ("고향사랑 우수기관", "award"), ("청년정책 협의체", "organisation"), ("적극행정 경진대회", "contest"),
    ("관광객 입장 통계", "report"), ("진천 농다리", "place"),
    ("청년 주거 지원 조례안", "law"), ("지역균형발전 특별법", "law"), ("주민자치 조례", "law"),  # a law is no program
    ("시민 안전 선포 기자회견", "contest"), ("기념비 제막식", "contest"), ("올해의 관광 어워드", "contest"),
    ("고용위기 선제대응지역 지정", "award"),  # a designation received is an award (PROGRAMS.md), not a program
    ("서울 매력 일자리 아나운서 채용", "notice"), ("문화센터 수강생 모집", "notice"),
])
def test_each_rejection_says_why(name, why):
    assert rejection(name, "phrase") == why


@pytest.mark.parametrize("text", [
    "군수는 ‘잊혀 가는 옛 놀이에 대한 관심을 되살리는 계기가 될 것’이라고 말했다.",  # a sentence quoted
    "‘청정 바다 양식, 완도가 답’ 토론회를 열었다.",                                      # a slogan with a subject
    "박영수 순천시 도시재생 과장은 설명했다.",                                            # an official's title
    "시는 목포 건설을 추진했다.",                                                          # a government and a build word
])
def test_clauses_and_government_names_with_generic_words_are_not_programs(text):
    assert programs_in(text) == []


def candidate_in(text: str, name: str):
    """Return the candidate of a short body whose name is name (the model's verdict left aside)."""
    gaz = gazetteer()
    (found,) = [c for c in candidates(text, split_sentences(get_kiwi(), text), gaz.agency_words, gaz.place_names)
                if c.mention.name == name]
    return found


def test_a_brand_glued_to_a_place_name_is_weighed_as_one():
    """A place's name glued into a brand word makes a phrase distinctive: the gate lets it through and the model
    weighs it as a brand. Whether one short sentence's phrase reaches the threshold is the model's verdict: trained
    on sixty sets' tune halves, it scores this one 0.28, where the model of twelve sets took it; of the brand
    phrases that model weighs below its threshold there, 3 in 30 are labelled programs, so no rule keeps them."""
    found = candidate_in("시는 순천사랑카드 사업을 확대했다.", "순천사랑카드 사업")
    assert not found.excluded
    assert found.features.get("brand_word") and found.features.get("distinctive")


def test_the_model_keeps_the_signs_the_guide_gives():
    from tui.pipeline.programs import AGAINST, FOR, program_model

    model = program_model()
    assert 0 < model.threshold < 1
    assert all(model.weights.get(name, 0) >= 0 for name in FOR)
    assert all(model.weights.get(name, 0) <= 0 for name in AGAINST)


def test_the_stored_model_is_what_training_on_the_tune_splits_gives():
    import os

    from devset import corpus_present

    if not corpus_present() or not os.environ.get("SEONGGWA_UNSEEN_TEXTS"):
        pytest.skip("training needs ../shared/corpus and the unseen set's news texts (SEONGGWA_UNSEEN_TEXTS)")
    import train_programs

    assert train_programs.main(["--check"]) == 0


def test_the_model_is_trained_at_the_fixed_operating_point_and_the_rule_picks_the_most_precise_near_the_best():
    """Training refits the weights at STRENGTH and THRESHOLD, whatever the search would pick now; the search
    (`--choose`) takes, of the settings within a point of the best F1, the highest threshold."""
    import json

    import train_programs

    stored = json.loads(train_programs.MODEL.read_text(encoding="utf-8"))
    assert (stored["l2"], stored["threshold"]) == (train_programs.STRENGTH, train_programs.THRESHOLD)
    # two documents, each with one labelled program; a feature that marks it, and noise candidates that a lower
    # threshold lets in: the best F1 is at a low threshold, the most precise setting near it is higher
    rows, certain = [], {}
    for i in range(20):
        doc = f"d{i}"
        certain[doc] = [f"프로그램{i}사업"]
        rows.append((doc, f"프로그램{i}사업", {"good": 1.0}, 1))
        rows.append((doc, f"잡음{i}", {"good": 1.0 if i % 4 == 0 else 0.0}, 0))
    results, chosen = train_programs.choose(rows, ["good"], certain)
    top = max(res[0] for res in results)
    near = [res for res in results if res[0] >= top - 0.01]
    assert chosen in near and chosen[2] == max(res[2] for res in near)


def test_each_set_can_be_scored_by_a_model_trained_on_the_others(capsys):
    """`train_programs.py --by-set`: every set's tune half scored by a model that never saw that set; at the
    stored threshold the figures are not above the cross-validated ones, which see each set in training, by more
    than the noise between the two estimates. (With twelve training sets they were clearly below; with sixty, one
    set left out is about as much as one fold of five, and the two F1s agree to the third decimal.)"""
    import json
    import os

    from devset import corpus_present

    if not corpus_present() or not os.environ.get("SEONGGWA_UNSEEN_TEXTS"):
        pytest.skip("training needs ../shared/corpus and the unseen set's news texts (SEONGGWA_UNSEEN_TEXTS)")
    import train_programs

    assert train_programs.main(["--by-set"]) == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "the stored threshold" in line]
    stored = json.loads(train_programs.MODEL.read_text(encoding="utf-8"))
    f1 = float(line.split("F1 ")[1].split()[0])
    cv = stored["cross_validated"]
    assert 0.3 < f1 < 2 * cv["precision"] * cv["recall"] / (cv["precision"] + cv["recall"]) + 0.02


@pytest.mark.parametrize("name, why", [
    ("목포관광공사", "organisation"),
    # a corporation is named by its field, whatever the field
    ("서울시농수산식품공사", "organisation"),
    ("인천항만공사", "organisation"),
    ("주택도시보증공사", "organisation"),
    # works are named by what is done
    ("하수관로 정비공사", None),
    ("도로개설공사", None),
    ("석면해체제거공사", None),
])
def test_a_public_corporation_is_an_organisation_not_a_construction_project(name, why):
    assert rejection(name, "phrase") == why


def test_a_ceremony_marks_the_program_it_names():
    assert clean_name("푸른 갯벌 프로젝트 현판식") == "푸른 갯벌 프로젝트"


@pytest.mark.parametrize("name, project", [
    ("도시철도 2호선 착공", "도시철도 2호선"), ("한밭대교 도로사업 예타 통과", "한밭대교 도로사업"),
    ("보령해저터널 개통", "보령해저터널"), ("공공도서관 건립 착수", "공공도서관 건립"),
])
def test_a_milestone_reached_is_no_part_of_the_name(name, project):
    assert clean_name(name) == project


def test_a_note_the_stretch_cut_off_is_no_part_of_the_name():
    assert clean_name("재해 구급차 이송비 지원(사고당") == "재해 구급차 이송비 지원"
    assert clean_name("순환도로(1구간) 확장") == "순환도로(1구간) 확장"  # a whole note inside stays


@pytest.mark.parametrize("text, name", [
    ("도는 어르신이 시장에서 일하는 ‘함께 일하는 손길’ 사업을 펼친다.", "함께 일하는 손길"),
    ("군은 자율주행 버스 ‘바람이’를 운행하고 있다.", "바람이"),
])
def test_quoted_scheme_names_with_a_modifier_or_a_service_verb(text, name):
    assert name in programs_in(text)


def test_quoted_names_listed_and_then_called_programs_are_programs():
    """‘A’, ‘B’, ‘C’ 등 … 사업: each quoted name of the list is a program, though alone it reads as any phrase."""
    text = ("행사에서는 ‘로컬 기획학교 골목곳간’, ‘복합문화축제 바람랜드’, ‘문화예술교육 산에서 살아남기’ 등 "
            "올해 추진한 주요 문화예술 사업 성과를 공유한다.")
    found = programs_in(text)
    assert {"로컬 기획학교 골목곳간", "복합문화축제 바람랜드"} <= set(found)
    assert programs_in("시는 ‘골목곳간’을 열었다.") == []  # one quoted name with no list and no program word


def test_a_phrase_of_generic_words_is_ruled_out_before_the_model_weighs_it():
    text = "재단이 올해 추진해 온 문화예술 사업 운영 성과를 시민과 공유한다."
    gaz = gazetteer()
    found = {c.mention.name: c.excluded for c in candidates(text, split_sentences(get_kiwi(), text),
                                                              gaz.agency_words, gaz.place_names)}
    assert found.get("문화예술 사업") is True  # culture and arts: generic words and a head, no particular scheme


def test_a_quoted_designation_the_agency_pursues_stays_a_candidate():
    """‘장록습지 국가습지보호지역 지정’ names an initiative the city pursues; unquoted, 선제대응지역 지정 was received."""
    assert rejection("장록습지 국가습지보호지역 지정", "quote") is None
    assert rejection("선제대응지역 지정", "phrase") == "award"


def candidate_names(text: str) -> dict[str, dict]:
    """Return each candidate stretch of a short body with its features, before the model judges it."""
    gaz = gazetteer()
    return {c.mention.name: c.features for c in candidates(text, split_sentences(get_kiwi(), text),
                                                           gaz.agency_words, gaz.place_names)}


def test_the_lines_of_a_budget_are_candidates_without_their_sums():
    """A budget lists its projects with a sum after each (… 실증 20억 원, … 구축 15억 원): each line names one, though
    it ends in no program word."""
    found = candidate_names("도서관 신축 예산 200억 원, 드론 배송 실증 20억 원, 해양 부품 기반 구축 15억 원 등이 반영됐다.")
    assert found["드론 배송 실증"].get("list_sum") and found["해양 부품 기반 구축"].get("list_sum")
    assert "도서관 신축" in found and not any("억" in name or "예산" in name for name in found)
    assert not any(v.get("list_sum") for v in candidate_names("이번 사업에 국비 20억 원을 확보했다.").values())


def test_items_a_sentence_calls_policies_are_candidates():
    """A, B 등 다양한 정책: the items of a list the sentence calls its policies or projects."""
    found = candidate_names("시는 청년 월세 지원, 노인 버스비 무료화 등의 다양한 정책을 시작했다.")
    assert found["청년 월세 지원"].get("list_listed") and found["노인 버스비 무료화"].get("list_listed")
    assert not candidate_names("시는 청년과 노인 등 많은 시민을 만났다.")


def test_a_coined_name_starts_at_its_place_word():
    """청년 정착 지원 강원형 주거 바우처: the words before a place's -형 word describe the scheme; the name starts there."""
    assert "강원형 주거 바우처" in programs_in("도는 청년 정착 지원 강원형 주거 바우처를 새로 시작했다.")


def test_corner_brackets_and_the_suffix_of_a_system_make_candidates():
    assert candidate_names("협의체는 『따뜻한 창문』 방한커튼 설치에 나섰다.")["따뜻한 창문"].get("source_quote")
    assert "청년참여포인트제" in candidate_names("구는 청년참여포인트제를 도입했다.")


def test_a_name_that_reads_as_a_sentence_weighs_its_particles():
    found = candidate_names("군은 ‘옹기축제는 지역 대표 축제’ 홍보물을 만들었다.")
    assert found["옹기축제는 지역 대표 축제"].get("particle_inside")
    assert not candidate_names("군은 ‘행복나눔 꾸러미’ 사업을 시작했다.")["행복나눔 꾸러미"].get("ending_inside")


def test_words_quoted_as_speech_are_not_a_program_name():
    """“…”라며: a quoted remark, however it begins, is speech; the quote-mark before 라며 closes it."""
    from tui.pipeline.speech import quotes

    text = "군수는 “옹기축제는 지역을 대표하는 문화관광축제”라며 “많이 찾아 주시길 바란다”고 말했다."
    assert [speech for _s, _e, speech in quotes(text)] == [True, True]
    assert programs_in(text) == []


def test_an_event_word_that_holds_an_organisation_ending_is_an_event():
    """바자회, 정기연주회 end in 회 like 위원회, but an event word longer than the ending names the event."""
    assert rejection("사랑나눔 바자회", "quote") is None
    assert rejection("학생관현악단 정기연주회", "quote") is None
    assert rejection("주민자치 위원회", "quote") == "organisation"


def test_a_clause_modifying_the_last_noun_is_part_of_a_name():
    """A subject particle inside a clause that modifies the name's last noun (문화가 있는 날) makes no sentence;
    one with nothing after it to modify (해남이 해답), or modifying a place (a slogan about it), does."""
    found = candidate_names("군은 ‘문화가 있는 날 공연’ 사업을 운영했다. 군은 ‘해남이 해답’ 홍보를 했다. "
                            "군은 브랜드 사업 ‘행복이 넘치는 해남’을 알렸다.")
    assert not found["문화가 있는 날 공연"].get("clause")
    assert found["해남이 해답"].get("clause")
    assert found["행복이 넘치는 해남"].get("clause")  # a slogan about the place it ends in


@pytest.mark.parametrize("raw, clean", [
    ("동네방네 기찬장터 운영비", "동네방네 기찬장터"),
    ("터미널 재구성비용", "터미널 재구성"),
    ("방사선 원료의약품 개발사업비", "방사선 원료의약품 개발사업"),
    ("기상특보 교통비", "기상특보 교통비"),  # a benefit that is a cost (교통비) stays
])
def test_what_a_scheme_costs_is_no_part_of_its_name(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize("raw, clean", [
    ("다행: 다 함께 행복한 마을", "다행"),  # the name, then what it spells out
    ("소상공인 희망플랜: 골목 상권 살리기", "소상공인 희망플랜"),
    ("시간:10시", "시간:10시"),  # no subtitle
])
def test_a_subtitle_after_a_colon_is_no_part_of_the_name(raw, clean):
    assert clean_name(raw) == clean


def test_an_event_with_a_place_glued_into_its_name_is_a_program():
    """A recurring event named with its place glued in (고흥유자축제) is kept whatever the model weighs; a
    concert of a body named after its place (목포시립합창단 송년음악회) is not kept by that rule."""
    assert "고흥유자축제" in programs_in("군은 올해 고흥유자축제를 열어 관광객을 모았다.")
    found = candidate_names("목포시립합창단 송년음악회가 열렸다.")
    assert not any(x.get("brand_event") for x in found.values())


def test_quoted_names_listed_with_a_quoted_program_are_weighed_as_its_siblings():
    """‘반짝 동네 사업’, ‘블링블링 마미손’, ‘그린 지킴이’: items of one list are of one kind; a list with no
    program word in it, or a quote standing alone, gets no such weight."""
    found = candidate_names("군은 ‘반짝 동네 사업’, ‘블링블링 마미손’, ‘그린 지킴이’ 등을 펼쳤다. "
                            "군은 ‘행복한 하루’와 ‘즐거운 오후’를 열었다. 군은 ‘푸른 바다’를 알렸다.")
    assert found["블링블링 마미손"].get("listed_with_program")
    assert found["그린 지킴이"].get("listed_with_program")
    assert not found["행복한 하루"].get("listed_with_program")
    assert not found["푸른 바다"].get("listed_with_program")


def test_a_plant_a_company_builds_and_a_ministrys_project_are_weighed_as_another_bodys():
    """LNG발전소 건설, 알루미늄 생산공장 건립, 교육부 공모사업: a company's, a utility's or a ministry's project, which
    the agency at most hosts. A scheme about such plants (스마트공장 보급 사업) is the agency's own."""
    found = candidate_names("군은 LNG발전소 건설과 알루미늄 생산공장 건립, 스마트공장 보급 사업을 함께 추진했다.")
    assert found["LNG발전소 건설"].get("plant") and found["알루미늄 생산공장 건립"].get("plant")
    assert not found["스마트공장 보급 사업"].get("plant")
    assert not candidate_names("구는 동네상권발전소 사업에 선정됐다.")["동네상권발전소 사업"].get("plant")
    assert candidate_names("도는 국토교통부 국가전략사업에 신청했다.")["국토교통부 국가전략사업"].get("other_owner")
    assert not candidate_names("도는 교육발전특구 사업을 신청했다.")["교육발전특구 사업"].get("other_owner")
    assert programs_in("군은 올해 LNG발전소 건설을 추진했다.") == []


def test_list_marks_separate_the_items_a_sentence_lists():
    """▲A 추진 ▲B 지원 확대 ▲C 개관 등 다양한 시책: each mark opens an item, so no candidate runs across a mark,
    and the step an item reports (추진, 확대, 완료) is no part of the scheme's name."""
    found = candidate_names("이와 함께 ▲진남관 해체·보수정비 완료 ▲광양형 청년임대주택 지원 확대 ▲여순사건 역사관 개관 등 "
                            "다양한 분야의 시책도 함께 선정됐다.")
    assert not any("▲" in name for name in found)
    assert found["광양형 청년임대주택 지원"].get("list_listed") and found["여순사건 역사관 개관"].get("list_listed")
    assert "진남관 해체·보수정비" in found


@pytest.mark.parametrize("raw, clean", [
    ("청년임대주택 지원 확대", "청년임대주택 지원"),
    ("보수정비 완료", "보수정비"),
    ("무상급식 시행", "무상급식"),
])
def test_the_step_a_name_reports_is_no_part_of_it(raw, clean):
    assert clean_name(raw) == clean


def _analysed(text: str):
    from tui.pipeline.process import analyze_docs
    from tui.pipeline.read import RawDoc

    results, _ = analyze_docs([RawDoc(file="x.txt", index=0, text=text, encoding="utf-8")])
    return results


def test_a_shorter_phrase_takes_the_longer_name_the_article_gives_it():
    text = ("울산시, 부유식 해상 풍력발전 사업 속도\n\n울산시는 부유식 해상 풍력발전 사업의 인허가를 마쳤다고 밝혔다. "
            "풍력발전 사업이 끝나면 일자리 1000개가 생긴다. 시는 부유식 해상 풍력발전 사업에 행정력을 모은다.")
    assert [p.name for r in _analysed(text) for p in r.programs] == ["부유식 해상 풍력발전 사업"]


def test_every_claims_program_is_one_of_its_articles_programs():
    """A claim's program is the article's own (the programs table holds no other), even in a sentence about
    another government or under a phrase renamed to the name it abbreviates."""
    from pathlib import Path

    from tui.pipeline.process import analyze_docs
    from tui.pipeline.read import iter_files, read_file

    seeds = Path(__file__).resolve().parents[1] / "data" / "seeds"
    docs = [doc for path in iter_files([seeds]) for doc in read_file(path)]
    results, _ = analyze_docs(docs)
    results += _analysed("전라남도, 농정 평가 결과 발표\n\n전라남도는 농정업무 평가에서 해남군이 ‘땅끝 햇살 농업’ 사업으로 "
                         "대상을 받았다고 밝혔다. 해남군은 ‘땅끝 햇살 농업’ 사업으로 소득 20억 원을 올렸다.")
    linked = [(c.program, {p.id for p in r.programs}) for r in results for c in r.claims if c.program]
    assert linked and all(program in ids for program, ids in linked)


def test_a_counter_cut_from_its_number_opens_no_program_name():
    assert rejection("개 사업", "np") == "number"  # 22개 사업 → '개 사업'
    assert rejection("곳당 자체 사업", "np") == "number"
    assert rejection("개인택시 지원사업", "np") is None  # a word that only starts like a counter


@pytest.mark.parametrize("text, name", [
    ("구미시는 구미형 팁탑(TipTop) 지원사업을 추진한다.", "구미형 팁탑(TipTop) 지원사업"),  # a coined -형 word is no official's name
    ("군은 전기수(傳奇叟) 재현 프로그램을 운영한다.", "전기수(傳奇叟) 재현 프로그램"),
    ("시는 지역혁신중심 대학지원체계(RISE, 이하 라이즈) 사업에 선정됐다.", "지역혁신중심 대학지원체계(RISE, 이하 라이즈) 사업"),
])
def test_a_gloss_in_brackets_inside_a_name_stays_in_it(text, name):
    candidate_in(text, name)


def test_a_note_of_an_amount_in_brackets_is_no_gloss():
    gaz = gazetteer()
    text = "시는 청년월세 지원(월 20만 원) 사업을 한다."
    names = [c.mention.name for c in candidates(text, split_sentences(get_kiwi(), text), gaz.agency_words,
                                                 gaz.place_names)]
    assert not any("(" in n for n in names)


@pytest.mark.parametrize("text, found", [
    ("구는 ‘마을돌봄센터’를 개소했다.", ["마을돌봄센터"]),  # a place that serves
    ("시는 지난해 ‘청년정책 추진위원회’를 출범시켰다.", []),  # a body of people, though launched
    ("1933년 ‘녹화협회’가 설립돼 나무를 심었다.", []),
    ("검찰은 ‘범죄수익환수부’를 신설했다.", []),
])
def test_a_launched_body_of_people_is_an_organisation_still(text, found):
    assert programs_in(text) == found
