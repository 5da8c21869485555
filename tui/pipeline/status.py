"""Whether a claim is achieved, ongoing or planned, from the predicate's morphemes (kiwipiepy tokens)."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.pipeline.logistic import (
    MultinomialModel,
    letter_grams,
    stored_multinomial,
    word_starts,
)
from tui.pipeline.speech import quotes

FUTURE = re.compile(r"오는\s?\d{1,2}[월일]|내년|향후|앞으로|오는 \d|다음 달|다음달|\d{1,2}[월일]부터|\d{1,2}일까지")
NOTICE = re.compile(r"모집|접수|신청|참가자|선착순|공모한다|개최한다|열린다|진행된다|운영한다")


def _predicate_region(tokens, text: str, offset: int, spans=()) -> tuple[list, str]:
    """Return the tokens and text of the clause that carries the claim: the quoted statement holding the
    claim's first value when it sits in reported speech, else the whole sentence."""
    first = spans[0].start - offset if spans else None
    for q_start, q_end, speech in quotes(text):
        if speech and first is not None and q_start <= first < q_end:
            inner = [t for t in tokens if offset + q_start < t.start < offset + q_end - 1]
            if inner:
                return inner, text[q_start + 1: q_end - 1]
    return list(tokens), text


MEASURED = re.compile(r"(?:추산|집계|분석|추정|파악|확인|조사)되|나타나")  # a result as measured or estimated
# (개소 after a number is the counter of places, 200개소, not an opening)
ACHIEVED_WORDS = re.compile(r"달성|확보|수상|선정|유치|(?<!\d)(?<!\d\s)개소|개관|준공|완료|돌파|기록|지정|획득|출범|체결|개통|착공")
# 선제대응지역 지정 이후 … 추진하고 있다: an achievement word that only dates what the sentence says
SINCE = re.compile(r"\s?(?:이후|이래|직후|후에?|당시)(?=\s|,|$)")


# 선정한다, 확보할, 유치하기 위해, 유치에 나선다: the word names an act still to be done, whose tense is the predicate's
# (a past tense elsewhere in the sentence still makes it achieved). A connective (선정해, 확보하는 등) is not here: it
# runs on to a predicate that mostly reports the act done.
NOT_DONE = re.compile(r"\s?(?:(?:하|되)(?:기|겠|려|고자|도록)|한다|된다|할|될|"
                      r"(?:을|를|에)\s?(?:위해|위한|목표|목표로|앞두|앞둔|나서|나선|나설|도전))")


def _achievement_word(text: str) -> bool:
    """Return True when an achievement word is what the clause says happened, not the time it counts from nor an
    act still to be done."""
    return any(not SINCE.match(text, m.end()) and not NOT_DONE.match(text, m.end())
               for m in ACHIEVED_WORDS.finditer(text))


REPORTING = frozenset({"밝히", "전하", "말하", "알리", "덧붙이", "설명", "발표", "강조", "소개", "공개", "예고"})


def _reported(core: list) -> list:
    """Return the tokens of the statement a sentence reports (…지원한다고 24일 밝혔다 → …지원한다고), or the
    tokens unchanged: the reporting verb's own past tense says when it was announced, not whether the thing
    announced is done."""
    for i in range(len(core) - 1, max(len(core) - 9, 0), -1):
        tok = core[i]
        if tok.tag == "EC" and (tok.form.endswith("다고") or tok.form in ("라고", "이라고")):
            after = core[i + 1:]
            if any(t.form in REPORTING and t.tag in ("VV", "NNG") for t in after) and all(
                    t.tag in ("SN", "NNB", "NNG", "XSV", "VV", "VX", "VA", "EP", "EF", "ETM", "MAG", "JKB", "NNP",
                              "JX", "JKS", "XSN")
                    for t in after):
                return core[:i + 1]
            return core
    return core


def status_of(tokens, text: str, offset: int = 0, spans=(), announcing: bool = False,
              previous: str | None = None) -> str:
    """Return achieved / ongoing / planned from the predicates' morphemes (kiwipiepy tokens).

    The final predicate decides plans (겠, 예정, 계획, ㄹ 것) and explicit progress (추진 중); otherwise any past
    tense or completed modifier (지급한, 거머쥔) or an achievement word (달성, 확보, 선정 …) makes it achieved;
    '-고 있다' is ongoing; a bare present tense is planned in announcements (the sentence's, or the article's
    when its headline announces something to come or it proposes a budget: `announcing`) and ongoing elsewhere.
    A reported statement (…한다고 밝혔다, …라고 병원 측은 밝혔다) is judged by its own predicate, a decision (…하기로
    했다) and a forecast (…할 것으로 나타났다, …만명으로 전망됐다) are plans. A stated fact (…이다) is a result
    when it names its time or a rank, a record or a prize, else a state (ongoing), unless it breaks down the
    figures of the sentence before it: then it takes that sentence's status (`previous`).
    """
    region, region_text = _predicate_region(tokens, text, offset, spans)
    core = [t for t in region if not t.tag.startswith("S") or t.tag == "SN"]
    reported = _reported(core)
    stated = len(reported) < len(core)  # a reported statement: its 다고 ends it as 다 ends a sentence
    core = [t for t in reported if t.tag != "SN"]
    if spans and _local_clause_achieved(core, spans[0].end):
        return "achieved"  # 222만명을 기록함에 따라 … 기대: the value's own clause is done, whatever comes next
    tail = core[-8:]
    forms = [(t.form, t.tag) for t in tail]
    tags = [tag for _, tag in forms]
    words = "".join(f for f, _ in forms)
    if any(f == "겠" and tag == "EP" for f, tag in forms):
        return "planned"
    if EXPECTED.search(region_text) and not _has_past(core[: _expectation_start(core)]) or _forecast(core):
        return "planned"  # 5억원을 돌파할 것으로 동구는 전망했다: an expectation, whoever voices it
    if DECIDED.search(words) and not re.search(
            r"(투자|유치|기부|기탁|출자|출연|쏟아\s?붓)하?[기키]\s?로", region_text):
        return "planned"  # 지급하기로 했다: decided, not done (a company's pledge to invest is the achievement)
    if re.search(r"(예정|계획|방침|목표|전망|기대|예상)(이|하|되|으로|로)?", words[-8:]) and (
            "EP" not in tags[-3:] or re.search(r"(?:예정|계획)이었다$", words)):
        return "planned"  # …할 예정이었다: what was to be done, not what was
    if any(f in ("ᆯ", "을", "ㄹ") and tag == "ETM" for f, tag in forms[-7:]) and "것" in words[-7:]:
        return "planned"
    if PLANNED_LINK.search(region_text) and not _has_past(core):
        return "planned"  # … 부스가 운영될 예정으로, 역대 최대 규모다: the plan the sentence runs on from
    if re.search(r"(?:준공|완공|개통|완료|착공)\s?예정", region_text) and not _has_past(core[-4:]):
        return "planned"  # 27년 8월 준공 예정으로 … 소요된다
    if re.search(r"중(이|에)", words[-5:]):
        return "ongoing"
    if spans and _progressive(tail) and not _done_after(core, text, spans[0].end - offset, spans[0].end) \
            and not RESULT_TIME.search(region_text) and not ELAPSED.search(region_text) and not MEASURED.search(words):
        return "ongoing"  # 공모에 선정돼 … 총 3억 원을 투입해 추진하고 있다: the value runs on to a predicate in progress;
        # a past or an achievement word before the value does not make it done
    if _has_past(core) or _achievement_word(region_text) or MEASURED.search(words):
        return "achieved"  # …으로 추산된다, 집계된다: a figure found, in the present tense of reports
    ends = stated or any(t.tag == "EF" for t in core)
    if spans and any(sp.kind in ("award", "first") for sp in spans) and not ends:
        return "achieved"  # a headline-style line: '…4년 연속 대상', '전국 최초 …
    if "고" in words and "있" in words[-4:]:
        return "ongoing"
    if FUTURE.search(region_text) or NOTICE.search(words):
        return "planned"
    if not ends or (tags[-2:] and "VCP" in tags[-3:] and (
            RESULT_TIME.search(region_text) or any(sp.kind in ("rank", "first", "award") for sp in spans))):
        return "achieved"  # a verbless line, or a result stated (…전국 1위다, 지난해 61만명이다)
    if tags[-2:] and "VCP" in tags[-3:] and previous:
        return previous  # 내국인은 …명, 외국인은 …명이다: the figures of the sentence before, broken down
    if _acts_in_present(core):
        return "planned"  # 최종 30명을 선발한다, 국비 150억원을 투입해 … 조성한다: an act the agency schedules, to come
    # a state stated (인구는 …명이다, 입장료는 …원이다) is ongoing, as a bare present tense is
    return "planned" if announcing else "ongoing"


def _acts_in_present(core) -> bool:
    """Return True when the sentence ends in the plain present of an act an agency schedules (선발한다, 지급한다,
    조성한다, 연다), which a body uses for what is still to come; a state's verbs (차지한다, 웃돈다) are not acts."""
    efs = [i for i, t in enumerate(core) if t.tag == "EF"]
    if not efs:
        return False
    i = efs[-1]
    if core[i].form not in ("ᆫ다", "는다", "ㄴ다"):
        return False
    prev = core[i - 1] if i else None
    if prev is None:
        return False
    stem = core[i - 2].form if prev.tag == "XSV" and i >= 2 else prev.form
    return prev.tag in ("XSV", "VV") and stem in SCHEDULED


# acts an agency schedules, told in the plain present of a body when they are still to come
SCHEDULED = frozenset({"선발", "개최", "열", "시행", "착수", "투입", "지급", "배부", "모집", "진행", "실시", "펼치",
                       "마련", "조성", "건립", "설치", "구축", "도입", "시작", "출범", "발표", "선보이", "연장",
                       "확대", "편성", "집행", "추진", "전달", "공급", "발행", "부과", "배치", "개설"})


EXPECTED = re.compile(r"(?:ㄹ|을|할|될|릴|날|갈|올|질|칠)\s것으로\s(?:[^\s,.]+\s){0,3}?(?:전망|예상|예측|내다|기대|추산|관측|보고\s있|보인다|보고)")


FORECASTS = frozenset({"전망", "예상", "예측", "관측", "내다보"})


def _forecast(core) -> bool:
    """Return True when the sentence ends in a forecast: …할 것으로 나타났다 (a future modifier before 것으로 and
    the predicate after it), …하는 것으로 전망됐다, …만명으로 예상된다, …라는 전망이 나왔다."""
    tail = core[-9:]
    for i, tok in enumerate(tail):
        after = tail[i + 1: i + 5]
        if tok.form == "으로" and tok.tag == "JKB":
            if any(t.form in FORECASTS for t in after):
                return True
            if i >= 2 and tail[i - 1].form == "것" and tail[i - 2].tag == "ETM" and tail[i - 2].form in ("ᆯ", "을") \
                    and any(t.tag in ("VV", "XSV") for t in after):
                return True
        if tok.form in FORECASTS and tok.tag == "NNG" and after[:2] and after[0].tag == "JKS" \
                and after[1].form == "나오":
            return True
    return False


RESULT_TIME = re.compile(r"지난해|작년|지난\s?\d|\d{4}년|역대|이번|기간|누적|분기|당시|그동안|지금까지|현재까지|"
                         r"[상하]반기|연간|한\s?해")


ELAPSED = re.compile(r"\d\s?(?:개월|년|주|일|달)\s?만에|(?:한|두|세|네|다섯|여섯)\s?(?:달|해)\s?만에")  # 11개월 만에: a result's time


def _expectation_start(core) -> int:
    """Return the index of the token of '것' in an expectation (…할 것으로 전망했다), or the length."""
    for i in range(len(core) - 1, -1, -1):
        if core[i].form == "것":
            return i
    return len(core)


PLANNED_LINK = re.compile(r"(?:을|할|될|갈|올|릴)\s(?:예정|계획)(?:으로|이며|이고|이어서|인데)[,\s]")
DECIDED = re.compile(r"[기키]로(하|결정|합의|뜻을)")  # 지급하기로 했다: a decision, not yet done
CLAUSE_LINKS = frozenset({"며", "고", "면서", "어서", "아서", "어", "아", "서", "는데", "지만", "으며", "으면서", "니",
                          "다고", "라고", "자고", "냐고", "다며", "라며"})


def _local_clause(tokens, value_end: int) -> list:
    """Return the tokens after a value up to the end of its own clause (a clause link, a sentence ending, or nine
    tokens)."""
    local = []
    for tok in tokens:
        if tok.start < value_end:
            continue
        local.append(tok)
        if tok.tag == "EC" and tok.form in CLAUSE_LINKS or tok.tag == "EF" or len(local) > 8:
            break
    return local


def _progressive(tail) -> bool:
    """Return True when a sentence ends in the present progressive (추진하고 있다, 운영되고 있으며), not its past
    (운영하고 있었다)."""
    for i in range(len(tail) - 1, 0, -1):
        if tail[i].form == "있" and tail[i].tag in ("VX", "VV", "VA") and tail[i - 1].form == "고" \
                and tail[i - 1].tag == "EC":
            return not any(t.tag == "EP" for t in tail[i + 1:])
    return False


def _done_after(tokens, text: str, end: int, value_end: int) -> bool:
    """Return True when a past or completed predicate or an achievement word follows a value (…을 확보하는 등 …
    이어가고 있다: what the sentence reports is done, whatever its last predicate); end indexes text, value_end
    the tokens' offsets."""
    return _has_past([t for t in tokens if t.start >= value_end]) or _achievement_word(text[end:])


def _local_clause_achieved(tokens, value_end: int) -> bool:
    """Return True when the clause right after a value ends in a past or completed predicate (확보했으며,
    기록함에 따라, 받은) before any other clause begins."""
    local = _local_clause(tokens, value_end)
    if any(t.tag == "EP" and t.form == "겠" for t in local) or DECIDED.search("".join(t.form for t in local)):
        return False
    if any(t.form in FORECASTS or t.form in ("예정", "계획") for t in local):
        return False  # 1115만명으로 전망됐고: a forecast, in the past tense of its report
    if _has_past(local):
        return True
    return any(t.tag == "ETN" and t.form in ("ᆷ", "음") for t in local) and any(
        ACHIEVED_WORDS.fullmatch(t.form) for t in local)  # 기록함에 따라; not 달성하기 위해, a purpose


# verbs whose completed modifier is a fixed link or a state, not an act done (…을 위한, …에 따른, 인접한)
LINKING = frozenset({"위하", "대하", "통하", "따르", "관하", "인하", "의하", "향하", "비롯하", "관련", "인접", "속하",
                     "위치", "해당", "불과", "거주", "소재", "걸치", "이르"})


def _has_past(tokens) -> bool:
    """Return True for a past-tense ending or a completed modifier (했다, 지급한, 거머쥔) among the tokens."""
    previous = None
    stem = ""
    for tok in tokens:
        if tok.tag == "EP" and tok.form in ("었", "았", "였", "ᆻ"):
            return True
        if tok.tag == "ETM" and tok.form in ("ᆫ", "은") and previous in ("VV", "XSV", "VX") and stem not in LINKING:
            return True
        if tok.tag in ("VV", "NNG", "XR"):
            stem = tok.form
        elif tok.tag != "XSV":
            stem = ""
        previous = tok.tag
    return False


# (계획 that is what was evaluated or approved is no plan of the headline's: 투자계획 평가 A등급, 시행계획 우수기관)
HEADLINE_PLANNED = re.compile(r"계획(?!\s?(?:평가|수립|승인|심사|우수|최우수|부문|분야|실적))|예정|추진한다|나선다|나서|키로|기로|할 것|앞둬|앞두고|목표|기대|전망|모집|도전|연다|펼친다|"
                              r"개최한다|시행한다|운영한다|착수|추진$")
# next year's spending announced (제주도, 내년 축산분야 1095억 원 투자): a plan, where 내년 alone is not (내년 국비 확보)
NEXT_YEAR_SPENDING = r"(?:내년|새해)\s[^,]{0,30}?\d[\d,.]*\s?[조억만천]*\s?원\s?(?:을\s|를\s)?(?:투자|투입|지원|편성)(?:한다)?$"
HEADLINE_FUTURE = re.compile(r"\d{1,2}[월일]부터|오는\s?\d|다음\s?달|" + NEXT_YEAR_SPENDING)  # a start date, or the above
HEADLINE_ONGOING = re.compile(r"(?:추진|운영|진행)\s?중|이어가|순항")


ANNOUNCING = re.compile(r"\d{1,2}[월일]부터|오는\s?\d|다음\s?달|(?:시행|도입|지원|지급|개최|시작|운영)한다|모집|연다|"
                        r"(?:시행|도입|지급|지원)\s?(?:키로|기로|추진|예정|계획)|" + NEXT_YEAR_SPENDING)


def headline_status(text: str, body: str | None = None) -> str:
    """Return the status of a title or deck line from its words (headlines are mostly verbless statements of
    results: '국비 33억 확보'; a plan or a call says so: '…나선다', '…모집', '…추진 계획', '…3월부터 시행').
    body is the status of the body's sentence that states the line's values, when one does: a line whose words
    say nothing of its time (…신입생 4만 1000명에 교복비 125억 지원) takes the body's tense, which does."""
    quoted = text.rstrip(" .…").endswith(("”", "\"", "’", "'", "」", "』"))  # …“나 혼자 산다”: a saying quoted
    text = _bare(text)
    if HEADLINE_ONGOING.search(text):
        return "ongoing"
    if HEADLINE_PLANNED.search(text):
        return "planned"
    if not quoted and _plain_present(text):
        return "planned"  # 전문의 20명 확보한다, 버스 55대 줄인다: a headline's plain present announces
    if ACHIEVED_WORDS.search(text):
        return "achieved"  # 내년 국비 7조 확보: next year's money, secured now
    if HEADLINE_FUTURE.search(text):
        return "planned"
    return body or "achieved"


# The agency's own budget proposal, drawn up and before its council (…이 편성한 ‘2026년도 예산안’에 대한 군의회
# 심의; 추경예산안을 편성, 도의회에 제출한다): its lines are what the agency plans to spend, whatever the tense
# (…등을 반영했다), until the council adopts it. Not the government's budget bill in which the agency secured money.
PROPOSAL = re.compile(r"예산안|추경안|추가경정\s?예산안|추경\s?예산안")
DRAWN_UP = re.compile(r"편성|의회에\s?제출|의회\s?심의|심의(?:가|를)?\s?(?:앞두|열리|진행|받)")
NOT_OWN_OR_ADOPTED = re.compile(r"의결|통과|가결|확정(?:됐|되었|했|하였|된|한)|(?:정부|국가|국회)\s?예산안|국비|정부안")
# Money secured from outside, which stays achieved in a proposal (국비 30억 원을 확보해 반영했다).
SECURED = re.compile(r"확보|유치|국비|도비|국·도비|교부")


def proposes_budget(lead: str) -> bool:
    """Return True when an article's title, deck and lead report the agency's budget proposal, drawn up and not
    yet adopted (PROPOSAL near DRAWN_UP, and nothing near it says the council passed it or that it is the
    government's budget bill)."""
    for m in PROPOSAL.finditer(lead):
        near = lead[max(0, m.start() - 40): m.end() + 40]
        if DRAWN_UP.search(near) and not NOT_OWN_OR_ADOPTED.search(near):
            return True
    return False


def in_proposal(status: str, text: str) -> str:
    """Return the status of a claim in an article proposing a budget: planned, unless it is money secured from
    outside or already planned or running."""
    return "planned" if status == "achieved" and not SECURED.search(text) else status


def _plain_present(line: str) -> bool:
    """Return True when a line ends in a verb's plain present (확보한다, 줄인다, 들어선다, 먹는다): the last
    syllable before 다 closes with ㄴ."""
    if len(line) < 2 or line[-1] != "다":
        return False
    code = ord(line[-2]) - 0xAC00
    return 0 <= code < 11172 and code % 28 == 4


def announces(title: str) -> bool:
    """Return True when a headline announces something still to come, a scheme starting or a call
    ('…3월부터 시행', '…지원한다', '…지급 추진', '…모집'): then the body's plain present tense describes what is
    planned, not what runs already. Expectations ('…돌파 기대') do not count: their bodies report results."""
    return bool(ANNOUNCING.search(_bare(title))) and headline_status(title) == "planned"


def _bare(line: str) -> str:
    """Return a headline without the quote marks and punctuation that close it (…“… 지원 추진”)."""
    return line.rstrip(" \"'”’」』)…·.")


# The status model (data/status_model.json, trained by tests/train_status.py on the tune splits of the labelled
# sets) reads a body claim's status again after the rules: a multinomial logistic model over the rules' status and
# the words after each value and at the sentence's end (status_features), its scores averaged over the claim's
# values. The rules read the predicate; the model weighs, from what readers labelled, how far the words bear them out.
STATUS_MODEL = "status_model.json"
AFTER = 30  # characters after a value whose letter pairs and triples are features
END = 12  # characters at the sentence's end whose letter pairs and triples are features


@lru_cache(maxsize=1)
def status_model() -> tuple[MultinomialModel, float] | None:
    """Return the status model and the margin by which a status must outscore the rules' to replace it, or None
    when no model is stored."""
    stored = stored_multinomial(STATUS_MODEL)
    if stored is None:
        return None
    model, data = stored
    return model, float(data["margin"])


def status_features(text: str, start: int, end: int, kind: str, rule: str) -> list[str]:
    """Return the names of the status model's features of a value at text[start:end] in its sentence: the rules'
    status, the value's kind, the letter pairs and triples of the words after it and of the sentence's end, and the
    first two letters of each word of the sentence."""
    out = [f"r={rule}", f"k={kind}", f"rk={rule}|{kind}"]
    after = text[end: end + AFTER]
    tail = text.rstrip(" .\"'”’")[-END:]
    out += letter_grams(after, "a") + letter_grams(tail, "e")
    return [*dict.fromkeys(out), *word_starts(text, "w")]


def refine_status(spans, text: str, offset: int, status: str) -> str:
    """Return a body claim's status as the status model reads it over the claim's values (spans, offsets of
    offset + index into text), given the rules' status (the rules' when no model is stored or no value)."""
    stored = status_model()
    if stored is None or not spans:
        return status
    model, margin = stored
    totals = dict.fromkeys(model.classes, 0.0)
    for span in spans:
        for name, score in model.totals(status_features(text, span.start - offset, span.end - offset, span.kind,
                                                        status)).items():
            totals[name] += score / len(spans)
    return model.choose(totals, model.classes, status, margin)
